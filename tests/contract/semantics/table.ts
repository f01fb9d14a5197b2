/**
 * The semantics table of emulator/README.md, rendered from the cases of the semantics suite so
 * the two cannot drift (tests/contract/semantics.test.ts compares them).
 *
 *   npx tsx tests/contract/semantics/table.ts             # the README table, for between its markers
 *   npx tsx tests/contract/semantics/table.ts --summary   # the ADR 0015 agreement paragraph
 */

/** How the emulator answers a case compared with CloudBase's documented behaviour. */
export type SemanticsStatus = 'supported' | 'differs' | 'not supported';

/** One row of the table: what CloudBase documents, and how the emulator answers it. */
export interface SemanticsRow {
  /** Stable id, e.g. `query.elemMatch`. */
  id: string;
  area: 'query' | 'read' | 'update' | 'stage' | 'operator' | 'accumulator' | 'geo' | 'transaction' | 'type' | 'error';
  /** The SDK call, e.g. `_.elemMatch({…})`. */
  feature: string;
  status: SemanticsStatus;
  /** For `differs`: how; for `not supported`: the error; otherwise empty. */
  note?: string;
  /** True when the case asserts emulator-only behaviour (skipped against real CloudBase). */
  emulatorOnly?: boolean;
  /**
   * True when CloudBase's own answer for this row (usually the exact error) has not been confirmed
   * in its documentation or against a real environment: the emulator follows the documentation's
   * words or MongoDB's behaviour there. Counted as a disagreement in the agreement figure.
   */
  cloudbaseUnverified?: boolean;
}

/** Markers around the generated table in emulator/README.md. */
export const TABLE_START = '<!-- semantics-table:start -->';
export const TABLE_END = '<!-- semantics-table:end -->';
/** Markers around the generated agreement paragraph in docs/adr/0015-faithful-emulator.md. */
export const SUMMARY_START = '<!-- semantics-summary:start -->';
export const SUMMARY_END = '<!-- semantics-summary:end -->';

const AREA_TITLES: Record<SemanticsRow['area'], string> = {
  query: 'Query commands',
  read: 'Reading',
  update: 'Update commands',
  stage: 'Aggregation stages',
  operator: 'Aggregation operators',
  accumulator: 'Accumulators',
  geo: 'Geo',
  transaction: 'Transactions',
  type: 'Data types',
  error: 'Errors',
};

/** Counts per status. */
export function tally(rows: SemanticsRow[]): Record<SemanticsStatus, number> {
  const out: Record<SemanticsStatus, number> = { supported: 0, differs: 0, 'not supported': 0 };
  for (const r of rows) out[r.status] += 1;
  return out;
}

/**
 * The share of rows where the emulator agrees with CloudBase, counting every documented difference
 * and every row whose CloudBase answer is unverified as a disagreement, in percent (one decimal).
 */
export function agreement(rows: SemanticsRow[]): { agreeing: number; unverified: SemanticsRow[]; percent: string } {
  const unverified = rows.filter((r) => r.cloudbaseUnverified);
  const agreeing = rows.filter((r) => r.status !== 'differs' && !r.cloudbaseUnverified).length;
  return { agreeing, unverified, percent: ((agreeing / rows.length) * 100).toFixed(1) };
}

/** The ADR's agreement paragraph (between the summary markers), from the same rows as the table. */
export function renderSummary(rows: SemanticsRow[]): string {
  const t = tally(rows);
  const a = agreement(rows);
  const ids = a.unverified.map((r) => `\`${r.id}\``).join(', ');
  const emulatorOnly = rows.filter((r) => r.emulatorOnly).length;
  const known = rows.length - a.unverified.length;
  return (
    `Agreement today (generated from the cases): ${rows.length} cases — ${t.supported} supported, ` +
    `${t['not supported']} refused, ${t.differs} documented differences; ${emulatorOnly} of them run on the ` +
    `emulator only. ${a.unverified.length} rows give an answer whose CloudBase equivalent is unverified ` +
    `(${ids}). Counting every difference and every unverified row as a disagreement, ${a.agreeing} of ` +
    `${rows.length} cases agree: ${a.percent} %. Of the ${known} rows whose CloudBase answer is known, ` +
    `${a.agreeing} agree: ${((a.agreeing / known) * 100).toFixed(1)} %.`
  );
}

/** The markdown between the markers: a summary line, then one table per area. */
export function renderTable(rows: SemanticsRow[]): string {
  const t = tally(rows);
  const lines = [
    `${rows.length} cases: ${t.supported} supported, ${t.differs} differ, ${t['not supported']} not supported. ` +
      'Each row is one case of `tests/contract/semantics.test.ts`, run through the SDK.',
    '',
  ];
  for (const area of Object.keys(AREA_TITLES) as Array<SemanticsRow['area']>) {
    const mine = rows.filter((r) => r.area === area);
    if (mine.length === 0) continue;
    lines.push(`#### ${AREA_TITLES[area]}`, '', '| case | SDK | emulator | notes |', '| --- | --- | --- | --- |');
    for (const r of mine) {
      const note = [
        r.note ?? '',
        r.cloudbaseUnverified ? '(CloudBase’s own answer unverified)' : '',
        r.emulatorOnly ? '(emulator-only test)' : '',
      ]
        .filter(Boolean)
        .join(' ');
      lines.push(`| \`${r.id}\` | ${r.feature.replace(/\|/g, '\\|')} | ${r.status} | ${note.replace(/\|/g, '\\|')} |`);
    }
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

if ((require as unknown as { main?: unknown }).main === module) {
  // Loaded lazily: the cases import the SDK helpers only a test run needs.
  void import('./cases').then(({ CASES }) => {
    console.log(process.argv.includes('--summary') ? renderSummary(CASES) : renderTable(CASES));
  });
}

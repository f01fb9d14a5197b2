import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accumulatorFixture, CASES, geoFixture, GEO, operatorFixture, queryFixture, SEM } from './semantics/cases';
import { renderSummary, renderTable, SUMMARY_END, SUMMARY_START, TABLE_END, TABLE_START } from './semantics/table';
import { itEmulatorOnly, PROJECT_ROOT, useContract } from './support';

/**
 * CloudBase's documented semantics, case by case, through the real SDK: every row of the table in
 * emulator/README.md is one test here. Against real CloudBase (TCB_ENV etc.) the same cases run
 * there, except the ones marked emulator-only.
 */
const ctx = useContract();

describe('semantics table (emulator/README.md)', () => {
  beforeAll(async () => {
    await ctx.db
      .collection(SEM)
      .add([...queryFixture(ctx.run), operatorFixture(ctx.run), ...accumulatorFixture(ctx.run)]);
    await ctx.db.collection(GEO).add(geoFixture(ctx.run, ctx.db));
    ctx.cleanupLater(GEO, { run: ctx.run });
    ctx.cleanupLater('contract_geo_two', { run: ctx.run });
  }, 60_000);

  for (const c of CASES) {
    const title = `${c.id}: ${c.feature.replace(/`/g, '')} → ${c.status}`;
    (c.emulatorOnly ? itEmulatorOnly : it)(title, () =>
      c.check({ db: ctx.db, run: ctx.run, id: (name) => `${ctx.run}-${c.id}-${name}` }),
    );
  }

  it('the README table is exactly the table these cases render', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'emulator', 'README.md'), 'utf8');
    const start = readme.indexOf(TABLE_START);
    const end = readme.indexOf(TABLE_END);
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start + TABLE_START.length, end).trim()).toBe(renderTable(CASES));
  });

  it('ADR 0015 states the agreement these cases render (counts, unverified rows, percentage)', () => {
    const adr = readFileSync(join(PROJECT_ROOT, 'docs', 'adr', '0015-faithful-emulator.md'), 'utf8');
    const start = adr.indexOf(SUMMARY_START);
    const end = adr.indexOf(SUMMARY_END);
    expect(start).toBeGreaterThan(0);
    expect(adr.slice(start + SUMMARY_START.length, end).trim()).toBe(renderSummary(CASES));
  });

  it('case ids are unique', () => {
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
  });
});

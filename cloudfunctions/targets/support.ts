import { createHash, createHmac } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { ReadPurpose, ReadReason } from '../../shared/domain/targets';
import type { VisitPolicy } from '../../shared/domain/visit-plan';
import { requireUser, type Caller } from '../core/caller';
import type { Deps } from '../core/deps';
import type { AuditDoc, StationDoc } from '../core/documents';
import type { TargetDoc, TargetSpan } from '../core/documents/targets';
import { appendAudit } from '../core/repositories/audit';
import { findStation } from '../core/repositories/stations';
import type { SensitiveReader } from '../core/repositories/targets';
import { findVisitPolicy } from '../core/repositories/visit-policies';
import { secretFor } from '../core/secrets';

/** The most spans a record keeps (moves, tier and category changes); years of changes in practice. */
export const MAX_SPANS = 60;
/** The most volunteers paired with one record. */
export const MAX_PAIRED_VOLUNTEERS = 5;

/** The reader of sensitive records for this request: the signed-in caller, a purpose, the clock. */
export function readerFor(
  deps: Deps,
  caller: Caller,
  purpose: ReadPurpose,
  extra: { reason?: ReadReason | null; at?: Date } = {},
): SensitiveReader {
  return { caller: requireUser(caller), purpose, now: deps.now(), ...extra };
}

/**
 * Whose caseload a list or count is limited to: a named worker, else the reader with `mine`, else
 * nobody's (the whole subtree). The rows stay those of the reader's subtree either way.
 */
export function caseloadOf(
  reader: SensitiveReader,
  filter: { mine: boolean; responsibleWorkerId?: string },
): string | undefined {
  return filter.responsibleWorkerId ?? (filter.mine ? reader.caller.userId : undefined);
}

/** A station by id: NOT_FOUND when absent (access is decided by the caller's next step). */
export async function existingStation(deps: Deps, stationId: string): Promise<StationDoc> {
  const station = await findStation(deps.db, stationId);
  if (!station) throw new AppError('NOT_FOUND', { userMessage: '站点不存在' });
  return station;
}

/** The centre's visit policy for a station (one read; defaults when the centre has not set one). */
export async function policyFor(deps: Deps, centerId: string): Promise<VisitPolicy> {
  return (await findVisitPolicy(deps.db, centerId)).policy;
}

/** Keyed hash (HMAC-SHA256 with the ID-hash key) of normalised personal text: dedupe without the text. */
export function keyedHash(text: string): string {
  return createHmac('sha256', secretFor('id-hash')).update(`target:${text}`).digest('hex');
}

/** SHA-256 of a value's canonical JSON (keys sorted), so equal requests give equal fingerprints. */
export function fingerprint(value: unknown): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === 'object' && !(v instanceof Date)) {
      return Object.fromEntries(
        Object.keys(v as Record<string, unknown>)
          .sort()
          .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(value)))
    .digest('hex');
}

/** Targets live at 站 and 室; a 中心 only oversees them. */
export function assertTargetStation(station: StationDoc): void {
  if (station.tier === 'center')
    throw new AppError('RULE_VIOLATION', {
      userMessage: '服务对象须登记在社工站或社工室',
      fields: { stationId: '请选择社工站或社工室' },
    });
}

/** The span a record starts (or continues) with at `from`. */
export function spanOf(station: StationDoc, fields: Pick<TargetDoc, 'tier' | 'categories'>, from: Date): TargetSpan {
  return {
    stationId: station._id,
    stationName: station.name,
    stationPath: station.path,
    tier: fields.tier,
    categories: fields.categories,
    from,
    to: null,
    endedBy: null,
  };
}

/** The spans after ending the current one at `at` for `reason` and opening `next` (bounded). */
export function continueSpans(
  spans: readonly TargetSpan[],
  at: Date,
  endedBy: 'change' | 'move' | 'close',
  next: TargetSpan | null,
): TargetSpan[] {
  const out = spans.map((s, i) => (i === spans.length - 1 && s.to === null ? { ...s, to: at, endedBy } : s));
  if (next) out.push(next);
  if (out.length > MAX_SPANS)
    throw new AppError('RULE_VIOLATION', { userMessage: '该档案的变更次数已达上限，请联系区级指导中心' });
  return out;
}

/** Append an audit entry about a target record (no personal details: field names, stations, reasons). */
export function auditTarget(
  deps: Deps,
  entry: Omit<AuditDoc, 'at' | 'entity'> & { entity?: AuditDoc['entity'] },
): Promise<void> {
  return appendAudit(deps.db, { at: deps.now(), entity: 'target', ...entry });
}

/** Refuse changes to a closed record. */
export function assertActive(target: TargetDoc): void {
  if (target.status !== 'active') throw new AppError('TARGET_CLOSED');
}

import type { Database } from '../deps';
import type { AuditDoc } from '../documents';
import { COLLECTIONS, pageOf, type Page, type PageArgs } from './base';

/** Append one audit entry (who, when, what, from → to). The log is never updated or removed. */
export async function appendAudit(db: Database, entry: AuditDoc): Promise<void> {
  await db.collection(COLLECTIONS.auditLog).add(entry);
}

/** Audit entries of some stations, newest first, optionally only actions starting with a prefix. */
export function findAuditPage(
  db: Database,
  filter: { stationIds: string[]; actionPrefix?: string },
  args: PageArgs,
): Promise<Page<AuditDoc>> {
  const _ = db.command;
  const where: Record<string, unknown> = { stationId: _.in(filter.stationIds) };
  if (filter.actionPrefix)
    where.action = db.RegExp({ regexp: `^${filter.actionPrefix.replace(/\./g, '\\.')}`, options: '' });
  return pageOf<AuditDoc>(() => db.collection(COLLECTIONS.auditLog).where(where).orderBy('at', 'desc'), args);
}

import type { Database } from '../deps';
import type { AuditDoc } from '../documents';
import { COLLECTIONS } from './base';

/** Append one audit entry (who, when, what, from → to). The log is never updated or removed. */
export async function appendAudit(db: Database, entry: AuditDoc): Promise<void> {
  await db.collection(COLLECTIONS.auditLog).add(entry);
}

import { DEFAULT_VISIT_POLICY, type VisitPolicy } from '../../../shared/domain/visit-plan';
import type { Database } from '../deps';
import type { VisitPolicyDoc } from '../documents/targets';
import { COLLECTIONS, getById } from './base';

/**
 * Per-centre visit frequency (`visitPolicies`, `_id` = the centre's station id). Kept apart from
 * the station documents: a policy is the centre's decision about its whole district.
 */

/** The centre's policy and whether it is still the default (no document yet). One read. */
export async function findVisitPolicy(
  db: Database,
  centerId: string,
): Promise<{ policy: VisitPolicy; isDefault: boolean }> {
  const doc = await getById<VisitPolicyDoc>(db, COLLECTIONS.visitPolicies, centerId);
  return doc
    ? { policy: { ...DEFAULT_VISIT_POLICY, ...doc.policy }, isDefault: false }
    : { policy: DEFAULT_VISIT_POLICY, isDefault: true };
}

/** Create or replace a centre's policy (the caller audits the change). */
export async function saveVisitPolicy(db: Database, doc: VisitPolicyDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await db.collection(COLLECTIONS.visitPolicies).doc(_id).set(rest);
}

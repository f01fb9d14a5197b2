import type { ReadReason } from '../../../shared/domain/targets';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { fileLinks } from '../../core/repositories/files';
import { readTarget } from '../../core/repositories/targets';
import { toRecord } from '../mappers';
import { policyFor, readerFor } from '../support';

/**
 * One full record for staff of its subtree. Outside one's own caseload the reader must say why
 * (READ_REASON_REQUIRED until they do); the read, its purpose and the reason are logged.
 */
export async function getTarget(deps: Deps, caller: Caller, input: { targetId: string; reason?: ReadReason }) {
  const reader = readerFor(deps, caller, 'record', { reason: input.reason ?? null });
  const { target, access } = await readTarget(deps.db, reader, input.targetId);
  const photo = target.consent.status === 'given' ? target.consent.formPhotoFileId : null;
  const [policy, links] = await Promise.all([
    policyFor(deps, target.centerId),
    photo ? fileLinks(deps, [photo]) : Promise.resolve(new Map<string, string>()),
  ]);
  return toRecord(target, {
    policy,
    now: reader.now,
    userId: reader.caller.userId,
    caseload: access.caseload,
    formPhotoUrl: photo ? (links.get(photo) ?? null) : null,
  });
}

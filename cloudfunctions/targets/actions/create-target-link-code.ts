import { LINK_CODE_TTL_HOURS } from '../../../shared/domain/target-links';
import { maskName } from '../../../shared/domain/privacy';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { TargetLinkCodeDoc } from '../../core/documents';
import { newOneTimeCode, oneTimeCodeId } from '../../core/one-time-codes';
import { insertLinkCode } from '../../core/repositories/target-links';
import { readTarget } from '../../core/repositories/targets';
import { assertActive, auditTarget, readerFor } from '../support';

/**
 * Staff who may edit an active record make a one-time 绑定码 for the person (or a family member):
 * shown this once, valid LINK_CODE_TTL_HOURS, only its keyed digest stored. Redeemed in 我的, it
 * links their account to the record (ADR 0027). The read is logged; the code is audited.
 */
export async function createTargetLinkCode(deps: Deps, caller: Caller, input: { targetId: string }) {
  const staff = requireUser(caller);
  const { target } = await readTarget(deps.db, readerFor(deps, caller, 'edit'), input.targetId);
  assertActive(target);
  const now = deps.now();
  const code = newOneTimeCode();
  const doc: TargetLinkCodeDoc = {
    _id: oneTimeCodeId('target-links', 'tlc', code),
    targetId: target._id,
    stationId: target.stationId,
    stationName: target.stationName,
    stationPath: target.stationPath,
    targetLabel: maskName(target.name),
    status: 'open',
    createdBy: staff.userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + LINK_CODE_TTL_HOURS * 3600_000),
    usedBy: null,
    usedAt: null,
  };
  await insertLinkCode(deps.db, doc);
  await auditTarget(deps, {
    actorId: staff.userId,
    action: 'target.linkCode',
    entityId: target._id,
    stationId: target.stationId,
    from: null,
    to: { codeId: doc._id, expiresAt: doc.expiresAt.toISOString() },
  });
  return { code, targetLabel: doc.targetLabel, expiresAt: doc.expiresAt };
}

import type { Relationship } from '../../../shared/domain/orders';
import { targetLinkId, targetLinkLabel, type TargetLinkRole } from '../../../shared/domain/target-links';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { TargetLinkCodeDoc, TargetLinkDoc } from '../../core/documents';
import { oneTimeCodeId } from '../../core/one-time-codes';
import {
  findLinkCode,
  findTargetLink,
  findTargetStanding,
  insertTargetLink,
  useLinkCode,
} from '../../core/repositories/target-links';
import { auditTarget } from '../support';

/** Why a code cannot be used, in the redeemer's words. */
function refusal(code: TargetLinkCodeDoc, now: Date): AppError {
  if (code.status === 'withdrawn') return new AppError('INVITE_INVALID', { userMessage: '绑定码无效，请向社工核对' });
  if (code.status === 'used') return new AppError('INVITE_USED', { userMessage: '该绑定码已被使用，请向社工重新索取' });
  if (code.expiresAt <= now) return new AppError('INVITE_EXPIRED', { userMessage: '绑定码已过期，请向社工重新索取' });
  return new AppError('CONFLICT');
}

/**
 * A resident redeems a 绑定码 in 我的, as 本人 or as 家属 (with the relationship): one conditional
 * write uses the code (single use, before it expires), then the link row — id fixed by target and
 * account — is written once. A closed record cannot be linked. Asking again with the same code
 * answers the same link. Audited. The answer names the record only masked (王*).
 */
export async function redeemTargetLinkCode(
  deps: Deps,
  caller: Caller,
  input: { code: string; role: TargetLinkRole; relationship?: Relationship },
) {
  const user = requireUser(caller);
  const now = deps.now();
  const codeId = oneTimeCodeId('target-links', 'tlc', input.code);
  const code = await findLinkCode(deps.db, codeId);
  if (!code) throw new AppError('INVITE_INVALID', { userMessage: '绑定码无效，请向社工核对' });
  const linkId = targetLinkId({ targetId: code.targetId, userId: user.userId });
  if (code.status === 'used' && code.usedBy === user.userId) {
    const existing = await findTargetLink(deps.db, linkId);
    if (existing) return answer(code, existing);
  }
  if (code.status !== 'open' || code.expiresAt <= now) throw refusal(code, now);
  const target = await findTargetStanding(deps.db, code.targetId);
  if (!target) throw new AppError('INVITE_INVALID', { userMessage: '绑定码无效，请向社工核对' });
  if (target.status !== 'active') throw new AppError('TARGET_CLOSED');
  if (!(await useLinkCode(deps.db, { codeId, userId: user.userId, now }))) {
    const current = await findLinkCode(deps.db, codeId);
    throw current ? refusal(current, now) : new AppError('INVITE_INVALID');
  }
  const link: TargetLinkDoc = {
    _id: linkId,
    targetId: target._id,
    userId: user.userId,
    role: input.role,
    relationship: input.role === 'family' ? (input.relationship ?? null) : null,
    codeId,
    linkedAt: now,
  };
  // Linked before by another code: that link stands (one per target and account).
  const stored = (await insertTargetLink(deps.db, link)) ? link : ((await findTargetLink(deps.db, linkId)) ?? link);
  await auditTarget(deps, {
    actorId: user.userId,
    action: 'target.link',
    entityId: target._id,
    stationId: target.stationId,
    from: null,
    to: { role: stored.role, relationship: stored.relationship, codeId },
  });
  return answer({ ...code, stationName: target.stationName }, stored);
}

function answer(code: TargetLinkCodeDoc, link: TargetLinkDoc) {
  return {
    targetLabel: code.targetLabel,
    stationName: code.stationName,
    role: link.role,
    relationship: link.relationship,
    label: targetLinkLabel(link),
    linkedAt: link.linkedAt,
  };
}

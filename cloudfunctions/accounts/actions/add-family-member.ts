import type { z } from 'zod';
import type { TMe, ZAddFamilyMemberRequest } from '../../../shared/contracts/accounts';
import { MAX_FAMILY_MEMBERS } from '../../../shared/domain/booking';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { FamilyMember } from '../../core/documents';
import { replaceFamilyIfUnchanged } from '../../core/repositories/users';
import { findVolunteer } from '../../core/repositories/volunteers';
import { toMe } from '../mappers';
import { memberIdFor } from '../member-id';

/**
 * Add a family member the caller books for: one compare-and-set write of the family list, at most
 * `MAX_FAMILY_MEMBERS`, and never the same person (same name) twice.
 */
export async function addFamilyMember(
  deps: Deps,
  caller: Caller,
  input: z.output<typeof ZAddFamilyMemberRequest>,
): Promise<TMe> {
  const { user } = requireUser(caller);
  const now = deps.now();
  const current = user.family ?? null;
  const members = current ?? [];
  const member: FamilyMember = {
    memberId: memberIdFor(user._id, input.data.name),
    name: input.data.name,
    relation: input.data.relation,
    phone: input.data.phone,
    consentAt: now,
  };
  if (members.some((m) => m.memberId === member.memberId))
    throw new AppError('RULE_VIOLATION', {
      userMessage: `已添加过“${member.name}”`,
      fields: { name: `已添加过“${member.name}”` },
    });
  if (members.length >= MAX_FAMILY_MEMBERS)
    throw new AppError('RULE_VIOLATION', { userMessage: `最多添加 ${MAX_FAMILY_MEMBERS} 位家人` });
  const next = [...members, member];
  if (!(await replaceFamilyIfUnchanged(deps.db, { userId: user._id, expected: current, next, now })))
    throw new AppError('CONFLICT');
  return toMe({ ...user, family: next }, (await findVolunteer(deps.db, user._id))?.volunteerNo ?? null);
}

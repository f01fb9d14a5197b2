import { AppError } from '../../shared/errors';
import type { FamilyMember, UserDoc } from '../core/documents';

/**
 * The caller's family member named by `memberId`, or null when the booking is the caller's own.
 * A member id that is not on the caller's own profile is refused: nobody books, cancels or shows
 * a code for someone else's family.
 */
export function familyMemberOf(user: UserDoc, memberId: string | undefined): FamilyMember | null {
  if (!memberId) return null;
  const member = (user.family ?? []).find((m) => m.memberId === memberId);
  if (!member) throw new AppError('NOT_FOUND', { userMessage: '没有找到这位家人，请先在“我的家人”中添加' });
  return member;
}

import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findCharity, findNeed } from '../../core/repositories/donations';
import { toCharity, toNeed } from '../mappers';

/** One need, with the charity that runs it when it asks for funds. Public. */
export async function getNeed(deps: Deps, _caller: Caller, input: { needId: string }) {
  const need = await findNeed(deps.db, input.needId);
  if (!need) throw new AppError('NOT_FOUND', { userMessage: '需求不存在' });
  const charity = need.charityId ? await findCharity(deps.db, need.charityId) : null;
  return { ...toNeed(need), charity: charity ? toCharity(charity) : null };
}

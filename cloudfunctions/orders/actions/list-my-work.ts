import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findWorkPage } from '../../core/repositories/orders';
import { toOrderSummary } from '../views';

/** 我的工单: what was dispatched to or taken by the caller — to do (by deadline) or done. */
export async function listMyWork(
  deps: Deps,
  caller: Caller,
  input: { view: 'todo' | 'done'; page: number; pageSize: number },
) {
  const user = requireUser(caller);
  const now = deps.now();
  const page = await findWorkPage(deps.db, { userId: user.userId, view: input.view }, input);
  return { ...page, items: page.items.map((order) => toOrderSummary(order, 'assignee', now)) };
}

import type { MenuItemStatus } from '../../../shared/domain/orders';
import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { appendAudit } from '../../core/repositories/audit';
import { findMenuItem, updateMenuItemAtRev } from '../../core/repositories/menu';
import { policyFor, toMenuItem } from '../menu-view';

/** Staff pause an item (no new orders; placed ones go on) or resume it. Audited. */
export async function setMenuItemStatus(deps: Deps, caller: Caller, input: { itemId: string; status: MenuItemStatus }) {
  const staff = requireUser(caller);
  const item = await findMenuItem(deps.db, input.itemId);
  if (!item) throw new AppError('NOT_FOUND', { userMessage: '服务项目不存在' });
  assertCan(caller, 'order:manage', { stationPath: item.ownerPath });
  const policy = await policyFor(deps, item.ownerPath[0]!);
  const now = deps.now();
  if (item.status !== input.status) {
    const set = { status: input.status };
    if (!(await updateMenuItemAtRev(deps.db, { itemId: item._id, rev: item.rev, set, now }))) {
      throw new AppError('CONFLICT');
    }
    await appendAudit(deps.db, {
      at: now,
      actorId: staff.userId,
      action: input.status === 'paused' ? 'menu.pause' : 'menu.resume',
      entity: 'menuItem',
      entityId: item._id,
      stationId: item.ownerId,
      from: { status: item.status },
      to: { status: input.status },
    });
  }
  return toMenuItem({ ...item, status: input.status }, item.ownerId, policy);
}

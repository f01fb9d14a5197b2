import type { z } from 'zod';
import type { ZMenuItemInput } from '../../../shared/contracts/orders';
import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { appendAudit } from '../../core/repositories/audit';
import { findMenuItem, updateMenuItemAtRev } from '../../core/repositories/menu';
import { policyFor, toMenuItem } from '../menu-view';
import { assertItemHours } from './create-menu-item';

/**
 * Staff edit an item their station (or a station above, for a 中心 admin) owns — conditional on
 * the revision they saw, so two editors never silently overwrite each other. Orders already
 * placed keep the deadlines they got. Audited.
 */
export async function updateMenuItem(
  deps: Deps,
  caller: Caller,
  input: { itemId: string; data: z.output<typeof ZMenuItemInput> },
) {
  const staff = requireUser(caller);
  const item = await findMenuItem(deps.db, input.itemId);
  if (!item) throw new AppError('NOT_FOUND', { userMessage: '服务项目不存在' });
  assertCan(caller, 'order:manage', { stationPath: item.ownerPath });
  const policy = await policyFor(deps, item.ownerPath[0]!);
  assertItemHours(input.data, policy);
  const now = deps.now();
  if (!(await updateMenuItemAtRev(deps.db, { itemId: item._id, rev: item.rev, set: input.data, now }))) {
    throw new AppError('CONFLICT');
  }
  await appendAudit(deps.db, {
    at: now,
    actorId: staff.userId,
    action: 'menu.update',
    entity: 'menuItem',
    entityId: item._id,
    stationId: item.ownerId,
    from: { name: item.name, category: item.category, audience: item.audience, delivery: item.delivery },
    to: {
      name: input.data.name,
      category: input.data.category,
      audience: input.data.audience,
      delivery: input.data.delivery,
    },
  });
  return toMenuItem({ ...item, ...input.data, rev: item.rev + 1, updatedAt: now }, item.ownerId, policy);
}

import type { z } from 'zod';
import type { ZMenuItemInput } from '../../../shared/contracts/orders';
import { allowanceOf, deadlineHoursProblem } from '../../../shared/domain/orders';
import { AppError } from '../../../shared/errors';
import { stationWithPermission } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { MenuItemDoc } from '../../core/documents/orders';
import { newId } from '../../core/ids';
import { appendAudit } from '../../core/repositories/audit';
import { insertMenuItem } from '../../core/repositories/menu';
import { policyFor, toMenuItem } from '../menu-view';

type Input = z.output<typeof ZMenuItemInput>;

/** Refuses an item whose own hours, with the policy filling the gaps, would answer after finishing. */
export function assertItemHours(data: Input, policy: Parameters<typeof allowanceOf>[2]): void {
  const problem = deadlineHoursProblem(allowanceOf(data.timeClass, data, policy));
  if (problem) throw new AppError('INVALID_INPUT', { userMessage: problem, fields: { 'data.responseHours': problem } });
}

/**
 * Staff publish an item on their station's menu; at a 中心 it joins the district menu every
 * station beneath inherits. Audited.
 */
export async function createMenuItem(deps: Deps, caller: Caller, input: { stationId: string; data: Input }) {
  const staff = requireUser(caller);
  const station = await stationWithPermission(deps, caller, input.stationId, 'order:manage');
  const policy = await policyFor(deps, station.path[0]!);
  assertItemHours(input.data, policy);
  const now = deps.now();
  const item: MenuItemDoc = {
    _id: newId('mi'),
    ownerId: station._id,
    ownerName: station.name,
    ownerTier: station.tier,
    ownerPath: station.path,
    ...input.data,
    status: 'active',
    rev: 0,
    createdBy: staff.userId,
    createdAt: now,
    updatedAt: now,
  };
  await insertMenuItem(deps.db, item);
  await appendAudit(deps.db, {
    at: now,
    actorId: staff.userId,
    action: 'menu.create',
    entity: 'menuItem',
    entityId: item._id,
    stationId: station._id,
    from: null,
    to: { name: item.name, category: item.category, audience: item.audience },
  });
  return toMenuItem(item, station._id, policy);
}

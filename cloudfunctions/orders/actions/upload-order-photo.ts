import { orderPhotoFolder } from '../../../shared/domain/orders';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findOrder } from '../../core/repositories/orders';
import { findStation } from '../../core/repositories/stations';
import { storeOrderPhoto } from '../photos';
import { standingOn } from '../standing';

/**
 * A photo travels inside the call, is checked by its bytes and stored by the function (ADR 0013):
 * before an order exists, in the uploader's own folder at the station (only they can attach it);
 * for a service record, in the order's folder, by its assignee while they hold it.
 */
export async function uploadOrderPhoto(
  deps: Deps,
  caller: Caller,
  input: { stationId: string; orderId?: string; imageBase64: string },
) {
  const user = requireUser(caller);
  if (input.orderId) {
    const order = await findOrder(deps.db, input.orderId);
    if (!order || order.stationId !== input.stationId) throw new AppError('NOT_FOUND', { userMessage: '服务单不存在' });
    const standing = await standingOn(deps, caller, order);
    if (!standing.roles.includes('assignee') || order.status !== 'accepted') throw new AppError('FORBIDDEN');
    return storeOrderPhoto(deps, orderPhotoFolder(order.stationId, { orderId: order._id }), input.imageBase64);
  }
  const station = await findStation(deps.db, input.stationId);
  if (!station) throw new AppError('NOT_FOUND', { userMessage: '站点不存在' });
  return storeOrderPhoto(deps, orderPhotoFolder(station._id, { userId: user.userId }), input.imageBase64);
}

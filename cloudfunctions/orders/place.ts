import type { DeliveryMode } from '../../shared/domain/orders';
import { orderPhotoFolder } from '../../shared/domain/orders';
import { AppError } from '../../shared/errors';
import type { Deps } from '../core/deps';
import type { StationDoc } from '../core/documents';
import type { MenuItemDoc } from '../core/documents/orders';
import { findMenuItem } from '../core/repositories/menu';
import { findStation } from '../core/repositories/stations';
import { assertOrderPhoto } from './photos';

/** What placing an order needs checked, however it is placed. */
export interface OrderAsk {
  stationId: string;
  itemId?: string;
  title?: string;
  photoFileId?: string;
  delivery?: DeliveryMode;
  address: string;
}

/**
 * The station and menu item of a new order, checked: a 站 or 室 (not the 中心), an item on its
 * menu (its own, its 站's or the district's) and not paused, a delivery mode the item offers, an
 * address for a home service, a photo the person uploaded for it. Throws the coded refusal;
 * nothing has been written.
 */
export async function checkOrderAsk(
  deps: Deps,
  ask: OrderAsk,
  station: StationDoc | null,
  photoOwner: { userId: string },
): Promise<{ station: StationDoc; item: MenuItemDoc | null; delivery: DeliveryMode }> {
  if (!station) throw new AppError('NOT_FOUND', { userMessage: '站点不存在' });
  if (station.tier === 'center') {
    throw new AppError('INVALID_INPUT', {
      userMessage: '请选择社工站或社工室',
      fields: { stationId: '请选择社工站或社工室' },
    });
  }
  const item = ask.itemId ? await findMenuItem(deps.db, ask.itemId) : null;
  if (ask.itemId && (!item || !station.path.includes(item.ownerId))) {
    throw new AppError('NOT_FOUND', { userMessage: '该服务不在本站的服务清单中' });
  }
  if (item && item.status !== 'active') throw new AppError('ITEM_PAUSED');
  if (item && ask.delivery && !item.delivery.includes(ask.delivery)) {
    throw new AppError('INVALID_INPUT', { fields: { delivery: '该服务不提供这种方式' } });
  }
  const delivery = ask.delivery ?? item?.delivery[0] ?? 'phone';
  if (delivery === 'home' && !ask.address) {
    throw new AppError('INVALID_INPUT', {
      userMessage: '上门服务请填写地址',
      fields: { address: '上门服务请填写地址' },
    });
  }
  if (ask.photoFileId) await assertOrderPhoto(deps, orderPhotoFolder(station._id, photoOwner), ask.photoFileId);
  return { station, item, delivery };
}

/** The station of a new order (read once, before the checks). */
export function stationOf(deps: Deps, stationId: string): Promise<StationDoc | null> {
  return findStation(deps.db, stationId);
}

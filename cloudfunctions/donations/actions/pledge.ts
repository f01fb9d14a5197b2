import type { z } from 'zod';
import type { ZPledgeRequest } from '../../../shared/contracts/donations';
import { pledgeCap, valueFen } from '../../../shared/domain/donation';
import { formatDateTime } from '../../../shared/domain/time';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { CharityDoc, PledgeDoc } from '../../core/documents';
import { newId } from '../../core/ids';
import {
  adjustNeedCounters,
  findCharity,
  findNeed,
  insertPledge,
  reserveNeedQuantity,
} from '../../core/repositories/donations';
import { findStation } from '../../core/repositories/stations';
import { toPledge } from '../mappers';

/**
 * Pledge to a need (or generally to a station). A pledge against a need is counted by one
 * conditional write that keeps the need open and within its over-pledge cap. Funds are only ever
 * "given through charity X": the answer says where and how; the app takes no payment.
 */
export async function pledge(deps: Deps, caller: Caller, input: z.output<typeof ZPledgeRequest>) {
  const donor = requireUser(caller);
  const now = deps.now();
  const { data } = input;
  const station = await findStation(deps.db, input.stationId);
  if (!station) throw new AppError('NOT_FOUND', { userMessage: '站点不存在' });
  const need = input.needId ? await findNeed(deps.db, input.needId) : null;
  if (input.needId && (!need || need.stationId !== station._id))
    throw new AppError('NOT_FOUND', { userMessage: '需求不存在' });
  if (need && (need.status !== 'open' || need.deadline <= now)) throw new AppError('NEED_NOT_OPEN');
  const kind = need?.kind ?? data.kind;
  const unit = need?.unit ?? data.unit;
  if (!kind || !unit)
    throw new AppError('INVALID_INPUT', {
      userMessage: '请填写捐赠类型和单位',
      fields: { 'data.kind': '请选择类型', 'data.unit': '请填写单位' },
    });
  if (new Date(data.expectedDate) < new Date(now.getTime() - 86400_000)) {
    throw new AppError('INVALID_INPUT', {
      userMessage: '预计送达日期不能早于今天',
      fields: { 'data.expectedDate': '预计送达日期不能早于今天' },
    });
  }
  let charity: CharityDoc | null = null;
  if (kind === 'funds_via_charity') {
    const charityId = need?.charityId ?? data.charityId;
    charity = charityId ? await findCharity(deps.db, charityId) : null;
    if (!charity || !station.path.includes(charity.centerId)) throw new AppError('CHARITY_REQUIRED');
    if (data.deliveryMethod !== 'online_via_charity') {
      throw new AppError('CHARITY_REQUIRED', {
        userMessage: '资金类捐赠只能通过慈善组织线上捐赠',
        fields: { 'data.deliveryMethod': '请选择通过慈善组织线上捐赠' },
      });
    }
  }
  const unitValueFen = need?.unitValueFen ?? data.unitValueFen ?? 0;
  const estimatedValueFen = valueFen(data.quantity, unitValueFen);
  if (estimatedValueFen === null) {
    throw new AppError('INVALID_INPUT', {
      userMessage: '估值过大，请核对数量和单价',
      fields: { 'data.quantity': '估值过大，请核对数量和单价' },
    });
  }
  if (
    need &&
    !(await reserveNeedQuantity(deps.db, {
      needId: need._id,
      quantity: data.quantity,
      cap: pledgeCap(need.targetQuantity, need.overPledgePercent),
      now,
    }))
  ) {
    const fresh = await findNeed(deps.db, need._id);
    throw new AppError(fresh && fresh.status === 'open' && fresh.deadline > now ? 'PLEDGE_OVER_CAP' : 'NEED_NOT_OPEN');
  }
  const doc: PledgeDoc = {
    _id: newId('p'),
    needId: need?._id ?? null,
    needTitle: need?.title ?? null,
    stationId: station._id,
    stationName: station.name,
    stationPath: station.path,
    donorId: donor.userId,
    donorName: data.donorName,
    anonymous: data.anonymous,
    contactPhone: data.contactPhone,
    kind,
    quantity: data.quantity,
    unit,
    unitValueFen,
    estimatedValueFen,
    deliveryMethod: data.deliveryMethod,
    expectedDate: new Date(data.expectedDate),
    message: data.message,
    charityId: charity?._id ?? null,
    receiptNo: null,
    status: 'pledged',
    receivedQuantity: 0,
    receivedValueFen: 0,
    receivedAt: null,
    partial: false,
    arrivalNote: null,
    photoFileId: null,
    distributedQuantity: 0,
    thankYouNote: null,
    timeline: [
      {
        at: now,
        label: charity
          ? `认捐，将通过「${charity.name}」捐赠`
          : `认捐 ${data.quantity}${unit}，预计 ${formatDateTime(data.expectedDate)} 送达`,
      },
    ],
    createdAt: now,
    updatedAt: now,
  };
  try {
    await insertPledge(deps.db, doc);
  } catch (err) {
    if (need) await adjustNeedCounters(deps.db, { needId: need._id, pledged: -data.quantity, now });
    throw err;
  }
  return toPledge(doc, { charity, distributions: [] });
}

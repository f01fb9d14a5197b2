import type { z } from 'zod';
import type { ZPledgeRequest } from '../../../shared/contracts/donations';
import {
  donorOpenCap,
  latestExpectedDate,
  PLEDGE_DELIVERY_GRACE_DAYS,
  pledgeCap,
  valueFen,
} from '../../../shared/domain/donation';
import { formatDate, inAppZone } from '../../../shared/domain/time';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { CharityDoc, PledgeDoc } from '../../core/documents';
import { newId } from '../../core/ids';
import { findCharity, findNeed, insertPledge, reserveNeedQuantity } from '../../core/repositories/donations';
import { findStation } from '../../core/repositories/stations';
import { toPledge } from '../mappers';
import { pledgeLeavesOpen } from '../need-counters';

/**
 * Pledge to a need (or generally to a station). A pledge against a need is counted by one
 * conditional write that keeps the need open, within its over-pledge cap and the donor within
 * their open share; the expected date stays within the need's life (deadline + grace). Funds are
 * only ever "given through charity X": the answer says where and how; the app takes no payment.
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
  const expectedDate = new Date(data.expectedDate);
  if (expectedDate < new Date(now.getTime() - 86400_000)) {
    throw new AppError('INVALID_INPUT', {
      userMessage: '预计送达日期不能早于今天',
      fields: { 'data.expectedDate': '预计送达日期不能早于今天' },
    });
  }
  const latest = latestExpectedDate({ now, needDeadline: need?.deadline ?? null });
  if (expectedDate > latest) {
    const problem = need
      ? `预计送达日期最晚为需求截止后 ${PLEDGE_DELIVERY_GRACE_DAYS} 天`
      : `预计送达日期最晚为 ${inAppZone(latest).format('YYYY-MM-DD')}`;
    throw new AppError('INVALID_INPUT', { userMessage: problem, fields: { 'data.expectedDate': problem } });
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
  if (need) {
    const cap = pledgeCap(need.targetQuantity, need.overPledgePercent);
    const counted = await reserveNeedQuantity(deps.db, {
      needId: need._id,
      donorId: donor.userId,
      quantity: data.quantity,
      cap,
      donorCap: donorOpenCap(cap),
      now,
    });
    if (!counted) throw new AppError(await whyNotCounted(deps, need._id, data.quantity, now));
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
    expectedDate,
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
    ...(need ? { shareCounted: true } : {}),
    timeline: [
      {
        at: now,
        label: charity
          ? `认捐，将通过「${charity.name}」捐赠`
          : `认捐 ${data.quantity}${unit}，预计 ${formatDate(data.expectedDate)} 送达`,
      },
    ],
    createdAt: now,
    updatedAt: now,
  };
  try {
    await insertPledge(deps.db, doc);
  } catch (err) {
    await pledgeLeavesOpen(deps, doc, { now });
    throw err;
  }
  return toPledge(doc, { charity, distributions: [] });
}

/** Which rule refused a pledge the need's conditional write did not count (read after the fact). */
async function whyNotCounted(
  deps: Deps,
  needId: string,
  quantity: number,
  now: Date,
): Promise<'NEED_NOT_OPEN' | 'PLEDGE_OVER_CAP' | 'PLEDGE_OVER_SHARE'> {
  const fresh = await findNeed(deps.db, needId);
  if (!fresh || fresh.status !== 'open' || fresh.deadline <= now) return 'NEED_NOT_OPEN';
  const cap = pledgeCap(fresh.targetQuantity, fresh.overPledgePercent);
  return fresh.pledgedQuantity + quantity > cap ? 'PLEDGE_OVER_CAP' : 'PLEDGE_OVER_SHARE';
}

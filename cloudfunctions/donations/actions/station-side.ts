import { canTransitionPledge, formatFen, PLEDGE_LAPSE_GRACE_DAYS, valueFen } from '../../../shared/domain/donation';
import { monthKey } from '../../../shared/domain/time';
import { AppError } from '../../../shared/errors';
import { assertCan, stationWithPermission } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { DistributionDoc, PledgeDoc } from '../../core/documents';
import { newId } from '../../core/ids';
import { findActivity } from '../../core/repositories/activities';
import { appendAudit } from '../../core/repositories/audit';
import {
  adjustNeedCounters,
  findNeed,
  findNeedsPastDeadline,
  findPledge,
  findPledgesToLapse,
  findReceivedPledges,
  findStaffPledgesPage,
  findStationDistributions,
  findStationNeeds,
  insertDistribution,
  markNeedFulfilledIfMet,
  transitionNeed,
  transitionPledge,
} from '../../core/repositories/donations';
import { findStation } from '../../core/repositories/stations';
import { ANONYMOUS_DONOR, toDistribution, toNeed, toStaffPledge } from '../mappers';
import { assertReceiptPhoto, receiptPhotoLinks } from './photos';

async function staffPledge(deps: Deps, caller: Caller, pledgeId: string): Promise<PledgeDoc> {
  const found = await findPledge(deps.db, pledgeId);
  if (!found) throw new AppError('NOT_FOUND', { userMessage: '认捐记录不存在' });
  assertCan(caller, 'donation:manage', { stationPath: found.stationPath });
  return found;
}

/** One pledge as staff see it, with a link to its receipt photo when it has one. */
async function staffView(deps: Deps, pledge: PledgeDoc, now: Date) {
  return toStaffPledge(pledge, now, await receiptPhotoLinks(deps, [pledge]));
}

/** The staff queue of a station subtree: expected this week, overdue, partially received, received. */
export async function staffQueue(
  deps: Deps,
  caller: Caller,
  input: { stationId: string; view: 'expected' | 'overdue' | 'partial' | 'received'; page: number; pageSize: number },
) {
  const station = await stationWithPermission(deps, caller, input.stationId, 'donation:manage');
  const now = deps.now();
  const page = await findStaffPledgesPage(
    deps.db,
    { stationId: station._id, view: input.view, now, weekEnd: new Date(now.getTime() + 7 * 86400_000) },
    input,
  );
  const links = await receiptPhotoLinks(deps, page.items);
  return { ...page, items: page.items.map((p) => toStaffPledge(p, now, links)) };
}

/**
 * Staff confirm what actually arrived (possibly less, possibly more than pledged); the value is
 * recomputed in integer fen from what arrived, and the need's received total moves with it.
 */
export async function confirmReceipt(
  deps: Deps,
  caller: Caller,
  input: { pledgeId: string; receivedQuantity: number; note: string; photoFileId?: string },
) {
  const staff = requireUser(caller);
  const found = await staffPledge(deps, caller, input.pledgeId);
  const now = deps.now();
  if (!canTransitionPledge(found.status, 'received', 'staff'))
    throw new AppError('ILLEGAL_TRANSITION', { userMessage: '该认捐已接收或已结束' });
  const photoLinks = input.photoFileId ? await assertReceiptPhoto(deps, found, input.photoFileId) : new Map();
  const receivedValueFen = valueFen(input.receivedQuantity, found.unitValueFen);
  const label =
    (input.receivedQuantity < found.quantity
      ? `站点已接收 ${input.receivedQuantity}/${found.quantity}${found.unit}（部分到达）`
      : `站点已接收 ${input.receivedQuantity}${found.unit}，价值约 ${formatFen(receivedValueFen)}`) +
    (input.photoFileId ? '，附到货照片' : '');
  const done = await transitionPledge(deps.db, {
    pledgeId: found._id,
    from: ['pledged'],
    set: {
      status: 'received',
      receivedQuantity: input.receivedQuantity,
      receivedValueFen,
      receivedAt: now,
      partial: input.receivedQuantity < found.quantity,
      receiptNote: input.note || null,
      photoFileId: input.photoFileId ?? null,
    },
    event: { at: now, label },
    now,
  });
  if (!done) throw new AppError('ILLEGAL_TRANSITION', { userMessage: '该认捐已接收或已结束' });
  if (found.needId) {
    await adjustNeedCounters(deps.db, { needId: found.needId, received: input.receivedQuantity, now });
    const need = await findNeed(deps.db, found.needId);
    if (need) await markNeedFulfilledIfMet(deps.db, need._id, need.targetQuantity, now);
  }
  await appendAudit(deps.db, {
    at: now,
    actorId: staff.userId,
    action: 'pledge.receive',
    entity: 'station',
    entityId: found._id,
    stationId: found.stationId,
    from: { status: 'pledged' },
    to: {
      status: 'received',
      receivedQuantity: input.receivedQuantity,
      receivedValueFen,
      ...(input.photoFileId ? { photoFileId: input.photoFileId } : {}),
    },
    ...(input.note ? { reason: input.note } : {}),
  });
  return toStaffPledge((await findPledge(deps.db, found._id))!, now, photoLinks);
}

/**
 * Record where received goods went. One conditional write keeps the distributed total within
 * what was received; once everything is out the pledge becomes `distributed`.
 */
export async function distribute(
  deps: Deps,
  caller: Caller,
  input: { pledgeId: string; quantity: number; beneficiaryGroup: string; activityId?: string; note: string },
) {
  const staff = requireUser(caller);
  const found = await staffPledge(deps, caller, input.pledgeId);
  const now = deps.now();
  if (found.status !== 'received')
    throw new AppError('ILLEGAL_TRANSITION', { userMessage: '只有已接收的认捐可以登记发放' });
  const activity = input.activityId ? await findActivity(deps.db, input.activityId) : null;
  if (input.activityId && !activity) throw new AppError('NOT_FOUND', { userMessage: '活动不存在' });
  const _ = deps.db.command;
  const counted = await transitionPledge(deps.db, {
    pledgeId: found._id,
    from: ['received'],
    where: { distributedQuantity: _.lte(found.receivedQuantity - input.quantity) },
    set: { distributedQuantity: _.inc(input.quantity) },
    event: {
      at: now,
      label: `发放 ${input.quantity}${found.unit} 给${input.beneficiaryGroup}${activity ? `（${activity.title}）` : ''}`,
    },
    now,
  });
  if (!counted) throw new AppError('DISTRIBUTE_MORE_THAN_RECEIVED');
  const row: DistributionDoc = {
    _id: newId('d'),
    pledgeId: found._id,
    stationId: found.stationId,
    stationPath: found.stationPath,
    needTitle: found.needTitle,
    donorName: found.anonymous ? ANONYMOUS_DONOR : found.donorName,
    unit: found.unit,
    quantity: input.quantity,
    beneficiaryGroup: input.beneficiaryGroup,
    activityId: activity?._id ?? null,
    activityTitle: activity?.title ?? null,
    note: input.note,
    by: staff.userId,
    at: now,
  };
  await insertDistribution(deps.db, row);
  await transitionPledge(deps.db, {
    pledgeId: found._id,
    from: ['received'],
    where: { distributedQuantity: found.receivedQuantity },
    set: { status: 'distributed' },
    event: { at: now, label: '已全部发放' },
    now,
  });
  await appendAudit(deps.db, {
    at: now,
    actorId: staff.userId,
    action: 'pledge.distribute',
    entity: 'station',
    entityId: found._id,
    stationId: found.stationId,
    from: null,
    to: { quantity: input.quantity, beneficiaryGroup: input.beneficiaryGroup },
  });
  return staffView(deps, (await findPledge(deps.db, found._id))!, now);
}

/** Staff thank the donor; the note shows on the donor's pledge. */
export async function thank(deps: Deps, caller: Caller, input: { pledgeId: string; note: string }) {
  const found = await staffPledge(deps, caller, input.pledgeId);
  const now = deps.now();
  await transitionPledge(deps.db, {
    pledgeId: found._id,
    from: ['received', 'distributed'],
    set: { thankYouNote: input.note },
    event: { at: now, label: '站点发来感谢' },
    now,
  });
  const fresh = (await findPledge(deps.db, found._id))!;
  if (fresh.thankYouNote !== input.note) throw new AppError('ILLEGAL_TRANSITION', { userMessage: '接收后才能致谢' });
  return staffView(deps, fresh, now);
}

/**
 * A station's public transparency ledger: needs with progress, what arrived per month and kind
 * (quantity and value in fen), and where it went. Donors appear by the name they chose or as
 * 爱心人士; no contact or personal data leaves.
 */
export async function ledger(deps: Deps, _caller: Caller, input: { stationId: string }) {
  const station = await findStation(deps.db, input.stationId);
  if (!station) throw new AppError('NOT_FOUND', { userMessage: '站点不存在' });
  const [needs, received, distributions] = await Promise.all([
    findStationNeeds(deps.db, station._id),
    findReceivedPledges(deps.db, station._id),
    findStationDistributions(deps.db, station._id, 100),
  ]);
  const months = new Map<
    string,
    { month: string; kind: PledgeDoc['kind']; receivedQuantity: number; receivedValueFen: number; pledges: number }
  >();
  for (const p of received) {
    const month = monthKey(p.receivedAt ?? p.updatedAt);
    const key = `${month}|${p.kind}`;
    const row = months.get(key) ?? { month, kind: p.kind, receivedQuantity: 0, receivedValueFen: 0, pledges: 0 };
    months.set(key, {
      ...row,
      receivedQuantity: row.receivedQuantity + p.receivedQuantity,
      receivedValueFen: row.receivedValueFen + p.receivedValueFen,
      pledges: row.pledges + 1,
    });
  }
  return {
    stationId: station._id,
    stationName: station.name,
    needs: needs.map(toNeed),
    months: [...months.values()].sort((a, b) => b.month.localeCompare(a.month) || a.kind.localeCompare(b.kind)),
    distributions: distributions.map((d) => ({
      ...toDistribution(d),
      donorName: d.donorName,
      needTitle: d.needTitle,
      unit: d.unit,
    })),
    totalReceivedValueFen: received.reduce((sum, p) => sum + p.receivedValueFen, 0),
  };
}

/** How much one timer run handles at most. */
const LAPSE_LIMIT = 100;

/** Timer: pledges never delivered lapse a week after their expected date; needs past deadline expire. */
export async function lapse(deps: Deps): Promise<{ lapsed: number; expiredNeeds: number }> {
  const now = deps.now();
  let lapsed = 0;
  for (const p of await findPledgesToLapse(
    deps.db,
    new Date(now.getTime() - PLEDGE_LAPSE_GRACE_DAYS * 86400_000),
    LAPSE_LIMIT,
  )) {
    const done = await transitionPledge(deps.db, {
      pledgeId: p._id,
      from: ['pledged'],
      set: { status: 'lapsed' },
      event: { at: now, label: '逾期未送达，认捐已失效' },
      now,
    });
    if (!done) continue;
    lapsed++;
    if (p.needId) await adjustNeedCounters(deps.db, { needId: p.needId, pledged: -p.quantity, now });
  }
  let expiredNeeds = 0;
  for (const n of await findNeedsPastDeadline(deps.db, now, LAPSE_LIMIT)) {
    if (await transitionNeed(deps.db, { needId: n._id, from: 'open', to: 'expired', now })) expiredNeeds++;
  }
  return { lapsed, expiredNeeds };
}

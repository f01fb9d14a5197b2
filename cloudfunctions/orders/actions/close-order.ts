import type { z } from 'zod';
import type { ZCloseOrderRequest } from '../../../shared/contracts/orders';
import {
  deadlineAt,
  HOURS_CLAIM_MIN_MINUTES,
  orderPhotoFolder,
  recordTimeProblem,
} from '../../../shared/domain/orders';
import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { ClaimDoc } from '../../core/documents';
import type { OrderDoc, ServiceRecordDoc } from '../../core/documents/orders';
import {
  findOverlappingEntries,
  findOverlappingPendingClaims,
  insertClaimSerialised,
} from '../../core/repositories/hours';
import { transitionOrder } from '../../core/repositories/orders';
import { findVolunteer } from '../../core/repositories/volunteers';
import { answer, applyTransition } from '../apply';
import { assertOrderPhoto } from '../photos';
import { closedNotice, send } from '../notices';
import { orderFor } from '../standing';

/** The hours claim of a volunteer's service record: fixed by the order and the round, so it exists once. */
export function hoursClaimId(orderId: string, round: number): string {
  return `ord_${orderId}_${round}`;
}

/**
 * The worker holding an order records what was done (time, method, note, optional photo) and
 * closes it as done or could-not-be-done (with the reason the resident sees). The resident then
 * has the 中心's window to confirm or reopen. A volunteer's record of 30 minutes or more becomes a
 * PENDING hours claim in the station's review queue — the station confirms the time (ADR 0009,
 * 0019); nothing is ever credited on the volunteer's own word. Time overlapping hours already
 * recorded is refused before anything is written.
 */
export async function closeOrder(deps: Deps, caller: Caller, input: z.output<typeof ZCloseOrderRequest>) {
  const { order, standing } = await orderFor(deps, caller, input.orderId);
  if (!standing.roles.includes('assignee')) throw new AppError('FORBIDDEN');
  const now = deps.now();
  const startAt = new Date(input.record.startAt);
  const endAt = new Date(startAt.getTime() + input.record.minutes * 60_000);
  const timeProblem = recordTimeProblem(
    { startAt, minutes: input.record.minutes },
    { now, orderCreatedAt: order.createdAt },
  );
  if (timeProblem)
    throw new AppError('INVALID_INPUT', { userMessage: timeProblem, fields: { 'record.startAt': timeProblem } });
  if (input.record.photoFileId) {
    await assertOrderPhoto(deps, orderPhotoFolder(order.stationId, { orderId: order._id }), input.record.photoFileId);
  }
  const round = order.records.length + 1;
  const volunteer =
    order.assigneeKind === 'volunteer' && input.record.minutes >= HOURS_CLAIM_MIN_MINUTES
      ? await findVolunteer(deps.db, standing.user.userId)
      : null;
  const overlaps = async () => {
    const [entries, pending] = await Promise.all([
      findOverlappingEntries(deps.db, standing.user.userId, { startAt, endAt }),
      findOverlappingPendingClaims(deps.db, standing.user.userId, { startAt, endAt }),
    ]);
    if (entries.length > 0 || pending.length > 0) throw new AppError('CLAIM_OVERLAP');
  };
  if (volunteer) await overlaps();
  const record: ServiceRecordDoc = {
    round,
    startAt,
    minutes: input.record.minutes,
    method: input.record.method,
    note: input.record.note,
    photoFileId: input.record.photoFileId ?? null,
    byId: standing.user.userId,
    byName: standing.user.user.nickname,
    at: now,
    hoursClaimId: volunteer ? hoursClaimId(order._id, round) : null,
  };
  const done = input.outcome === 'done';
  const next = await applyTransition(deps, {
    order,
    action: done ? 'complete' : 'fail',
    standing,
    where: { assigneeId: standing.user.userId, reopenCount: order.reopenCount },
    set: {
      outcome: input.outcome,
      closedAt: now,
      closeReason: done ? null : input.reason,
      confirmBy: deadlineAt(now, order.confirmHours),
      nextDueAt: null,
      records: [...order.records, record],
    },
    note: done ? null : input.reason,
    notePublic: true,
    audit: true,
  });
  let answered: OrderDoc = next;
  if (volunteer) {
    const claim: ClaimDoc = {
      _id: record.hoursClaimId!,
      volunteerId: volunteer._id,
      volunteerName: volunteer.realName,
      volunteerNo: volunteer.volunteerNo,
      stationId: order.stationId,
      stationName: order.stationName,
      stationPath: order.stationPath,
      activityId: null,
      activityTitle: `服务单：${order.itemName}`,
      orderId: order._id,
      startAt,
      endAt,
      minutes: input.record.minutes,
      description: input.record.note.slice(0, 200),
      status: 'pending',
      reviewReason: null,
      reviewedBy: null,
      reviewedByName: null,
      reviewedAt: null,
      createdAt: now,
    };
    try {
      await insertClaimSerialised(deps.db, claim, overlaps);
    } catch (err) {
      // A claim that raced in between: the record stays, without a claim (the volunteer may claim 补录).
      if (!(err instanceof AppError && err.code === 'CLAIM_OVERLAP')) throw err;
      const records = next.records.map((r) => (r.round === round ? { ...r, hoursClaimId: null } : r));
      await transitionOrder(deps.db, { orderId: order._id, from: [next.status], set: { records }, now });
      answered = { ...next, records };
    }
  }
  await send(deps, closedNotice(answered, done ? { done } : { done, reason: input.reason }));
  return answer(deps, answered, standing);
}

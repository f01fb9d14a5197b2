import type { HourEntryDoc, ShiftDoc } from '../core/documents';

/** The verified ledger entry of a completed shift; its id is fixed by the shift, so it exists once. */
export function verifiedEntryFor(
  shift: ShiftDoc,
  pair: { checkInAt: Date; checkOutAt: Date; minutes: number; autoClosed: boolean; by: string; now: Date },
): HourEntryDoc {
  const serviceDate = pair.checkInAt > shift.scheduledStart ? pair.checkInAt : shift.scheduledStart;
  return {
    _id: `ver_${shift._id}`,
    volunteerId: shift.userId,
    volunteerName: shift.volunteerName,
    kind: 'verified',
    baseKind: 'verified',
    minutes: pair.minutes,
    serviceDate,
    serviceEnd: new Date(serviceDate.getTime() + pair.minutes * 60_000),
    stationId: shift.stationId,
    stationName: shift.stationName,
    stationPath: shift.stationPath,
    activityId: shift.activityId,
    activityTitle: shift.activityTitle,
    shiftId: shift._id,
    claimId: null,
    adjustsEntryId: null,
    provenance: pair.autoClosed ? '签到后未签退，按计划结束时间自动结束（待社工复核）' : '扫码签到签退',
    autoClosed: pair.autoClosed,
    reviewed: !pair.autoClosed,
    reason: null,
    createdBy: pair.by,
    createdAt: pair.now,
  };
}

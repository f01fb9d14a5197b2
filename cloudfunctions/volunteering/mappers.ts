import type { ClaimDoc, HourEntryDoc, ShiftDoc, VolunteerDoc } from '../core/documents';

/** A volunteer row as its owner sees it. */
export function toProfile(v: VolunteerDoc) {
  return {
    volunteerNo: v.volunteerNo,
    realName: v.realName,
    idMasked: v.idMasked,
    phone: v.phone,
    skills: v.skills,
    serviceAreas: v.serviceAreas,
    emergencyContact: v.emergencyContact,
    homeStationId: v.homeStationId,
    homeStationName: v.homeStationName,
    leaderboardOptIn: v.leaderboardOptIn,
    registeredAt: v.registeredAt,
  };
}

/** A shift as the volunteer sees it. */
export function toShift(s: ShiftDoc) {
  return {
    shiftId: s._id,
    activityId: s.activityId,
    status: s.status,
    checkInAt: s.checkInAt,
    checkOutAt: s.checkOutAt,
    autoClosed: s.autoClosed,
    minutes: s.minutes,
  };
}

/** A ledger entry with its provenance. */
export function toEntry(e: HourEntryDoc) {
  return {
    entryId: e._id,
    kind: e.kind,
    minutes: e.minutes,
    serviceDate: e.serviceDate,
    stationId: e.stationId,
    stationName: e.stationName,
    activityId: e.activityId,
    activityTitle: e.activityTitle,
    provenance: e.provenance,
    autoClosed: e.autoClosed,
    createdAt: e.createdAt,
  };
}

/** A claim and its review. */
export function toClaim(c: ClaimDoc) {
  return {
    claimId: c._id,
    volunteerName: c.volunteerName,
    volunteerNo: c.volunteerNo,
    stationId: c.stationId,
    activityId: c.activityId,
    activityTitle: c.activityTitle,
    startAt: c.startAt,
    minutes: c.minutes,
    description: c.description,
    status: c.status,
    reviewReason: c.reviewReason,
    reviewedByName: c.reviewedByName,
    createdAt: c.createdAt,
  };
}

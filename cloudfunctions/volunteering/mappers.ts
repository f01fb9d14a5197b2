import { maskName, maskPhone } from '../../shared/domain/privacy';
import type { ClaimDoc, HourEntryDoc, IdDisputeDoc, ShiftDoc, VolunteerDoc } from '../core/documents';

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

/** A dispute as its claimant sees it. */
export function toIdDispute(d: IdDisputeDoc) {
  return {
    disputeId: d._id,
    status: d.status,
    idMasked: d.idMasked,
    stationId: d.stationId,
    stationName: d.stationName,
    createdAt: d.createdAt,
    resolution: d.resolution,
  };
}

/** A dispute as station staff see it: enough to recognise the people at the desk, no more. */
export function toStaffIdDispute(d: IdDisputeDoc) {
  return {
    ...toIdDispute(d),
    claimantName: maskName(d.claimantName),
    claimantPhoneMasked: maskPhone(d.claimantPhone),
    holderName: maskName(d.holderName),
    holderVolunteerNo: d.holderVolunteerNo,
  };
}

import { needProgress } from '../../shared/domain/donation';
import { maskPhone } from '../../shared/domain/privacy';
import type { CharityDoc, DistributionDoc, NeedDoc, PledgeDoc } from '../core/documents';

/** Donors who asked to stay anonymous are 爱心人士 everywhere others can see. */
export const ANONYMOUS_DONOR = '爱心人士';

export function toCharity(c: CharityDoc) {
  return {
    charityId: c._id,
    name: c.name,
    registrationNo: c.registrationNo,
    projectName: c.projectName,
    projectUrl: c.projectUrl,
    howToGive: c.howToGive,
  };
}

export function toNeed(n: NeedDoc) {
  return {
    needId: n._id,
    stationId: n.stationId,
    stationName: n.stationName,
    title: n.title,
    kind: n.kind,
    unit: n.unit,
    targetQuantity: n.targetQuantity,
    unitValueFen: n.unitValueFen,
    pledgedQuantity: n.pledgedQuantity,
    receivedQuantity: n.receivedQuantity,
    ...needProgress(n),
    deadline: n.deadline,
    beneficiaryGroup: n.beneficiaryGroup,
    description: n.description,
    activityId: n.activityId,
    charityId: n.charityId,
    status: n.status,
  };
}

export function toDistribution(d: DistributionDoc) {
  return {
    distributionId: d._id,
    quantity: d.quantity,
    beneficiaryGroup: d.beneficiaryGroup,
    activityTitle: d.activityTitle,
    note: d.note,
    at: d.at,
  };
}

/** The donor's own view of a pledge. */
export function toPledge(
  p: PledgeDoc,
  extra: { charity: CharityDoc | null; distributions: DistributionDoc[]; photoLinks?: Map<string, string> },
) {
  return {
    pledgeId: p._id,
    needId: p.needId,
    needTitle: p.needTitle,
    stationId: p.stationId,
    stationName: p.stationName,
    kind: p.kind,
    quantity: p.quantity,
    unit: p.unit,
    unitValueFen: p.unitValueFen,
    estimatedValueFen: p.estimatedValueFen,
    receivedQuantity: p.receivedQuantity,
    distributedQuantity: p.distributedQuantity,
    deliveryMethod: p.deliveryMethod,
    expectedDate: p.expectedDate,
    message: p.message,
    anonymous: p.anonymous,
    charity: extra.charity ? toCharity(extra.charity) : null,
    receiptNo: p.receiptNo,
    status: p.status,
    thankYouNote: p.thankYouNote,
    arrivalPhotoUrl: (p.photoFileId && extra.photoLinks?.get(p.photoFileId)) || null,
    timeline: p.timeline,
    distributions: extra.distributions.map(toDistribution),
    createdAt: p.createdAt,
  };
}

/** Staff's view: the donor's name as given (even if anonymous to the public), contact masked. */
export function toStaffPledge(p: PledgeDoc, now: Date, photoLinks?: Map<string, string>) {
  const { distributions: _d, timeline: _t, ...rest } = toPledge(p, { charity: null, distributions: [], photoLinks });
  return {
    ...rest,
    donorName: p.donorName,
    contactMasked: maskPhone(p.contactPhone),
    overdue: p.status === 'pledged' && p.expectedDate < now,
  };
}

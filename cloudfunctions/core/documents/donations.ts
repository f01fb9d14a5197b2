import type { DeliveryMethod, NeedKind, NeedStatus, PledgeStatus } from '../../../shared/domain/donation';

/** `charities`: registered charities with 公开募捐资格, curated per district (centre). */
export interface CharityDoc {
  _id: string;
  centerId: string;
  name: string;
  registrationNo: string;
  projectName: string;
  projectUrl: string;
  howToGive: string;
  createdBy: string;
  createdAt: Date;
}

/** `needs`: a station's list of what it is looking for (物资需求清单). Quantities are integers. */
export interface NeedDoc {
  _id: string;
  stationId: string;
  stationName: string;
  stationPath: string[];
  title: string;
  kind: NeedKind;
  unit: string;
  targetQuantity: number;
  unitValueFen: number;
  /** Active pledges (pledged or received) — capped at target × overPledgePercent / 100. */
  pledgedQuantity: number;
  receivedQuantity: number;
  /**
   * Undelivered quantity per donor id (pledged, not yet received, cancelled, lapsed or voided),
   * moved in the same conditional writes as `pledgedQuantity`; capped by `donorOpenCap`.
   */
  openByDonor?: Record<string, number>;
  overPledgePercent: number;
  deadline: Date;
  beneficiaryGroup: string;
  description: string;
  activityId: string | null;
  charityId: string | null;
  status: NeedStatus;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** One step of a pledge's life, shown to the donor as a timeline. */
export interface PledgeEvent {
  at: Date;
  label: string;
}

/** `pledges`: what a donor promised and what became of it. Money is integer fen. */
export interface PledgeDoc {
  _id: string;
  needId: string | null;
  needTitle: string | null;
  stationId: string;
  stationName: string;
  stationPath: string[];
  donorId: string;
  donorName: string;
  anonymous: boolean;
  contactPhone: string;
  kind: NeedKind;
  quantity: number;
  unit: string;
  unitValueFen: number;
  estimatedValueFen: number;
  deliveryMethod: DeliveryMethod;
  expectedDate: Date;
  message: string;
  charityId: string | null;
  receiptNo: string | null;
  status: PledgeStatus;
  receivedQuantity: number;
  receivedValueFen: number;
  receivedAt: Date | null;
  /** True when less arrived than was pledged (the staff "partially received" view). */
  partial: boolean;
  arrivalNote: string | null;
  photoFileId: string | null;
  distributedQuantity: number;
  thankYouNote: string | null;
  /** True when the pledge is counted in its need's `openByDonor` (pledges made since it exists). */
  shareCounted?: boolean;
  /** Why staff voided it (told to the donor). */
  voidReason?: string;
  timeline: PledgeEvent[];
  createdAt: Date;
  updatedAt: Date;
}

/** `distributions`: where received goods went — rows, never an array on the pledge. */
export interface DistributionDoc {
  _id: string;
  pledgeId: string;
  stationId: string;
  stationPath: string[];
  needTitle: string | null;
  donorName: string;
  unit: string;
  quantity: number;
  beneficiaryGroup: string;
  activityId: string | null;
  activityTitle: string | null;
  note: string;
  by: string;
  at: Date;
}

import type {
  DeliveryMode,
  EscalationStage,
  ItemTimeClass,
  MenuAudience,
  MenuItemStatus,
  OrderAction,
  OrderActor,
  OrderCategory,
  OrderChannel,
  OrderOutcome,
  OrderPolicy,
  OrderStatus,
  PreferredTime,
  ProxyVia,
  Relationship,
  ServiceMethod,
  TimeClass,
} from '../../../shared/domain/orders';
import type { StationTier } from '../../../shared/domain/station';

/**
 * `menuItems`: one row per item a station (or a 中心, for its whole district) offers. A station's
 * menu is every active item whose owner is on its path: the 中心's district menu, its 站's items,
 * and its own (a 室 inherits both above it).
 */
export interface MenuItemDoc {
  _id: string;
  ownerId: string;
  ownerName: string;
  ownerTier: StationTier;
  /** The owner's station path (so "items owned in my subtree" is one query). */
  ownerPath: string[];
  name: string;
  category: OrderCategory;
  description: string;
  audience: MenuAudience;
  delivery: DeliveryMode[];
  timeClass: ItemTimeClass;
  /** The item's own allowance; null = the 中心's policy for its class. */
  responseHours: number | null;
  completionHours: number | null;
  status: MenuItemStatus;
  /** Bumped by every edit; edits are conditional on the revision the editor saw. */
  rev: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** `orderPolicies`: a 中心's deadline rules; `_id` = the 中心's station id. Absent = the defaults. */
export interface OrderPolicyDoc extends OrderPolicy {
  _id: string;
  rev: number;
  updatedBy: string;
  updatedAt: Date;
}

/** What happened to an order, as its own trail (its audit record; staff changes also go to `auditLog`). */
export interface OrderEventDoc {
  at: Date;
  action: OrderAction | 'place' | 'schedule' | 'rate' | 'reply' | 'escalate';
  from: OrderStatus | null;
  to: OrderStatus;
  /** User id of the actor, or `system`. */
  byId: string;
  byRole: OrderActor;
  /** The actor's display name (shown to the resident only for the worker). */
  byName: string;
  /** The worker an order was dispatched to (display name), for `dispatch`. */
  subjectName: string | null;
  note: string | null;
  /** Whether the resident sees the note (a decline reason yes; a staff-internal return reason no). */
  notePublic: boolean;
}

/** What a worker did, written when they close the order (one per closing). */
export interface ServiceRecordDoc {
  round: number;
  startAt: Date;
  minutes: number;
  method: ServiceMethod;
  note: string;
  photoFileId: string | null;
  byId: string;
  byName: string;
  at: Date;
  /** The volunteer-hours claim this record asked for (volunteers only), for staff to confirm. */
  hoursClaimId: string | null;
}

/** The resident's rating (评单): one per order, editable for 7 days, with the station's reply. */
export interface OrderRatingDoc {
  score: number;
  comment: string;
  /** Who rated: the orderer, or station staff recording a phone rating on a 代点单. */
  ratedBy: string;
  firstRatedAt: Date;
  updatedAt: Date;
  /** Score ≤ 2: the station head's queue until a head has looked at it. */
  bad: boolean;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  reply: { text: string; at: Date; byId: string } | null;
}

/** Where an order came from when the station raised it (a visit that found a need). */
export interface OrderSourceDoc {
  kind: 'visit';
  visitId: string;
  /** The visit checklist item that was abnormal (e.g. `safety.gas`). */
  item: string;
}

/**
 * `orders`: one service order. Personal details (recipient, phone, address, description, photo)
 * leave the server only to the orderer, the current assignee and (phone masked) station staff.
 * Every status change is one conditional write on the expected status.
 */
export interface OrderDoc {
  _id: string;
  stationId: string;
  stationName: string;
  stationPath: string[];
  centerId: string;
  itemId: string | null;
  itemName: string;
  category: OrderCategory;
  freeForm: boolean;
  delivery: DeliveryMode;
  channel: OrderChannel;
  urgent: boolean;
  timeClass: TimeClass;
  description: string;
  photoFileId: string | null;
  preferredTime: PreferredTime;
  timeNote: string;
  /** The account that placed it: the resident, a family member, or staff for a 代点单. */
  orderedBy: string;
  orderedByName: string;
  /** The person served, when they have an account (a self order), else null. */
  recipientUserId: string | null;
  recipientName: string;
  relationship: Relationship | null;
  contactPhone: string;
  address: string;
  /** Staff took it by phone or at the desk for someone without a phone (代点单), audited. */
  proxy: { staffId: string; staffName: string; via: ProxyVia } | null;
  source: OrderSourceDoc | null;
  status: OrderStatus;
  assigneeId: string | null;
  assigneeKind: 'staff' | 'volunteer' | null;
  assigneeName: string | null;
  scheduledAt: Date | null;
  /** First answer from the station (taken, declined or referred): the 响应 time. */
  respondedAt: Date | null;
  acceptedAt: Date | null;
  /** When a worker closed it (done or could not be done); cleared by a reopen. */
  closedAt: Date | null;
  outcome: OrderOutcome | null;
  closeReason: string | null;
  /** The 中心's confirmation window when it was placed (hours after closing). */
  confirmHours: number;
  /** The resident may confirm or reopen until then; afterwards the timer closes it. */
  confirmBy: Date | null;
  confirmedAt: Date | null;
  declineReason: string | null;
  referral: { to: string; note: string } | null;
  reopenCount: number;
  records: ServiceRecordDoc[];
  rating: OrderRatingDoc | null;
  responseDueAt: Date;
  completionDueAt: Date;
  responseNearAt: Date;
  completionNearAt: Date;
  /** The deadline that matters now (response, then completion); null once closed. Queues sort by it. */
  nextDueAt: Date | null;
  /** When each escalation stage was marked (each at most once). */
  notified: Record<EscalationStage, Date | null>;
  history: OrderEventDoc[];
  rev: number;
  createdAt: Date;
  updatedAt: Date;
}

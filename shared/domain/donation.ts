import type { ActivityStatus } from './activity';

/**
 * Resource linking (链接社会资源) without handling money (《慈善法》). A station lists needs; donors
 * pledge goods, services, or funds given THROUGH a registered charity; staff confirm what was
 * received and record where it went. Quantities are integers in the need's unit; values are
 * integer fen — no floating point anywhere in money.
 */
export const NEED_KINDS = { goods: '物资', service: '服务/技能', funds_via_charity: '经慈善组织捐赠资金' } as const;
export type NeedKind = keyof typeof NEED_KINDS;
export const NEED_KIND_KEYS = Object.keys(NEED_KINDS) as [NeedKind, ...NeedKind[]];

export const NEED_STATUSES = ['open', 'fulfilled', 'closed', 'expired'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
export const NEED_STATUS_LABELS: Record<NeedStatus, string> = {
  open: '征集中',
  fulfilled: '已满足',
  closed: '已关闭',
  expired: '已过期',
};

export const PLEDGE_STATUSES = ['pledged', 'received', 'distributed', 'cancelled', 'lapsed', 'voided'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];
export const PLEDGE_STATUS_LABELS: Record<PledgeStatus, string> = {
  pledged: '已认捐，待送达',
  received: '站点已接收',
  distributed: '已全部发放',
  cancelled: '已取消',
  lapsed: '逾期未送达',
  voided: '已被站点作废',
};

/**
 * The staff's pledge queues: expected within the week, overdue (still pledged past the expected
 * date), partially received, received (waiting to be distributed), and every pledge not yet
 * delivered whatever its date (where staff find one to void).
 */
export const PLEDGE_QUEUE_VIEWS = ['expected', 'overdue', 'partial', 'received', 'pledged'] as const;
export type PledgeQueueView = (typeof PLEDGE_QUEUE_VIEWS)[number];

export const DELIVERY_METHODS = {
  drop_off: '送到站点',
  pickup: '上门收取',
  express: '快递寄送',
  online_via_charity: '通过慈善组织线上捐赠',
} as const;
export type DeliveryMethod = keyof typeof DELIVERY_METHODS;
export const DELIVERY_METHOD_KEYS = Object.keys(DELIVERY_METHODS) as [DeliveryMethod, ...DeliveryMethod[]];

/** Beneficiary groups as stations name them. */
export const BENEFICIARY_GROUPS = [
  '困难老人',
  '独居老人',
  '留守儿童',
  '困境儿童',
  '残疾人',
  '低保家庭',
  '特困人员',
  '社区居民',
] as const;

/** Statuses of a pledge whose goods (or funds) arrived: what reports, the ledger and thanks count. */
export const ARRIVED_STATUSES: readonly PledgeStatus[] = ['received', 'distributed'];

/**
 * Statuses of a pledge whose quantity a need's `pledgedQuantity` counts: promised and neither
 * withdrawn nor lapsed. (`receivedQuantity` counts what arrived, over `ARRIVED_STATUSES`.)
 */
export const PLEDGE_COUNTED_STATUSES: readonly PledgeStatus[] = ['pledged', 'received', 'distributed'];

/** Who may move a pledge, and along which edge. */
export type PledgeActor = 'donor' | 'staff' | 'system';

const TRANSITIONS: Record<PledgeStatus, Partial<Record<PledgeStatus, PledgeActor>>> = {
  pledged: { received: 'staff', cancelled: 'donor', lapsed: 'system', voided: 'staff' },
  received: { distributed: 'staff' },
  distributed: {},
  cancelled: {},
  lapsed: {},
  voided: {},
};

/**
 * Whether `actor` may move a pledge from `from` to `to`: pledged → received (staff confirm) →
 * distributed (staff, once everything received went somewhere); pledged → cancelled (donor,
 * before it arrived); pledged → lapsed (scheduled, past the expected date + grace); pledged →
 * voided (staff, with a reason the donor is told: a pledge that blocks a need or was never meant).
 */
export function canTransitionPledge(from: PledgeStatus, to: PledgeStatus, actor: PledgeActor): boolean {
  return TRANSITIONS[from][to] === actor;
}

/**
 * Why an activity may not be named where a station's donations went (a distribution, a need), or
 * null: it must belong to that station's subtree and be public — a draft is not (`NOT_FOUND`, as
 * if it did not exist), and a cancelled activity did not happen (`ACTIVITY_CANCELLED`). What is
 * named reaches the public ledger.
 */
export function linkedActivityProblem(
  activity: { status: ActivityStatus; stationPath: readonly string[] },
  stationId: string,
): 'NOT_FOUND' | 'ACTIVITY_CANCELLED' | null {
  if (!activity.stationPath.includes(stationId) || activity.status === 'draft') return 'NOT_FOUND';
  if (activity.status === 'cancelled') return 'ACTIVITY_CANCELLED';
  return null;
}

/** Days after a need's deadline a pledge to it may still be expected to arrive. */
export const PLEDGE_DELIVERY_GRACE_DAYS = 7;
/** How far ahead a pledge to the station itself (no need, no deadline) may be expected. */
export const GENERAL_PLEDGE_HORIZON_DAYS = 60;

/**
 * The latest expected delivery date a pledge may name: the need's deadline plus
 * {@link PLEDGE_DELIVERY_GRACE_DAYS}, or {@link GENERAL_PLEDGE_HORIZON_DAYS} from now without a
 * need — so no pledge holds a need's quantity beyond its life, and every pledge lapses in time.
 */
export function latestExpectedDate(context: { now: Date; needDeadline: Date | null }): Date {
  return context.needDeadline
    ? new Date(context.needDeadline.getTime() + PLEDGE_DELIVERY_GRACE_DAYS * 86400_000)
    : new Date(context.now.getTime() + GENERAL_PLEDGE_HORIZON_DAYS * 86400_000);
}

/** The share of what a need accepts one donor's undelivered pledges may hold at most. */
export const DONOR_OPEN_SHARE_PERCENT = 50;

/**
 * How much one donor may have pledged and not yet delivered against a need whose pledges are
 * capped at `cap`: half of it, rounded up, at least 1 — so one account cannot hold a need alone;
 * what arrived no longer counts, so a generous donor gives again after delivering.
 */
export function donorOpenCap(cap: number): number {
  return Math.max(1, Math.ceil((cap * DONOR_OPEN_SHARE_PERCENT) / 100));
}

/** Days after the expected delivery date before an undelivered pledge lapses. */
export const PLEDGE_LAPSE_GRACE_DAYS = 7;
/** Default over-pledge allowance: pledges may reach 150 % of a need's target. */
export const DEFAULT_OVER_PLEDGE_PERCENT = 150;
/**
 * Largest value one unit may carry: 10 万元 in fen. Beyond any good a station collects; values are
 * stated by donors and staff alike, so the ceiling is what keeps a hostile figure out of the 月报.
 */
export const MAX_UNIT_VALUE_FEN = 10_000_000;
/**
 * Largest value one pledge may carry: 100 万元 in fen. A month's sums stay exact integers far past
 * any real station (2^53 fen would need 90 million pledges at the ceiling).
 */
export const MAX_VALUE_FEN = 100_000_000;

/**
 * quantity × unit value in fen, or null when it passes {@link MAX_VALUE_FEN}; a RangeError for
 * anything that is not a non-negative integer (the contracts let none through).
 */
export function valueFen(quantity: number, unitValueFen: number): number | null {
  if (!Number.isSafeInteger(quantity) || !Number.isSafeInteger(unitValueFen) || quantity < 0 || unitValueFen < 0) {
    throw new RangeError('quantity and unit value must be non-negative integers');
  }
  const value = quantity * unitValueFen;
  return value > MAX_VALUE_FEN ? null : value;
}

/**
 * Whether the donor stated the pledge's unit value (a pledge to the station itself) rather than
 * the station (a pledge to a need). Staff confirm or correct a donor's value when the goods arrive;
 * only what staff confirm reaches the ledger and the 月报.
 */
export function isValueSetByDonor(pledge: { needId: string | null }): boolean {
  return pledge.needId === null;
}

/** The most that may be pledged against a need: floor(target × percent / 100), in integers. */
export function pledgeCap(targetQuantity: number, overPledgePercent: number): number {
  return Math.floor((targetQuantity * overPledgePercent) / 100);
}

/** Progress a need shows: received (never more than the target) and pledged, both capped for the bar. */
export function needProgress(need: { targetQuantity: number; receivedQuantity: number; pledgedQuantity: number }): {
  receivedPercent: number;
  pledgedPercent: number;
} {
  const pct = (n: number) => (need.targetQuantity > 0 ? Math.min(100, Math.floor((n * 100) / need.targetQuantity)) : 0);
  return { receivedPercent: pct(need.receivedQuantity), pledgedPercent: pct(need.pledgedQuantity) };
}

/** `¥1,234.50` from integer fen, without floating point. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}¥${yuan}.${cents}`;
}

/** Longest side of an arrival photo after the phone compresses it: enough to read a label, light to send. */
export const ARRIVAL_PHOTO_MAX_SIDE = 1280;
/** Largest arrival photo accepted, in bytes (the client compresses to a few hundred KB first). */
export const ARRIVAL_PHOTO_MAX_BYTES = 2 * 1024 * 1024;
/** The same limit as base64 text, as the photo travels inside a function call. */
export const ARRIVAL_PHOTO_MAX_BASE64 = Math.ceil(ARRIVAL_PHOTO_MAX_BYTES / 3) * 4;

/** The image type of `bytes` by its signature (never by a name or a claimed type), or null. */
export function sniffImage(bytes: Uint8Array): 'jpg' | 'png' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= png.length && png.every((b, i) => bytes[i] === b)) return 'png';
  return null;
}

/** Where a pledge's arrival photos live in cloud storage; only files under it may be attached. */
export function arrivalPhotoFolder(stationId: string, pledgeId: string): string {
  return `arrivals/${stationId}/${pledgeId}/`;
}

/** Hex characters of the content digest that names an arrival photo (so a retried upload is the same file). */
export const ARRIVAL_PHOTO_DIGEST_CHARS = 24;
const ARRIVAL_PHOTO_NAME = new RegExp(`^[0-9a-f]{${ARRIVAL_PHOTO_DIGEST_CHARS}}\\.(jpg|png)$`);

/** The cloud path of an arrival photo: the pledge's folder, the content digest, the sniffed type. */
export function arrivalPhotoPath(stationId: string, pledgeId: string, digestHex: string, type: 'jpg' | 'png'): string {
  return `${arrivalPhotoFolder(stationId, pledgeId)}${digestHex.slice(0, ARRIVAL_PHOTO_DIGEST_CHARS)}.${type}`;
}

/** True only for a path {@link arrivalPhotoPath} gives for this pledge: directly in its folder, by that name. */
export function isArrivalPhotoPath(stationId: string, pledgeId: string, path: string): boolean {
  const folder = arrivalPhotoFolder(stationId, pledgeId);
  return path.startsWith(folder) && ARRIVAL_PHOTO_NAME.test(path.slice(folder.length));
}

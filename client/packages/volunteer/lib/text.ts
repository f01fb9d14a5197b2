import { formatHours } from '../../../../shared/domain/hours';

/** Provenance of an entry in words (never colour alone). */
export const KIND_LABELS = { verified: '签到核实', topup: '补录', adjustment: '更正' } as const;

/** Claim review states in words. */
export const CLAIM_STATUS_LABELS = { pending: '待审核', approved: '✓ 已通过', rejected: '✗ 未通过' } as const;

/** "2.5 小时（150 分钟）", signed for adjustments. */
export function hoursText(minutes: number): string {
  return `${formatHours(minutes)} 小时（${minutes} 分钟）`;
}

/** Beijing date `YYYY-MM-DD`, `days` from now. */
export function beijingDay(days = 0, now = Date.now()): string {
  return new Date(now + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
}

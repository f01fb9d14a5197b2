import { DUE_STATUS_LABELS, VISIT_PERIOD_LABELS, type DueStatus } from '../../../../shared/domain/visit-plan';
import { RISK_TIERS, TARGET_CATEGORIES, type RiskTier, type TargetCategory } from '../../../../shared/domain/targets';
import { formatDateTime, inAppZone } from '../../../../shared/domain/time';

export { DUE_STATUS_LABELS, VISIT_PERIOD_LABELS, RISK_TIERS, TARGET_CATEGORIES };

/** "已逾期" / "本周应访" …, with a mark that is not colour: ！ for overdue, ● for this week. */
export function dueWords(status: DueStatus | null): string {
  if (!status) return '已结案';
  if (status === 'overdue') return `！${DUE_STATUS_LABELS.overdue}`;
  if (status === 'this_week') return `● ${DUE_STATUS_LABELS.this_week}`;
  return DUE_STATUS_LABELS[status];
}

/** The status-line style of a due status. */
export function dueTone(status: DueStatus | null): 'danger' | 'warn' | 'ok' {
  return status === 'overdue' ? 'danger' : status === 'this_week' || status === 'this_month' ? 'warn' : 'ok';
}

/** "高风险" etc. */
export function tierWords(tier: RiskTier): string {
  return RISK_TIERS[tier];
}

/** "低保、独居/空巢老人". */
export function categoryWords(categories: readonly TargetCategory[]): string {
  return categories.map((c) => TARGET_CATEGORIES[c]).join('、');
}

/** "最近探访 11月20日 周五 10:00" or "从未探访". */
export function lastVisitWords(lastVisitAt: string | null): string {
  return lastVisitAt ? `最近探访 ${formatDateTime(lastVisitAt)}` : '从未探访';
}

/** "应在 12月6日 周日 前探访" — the day before an exclusive midnight deadline reads naturally. */
export function deadlineWords(deadline: string | null): string {
  if (!deadline) return '';
  const d = inAppZone(deadline);
  const atMidnight = d.hour() === 0 && d.minute() === 0;
  const shown = atMidnight ? d.subtract(1, 'minute') : d;
  return atMidnight ? `请在 ${shown.month() + 1}月${shown.date()}日 前探访` : `请在 ${formatDateTime(deadline)} 前探访`;
}

/** Age from the birth year, in the current year (Shanghai). */
export function ageWords(birthYear: number): string {
  return `${inAppZone(new Date()).year() - birthYear} 岁`;
}

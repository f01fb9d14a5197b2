import type { TActivitySummary, TMyState } from '../../shared/contracts/activities';
import { ACTIVITY_STATUS_LABELS, isFull } from '../../shared/domain/activity';

/**
 * Where an activity stands at `now`, in words for its status chip — or null when the seats line
 * already says it ("已满"): never "报名中" beside "已满".
 */
export function phaseLabel(
  activity: Pick<
    TActivitySummary,
    'status' | 'startAt' | 'endAt' | 'signUpOpensAt' | 'signUpClosesAt' | 'capacity' | 'confirmed'
  >,
  now: Date,
): string | null {
  if (activity.status !== 'published') return ACTIVITY_STATUS_LABELS[activity.status];
  const at = now.getTime();
  if (at >= Date.parse(activity.endAt)) return '已结束';
  if (at >= Date.parse(activity.startAt)) return '进行中';
  if (at < Date.parse(activity.signUpOpensAt)) return '报名未开始';
  if (at >= Date.parse(activity.signUpClosesAt)) return '报名已截止';
  if (isFull(activity)) return null;
  return '报名中';
}

/** The caller's own state on an activity card: "✓ 已报名", "候补第 2 位", "母亲 王秀英：✓ 已签到". */
export function myStateLine(state: TMyState): { text: string; tone: 'ok' | 'warn' } {
  const own = (() => {
    switch (state.status) {
      case 'confirmed':
        return { text: '✓ 已报名', tone: 'ok' as const };
      case 'checked_in':
        return { text: '✓ 已签到', tone: 'ok' as const };
      case 'waitlisted':
        return {
          text: state.waitlistPosition ? `候补第 ${state.waitlistPosition} 位` : '候补中',
          tone: 'warn' as const,
        };
      case 'offered':
        return { text: '！有空位了，请确认参加', tone: 'warn' as const };
      case 'no_show':
      case 'cancelled':
      case 'expired':
        return { text: '', tone: 'warn' as const };
    }
  })();
  return state.forName ? { text: `${state.forName}：${own.text}`, tone: own.tone } : own;
}

import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import type { TActivitySummary, TMyState } from '../../shared/contracts/activities';
import {
  ACTIVITY_CATEGORIES,
  ACTIVITY_METHODS,
  ACTIVITY_STATUS_LABELS,
  isFull,
  remainingSeats,
} from '../../shared/domain/activity';
import { formatSpan } from '../../shared/domain/time';
import { myStateLine } from '../lib/activity-text';
import { TimeText } from './time-text';

/**
 * Seats in words: "剩余 N 个名额", "已满", or why sign-up is not open. Colour only repeats this.
 * Capacity 0 means sign-up is closed (shared/domain/activity `isFull`).
 */
export function seatsText(activity: Pick<TActivitySummary, 'status' | 'capacity' | 'confirmed'>): {
  text: string;
  tone: 'ok' | 'warn' | 'danger';
} {
  if (activity.status !== 'published') return { text: ACTIVITY_STATUS_LABELS[activity.status], tone: 'warn' };
  if (activity.capacity === 0) return { text: '暂不接受报名', tone: 'warn' };
  if (isFull(activity)) return { text: '已满', tone: 'danger' };
  return { text: `剩余 ${remainingSeats(activity)} 个名额`, tone: 'ok' };
}

/**
 * The waitlist in words once every seat is taken, or null (no waitlist, seats left, not open):
 * "可候补：已有 2 人候补，还可候补 3 人" / "候补名单也已满".
 */
export function waitlistText(
  activity: Pick<TActivitySummary, 'status' | 'capacity' | 'confirmed' | 'waitlistCapacity' | 'waitlisted'>,
): string | null {
  if (activity.status !== 'published' || activity.waitlistCapacity === 0 || activity.capacity === 0) return null;
  if (!isFull(activity)) return null;
  const left = Math.max(0, activity.waitlistCapacity - activity.waitlisted);
  if (left === 0) return '候补名单也已满';
  return activity.waitlisted > 0
    ? `可候补：已有 ${activity.waitlisted} 人候补，还可候补 ${left} 人`
    : `可候补：还可候补 ${left} 人`;
}

/** "4.6 分 · 12 人评价", or null before the first rating. */
export function ratingText(activity: Pick<TActivitySummary, 'ratingAverage' | 'ratingCount'>): string | null {
  if (activity.ratingCount === 0 || activity.ratingAverage === null) return null;
  return `${activity.ratingAverage.toFixed(1)} 分 · ${activity.ratingCount} 人评价`;
}

/** Volunteer slots in words, for volunteers looking for a shift: "志愿岗位：剩余 2 个（共 3 个）". */
export function volunteerSlotsText(activity: Pick<TActivitySummary, 'volunteerSlots' | 'volunteersSignedUp'>): string {
  const left = Math.max(0, activity.volunteerSlots - activity.volunteersSignedUp);
  return left > 0
    ? `志愿岗位：剩余 ${left} 个（共 ${activity.volunteerSlots} 个）`
    : `志愿岗位：已满（共 ${activity.volunteerSlots} 个）`;
}

/**
 * An activity in a list: title, category and method, time span (Asia/Shanghai), place, station,
 * rating, seats and the waitlist, the caller's own bookings on it ("✓ 已报名", "候补第 2 位") and,
 * for volunteers looking for a shift, the volunteer slots. `children` adds a row below (a
 * booking's status, staff buttons).
 */
export function ActivityCard({
  activity,
  onClick,
  showStation = true,
  showSeats = true,
  showVolunteerSlots = false,
  mine = [],
  children,
}: PropsWithChildren<{
  activity: TActivitySummary;
  onClick?: () => void;
  showStation?: boolean;
  /** Seats and waitlist left (off where the card stands for the caller's own booking). */
  showSeats?: boolean;
  /** Volunteer slots left (the list's 有志愿岗位 filter). */
  showVolunteerSlots?: boolean;
  /** The caller's own (and family's) bookings on this activity. */
  mine?: readonly TMyState[];
}>) {
  const seats = seatsText(activity);
  const waitlist = waitlistText(activity);
  const rating = ratingText(activity);
  const states = mine.map(myStateLine).filter((line) => line.text);
  return (
    <View className="card activity-card" id={`activity-card-${activity.activityId}`} onClick={onClick}>
      <Text className="text-strong activity-card__title">{activity.title}</Text>
      <View>
        <Text className="chip">{ACTIVITY_CATEGORIES[activity.category]}</Text>
        <Text className="chip chip--muted">{ACTIVITY_METHODS[activity.method]}</Text>
        {activity.status !== 'published' ? (
          <Text className="chip chip--muted">{ACTIVITY_STATUS_LABELS[activity.status]}</Text>
        ) : null}
      </View>
      <View className="meta-row">
        <Text className="meta-label">时间</Text>
        <TimeText className="meta-value" text={formatSpan(activity)} />
      </View>
      <View className="meta-row">
        <Text className="meta-label">地点</Text>
        <Text className="meta-value">{activity.location}</Text>
      </View>
      {showStation ? (
        <View className="meta-row">
          <Text className="meta-label">站点</Text>
          <Text className="meta-value">{activity.stationName}</Text>
        </View>
      ) : null}
      {rating ? (
        <View className="meta-row">
          <Text className="meta-label">评价</Text>
          <Text className="meta-value">★ {rating}</Text>
        </View>
      ) : null}
      {states.map((line, index) => (
        <Text
          key={index}
          className={`status-line status-line--${line.tone}`}
          id={index === 0 ? `my-state-${activity.activityId}` : `my-state-${activity.activityId}-${index}`}
        >
          {line.text}
        </Text>
      ))}
      {showSeats ? <Text className={`status-line status-line--${seats.tone}`}>{seats.text}</Text> : null}
      {showSeats && waitlist ? <Text className="status-line status-line--warn">{waitlist}</Text> : null}
      {showVolunteerSlots && activity.volunteerSlots > 0 ? (
        <Text
          className={`status-line status-line--${activity.volunteerSlots > activity.volunteersSignedUp ? 'ok' : 'danger'}`}
          id={`volunteer-slots-${activity.activityId}`}
        >
          {volunteerSlotsText(activity)}
        </Text>
      ) : null}
      {children}
    </View>
  );
}

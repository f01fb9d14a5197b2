import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import type { TActivitySummary } from '../../shared/contracts/activities';
import {
  ACTIVITY_CATEGORIES,
  ACTIVITY_METHODS,
  ACTIVITY_STATUS_LABELS,
  isFull,
  remainingSeats,
} from '../../shared/domain/activity';
import { formatSpan } from '../../shared/domain/time';

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
 * An activity in a list: title, category and method, time span (Asia/Shanghai), place, station
 * and seats. `children` adds a row below (a booking's status, staff buttons).
 */
export function ActivityCard({
  activity,
  onClick,
  showStation = true,
  children,
}: PropsWithChildren<{ activity: TActivitySummary; onClick?: () => void; showStation?: boolean }>) {
  const seats = seatsText(activity);
  return (
    <View className="card activity-card" onClick={onClick}>
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
        <Text className="meta-value">{formatSpan(activity)}</Text>
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
      <Text className={`status-line status-line--${seats.tone}`}>{seats.text}</Text>
      {children}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import type { TStationSummary } from '../../shared/contracts/stations';
import { TIER_LABELS, childTier } from '../../shared/domain/station';

/** "下设 3 个社工站" for a station with children, or null. */
export function childrenText(station: Pick<TStationSummary, 'tier' | 'childCount'>): string | null {
  const tier = childTier(station.tier);
  if (!tier || station.childCount === 0) return null;
  return `下设 ${station.childCount} 个${TIER_LABELS[tier]}`;
}

/** A station in a list: name, tier in words, tags, address, opening hours, phone and children. */
export function StationCard({
  station,
  onClick,
  children,
}: PropsWithChildren<{ station: TStationSummary; onClick?: () => void }>) {
  const below = childrenText(station);
  return (
    <View className="card station-card" onClick={onClick}>
      <Text className="text-strong">{station.name}</Text>
      <View>
        <Text className="chip">{TIER_LABELS[station.tier]}</Text>
        {station.tags.map((tag) => (
          <Text key={tag} className="chip chip--muted">
            {tag}
          </Text>
        ))}
      </View>
      {station.address ? (
        <View className="meta-row">
          <Text className="meta-label">地址</Text>
          <Text className="meta-value">{station.address}</Text>
        </View>
      ) : null}
      {station.openingHours ? (
        <View className="meta-row">
          <Text className="meta-label">开放时间</Text>
          <Text className="meta-value">{station.openingHours}</Text>
        </View>
      ) : null}
      {station.phone ? (
        <View className="meta-row">
          <Text className="meta-label">电话</Text>
          <Text className="meta-value">{station.phone}</Text>
        </View>
      ) : null}
      {below ? <Text className="status-line status-line--ok">{below}</Text> : null}
      {children}
    </View>
  );
}

import { View } from '@tarojs/components';
import './donation.scss';

/** The managed stations as chips; the chosen one carries a ✓. */
export function StationChips(props: {
  stations: readonly { stationId: string; stationName: string }[];
  value: string | undefined;
  onChange: (stationId: string) => void;
}) {
  return (
    <View className="choice-chips" id="donation-station-picker">
      {props.stations.map((s) => (
        <View
          key={s.stationId}
          id={`donation-station-${s.stationId}`}
          className={`filter-chip${s.stationId === props.value ? ' filter-chip--active' : ''}`}
          onClick={() => props.onChange(s.stationId)}
        >
          {s.stationId === props.value ? `✓ ${s.stationName}` : s.stationName}
        </View>
      ))}
    </View>
  );
}

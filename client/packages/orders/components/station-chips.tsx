import { ScrollView, Text, View } from '@tarojs/components';
import type { MyStation } from '../lib/stations';
import './orders.scss';

/** One chip per station the caller manages (✓ on the chosen one); a single station is a heading. */
export function StationChips(props: {
  stations: MyStation[];
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  if (props.stations.length <= 1) {
    return (
      <View id="order-station-picker">
        <Text className="section-title">{props.stations[0]?.stationName ?? ''}</Text>
      </View>
    );
  }
  return (
    <ScrollView scrollX className="filter-bar" id="order-station-picker">
      {props.stations.map((s) => {
        const active = s.stationId === props.value;
        return (
          <View
            key={s.stationId}
            id={`order-station-${s.stationId}`}
            className={`filter-chip${active ? ' filter-chip--active' : ''}`}
            onClick={() => props.onChange(s.stationId)}
          >
            {active ? `✓ ${s.stationName}` : s.stationName}
          </View>
        );
      })}
    </ScrollView>
  );
}

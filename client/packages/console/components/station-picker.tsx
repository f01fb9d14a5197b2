import { ScrollView, Text, View } from '@tarojs/components';
import type { ConsoleStation } from '../lib/stations';

/** One chip per station (✓ on the chosen one); a single station is shown as a heading. */
export function StationPicker(props: {
  stations: ConsoleStation[];
  value: string | undefined;
  onChange: (stationId: string) => void;
}) {
  if (props.stations.length <= 1) {
    return (
      <View id="console-station-picker">
        <Text className="section-title">{props.stations[0]?.stationName ?? ''}</Text>
      </View>
    );
  }
  return (
    <View>
      <Text className="section-title">选择站点</Text>
      <ScrollView scrollX className="filter-bar" id="console-station-picker">
        {props.stations.map((station) => {
          const active = station.stationId === props.value;
          return (
            <View
              key={station.stationId}
              id={`console-station-${station.stationId}`}
              className={`filter-chip${active ? ' filter-chip--active' : ''}`}
              onClick={() => props.onChange(station.stationId)}
            >
              {active ? `✓ ${station.stationName}` : station.stationName}
            </View>
          );
        })}
      </ScrollView>
    </View>
  );
}

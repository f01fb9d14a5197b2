import { Text, View } from '@tarojs/components';
import type { RosterCounts as Counts } from '../api/use-attendance';
import { COUNTED, ROSTER_LABELS } from '../lib/roster-rules';

/** How many people are in each status, as numbers with their words under them. */
export function RosterCounts({ counts }: { counts: Counts }) {
  return (
    <View className="roster-counts" id="roster-counts">
      {COUNTED.map((status) => (
        <View className="roster-counts__cell" key={status} id={`count-${status}`}>
          <Text className="roster-counts__number">{counts[status]}</Text>
          <Text className="roster-counts__label">{ROSTER_LABELS[status]}</Text>
        </View>
      ))}
    </View>
  );
}

import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import type { TRosterEntry } from '../../../../shared/contracts/activities';
import type { AttendanceOutcome } from '../../../../shared/domain/booking';
import { type RosterActivity, rosterStatusText, rosterTone, rowActions } from '../lib/roster-rules';

/** What a row asks the page to do: 代签到 for this person, or 更正 to a door outcome. */
export type RowAction =
  { kind: 'proxy'; entry: TRosterEntry } | { kind: 'correct'; entry: TRosterEntry; to: AttendanceOutcome };

const CORRECT_LABELS: Record<AttendanceOutcome, string> = {
  checked_in: '更正为已签到',
  no_show: '更正为未到场',
};

/** One person on the roster: name, phone tail, status in words, and the buttons `rowActions` allows. */
export function RosterRow({
  entry,
  activity,
  onAction,
}: {
  entry: TRosterEntry;
  activity: RosterActivity | undefined;
  onAction: (action: RowAction) => void;
}) {
  const allowed = rowActions(entry, activity, new Date());
  return (
    <View className="card roster-row" id={`roster-row-${entry.bookingId}`}>
      <View className="roster-row__head">
        <Text className="roster-row__name">{entry.name}</Text>
        {entry.phoneTail ? <Text className="roster-row__phone">尾号 {entry.phoneTail}</Text> : null}
        {entry.bookedByStaff ? <Text className="chip chip--muted">代报名</Text> : null}
      </View>
      <Text className={`status-line status-line--${rosterTone(entry.status)}`}>{rosterStatusText(entry)}</Text>
      {allowed.proxyCheckIn || allowed.correctTo.length ? (
        <View className="actions">
          {allowed.proxyCheckIn ? (
            <Button
              type="primary"
              fill="outline"
              id={`proxy-check-in-${entry.bookingId}`}
              onClick={() => onAction({ kind: 'proxy', entry })}
            >
              代签到
            </Button>
          ) : null}
          {allowed.correctTo.map((to) => (
            <Button
              key={to}
              fill="outline"
              id={`correct-${to}-${entry.bookingId}`}
              onClick={() => onAction({ kind: 'correct', entry, to })}
            >
              {CORRECT_LABELS[to]}
            </Button>
          ))}
        </View>
      ) : null}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states';
import { readParam } from '../../../../lib/routes';
import { useLeaderboard } from '../../api/volunteering';
import '../../components/volunteer.scss';
import { beijingDay, hoursText } from '../../lib/text';

/** A station's leaderboard: opted-in volunteers by masked name; this month or all time. */
export default function LeaderboardPage() {
  const { params } = useRouter();
  const stationId = readParam(params.stationId);
  const stationName = readParam(params.stationName) ?? '本站';
  const [month, setMonth] = useState<string | undefined>(beijingDay(0).slice(0, 7));
  const board = useLeaderboard(stationId, month);
  return (
    <PageShell>
      <View className="card">
        <Text className="vol-title">{stationName} 志愿服务排行榜</Text>
        <Text className="hint">只显示自愿参加排行的志愿者，姓名已遮挡。</Text>
        <View className="vol-chips">
          <View
            className={`vol-chip${month ? ' vol-chip--on' : ''}`}
            id="leaderboard-this-month"
            onClick={() => setMonth(beijingDay(0).slice(0, 7))}
          >
            <Text>{month ? '✓ 本月' : '本月'}</Text>
          </View>
          <View
            className={`vol-chip${month ? '' : ' vol-chip--on'}`}
            id="leaderboard-all"
            onClick={() => setMonth(undefined)}
          >
            <Text>{month ? '全部' : '✓ 全部'}</Text>
          </View>
        </View>
      </View>
      {!board.data ? (
        board.error ? (
          <ErrorState error={board.error} onRetry={() => void board.reload()} />
        ) : stationId ? (
          <LoadingState />
        ) : (
          <EmptyState title="没有指定站点" />
        )
      ) : board.data.items.length === 0 ? (
        <EmptyState title="暂时还没有上榜的志愿者" />
      ) : (
        <View className="card" id="leaderboard-list">
          {board.data.items.map((item) => (
            <View className="vol-row" key={`${item.rank}-${item.displayName}`}>
              <Text className="vol-row__line text-strong">{`第 ${item.rank} 名  ${item.displayName}`}</Text>
              <Text className="hint">{hoursText(item.totalMinutes)}</Text>
            </View>
          ))}
        </View>
      )}
    </PageShell>
  );
}

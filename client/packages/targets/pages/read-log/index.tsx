import { Text, View } from '@tarojs/components';
import { useReachBottom, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { READ_PURPOSES, READ_REASONS } from '../../../../../shared/domain/targets';
import { formatDateTime } from '../../../../../shared/domain/time';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState, PendingState } from '../../../../components/states';
import { useMe } from '../../../../hooks/use-me';
import { readParam } from '../../../../lib/routes';
import { useReadLog } from '../../api/targets';
import { StationChips } from '../../components/fields';
import { stationsWith } from '../../lib/stations';
import '../../components/targets.scss';

/**
 * 档案查阅记录 (heads and admins): every read of a service target's record — who, when, for what,
 * and the reason given outside one's own caseload. Kept at least three years.
 */
export default function ReadLogPage() {
  const me = useMe();
  const { params } = useRouter();
  const stations = stationsWith(me.data, 'targets:readLog');
  const [chosen, setChosen] = useState<string | undefined>(() => readParam(params.stationId));
  const stationId = stations.some((s) => s.stationId === chosen) ? chosen : stations[0]?.stationId;
  const targetId = readParam(params.targetId);
  const log = useReadLog(stationId, targetId);
  useReachBottom(() => void log.loadMore());

  if (!me.data)
    return (
      <PageShell>
        <PendingState remote={me} />
      </PageShell>
    );
  if (!stationId)
    return (
      <PageShell>
        <EmptyState title="查阅记录仅站长和区级管理员可以查看" />
      </PageShell>
    );
  return (
    <PageShell>
      <StationChips stations={stations} value={stationId} onChange={setChosen} />
      <Text className="hint">
        {targetId ? '这份档案的查阅记录，最新的在前。' : '本站服务对象档案的查阅记录，最新的在前，保存 3 年以上。'}
      </Text>
      {log.error && !log.items.length ? (
        <ErrorState error={log.error} onRetry={() => void log.reload()} />
      ) : !log.loaded ? (
        <LoadingState />
      ) : log.items.length === 0 ? (
        <EmptyState title="还没有查阅记录" />
      ) : (
        <View id="read-log-list">
          {log.items.map((entry, i) => (
            <View className="card" key={`${entry.at}-${i}`} id={`read-${i}`}>
              <Text className="text-strong">{`${entry.actorName} · ${READ_PURPOSES[entry.purpose]}`}</Text>
              <Text className="hint">{`${formatDateTime(entry.at)} · ${entry.targetLabel}`}</Text>
              {entry.reason ? <Text className="hint">{`原因：${READ_REASONS[entry.reason]}`}</Text> : null}
            </View>
          ))}
          <LoadMore list={log} />
        </View>
      )}
    </PageShell>
  );
}

import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { formatDateTime } from '../../../../../shared/domain/time';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState, PendingState } from '../../../../components/states';
import { useMe } from '../../../../hooks/use-me';
import { readParam } from '../../../../lib/routes';
import { useAuditLog } from '../../api/reports';
import { StationPicker } from '../../components/station-picker';
import { AUDIT_FILTERS, actionLabel } from '../../lib/audit';
import { stationsWith } from '../../lib/stations';
import '../../components/console.scss';

type FilterKey = (typeof AUDIT_FILTERS)[number]['key'];

/** Heads and admins: who did what in a station subtree, newest first, by kind of action. */
export default function AuditPage() {
  const { params } = useRouter();
  const me = useMe();
  const stations = me.data ? stationsWith(me.data, 'audit:read') : [];
  const [chosen, setChosen] = useState<string | undefined>(readParam(params.stationId));
  const stationId = stations.some((s) => s.stationId === chosen) ? chosen : stations[0]?.stationId;
  const [filter, setFilter] = useState<FilterKey>('all');
  const prefix = AUDIT_FILTERS.find((f) => f.key === filter)?.prefix;
  const list = useAuditLog(stationId, prefix);

  usePullDownRefresh(async () => {
    await list.reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.loadMore());

  if (!me.data) {
    return (
      <PageShell>
        <PendingState remote={me} />
      </PageShell>
    );
  }
  if (!stationId) {
    return (
      <PageShell>
        <EmptyState title="只有站长和管理员可以查看操作记录" description="如需开通，请联系区级指导中心" />
      </PageShell>
    );
  }

  return (
    <PageShell>
      <StationPicker stations={stations} value={stationId} onChange={setChosen} />
      <ScrollView scrollX className="filter-bar" id="audit-filter">
        {AUDIT_FILTERS.map((f) => (
          <View
            key={f.key}
            id={`audit-filter-${f.key}`}
            className={`filter-chip${f.key === filter ? ' filter-chip--active' : ''}`}
            onClick={() => setFilter(f.key)}
          >
            {f.key === filter ? `✓ ${f.label}` : f.label}
          </View>
        ))}
      </ScrollView>

      {list.loading && !list.loaded ? (
        <LoadingState />
      ) : list.error && !list.loaded ? (
        <ErrorState error={list.error} onRetry={() => void list.reload()} />
      ) : list.items.length === 0 ? (
        <EmptyState title="没有操作记录" description={filter === 'all' ? undefined : '换一个分类看看'} />
      ) : (
        <View id="audit-list">
          <Text className="list-summary">共 {list.total} 条记录</Text>
          {list.items.map((entry, index) => (
            <View className="card" key={`${entry.at}-${entry.entityId}-${index}`} id={`audit-entry-${index}`}>
              <Text className="audit-entry__head">
                {actionLabel(entry.action)} · {entry.actorName}
              </Text>
              <Text className="audit-entry__line text-secondary">
                {entry.stationName ? `${formatDateTime(entry.at)} · ${entry.stationName}` : formatDateTime(entry.at)}
              </Text>
              {entry.subject ? <Text className="audit-entry__line">{`对象：${entry.subject}`}</Text> : null}
              {entry.changes.map((line) => (
                <Text className="audit-entry__line" key={line}>
                  {line}
                </Text>
              ))}
              {entry.reason ? <Text className="audit-entry__line">{`原因：${entry.reason}`}</Text> : null}
            </View>
          ))}
          <LoadMore list={list} />
        </View>
      )}
    </PageShell>
  );
}

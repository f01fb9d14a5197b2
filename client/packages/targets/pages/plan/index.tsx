import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { TPlanView } from '../../../../../shared/contracts/targets';
import type { RiskTier, TargetCategory } from '../../../../../shared/domain/targets';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState, PendingState } from '../../../../components/states';
import { useMe } from '../../../../hooks/use-me';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { TARGETS_CHANGED, usePlanSummary, useTargetList, useWorkers } from '../../api/targets';
import { useAutoSync, useDrafts } from '../../api/use-sync';
import { StationChips } from '../../components/fields';
import { FilterChip, TierCategoryFilters, WorkerChips } from '../../components/filter-chips';
import { SyncBanner } from '../../components/sync-banner';
import { TargetRow } from '../../components/target-row';
import { canAt, stationsWith } from '../../lib/stations';
import '../../components/targets.scss';

const VIEWS: { key: TPlanView; label: string; empty: string }[] = [
  { key: 'overdue', label: '逾期', empty: '没有逾期未访的对象' },
  { key: 'week', label: '本周应访', empty: '本周没有需要探访的对象' },
  { key: 'month', label: '本月应访', empty: '本月没有需要探访的对象' },
  { key: 'done', label: '本月已访', empty: '本月还没有探访记录' },
];

/**
 * 今日探访: whom to visit, for a worker's own caseload, a colleague's (a head checks a worker's
 * plan) or the whole station, by tier and category — 逾期 / 本周应访 / 本月应访 / 本月已访 with their counts, the drafts waiting to sync on this phone, and the queues
 * (volunteer visits to confirm, abnormal findings to follow up). Drafts sync by themselves here.
 */
export default function PlanPage() {
  const me = useMe();
  const { params } = useRouter();
  const stations = stationsWith(me.data, 'visits:record');
  const [chosen, setChosen] = useState<string | undefined>(() => readParam(params.stationId));
  const stationId = stations.some((s) => s.stationId === chosen) ? chosen : stations[0]?.stationId;
  const [view, setView] = useState<TPlanView>(() => {
    const asked = readParam(params.view);
    return VIEWS.some((v) => v.key === asked) ? (asked as TPlanView) : 'week';
  });
  const [mine, setMine] = useState(params.all !== '1');
  const [workerId, setWorkerId] = useState<string | undefined>();
  const [tier, setTier] = useState<RiskTier | undefined>();
  const [category, setCategory] = useState<TargetCategory | undefined>();
  const station = stations.find((s) => s.stationId === stationId);
  const filter = { mine: mine && !workerId, responsibleWorkerId: workerId, tier, category };
  const list = useTargetList(stationId, { due: view, ...filter });
  const summary = usePlanSummary(stationId, filter);
  const workers = useWorkers(
    station && canAt(me.data, 'targets:manage', station.stationPath) ? station.stationId : undefined,
  );
  const drafts = useDrafts();
  const { syncing } = useAutoSync();

  const reloadList = list.reload;
  const reloadSummary = summary.reload;
  useEffect(() => {
    const listener = () => {
      void reloadList();
      void reloadSummary();
    };
    Taro.eventCenter.on(TARGETS_CHANGED, listener);
    return () => {
      Taro.eventCenter.off(TARGETS_CHANGED, listener);
    };
  }, [reloadList, reloadSummary]);

  usePullDownRefresh(async () => {
    await Promise.all([list.reload(), summary.reload()]);
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.loadMore());

  if (!me.data)
    return (
      <PageShell>
        <PendingState remote={me} />
      </PageShell>
    );
  if (!stationId)
    return (
      <PageShell>
        <EmptyState title="您还没有探访权限" description="探访关爱由驻站社工使用，如需开通请联系区级指导中心" />
      </PageShell>
    );

  const counts = summary.data;
  const current = VIEWS.find((v) => v.key === view)!;
  return (
    <PageShell>
      <StationChips stations={stations} value={stationId} onChange={setChosen} />
      <SyncBanner drafts={drafts} syncing={syncing} />

      <View className="choice-chips" id="plan-scope">
        <FilterChip
          id="scope-mine"
          label="我负责的"
          active={mine && !workerId}
          onClick={() => {
            setMine(true);
            setWorkerId(undefined);
          }}
        />
        <FilterChip
          id="scope-all"
          label="全站"
          active={!mine && !workerId}
          onClick={() => {
            setMine(false);
            setWorkerId(undefined);
          }}
        />
      </View>
      <WorkerChips id="plan-workers" workers={workers.data?.workers ?? []} value={workerId} onChange={setWorkerId} />
      <TierCategoryFilters idPrefix="plan" tier={tier} category={category} onTier={setTier} onCategory={setCategory} />
      <View className="choice-chips" id="plan-views">
        {VIEWS.map((v) => {
          const active = v.key === view;
          const n = counts ? counts[v.key] : undefined;
          return (
            <View
              key={v.key}
              id={`view-${v.key}`}
              className={`filter-chip${active ? ' filter-chip--active' : ''}`}
              onClick={() => setView(v.key)}
            >
              {`${active ? '✓ ' : ''}${v.label}${n === undefined ? '' : ` ${n}`}`}
            </View>
          );
        })}
      </View>

      {counts && (counts.pendingVisits > 0 || counts.openFollowUps > 0) ? (
        <View className="card" id="plan-queues">
          {counts.pendingVisits > 0 ? (
            <View
              className="tg-figure-row"
              id="queue-pending"
              onClick={() => openPage(ROUTES.targetsQueue, { stationId, tab: 'pending' })}
            >
              <Text>{`志愿者探访待确认 ${counts.pendingVisits} 条`}</Text>
              <Text>去处理 ›</Text>
            </View>
          ) : null}
          {counts.openFollowUps > 0 ? (
            <View
              className="tg-figure-row"
              id="queue-follow-ups"
              onClick={() => openPage(ROUTES.targetsQueue, { stationId, tab: 'followUps' })}
            >
              <Text>{`异常待跟进 ${counts.openFollowUps} 条`}</Text>
              <Text>查看 ›</Text>
            </View>
          ) : null}
        </View>
      ) : null}

      {list.error && !list.items.length ? (
        <ErrorState error={list.error} onRetry={() => void list.reload()} />
      ) : list.loading && !list.items.length ? (
        <LoadingState />
      ) : list.loaded && list.items.length === 0 ? (
        <EmptyState title={current.empty} />
      ) : (
        <View id="plan-list">
          <Text className="list-summary">{`${current.label} 共 ${list.total} 人`}</Text>
          {list.items.map((row) => (
            <TargetRow key={row.targetId} row={row} showVisit />
          ))}
          <LoadMore list={list} />
        </View>
      )}

      <View className="actions">
        <Button fill="outline" id="open-roster-button" onClick={() => openPage(ROUTES.targetsRoster, { stationId })}>
          服务对象档案
        </Button>
        <Button fill="outline" id="open-sync-button" onClick={() => openPage(ROUTES.targetsSync)}>
          待同步的探访
        </Button>
      </View>
    </PageShell>
  );
}

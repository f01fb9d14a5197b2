import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { RiskTier, TargetCategory } from '../../../../../shared/domain/targets';
import { formatDateTime } from '../../../../../shared/domain/time';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState, PendingState } from '../../../../components/states';
import { useMe } from '../../../../hooks/use-me';
import { showError } from '../../../../lib/feedback';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { TARGETS_CHANGED, useExportRoster, useMovedOut, useTargetList, useWorkers } from '../../api/targets';
import { StationChips } from '../../components/fields';
import { FilterChip, TierCategoryFilters, WorkerChips } from '../../components/filter-chips';
import { TargetRow } from '../../components/target-row';
import { canAt, stationsWith } from '../../lib/stations';
import '../../components/targets.scss';

type Status = 'active' | 'closed' | 'moved_out';

/**
 * 服务对象档案: the protected roster of a station subtree. Search by name, the last four digits of
 * a phone, or the village/building; filter by tier, category, own or a colleague's caseload, 逾期;
 * closed records and
 * records moved to another station (masked). Register a person; heads and admins export the roster
 * and read who opened which record.
 */
export default function RosterPage() {
  const me = useMe();
  const { params } = useRouter();
  const stations = stationsWith(me.data, 'targets:read');
  const [chosen, setChosen] = useState<string | undefined>(() => readParam(params.stationId));
  const stationId = stations.some((s) => s.stationId === chosen) ? chosen : stations[0]?.stationId;
  const station = stations.find((s) => s.stationId === stationId);
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [tier, setTier] = useState<RiskTier | undefined>();
  const [category, setCategory] = useState<TargetCategory | undefined>();
  const [mine, setMine] = useState(false);
  const [workerId, setWorkerId] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [status, setStatus] = useState<Status>('active');
  const list = useTargetList(status === 'moved_out' ? undefined : stationId, {
    q,
    tier,
    category,
    mine,
    responsibleWorkerId: workerId,
    status: status === 'closed' ? 'closed' : 'active',
    due: overdue && status === 'active' ? 'overdue' : undefined,
  });
  const workers = useWorkers(
    station && canAt(me.data, 'targets:manage', station.stationPath) ? station.stationId : undefined,
  );
  const movedOut = useMovedOut(stationId, status === 'moved_out');
  const exporter = useExportRoster();

  const reloadList = list.reload;
  useEffect(() => {
    const listener = () => void reloadList();
    Taro.eventCenter.on(TARGETS_CHANGED, listener);
    return () => {
      Taro.eventCenter.off(TARGETS_CHANGED, listener);
    };
  }, [reloadList]);
  usePullDownRefresh(async () => {
    await (status === 'moved_out' ? movedOut.reload() : list.reload());
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void (status === 'moved_out' ? movedOut.loadMore() : list.loadMore()));

  if (!me.data)
    return (
      <PageShell>
        <PendingState remote={me} />
      </PageShell>
    );
  if (!stationId || !station)
    return (
      <PageShell>
        <EmptyState title="您还没有查看服务对象档案的权限" />
      </PageShell>
    );

  const exportRoster = async () => {
    const result = await exporter.run(stationId);
    if (!result.ok) return;
    if (process.env.TARO_ENV === 'h5') {
      window.open(result.value.url, '_blank');
      return;
    }
    try {
      const file = await Taro.downloadFile({ url: result.value.url });
      await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'xlsx', showMenu: true });
    } catch (error) {
      showError(error, '名单没有打开');
    }
  };

  const chip = (id: string, label: string, active: boolean, onClick: () => void) => (
    <FilterChip key={id} id={id} label={label} active={active} onClick={onClick} />
  );

  return (
    <PageShell>
      <StationChips stations={stations} value={stationId} onChange={setChosen} />
      <View className="actions">
        <Button
          type="primary"
          size="large"
          id="new-target-button"
          onClick={() => openPage(ROUTES.targetsEdit, { stationId })}
        >
          登记服务对象
        </Button>
      </View>

      <View className="card">
        <View className="form-input">
          <Input
            id="roster-search"
            value={typed}
            placeholder="姓名、电话后四位或村/社区、楼栋"
            onChange={setTyped}
            onConfirm={() => setQ(typed.trim())}
          />
        </View>
        <View className="actions">
          <Button fill="outline" id="roster-search-button" onClick={() => setQ(typed.trim())}>
            搜索
          </Button>
          {q ? (
            <Button
              fill="outline"
              id="roster-clear-button"
              onClick={() => {
                setTyped('');
                setQ('');
              }}
            >
              清除搜索
            </Button>
          ) : null}
        </View>
      </View>

      <ScrollView scrollX className="filter-bar" id="roster-status">
        {chip('status-active', '在册', status === 'active', () => setStatus('active'))}
        {chip('status-closed', '已结案', status === 'closed', () => setStatus('closed'))}
        {chip('status-moved_out', '已转出', status === 'moved_out', () => setStatus('moved_out'))}
        {status === 'active' ? chip('roster-overdue', '逾期', overdue, () => setOverdue(!overdue)) : null}
        {chip('roster-mine', '只看我负责的', mine, () => {
          setMine(!mine);
          setWorkerId(undefined);
        })}
      </ScrollView>
      <WorkerChips
        id="roster-workers"
        workers={workers.data?.workers ?? []}
        value={workerId}
        onChange={(id) => {
          setWorkerId(id);
          setMine(false);
        }}
      />
      <TierCategoryFilters
        idPrefix="roster"
        tier={tier}
        category={category}
        onTier={setTier}
        onCategory={setCategory}
      />

      {status === 'moved_out' ? (
        movedOut.error && !movedOut.items.length ? (
          <ErrorState error={movedOut.error} onRetry={() => void movedOut.reload()} />
        ) : !movedOut.loaded ? (
          <LoadingState />
        ) : movedOut.items.length === 0 ? (
          <EmptyState title="没有转出的服务对象" />
        ) : (
          <View id="moved-out-list">
            {movedOut.items.map((item) => (
              <View className="card" key={item.targetId} id={`moved-${item.targetId}`}>
                <Text className="tg-row__name">{item.maskedName}</Text>
                <Text className="hint">{`${formatDateTime(item.movedAt)} 转至 ${item.toStationName}`}</Text>
              </View>
            ))}
            <LoadMore list={movedOut} />
          </View>
        )
      ) : list.error && !list.items.length ? (
        <ErrorState error={list.error} onRetry={() => void list.reload()} />
      ) : list.loading && !list.items.length ? (
        <LoadingState />
      ) : list.loaded && list.items.length === 0 ? (
        <EmptyState
          title={q || tier || category || mine || workerId || overdue ? '没有符合条件的服务对象' : '还没有登记服务对象'}
        />
      ) : (
        <View id="roster-list">
          <Text className="list-summary">{`共 ${list.total} 人`}</Text>
          {list.items.map((row) => (
            <TargetRow key={row.targetId} row={row} showVisit={false} />
          ))}
          <LoadMore list={list} />
        </View>
      )}

      <Text className="section-title">更多</Text>
      <View className="actions">
        <Button fill="outline" id="open-plan-button" onClick={() => openPage(ROUTES.targetsPlan, { stationId })}>
          今日探访
        </Button>
        <Button fill="outline" id="open-policy-button" onClick={() => openPage(ROUTES.targetsPolicy, { stationId })}>
          探访频次
        </Button>
        {canAt(me.data, 'targets:export', station.stationPath) ? (
          <Button
            fill="outline"
            id="export-roster-button"
            loading={exporter.pending}
            onClick={() => void exportRoster()}
          >
            导出名单
          </Button>
        ) : null}
        {canAt(me.data, 'targets:readLog', station.stationPath) ? (
          <Button
            fill="outline"
            id="open-read-log-button"
            onClick={() => openPage(ROUTES.targetsReadLog, { stationId })}
          >
            查阅记录
          </Button>
        ) : null}
      </View>
    </PageShell>
  );
}

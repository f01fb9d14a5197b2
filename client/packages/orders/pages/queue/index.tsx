import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { QUEUE_VIEWS, type QueueView } from '../../../../../shared/contracts/orders';
import { can } from '../../../../../shared/domain/policy';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState, PendingState } from '../../../../components/states';
import { useMe } from '../../../../hooks/use-me';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { useQueue } from '../../api/orders';
import { OrderCard } from '../../components/order-card';
import { StationChips } from '../../components/station-chips';
import { stationsWith } from '../../lib/stations';
import '../../components/orders.scss';

const VIEW_LABELS: Record<QueueView, string> = {
  triage: '待分拣',
  open: '待处理',
  active: '办理中',
  overdue: '已超时',
  awaiting_rating: '待评价',
  bad_ratings: '差评跟进',
  ended: '已结束',
};

/**
 * Staff: 服务单管理 — a station subtree's orders by view (open ones by their deadline, overdue
 * first). At a 中心 the 已超时 view is the district's overdue list. Also the way to 代居民点单,
 * the menu editor and the deadline rules.
 */
export default function OrderQueuePage() {
  const { params } = useRouter();
  const me = useMe();
  const stations = useMemo(() => (me.data ? stationsWith(me.data, 'order:manage') : []), [me.data]);
  const asked = readParam(params.stationId);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const stationId =
    [chosen, asked].find((id) => id && stations.some((s) => s.stationId === id)) ?? stations[0]?.stationId;
  const station = stations.find((s) => s.stationId === stationId);
  const [view, setView] = useState<QueueView>(() => {
    const v = readParam(params.view);
    return (QUEUE_VIEWS as readonly string[]).includes(v ?? '') ? (v as QueueView) : 'open';
  });
  const canReview = Boolean(
    me.data && station && can({ grants: me.data.roles }, 'order:review', { stationPath: station.stationPath }),
  );
  const views = QUEUE_VIEWS.filter((v) => v !== 'bad_ratings' || canReview);
  const list = useQueue(stationId, view === 'bad_ratings' && !canReview ? 'open' : view);

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
  if (!station) {
    return (
      <PageShell>
        <EmptyState title="您还没有服务单管理权限" description="如需开通，请联系区级指导中心" />
      </PageShell>
    );
  }

  return (
    <PageShell>
      <StationChips stations={stations} value={stationId} onChange={setChosen} />
      <ScrollView scrollX className="filter-bar" id="queue-views">
        {views.map((v) => (
          <View
            key={v}
            id={`queue-view-${v}`}
            className={`filter-chip${v === view ? ' filter-chip--active' : ''}`}
            onClick={() => setView(v)}
          >
            {v === view ? `✓ ${VIEW_LABELS[v]}` : VIEW_LABELS[v]}
          </View>
        ))}
      </ScrollView>

      {list.loading && !list.loaded ? (
        <LoadingState />
      ) : list.error && !list.loaded ? (
        <ErrorState error={list.error} onRetry={() => void list.reload()} />
      ) : list.items.length === 0 ? (
        <EmptyState title={`没有${VIEW_LABELS[view]}的服务单`} />
      ) : (
        <View id="queue-list">
          <Text className="list-summary">共 {list.total} 张</Text>
          {list.items.map((order) => (
            <OrderCard
              key={order.orderId}
              order={order}
              showStation={order.stationId !== stationId}
              showChannel
              onClick={() => openPage(ROUTES.orderDetail, { orderId: order.orderId })}
            />
          ))}
          <LoadMore list={list} />
        </View>
      )}

      <Text className="section-title">更多</Text>
      <View className="actions">
        {station.stationTier !== 'center' ? (
          <Button
            fill="outline"
            id="proxy-order-button"
            onClick={() => openPage(ROUTES.orderMenu, { stationId: station.stationId, proxy: '1' })}
          >
            代居民点单
          </Button>
        ) : null}
        <Button
          fill="outline"
          id="open-menu-editor-button"
          onClick={() => openPage(ROUTES.menuEditor, { stationId: station.stationId })}
        >
          服务清单管理
        </Button>
        <Button
          fill="outline"
          id="open-policy-button"
          onClick={() => openPage(ROUTES.orderPolicy, { stationId: station.stationId })}
        >
          响应与办结时限
        </Button>
      </View>
    </PageShell>
  );
}

import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '../../../../components/states';
import { type PagedList } from '../../../../hooks/use-paged';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { type OrderSummary, useMyWork, usePool } from '../../api/orders';
import { OrderCard } from '../../components/order-card';
import '../../components/orders.scss';

type Tab = 'todo' | 'pool' | 'done';
const TABS: { key: Tab; label: string }[] = [
  { key: 'todo', label: '我的待办' },
  { key: 'pool', label: '接单大厅' },
  { key: 'done', label: '已完成' },
];
const EMPTY: Record<Tab, string> = {
  todo: '暂时没有派给您的服务单',
  pool: '本站暂时没有待接的服务单',
  done: '还没有完成的服务单',
};

function OrderList({ list, tab }: { list: PagedList<OrderSummary>; tab: Tab }) {
  if (list.loading && !list.loaded) return <LoadingState />;
  if (list.error && !list.loaded) return <ErrorState error={list.error} onRetry={() => void list.reload()} />;
  if (list.items.length === 0) return <EmptyState title={EMPTY[tab]} />;
  return (
    <View id={`work-${tab}`}>
      <Text className="list-summary">共 {list.total} 张</Text>
      {list.items.map((order) => (
        <OrderCard
          key={order.orderId}
          order={order}
          showStation
          onClick={() => openPage(ROUTES.orderDetail, { orderId: order.orderId })}
        />
      ))}
      <LoadMore list={list} />
    </View>
  );
}

/**
 * 我的工单 (social workers and registered volunteers): what was dispatched to or taken by me, the
 * station's open pool (names masked until taken) and what I have done.
 */
export default function WorkPage() {
  const { params } = useRouter();
  const [tab, setTab] = useState<Tab>(() => (readParam(params.tab) === 'pool' ? 'pool' : 'todo'));
  const todo = useMyWork('todo');
  const done = useMyWork('done');
  const pool = usePool(tab === 'pool');
  const list = tab === 'todo' ? todo : tab === 'done' ? done : pool;

  usePullDownRefresh(async () => {
    await list.reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.loadMore());

  return (
    <PageShell>
      <ScrollView scrollX className="filter-bar" id="work-tabs">
        {TABS.map((t) => (
          <View
            key={t.key}
            id={`work-tab-${t.key}`}
            className={`filter-chip${t.key === tab ? ' filter-chip--active' : ''}`}
            onClick={() => setTab(t.key)}
          >
            {t.key === tab ? `✓ ${t.label}` : t.label}
          </View>
        ))}
      </ScrollView>
      <OrderList list={list} tab={tab} />
    </PageShell>
  );
}

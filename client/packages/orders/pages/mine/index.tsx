import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '../../../../components/states';
import { useMe } from '../../../../hooks/use-me';
import { ROUTES, openPage } from '../../../../lib/routes';
import { useMyOrders } from '../../api/orders';
import { OrderCard } from '../../components/order-card';
import '../../components/orders.scss';

/** 我的服务单: every order the person placed (for themself or a relative), newest first. */
export default function MyOrdersPage() {
  const list = useMyOrders();
  const me = useMe({ signInOnDemand: false });
  const home = me.data?.homeStationId ?? undefined;

  usePullDownRefresh(async () => {
    await list.reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.loadMore());

  return (
    <PageShell>
      {list.loading && !list.loaded ? (
        <LoadingState />
      ) : list.error && !list.loaded ? (
        <ErrorState error={list.error} onRetry={() => void list.reload()} />
      ) : list.items.length === 0 ? (
        <EmptyState
          title="还没有服务单"
          description="在社工站的服务清单里点一项服务就可以下单"
          actionText={home ? '去点单' : '去选择社工站'}
          actionId="go-order-button"
          onAction={() => (home ? openPage(ROUTES.orderMenu, { stationId: home }) : openPage(ROUTES.stations))}
        />
      ) : (
        <View id="my-orders">
          <Text className="list-summary">共 {list.total} 张服务单</Text>
          {list.items.map((order) => (
            <OrderCard
              key={order.orderId}
              order={order}
              onClick={() => openPage(ROUTES.orderDetail, { orderId: order.orderId })}
            />
          ))}
          <LoadMore list={list} />
        </View>
      )}
    </PageShell>
  );
}

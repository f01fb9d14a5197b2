import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { ORDER_CATEGORIES, ORDER_CATEGORY_KEYS } from '../../../../../shared/domain/orders';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, PendingState } from '../../../../components/states';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { type MenuItem, useMenu } from '../../api/orders';
import { MenuItemCard } from '../../components/menu-item-card';
import { targetsOnlyNote } from '../../lib/text';
import '../../components/orders.scss';

/**
 * 服务清单: what the station offers, by category. One tap on an item opens the short order form;
 * something not on the list goes in as 其他需求 for the social workers to sort out.
 */
export default function MenuPage() {
  const { params } = useRouter();
  const stationId = readParam(params.stationId);
  // Staff taking an order for someone without a phone (代点单) come here from their queue.
  const proxy = readParam(params.proxy) === '1' ? '1' : undefined;
  const menu = useMenu(stationId);

  usePullDownRefresh(async () => {
    await menu.reload();
    Taro.stopPullDownRefresh();
  });

  if (!stationId) {
    return (
      <PageShell>
        <EmptyState
          title="请先选择社工站"
          actionText="去选择"
          actionId="choose-station-button"
          onAction={() => openPage(ROUTES.stations)}
        />
      </PageShell>
    );
  }
  if (!menu.data) {
    return (
      <PageShell>
        <PendingState remote={menu} />
      </PageShell>
    );
  }
  const items = menu.data.items;
  const groups = ORDER_CATEGORY_KEYS.map((category) => ({
    category,
    items: items.filter((item) => item.category === category),
  })).filter((group) => group.items.length > 0);
  const targets = menu.data.targetLinked;
  const order = (item?: MenuItem) => openPage(ROUTES.orderForm, { stationId, itemId: item?.itemId, proxy });

  return (
    <PageShell>
      <Text className="section-title" id="menu-station-name">
        {menu.data.stationName}
      </Text>
      <Text className="notice">
        {proxy
          ? '代居民点单：选择居民需要的服务。'
          : '点一项服务即可下单，社工会尽快联系您。紧急情况请直接拨打 120 / 110。'}
      </Text>
      {groups.length === 0 ? <EmptyState title="服务清单正在整理中" description="可以先提交其他需求" /> : null}
      {groups.map((group) => (
        <View key={group.category} id={`menu-group-${group.category}`}>
          <Text className="menu-group__title">{ORDER_CATEGORIES[group.category]}</Text>
          {group.items.map((item) => {
            // Staff 代点单 any item; a resident not linked to a service target record is told how to link.
            const note = item.audience === 'targets' && !proxy ? targetsOnlyNote(targets) : null;
            return note ? (
              <MenuItemCard
                key={item.itemId}
                item={item}
                note={note}
                actionText="去绑定服务对象"
                onClick={() => openPage(ROUTES.targetLink)}
              />
            ) : (
              <MenuItemCard key={item.itemId} item={item} actionText="我要点单" onClick={() => order(item)} />
            );
          })}
        </View>
      ))}
      <View className="actions">
        <Button type="primary" fill="outline" id="free-form-order-button" onClick={() => order()}>
          清单里没有？提交其他需求
        </Button>
        {proxy ? null : (
          <Button fill="outline" id="my-orders-button" onClick={() => openPage(ROUTES.myOrders)}>
            我的服务单
          </Button>
        )}
      </View>
    </PageShell>
  );
}

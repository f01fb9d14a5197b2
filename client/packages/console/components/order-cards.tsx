import { Text, View } from '@tarojs/components';
import { formatDateTime } from '../../../../shared/domain/time';
import { ROUTES, openPage } from '../../../lib/routes';
import { type OrderConsole, useOrderConsole } from '../api/reports';
import './console.scss';

type CardKey = 'todayNew' | 'open' | 'overdue' | 'awaitingRating' | 'badRatings';

/** Each card: what the count means and which queue view a tap opens. */
const CARDS: { key: CardKey; name: string; view: string }[] = [
  { key: 'todayNew', name: '今日新单', view: 'open' },
  { key: 'open', name: '待处理', view: 'open' },
  { key: 'overdue', name: '已超时', view: 'overdue' },
  { key: 'awaitingRating', name: '待评价', view: 'awaiting_rating' },
  { key: 'badRatings', name: '差评待跟进', view: 'bad_ratings' },
];

function Overdue({ data, stationId }: { data: OrderConsole; stationId: string }) {
  if (data.overdueOrders.length === 0) return null;
  return (
    <View className="card" id="console-overdue-orders">
      <Text className="text-strong">超时服务单（最久的在前）</Text>
      {data.overdueOrders.map((order) => (
        <View
          key={order.orderId}
          className="tap-target"
          id={`console-overdue-${order.orderId}`}
          onClick={() => openPage(ROUTES.orderDetail, { orderId: order.orderId })}
        >
          <Text>{`⚠ ${order.stationName} · ${order.itemName} · 应于 ${order.nextDueAt ? formatDateTime(order.nextDueAt) : ''} 前${order.status === 'accepted' ? '办结' : '响应'} ›`}</Text>
        </View>
      ))}
      <View
        className="tap-target"
        id="console-overdue-all"
        onClick={() => openPage(ROUTES.orderQueue, { stationId, view: 'overdue' })}
      >
        <Text className="queue-card__go">查看全部超时服务单 ›</Text>
      </View>
    </View>
  );
}

/** 服务单 on the console: the counts as cards (a tap opens that queue) and the most overdue orders. */
export function OrderCards({ stationId }: { stationId: string }) {
  const remote = useOrderConsole(stationId);
  const data = remote.data;
  if (!data) return null;
  const cards = CARDS.filter((card) => card.key !== 'badRatings' || data.canReview);
  return (
    <View id="console-orders">
      <Text className="section-title">服务单</Text>
      <View className="queue-grid">
        {cards.map((card) => (
          <View
            key={card.key}
            className="queue-card"
            id={`orders-${card.key}`}
            onClick={() => openPage(ROUTES.orderQueue, { stationId, view: card.view })}
          >
            <Text className="queue-card__count">{data[card.key]}</Text>
            <Text className="queue-card__name">{card.name}</Text>
            <Text className="queue-card__go">{data[card.key] > 0 ? '去处理 ›' : '查看 ›'}</Text>
          </View>
        ))}
      </View>
      <Overdue data={data} stationId={stationId} />
    </View>
  );
}

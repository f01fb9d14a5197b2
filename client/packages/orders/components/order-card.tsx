import { Text, View } from '@tarojs/components';
import { DELIVERY_MODES, ORDER_CHANNELS } from '../../../../shared/domain/orders';
import { formatDateTime } from '../../../../shared/domain/time';
import type { OrderSummary } from '../api/orders';
import { dueText, statusText } from '../lib/text';
import './orders.scss';

/** An order in a list: what, for whom, its status in words, and the deadline that matters now. */
export function OrderCard(props: {
  order: OrderSummary;
  showStation?: boolean;
  showChannel?: boolean;
  onClick: () => void;
}) {
  const { order } = props;
  const due = dueText(order);
  return (
    <View className="card order-card" id={`order-${order.orderId}`} onClick={props.onClick}>
      <Text className="order-card__title">
        {order.urgent ? '【紧急】' : ''}
        {order.itemName}
      </Text>
      <Text
        className={`status-line${order.overdue ? ' status-line--danger' : ''}`}
        id={`order-status-${order.orderId}`}
      >
        {order.overdue ? '⚠ 已超时 · ' : ''}
        {statusText(order.status)}
      </Text>
      <Text className="order-card__line">
        {`${order.recipientName} · ${DELIVERY_MODES[order.delivery]}`}
        {props.showStation ? ` · ${order.stationName}` : ''}
        {props.showChannel ? ` · ${ORDER_CHANNELS[order.channel]}` : ''}
      </Text>
      {order.assigneeName ? <Text className="order-card__line">{`服务人员：${order.assigneeName}`}</Text> : null}
      {due ? <Text className="order-card__line">{due}</Text> : null}
      {order.ratingScore ? <Text className="order-card__line">{`评价：${order.ratingScore} 分`}</Text> : null}
      <Text className="order-card__line">{`提交于 ${formatDateTime(order.createdAt)}`}</Text>
      <Text className="order-card__go">查看详情 ›</Text>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { formatDateTime } from '../../../../shared/domain/time';
import '../../../components/timeline.scss';
import type { Order } from '../api/orders';
import './orders.scss';

/** The order's trail in words, oldest first (the resident sees the worker's name, staff as 社工站). */
export function Timeline({ order }: { order: Order }) {
  return (
    <View className="timeline" id="order-timeline">
      {order.timeline.map((event, index) => (
        <View className="timeline__item" key={`${event.at}-${index}`} id={`timeline-${index}`}>
          <Text className="timeline__dot">{index === order.timeline.length - 1 ? '●' : '○'}</Text>
          <View className="timeline__body">
            <Text>{`${event.actor} ${event.label}`}</Text>
            <Text className="timeline__time">{formatDateTime(event.at)}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}

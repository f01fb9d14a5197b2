import { Text, View } from '@tarojs/components';
import { MENU_AUDIENCES, ORDER_CATEGORIES } from '../../../../shared/domain/orders';
import type { MenuItem } from '../api/orders';
import { deliveryText, hoursText } from '../lib/text';
import './orders.scss';

/** A menu item: what it is, how it comes, how soon — one tap orders it (or `note` says who may). */
export function MenuItemCard(props: {
  item: MenuItem;
  actionText?: string;
  note?: string | null;
  onClick?: () => void;
}) {
  const { item } = props;
  return (
    <View className="card order-card" id={`menu-item-${item.itemId}`} onClick={props.onClick}>
      <Text className="order-card__title">{item.name}</Text>
      {item.description ? <Text className="order-card__line">{item.description}</Text> : null}
      <Text className="order-card__line">
        {`${ORDER_CATEGORIES[item.category]} · ${deliveryText(item.delivery)}`}
        {item.audience === 'targets' ? ` · ${MENU_AUDIENCES.targets}` : ''}
      </Text>
      <Text className="order-card__line">
        {`${hoursText(item.responseHours)}内响应，${hoursText(item.completionHours)}内办结`}
      </Text>
      {item.status === 'paused' ? <Text className="status-line status-line--warn">暂停受理</Text> : null}
      {props.note ? (
        <Text className="notice" id={`menu-item-note-${item.itemId}`}>
          {props.note}
        </Text>
      ) : null}
      {props.onClick && props.actionText ? <Text className="order-card__go">{props.actionText} ›</Text> : null}
    </View>
  );
}

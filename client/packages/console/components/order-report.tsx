import { Text, View } from '@tarojs/components';
import type { TOrderFigures, TOrderSection } from '../../../../shared/contracts/orders';
import { formatPermille, orderFiguresLine } from '../../../../shared/domain/order-report';
import { ORDER_CATEGORIES, ORDER_CHANNELS } from '../../../../shared/domain/orders';
import './console.scss';

/** The headline figures of the section, in the words stations report them. */
function rows(f: TOrderFigures): { key: string; label: string; value: string }[] {
  return [
    { key: 'received', label: '受理服务单', value: `${f.received} 张` },
    {
      key: 'response',
      label: '响应率（按时响应/应响应）',
      value: `${formatPermille(f.responseRatePermille, f.responseDue)}（${f.respondedOnTime}/${f.responseDue}）`,
    },
    {
      key: 'onTime',
      label: '按时办结率（按时办结/应办结）',
      value: `${formatPermille(f.onTimeRatePermille, f.completionDue)}（${f.completedOnTime}/${f.completionDue}）`,
    },
    {
      key: 'rating',
      label: '平均评分',
      value: f.rated ? `${(f.averageRatingTenths / 10).toFixed(1)} 分（${f.rated} 条评价）` : '—',
    },
    { key: 'satisfaction', label: '满意率（4–5分）', value: formatPermille(f.satisfactionPermille, f.rated) },
  ];
}

/** 服务工单 in the 月报: this month beside the last, then by station, category and channel. */
export function OrderReport({ section }: { section: TOrderSection }) {
  const now = rows(section.figures);
  const before = rows(section.previous);
  return (
    <View id="report-orders">
      <View className="table" id="order-figures">
        <View className="table__row table__row--head">
          <Text className="table__cell table__cell--wide">服务工单</Text>
          <Text className="table__cell table__cell--num">本月</Text>
          <Text className="table__cell table__cell--num">上月</Text>
        </View>
        {now.map((row, i) => (
          <View className="table__row" key={row.key} id={`order-figure-${row.key}`}>
            <Text className="table__cell table__cell--wide">{row.label}</Text>
            <Text className="table__cell table__cell--num" id={`order-figure-${row.key}-value`}>
              {row.value}
            </Text>
            <Text className="table__cell table__cell--num">{before[i]?.value}</Text>
          </View>
        ))}
      </View>
      {section.children.length > 1 ? (
        <View className="table" id="order-children">
          <View className="table__row table__row--head">
            <Text className="table__cell table__cell--wide">站点</Text>
            <Text className="table__cell table__cell--num">受理</Text>
            <Text className="table__cell table__cell--num">响应率</Text>
            <Text className="table__cell table__cell--num">按时办结率</Text>
          </View>
          {section.children.map((child) => (
            <View
              className="table__row"
              key={child.stationId ?? 'self'}
              id={`order-child-${child.stationId ?? 'self'}`}
            >
              <Text className="table__cell table__cell--wide">{child.stationName}</Text>
              <Text className="table__cell table__cell--num">{child.figures.received}</Text>
              <Text className="table__cell table__cell--num">
                {formatPermille(child.figures.responseRatePermille, child.figures.responseDue)}
              </Text>
              <Text className="table__cell table__cell--num">
                {formatPermille(child.figures.onTimeRatePermille, child.figures.completionDue)}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
      {section.byCategory.length ? (
        <View className="card" id="order-categories">
          <Text className="text-strong">按服务类别</Text>
          {section.byCategory.map((row) => (
            <Text className="hint" key={row.category} id={`order-category-${row.category}`}>
              {`${ORDER_CATEGORIES[row.category]}：${row.figures.received} 张，按时办结 ${formatPermille(row.figures.onTimeRatePermille, row.figures.completionDue)}`}
            </Text>
          ))}
          <Text className="text-strong">按点单渠道</Text>
          {section.byChannel.map((row) => (
            <Text className="hint" key={row.channel} id={`order-channel-${row.channel}`}>
              {orderFiguresLine(ORDER_CHANNELS[row.channel], row.figures)}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}

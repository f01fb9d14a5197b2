import { Text, View } from '@tarojs/components';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** What is written on the bar (defaults to the value). */
  text?: string;
}

/**
 * A horizontal bar chart from plain Views: one row per bar, its label on the left, the bar sized
 * by value and the number written next to it — the figure is always in words, never colour or
 * length alone, and it renders the same on weapp and H5 with no chart library.
 */
export function BarChart(props: { id?: string; title: string; unit?: string; bars: Bar[]; emptyText?: string }) {
  const max = Math.max(0, ...props.bars.map((bar) => bar.value));
  return (
    <View className="bar-chart" id={props.id}>
      <Text className="bar-chart__title">
        {props.title}
        {props.unit ? `（单位：${props.unit}）` : ''}
      </Text>
      {props.bars.length === 0 || max === 0 ? (
        <Text className="bar-chart__empty">{props.emptyText ?? '暂无数据'}</Text>
      ) : null}
      {props.bars.length > 0 && max > 0
        ? props.bars.map((bar) => {
            const percent = max > 0 ? Math.round((bar.value / max) * 100) : 0;
            return (
              <View className="bar-chart__row" key={bar.key} id={props.id ? `${props.id}-${bar.key}` : undefined}>
                <Text className="bar-chart__label">{bar.label}</Text>
                <View className="bar-chart__track">
                  <View className="bar-chart__bar" style={{ width: `${bar.value > 0 ? Math.max(percent, 2) : 0}%` }} />
                  <Text className="bar-chart__value">{bar.text ?? String(bar.value)}</Text>
                </View>
              </View>
            );
          })
        : null}
    </View>
  );
}

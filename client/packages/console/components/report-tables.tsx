import { Text, View } from '@tarojs/components';
import type { IndicatorKey } from '../../../../shared/domain/report';
import { compareIndicator, isEmptyMonth, type IndicatorValues } from '../../../../shared/domain/report-format';
import { formatIndicator } from '../../../../shared/domain/report';
import type { MonthlyReport } from '../api/reports';
import { monthLabel } from '../lib/month';

/** The figures of each child shown on the report (the full set is in the export). */
const CHILD_FIGURES: { key: IndicatorKey; label: string }[] = [
  { key: 'activitiesHeld', label: '活动' },
  { key: 'attendances', label: '参加人次' },
  { key: 'residentsServed', label: '服务人数' },
  { key: 'verifiedMinutes', label: '志愿时长' },
];

/** This month's and last month's values of every indicator, keyed by indicator. */
export function monthValues(report: MonthlyReport): { current: IndicatorValues; previous: IndicatorValues } {
  return {
    current: Object.fromEntries(report.indicators.map((row) => [row.key, row.value])),
    previous: Object.fromEntries(report.indicators.map((row) => [row.key, row.previous])),
  };
}

/**
 * 主要指标: 指标, 本月, 上月, 环比 (`compareIndicator`). When the month before holds nothing, a line
 * says so and no change is claimed against it.
 */
export function IndicatorTable({ report }: { report: MonthlyReport }) {
  const month = monthValues(report);
  return (
    <View>
      {isEmptyMonth(month.previous) ? (
        <Text className="hint" id="report-no-previous">
          {`${monthLabel(report.previousMonth)}没有数据，本月不作环比。`}
        </Text>
      ) : null}
      <View className="table" id="report-indicators">
        <View className="table__row table__row--head">
          <Text className="table__cell table__cell--wide">指标</Text>
          <Text className="table__cell table__cell--num">本月</Text>
          <Text className="table__cell table__cell--num">上月</Text>
          <Text className="table__cell table__cell--num">环比</Text>
        </View>
        {report.indicators.map((row) => {
          const text = compareIndicator(row, month);
          return (
            <View className="table__row" key={row.key} id={`indicator-${row.key}`}>
              <Text className="table__cell table__cell--wide">{row.label}</Text>
              <Text className="table__cell table__cell--num" id={`indicator-${row.key}-value`}>
                {text.value}
              </Text>
              <Text className="table__cell table__cell--num" id={`indicator-${row.key}-previous`}>
                {text.previous}
              </Text>
              <Text className="table__cell table__cell--num" id={`indicator-${row.key}-change`}>
                {text.change}
              </Text>
            </View>
          );
        })}
      </View>
    </View>
  );
}

/**
 * 下级站点明细: one block per child (室 of a 站, 站 of a 中心, then the station's own 本级 work),
 * its name on its own line and four figures two to a row, each label above its value — a phone
 * is too narrow for five columns. A child opens its own report for the same month.
 */
export function ChildrenTable({ report, onOpen }: { report: MonthlyReport; onOpen: (stationId: string) => void }) {
  if (report.children.length === 0) {
    return (
      <View className="card" id="report-children">
        <Text>没有下级站点</Text>
      </View>
    );
  }
  return (
    <View className="child-list" id="report-children">
      {report.children.map((child) => {
        const rowId = child.stationId ?? 'self';
        const stationId = child.stationId;
        return (
          <View
            className={`child-row${stationId ? ' child-row--link' : ''}`}
            key={rowId}
            id={`child-${rowId}`}
            onClick={stationId ? () => onOpen(stationId) : undefined}
          >
            <View className="child-row__head">
              {/* The server names the station's own row "…（本级）" already. */}
              <Text className="child-row__name" id={`child-${rowId}-name`}>
                {child.stationName}
              </Text>
              {stationId ? <Text className="child-row__open">查看月报 ›</Text> : null}
            </View>
            <View className="child-row__figures">
              {CHILD_FIGURES.map((figure) => (
                <View className="child-row__figure" key={figure.key}>
                  <Text className="child-row__label">{figure.label}</Text>
                  <Text className="child-row__value" id={`child-${rowId}-${figure.key}`}>
                    {formatIndicator(figure.key, child.values[figure.key] ?? 0)}
                  </Text>
                </View>
              ))}
            </View>
          </View>
        );
      })}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { RISK_TIERS, TARGET_CATEGORIES } from '../../../../shared/domain/targets';
import { formatVisitRate, visitCardLine } from '../../../../shared/domain/visit-rate';
import type { MonthlyReport } from '../api/reports';
import { openPage, ROUTES } from '../../../lib/routes';

type Section = MonthlyReport['visits'];

function RateRow(props: {
  id: string;
  label: string;
  figures: { due: number; visited: number; ratePermille: number };
}) {
  return (
    <View className="table__row" id={props.id}>
      <Text className="table__cell table__cell--wide">{props.label}</Text>
      <Text className="table__cell table__cell--num" id={`${props.id}-value`}>
        {formatVisitRate(props.figures)}
      </Text>
    </View>
  );
}

/**
 * The 月报's 重点对象探访 section: the month's visit rate (visited as often as the tier requires,
 * of those due), by tier, by category and by child station, and who was not reached — masked; the
 * full names are on the 逾期 list of 探访关爱, where opening a record is logged.
 */
export function VisitSection({ section, stationId }: { section: Section; stationId: string }) {
  return (
    <View id="report-visits">
      <View className="card">
        <Text className="text-strong" id="report-visits-line">
          {visitCardLine(section)}
        </Text>
        <Text className="hint">月探访率 = 按风险等级要求完成探访的人数 ÷ 本月应访人数</Text>
      </View>
      <View className="table" id="report-visits-table">
        <View className="table__row table__row--head">
          <Text className="table__cell table__cell--wide">分组</Text>
          <Text className="table__cell table__cell--num">已访/应访（探访率）</Text>
        </View>
        <RateRow id="visits-total" label="合计" figures={section} />
        {section.byTier.map((row) => (
          <RateRow key={row.tier} id={`visits-tier-${row.tier}`} label={RISK_TIERS[row.tier]} figures={row} />
        ))}
        {section.byCategory.map((row) => (
          <RateRow
            key={row.category}
            id={`visits-category-${row.category}`}
            label={TARGET_CATEGORIES[row.category]}
            figures={row}
          />
        ))}
        {section.children.map((row) => (
          <RateRow
            key={row.stationId ?? 'self'}
            id={`visits-child-${row.stationId ?? 'self'}`}
            label={row.stationName}
            figures={row}
          />
        ))}
      </View>
      {section.notReachedTotal > 0 ? (
        <View className="card" id="report-not-reached">
          <Text className="text-strong">{`本月未访 ${section.notReachedTotal} 人`}</Text>
          {section.notReached.map((n) => (
            <Text className="hint" key={n.targetId}>
              {`${n.maskedName} · ${n.childStationName} · ${RISK_TIERS[n.tier]}`}
            </Text>
          ))}
          {section.notReachedTotal > section.notReached.length ? (
            <Text className="hint">{`另有 ${section.notReachedTotal - section.notReached.length} 人`}</Text>
          ) : null}
          <Text
            className="hint tap-target"
            id="open-overdue-button"
            onClick={() => openPage(ROUTES.targetsPlan, { stationId, view: 'overdue', all: 1 })}
          >
            去“探访关爱”查看逾期名单 ›
          </Text>
        </View>
      ) : null}
    </View>
  );
}

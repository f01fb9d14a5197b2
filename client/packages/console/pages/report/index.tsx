import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ACTIVITY_CATEGORIES } from '../../../../../shared/domain/activity';
import { formatIndicator } from '../../../../../shared/domain/report';
import { formatDateTime } from '../../../../../shared/domain/time';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadingState, PendingState } from '../../../../components/states';
import { useMe } from '../../../../hooks/use-me';
import { showError, showSuccess } from '../../../../lib/feedback';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { useExportMonthly, useMonthly, useTrend } from '../../api/reports';
import { F2Chart } from '../../components/f2-chart';
import { OrderReport } from '../../components/order-report';
import { ChildrenTable, IndicatorTable } from '../../components/report-tables';
import { StationPicker } from '../../components/station-picker';
import { VisitSection } from '../../components/visit-section';
import { currentMonth, monthLabel, monthParam, shiftMonth, shortMonthLabel } from '../../lib/month';
import { saveLinkedFile } from '../../lib/save-file';
import { stationsWith } from '../../lib/stations';
import '../../components/console.scss';

/** Chart colours: the app's primary, success and a dark teal (each ≥ 4.5:1 on white). */
const CHART_COLORS = { attendances: '#0a5aa8', hours: '#1d6b34', categories: '#0b6e75' };

/**
 * Staff: the 月报 of a station subtree — indicators, children, visit rate, service orders,
 * categories, trend, Excel export. `?stationId=&month=` open a given station and month (a child
 * of the report opens this way).
 */
export default function ReportPage() {
  const { params } = useRouter();
  const me = useMe();
  const stations = me.data ? stationsWith(me.data, 'report:read') : [];
  const [chosenStation, setChosenStation] = useState<string | undefined>(readParam(params.stationId));
  const stationId = chosenStation ?? stations[0]?.stationId;
  const thisMonth = currentMonth();
  const [month, setMonth] = useState(() => monthParam(readParam(params.month)));
  const report = useMonthly(me.data ? stationId : undefined, month);
  const trend = useTrend(me.data ? stationId : undefined, month);
  const exporter = useExportMonthly();

  usePullDownRefresh(async () => {
    await Promise.all([report.reload(), trend.reload()]);
    Taro.stopPullDownRefresh();
  });

  if (!me.data) {
    return (
      <PageShell>
        <PendingState remote={me} />
      </PageShell>
    );
  }
  if (!stationId) {
    return (
      <PageShell>
        <EmptyState title="您还没有查看月报的权限" description="如需开通，请联系区级指导中心" />
      </PageShell>
    );
  }

  const exportXlsx = async () => {
    const result = await exporter.run(stationId, month);
    if (!result.ok) return;
    try {
      await saveLinkedFile(result.value);
      showSuccess('已导出');
    } catch (error) {
      showError(error, '文件没有保存成功');
    }
  };

  const data = report.data;
  const points = trend.data?.points ?? [];

  return (
    <PageShell>
      {stations.length > 1 ? <StationPicker stations={stations} value={stationId} onChange={setChosenStation} /> : null}

      <View className="month-picker" id="report-month-picker">
        <Button fill="outline" id="report-prev-month" onClick={() => setMonth(shiftMonth(month, -1))}>
          ‹ 上个月
        </Button>
        <Text className="month-picker__label" id="report-month">
          {monthLabel(month)}
        </Text>
        <Button
          fill="outline"
          id="report-next-month"
          disabled={month >= thisMonth}
          onClick={() => month < thisMonth && setMonth(shiftMonth(month, 1))}
        >
          下个月 ›
        </Button>
      </View>

      {report.loading && !data ? (
        <LoadingState />
      ) : report.error && !data ? (
        <ErrorState error={report.error} onRetry={() => void report.reload()} />
      ) : data ? (
        <View>
          <Text className="console-title" id="report-station-name">
            {data.stationName} · {monthLabel(data.month)}月报
          </Text>
          <Text className="hint">
            与{monthLabel(data.previousMonth)}相比 · 生成于 {formatDateTime(data.generatedAt)}
          </Text>
          <View className="actions">
            <Button
              type="primary"
              id="export-xlsx-button"
              loading={exporter.pending}
              disabled={exporter.pending}
              onClick={() => void exportXlsx()}
            >
              {exporter.pending ? '正在导出…' : '导出 Excel'}
            </Button>
          </View>

          <Text className="section-title">主要指标</Text>
          <IndicatorTable report={data} />

          <Text className="section-title">下级站点明细</Text>
          <ChildrenTable
            report={data}
            onOpen={(childId) => openPage(ROUTES.consoleReport, { stationId: childId, month: data.month })}
          />

          <Text className="section-title">重点对象探访</Text>
          <VisitSection section={data.visits} stationId={stationId} />

          <Text className="section-title">服务工单（点单 · 派单 · 接单 · 评单）</Text>
          <OrderReport section={data.orders} />

          <Text className="section-title">分类统计</Text>
          <F2Chart
            id="category-chart"
            title="各类活动场次"
            unit="场"
            kind="bar"
            color={CHART_COLORS.categories}
            emptyText="本月没有开展活动"
            figures={data.byCategory
              .filter((row) => row.activities > 0 || row.attendances > 0)
              .map((row) => ({
                key: row.category,
                label: ACTIVITY_CATEGORIES[row.category],
                value: row.activities,
                text: `${row.activities} 场 · ${row.attendances} 人次`,
              }))}
          />
        </View>
      ) : null}

      <Text className="section-title">近 12 个月趋势</Text>
      <View id="trend-chart">
        {trend.loading && !trend.data ? (
          <LoadingState />
        ) : trend.error && !trend.data ? (
          <ErrorState error={trend.error} onRetry={() => void trend.reload()} />
        ) : (
          <View>
            <F2Chart
              id="trend-attendances"
              title="参加人次"
              unit="人次"
              kind="column"
              color={CHART_COLORS.attendances}
              figures={points.map((point) => ({
                key: point.month,
                label: shortMonthLabel(point.month),
                value: point.attendances,
                text: `${point.attendances} 人次`,
              }))}
            />
            <F2Chart
              id="trend-hours"
              title="志愿服务时长"
              unit="小时"
              kind="line"
              color={CHART_COLORS.hours}
              figures={points.map((point) => {
                const minutes = point.verifiedMinutes + point.topupMinutes;
                return {
                  key: point.month,
                  label: shortMonthLabel(point.month),
                  value: Math.round((minutes / 60) * 10) / 10,
                  text: formatIndicator('verifiedMinutes', minutes),
                };
              })}
            />
          </View>
        )}
      </View>
    </PageShell>
  );
}

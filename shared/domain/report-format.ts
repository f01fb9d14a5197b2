/*
 * The 月报 in the units people report in. Figures stay integers everywhere they are computed and
 * stored (permille, tenths of a point, minutes, fen); these pure functions turn them into rates in
 * %, satisfaction on the 5-point scale, hours and 元 with two decimals — for the Excel export and
 * for the comparison with the month before — wherever the report is built.
 */

import { ACTIVITY_CATEGORIES, type ActivityCategory } from './activity';
import { formatIndicator, INDICATOR_KEYS, INDICATORS, type IndicatorKey } from './report';

/**
 * Indicators that are ratios of another one: a rate with no bookings, an average with no ratings
 * is not 0 — there is nothing to report, and nothing to compare with.
 */
export const INDICATOR_BASE: Partial<Record<IndicatorKey, IndicatorKey>> = {
  attendanceRatePermille: 'bookings',
  noShowRatePermille: 'bookings',
  averageRatingTenths: 'ratings',
};

/** A stored unit that is reported in another: the unit people use, the divisor, the decimals shown. */
const REPORTED_AS: Partial<Record<string, { unit: string; divisor: number; decimals: number }>> = {
  '‰': { unit: '%', divisor: 10, decimals: 1 },
  '分×10': { unit: '分', divisor: 10, decimals: 1 },
  分钟: { unit: '小时', divisor: 60, decimals: 1 },
  分: { unit: '元', divisor: 100, decimals: 2 },
};

/** The unit an indicator is reported in: %, 分 (of 5), 小时, 元, or its own count unit. */
export function reportUnit(key: IndicatorKey): string {
  return REPORTED_AS[INDICATORS[key].unit]?.unit ?? INDICATORS[key].unit;
}

/** The unit with its scale where one applies: "分，满分5分" for satisfaction, else the unit. */
export function reportUnitWithScale(key: IndicatorKey): string {
  return INDICATORS[key].unit === '分×10' ? '分，满分5分' : reportUnit(key);
}

/** Decimals an indicator shows in report units: 2 for 元, 1 for %, points and hours, 0 for counts. */
export function reportDecimals(key: IndicatorKey): number {
  return REPORTED_AS[INDICATORS[key].unit]?.decimals ?? 0;
}

/**
 * An integer figure in report units: permille → % (85.0), tenths → points (4.6), minutes → hours
 * rounded to 0.1 (as the app shows them), fen → 元 (12.50). One rounded division of an integer,
 * so 1 fen is exactly 0.01 元.
 */
export function inReportUnits(key: IndicatorKey, value: number): number {
  const scale = REPORTED_AS[INDICATORS[key].unit];
  if (!scale) return value;
  const places = 10 ** scale.decimals;
  return Math.round((value * places) / scale.divisor) / places;
}

/** An indicator's values for one month, keyed by indicator. */
export type IndicatorValues = Partial<Record<IndicatorKey, number>>;

/** True when a month holds nothing at all: no activity, booking, hour or pledge was recorded. */
export function isEmptyMonth(values: IndicatorValues): boolean {
  return INDICATOR_KEYS.every((key) => (values[key] ?? 0) === 0);
}

/** Whether the indicator means anything in that month (a rate needs bookings, an average ratings). */
export function hasBase(key: IndicatorKey, values: IndicatorValues): boolean {
  const base = INDICATOR_BASE[key];
  return base === undefined || (values[base] ?? 0) > 0;
}

/** One indicator in a report: this month's and last month's values of every indicator. */
export interface ComparedRow {
  key: IndicatorKey;
  value: number;
  previous: number;
}

/** The three cells of an indicator row in words: 本月, 上月, 环比. */
export interface ComparisonText {
  value: string;
  previous: string;
  change: string;
}

/** What 上月 and 环比 say when the month before holds no data at all. */
export const NO_PREVIOUS = { previous: '无数据', change: '—' } as const;

/**
 * The 本月 / 上月 / 环比 cells of an indicator: an empty month before says 无数据 and no change
 * (never "↑ 100.0%" against nothing); a rate or average without its base says "—"; otherwise the
 * change is written with an arrow and in the indicator's unit ("↑ 2 场", "↓ 5.0%"), or 持平.
 */
export function compareIndicator(
  row: ComparedRow,
  month: { current: IndicatorValues; previous: IndicatorValues },
): ComparisonText {
  const current = hasBase(row.key, month.current) ? formatIndicator(row.key, row.value) : '—';
  if (isEmptyMonth(month.previous)) return { value: current, ...NO_PREVIOUS };
  if (!hasBase(row.key, month.previous)) return { value: current, previous: '—', change: '—' };
  const previous = formatIndicator(row.key, row.previous);
  if (!hasBase(row.key, month.current)) return { value: current, previous, change: '—' };
  const change = row.value - row.previous;
  if (change === 0) return { value: current, previous, change: '持平' };
  return {
    value: current,
    previous,
    change: `${change > 0 ? '↑' : '↓'} ${formatIndicator(row.key, Math.abs(change))}`,
  };
}

/** The report as the export reads it (the `reports.monthly` answer, structurally). */
export interface ReportForExport {
  stationName: string;
  month: string;
  previousMonth: string;
  indicators: readonly ComparedRow[];
  byCategory: readonly { category: ActivityCategory; activities: number; attendances: number }[];
  children: readonly { stationName: string; values: IndicatorValues }[];
}

/** One column of a sheet: header, key, width, and an Excel number format for numeric cells. */
export interface ExportColumn {
  header: string;
  key: string;
  width: number;
  numFmt?: string;
}

/**
 * One worksheet: its name, columns and rows (numbers as numbers, so people can add them up). A
 * row's `numFmt`, when given, formats that row's numbers (the summary mixes 元, % and counts).
 */
export interface ExportSheet {
  name: string;
  columns: ExportColumn[];
  rows: { values: Record<string, string | number | null>; numFmt?: string }[];
}

/** `0`, `0.0` or `0.00`: the Excel format showing an indicator's decimals. */
function numFmtOf(key: IndicatorKey): string {
  const decimals = reportDecimals(key);
  return decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;
}

/** A figure as an export cell: report units, or empty where the indicator means nothing. */
function cell(key: IndicatorKey, value: number, values: IndicatorValues): number | null {
  return hasBase(key, values) ? inReportUnits(key, value) : null;
}

/**
 * The 月报 workbook's sheets in report units: 月报汇总 (indicator, 本月, 上月, 环比变化, 单位 — the
 * change "上月无数据" against an empty month), 分站明细 (a column per indicator, its unit in the
 * header), 活动类别. Whoever writes the .xlsx only copies these.
 */
export function monthlyReportSheets(report: ReportForExport, tierLabel: string): ExportSheet[] {
  const current: IndicatorValues = Object.fromEntries(report.indicators.map((r) => [r.key, r.value]));
  const previous: IndicatorValues = Object.fromEntries(report.indicators.map((r) => [r.key, r.previous]));
  const previousEmpty = isEmptyMonth(previous);
  const summary: ExportSheet = {
    name: '月报汇总',
    columns: [
      { header: '站点', key: 'station', width: 28 },
      { header: '层级', key: 'tier', width: 12 },
      { header: '月份', key: 'month', width: 10 },
      { header: '指标', key: 'indicator', width: 26 },
      { header: '本月', key: 'value', width: 14 },
      { header: `上月（${report.previousMonth}）`, key: 'previous', width: 16 },
      { header: '环比变化', key: 'change', width: 14 },
      { header: '单位', key: 'unit', width: 14 },
    ],
    rows: report.indicators.map((row) => {
      const comparable = !previousEmpty && hasBase(row.key, current) && hasBase(row.key, previous);
      return {
        numFmt: numFmtOf(row.key),
        values: {
          station: report.stationName,
          tier: tierLabel,
          month: report.month,
          indicator: INDICATORS[row.key].label,
          value: cell(row.key, row.value, current),
          previous: previousEmpty ? null : cell(row.key, row.previous, previous),
          // The integer difference, converted once: 12.30 − 4.10 is exactly 8.20, not 8.200000000000001.
          change: previousEmpty ? '上月无数据' : comparable ? inReportUnits(row.key, row.value - row.previous) : null,
          unit: reportUnitWithScale(row.key),
        },
      };
    }),
  };
  const breakdown: ExportSheet = {
    name: '分站明细',
    columns: [
      { header: '站点', key: 'station', width: 28 },
      ...INDICATOR_KEYS.map((key) => ({
        header: `${INDICATORS[key].label}（${reportUnitWithScale(key)}）`,
        key,
        width: 16,
        numFmt: numFmtOf(key),
      })),
    ],
    rows: report.children.map((child) => ({
      values: {
        station: child.stationName,
        ...Object.fromEntries(INDICATOR_KEYS.map((key) => [key, cell(key, child.values[key] ?? 0, child.values)])),
      },
    })),
  };
  const categories: ExportSheet = {
    name: '活动类别',
    columns: [
      { header: '类别', key: 'category', width: 16 },
      { header: '开展活动（场）', key: 'activities', width: 16, numFmt: '0' },
      { header: '参加人次（人次）', key: 'attendances', width: 16, numFmt: '0' },
    ],
    rows: report.byCategory.map((row) => ({
      values: {
        category: ACTIVITY_CATEGORIES[row.category],
        activities: row.activities,
        attendances: row.attendances,
      },
    })),
  };
  return [summary, breakdown, categories];
}

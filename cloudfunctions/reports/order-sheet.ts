import type { TOrderFigures, TOrderSection } from '../../shared/contracts/orders';
import { formatAverageRating, formatPermille, ORDER_FIGURE_LABELS } from '../../shared/domain/order-report';
import { ORDER_CATEGORIES, ORDER_CHANNELS } from '../../shared/domain/orders';
import type { Workbook } from '../core/xlsx';

/** The figures one row shows, in the order a 民政 report lists them. */
const ROW_KEYS = [
  'received',
  'responseDue',
  'respondedOnTime',
  'responseRatePermille',
  'completionDue',
  'completedOnTime',
  'onTimeRatePermille',
  'rated',
  'averageRatingTenths',
  'satisfied',
  'satisfactionPermille',
] as const satisfies readonly (keyof TOrderFigures)[];

/** A figure as the sheet writes it: rates as percentages, the rating in points, counts as they are. */
function shown(figures: TOrderFigures, key: (typeof ROW_KEYS)[number]): string | number {
  switch (key) {
    case 'responseRatePermille':
      return formatPermille(figures.responseRatePermille, figures.responseDue);
    case 'onTimeRatePermille':
      return formatPermille(figures.onTimeRatePermille, figures.completionDue);
    case 'satisfactionPermille':
      return formatPermille(figures.satisfactionPermille, figures.rated);
    case 'averageRatingTenths':
      return formatAverageRating(figures.averageRatingTenths, figures.rated);
    case 'received':
    case 'responseDue':
    case 'respondedOnTime':
    case 'completionDue':
    case 'completedOnTime':
    case 'rated':
    case 'satisfied':
      return figures[key];
  }
}

/**
 * The 服务工单 sheet of the 月报 export: this month and the last (indicator rows), then one row per
 * child station, per category and per channel — the same figures as `reports.monthly`'s `orders`.
 */
export function addOrderSheet(book: Workbook, report: { stationName: string; month: string; orders: TOrderSection }) {
  const sheet = book.addWorksheet('服务工单');
  const { orders } = report;
  sheet.columns = [
    { header: '项目', key: 'name', width: 28 },
    ...ROW_KEYS.map((key) => ({ header: ORDER_FIGURE_LABELS[key], key, width: 14 })),
  ];
  sheet.getRow(1).font = { bold: true };
  const add = (name: string, figures: TOrderFigures) =>
    sheet.addRow({ name, ...Object.fromEntries(ROW_KEYS.map((key) => [key, shown(figures, key)])) });
  add(`${report.stationName} ${report.month}`, orders.figures);
  add('上月', orders.previous);
  sheet.addRow({});
  sheet.addRow({ name: '按站点' }).font = { bold: true };
  for (const child of orders.children) add(child.stationName, child.figures);
  sheet.addRow({});
  sheet.addRow({ name: '按服务类别' }).font = { bold: true };
  for (const row of orders.byCategory) add(ORDER_CATEGORIES[row.category], row.figures);
  sheet.addRow({});
  sheet.addRow({ name: '按点单渠道' }).font = { bold: true };
  for (const row of orders.byChannel) add(ORDER_CHANNELS[row.channel], row.figures);
  return sheet;
}

import { monthlyReportSheets } from '../../../shared/domain/report-format';
import { Workbook } from '../../core/xlsx';
import { TIER_LABELS } from '../../../shared/domain/station';
import { can } from '../../../shared/domain/policy';
import { RISK_TIERS, TARGET_CATEGORIES } from '../../../shared/domain/targets';
import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { EXPORT_LINK_SECONDS, fileLinks, putFile } from '../../core/repositories/files';
import { buildMonthlyReport, reportScope } from '../build-report';
import { addOrderSheet } from '../order-sheet';

/** The largest workbook built in one call (a district's report is tens of KB; this guards memory). */
const MAX_EXPORT_BYTES = 20 * 1024 * 1024;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The monthly report as .xlsx in the layout a 民政 monthly report uses: a summary sheet (station,
 * month, indicator, value, previous month, change), a breakdown per child station, and the
 * categories — in the units people report in (`monthlyReportSheets`: %, 5-point scale, hours, 元
 * with two decimals) —, the service orders and the visit rate (and, for heads and admins, who was
 * not reached, masked). The same figures as `monthly`, built from the same numbers. The file goes to cloud
 * storage (one file per station and month, replaced by each export) and the caller gets a link
 * valid for ten minutes: weapp downloads and opens it, H5 downloads it — no size cap from the
 * function's 6 MB answer limit.
 */
export async function exportMonthly(deps: Deps, caller: Caller, input: { stationId: string; month: string }) {
  const scope = await reportScope(deps, caller, input.stationId, input.month);
  const { station } = scope;
  const report = await buildMonthlyReport(deps, scope, input.month);

  const book = new Workbook();
  book.creator = '社工站通';
  book.created = deps.now();
  for (const sheet of monthlyReportSheets(report, TIER_LABELS[report.tier])) {
    const ws = book.addWorksheet(sheet.name);
    ws.columns = sheet.columns.map(({ header, key, width, numFmt }) => ({ header, key, width, numFmt }));
    for (const row of sheet.rows) ws.addRow(row.values, row.numFmt);
    ws.getRow(1).font = { bold: true };
  }
  addOrderSheet(book, report);

  // 重点对象探访: figures only; the not-reached list (masked) only for those who may export the roster.
  const visits = book.addWorksheet('重点对象探访');
  visits.columns = [
    { header: '分组', key: 'group', width: 12 },
    { header: '项目', key: 'item', width: 28 },
    { header: '应访（人）', key: 'due', width: 12 },
    { header: '已访（人）', key: 'visited', width: 12 },
    { header: '月探访率', key: 'rate', width: 12 },
  ];
  const rate = (permille: number) => `${(permille / 10).toFixed(1)}%`;
  const v = report.visits;
  visits.addRow({
    group: '合计',
    item: report.stationName,
    due: v.due,
    visited: v.visited,
    rate: rate(v.ratePermille),
  });
  for (const row of v.byTier)
    visits.addRow({
      group: '风险等级',
      item: RISK_TIERS[row.tier],
      due: row.due,
      visited: row.visited,
      rate: rate(row.ratePermille),
    });
  for (const row of v.byCategory)
    visits.addRow({
      group: '对象类别',
      item: TARGET_CATEGORIES[row.category],
      due: row.due,
      visited: row.visited,
      rate: rate(row.ratePermille),
    });
  for (const row of v.children)
    visits.addRow({
      group: '分站',
      item: row.stationName,
      due: row.due,
      visited: row.visited,
      rate: rate(row.ratePermille),
    });
  visits.getRow(1).font = { bold: true };
  if (can(caller, 'targets:export', { stationPath: station.path })) {
    const missed = book.addWorksheet('本月未访');
    missed.columns = [
      { header: '姓名（脱敏）', key: 'name', width: 14 },
      { header: '所属', key: 'station', width: 28 },
      { header: '风险等级', key: 'tier', width: 10 },
    ];
    for (const row of v.notReached)
      missed.addRow({ name: row.maskedName, station: row.childStationName, tier: RISK_TIERS[row.tier] });
    if (v.notReachedTotal > v.notReached.length)
      missed.addRow({ name: `另有 ${v.notReachedTotal - v.notReached.length} 人，见“探访关爱”逾期名单` });
    missed.getRow(1).font = { bold: true };
  }

  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  if (buffer.length > MAX_EXPORT_BYTES) throw new AppError('EXPORT_TOO_LARGE');
  const fileId = await putFile(deps, `exports/${station._id}/${report.month}.xlsx`, buffer);
  const url = (await fileLinks(deps, [fileId], EXPORT_LINK_SECONDS)).get(fileId);
  if (!url) throw new AppError('STORAGE_UNAVAILABLE');
  return {
    fileName: `${report.stationName}-${report.month}-月报.xlsx`,
    mimeType: XLSX_MIME,
    fileId,
    url,
    bytes: buffer.length,
    expiresAt: new Date(deps.now().getTime() + EXPORT_LINK_SECONDS * 1000),
  };
}

/**
 * The REAL weapp build in miniprogram-simulate, cloud calls routed to the REAL `reports` function
 * on the emulator (with its cloud storage): staff tap 导出 Excel on the 月报 page; the workbook is
 * put in cloud storage, `wx.downloadFile` fetches it over HTTP from the link the function gave
 * into the user data folder, and `wx.openDocument` opens it — the file holds the report's figures
 * in the units people report in (%, 5-point scale, hours, 元).
 */
import ExcelJS from 'exceljs';
import { get } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndicatorKey } from '../../shared/domain/report';
import { INDICATOR_BASE, inReportUnits } from '../../shared/domain/report-format';
import type { Backend } from '../service/support';
import {
  addWxApis,
  layoutlessSelectorQuery,
  openPage,
  recorder,
  tap,
  waitFor,
  wxAsync,
  useWeapp,
} from './simulate-env';

jest.setTimeout(60_000);

const USER_DATA_PATH = 'wxfile://usr';
const userData = mkdtempSync(join(tmpdir(), 'weapp-user-data-'));
const localPath = (filePath: string) => join(userData, filePath.slice(USER_DATA_PATH.length + 1));
const downloads: { url: string; filePath: string; statusCode: number }[] = [];
const opened: { filePath: string; fileType?: string; showMenu?: boolean }[] = [];

/** GET over Node's http (jsdom's environment has no fetch), as WeChat's downloader would. */
function httpGet(url: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

addWxApis({
  env: { USER_DATA_PATH },
  createSelectorQuery: layoutlessSelectorQuery,
  downloadFile: wxAsync(async (o: { url: string; filePath?: string }) => {
    const { status, body } = await httpGet(encodeURI(o.url));
    const filePath = o.filePath ?? `${USER_DATA_PATH}/tmp-download`;
    if (status === 200) writeFileSync(localPath(filePath), body);
    downloads.push({ url: o.url, filePath, statusCode: status });
    return { statusCode: status, filePath, tempFilePath: filePath };
  }),
  openDocument: wxAsync((o: { filePath: string; fileType?: string; showMenu?: boolean }) => {
    opened.push({ filePath: o.filePath, fileType: o.fileType, showMenu: o.showMenu });
    return {};
  }),
});

let backend: Backend;

useWeapp('dev-staff', (started) => (backend = started));

afterAll(async () => {
  rmSync(userData, { recursive: true, force: true });
});

test('导出 Excel on weapp: downloaded from cloud storage into the user folder and opened, with the same figures', async () => {
  const page = await openPage('packages/console/pages/report/index', { stationId: 'st_LJ01' });
  await waitFor(() => page.querySelector('#export-xlsx-button'), 'the export button', page);
  tap(page, 'export-xlsx-button');
  await waitFor(() => opened.length > 0, 'wx.openDocument', page);

  expect(downloads).toHaveLength(1);
  expect(downloads[0]).toMatchObject({ statusCode: 200 });
  expect(downloads[0]!.url).toContain('/emulator/storage/file/exports/st_LJ01/');
  expect(opened[0]).toMatchObject({ fileType: 'xlsx', showMenu: true });
  expect(opened[0]!.filePath).toMatch(/^wxfile:\/\/usr\/江滨街道社工站-\d{4}-\d{2}-月报\.xlsx$/);

  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(localPath(opened[0]!.filePath)) as unknown as ArrayBuffer);
  expect(book.worksheets.map((w) => w.name)).toEqual(['月报汇总', '分站明细', '活动类别', '服务工单', '重点对象探访']);
  const summary = book.getWorksheet('月报汇总')!;
  const month = String(summary.getRow(2).getCell(3).value);
  const cells = new Map<string, unknown>();
  summary.eachRow((row, i) => {
    if (i > 1) cells.set(String(row.getCell(4).value), row.getCell(5).value);
  });
  const report = await backend.call('reports', 'monthly', { stationId: 'st_LJ01', month }, 'dev-staff');
  if (!report.ok) throw new Error(JSON.stringify(report));
  const indicators = (report.data as { indicators: { key: IndicatorKey; label: string; value: number }[] }).indicators;
  const values = Object.fromEntries(indicators.map((row) => [row.key, row.value]));
  expect(indicators.length).toBeGreaterThan(5);
  // The report's figures, in the units people report in (a rate with no bookings is left empty).
  for (const row of indicators) {
    const base = INDICATOR_BASE[row.key];
    const expected = base && values[base] === 0 ? null : inReportUnits(row.key, row.value);
    expect([row.label, cells.get(row.label) ?? null]).toEqual([row.label, expected]);
  }
  expect(recorder.calls).toContain('reports.exportMonthly');
  expect(recorder.modals).toEqual([]);
});

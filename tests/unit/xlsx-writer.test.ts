import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { columnLetters, Workbook } from '../../cloudfunctions/core/xlsx';

/** The 月报 export's own .xlsx writer, read back by ExcelJS (as Excel and WPS would open it). */
describe('the xlsx writer', () => {
  async function readBack(book: Workbook) {
    const bytes = await book.xlsx.writeBuffer();
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    return { bytes, read };
  }

  it('formats numbers by column, a row format over the column one, never text or the header', async () => {
    const book = new Workbook();
    const sheet = book.addWorksheet('月报汇总');
    sheet.columns = [
      { header: '指标', key: 'indicator', width: 20 },
      { header: '本月', key: 'value', width: 12, numFmt: '0' },
      { header: '上月', key: 'previous', width: 12, numFmt: '0' },
    ];
    sheet.addRow({ indicator: '开展活动', value: 12, previous: 10 });
    sheet.addRow({ indicator: '到场率', value: 83.5, previous: '—' }, '0.0');
    sheet.addRow({ indicator: '链接社会资源价值', value: 300, previous: 120.5 }, '0.00');
    sheet.getRow(1).font = { bold: true };
    const bold = sheet.addRow({ indicator: '合计', value: 7 });
    bold.font = { bold: true };

    const { read } = await readBack(book);
    const ws = read.getWorksheet('月报汇总')!;
    const formats = [1, 2, 3, 4, 5].map((r) => [1, 2, 3].map((c) => ws.getRow(r).getCell(c).numFmt ?? null));
    expect(formats).toEqual([
      [null, null, null],
      [null, '0', '0'],
      [null, '0.0', null],
      [null, '0.00', '0.00'],
      [null, '0', null],
    ]);
    expect(ws.getRow(5).getCell(2).font?.bold).toBe(true);
    expect(ws.getRow(3).getCell(3).value).toBe('—');
  });

  it('writes named sheets with headers, widths, text and numbers, and a bold header row', async () => {
    const book = new Workbook();
    book.creator = '社工站通';
    book.created = new Date('2026-11-15T02:00:00Z');
    const summary = book.addWorksheet('月报汇总');
    summary.columns = [
      { header: '指标', key: 'indicator', width: 26 },
      { header: '本月', key: 'value', width: 16 },
      { header: '备注', key: 'note' },
    ];
    summary.addRow({ indicator: '开展活动', value: 12, note: '含 <小组> & "社区" 活动' });
    summary.addRow({ indicator: '到场率', value: 833.5 });
    summary.addRow({ indicator: '开展活动', value: 0, note: '控制字符\u0001已去掉' });
    summary.getRow(1).font = { bold: true };
    book.addWorksheet('空表');

    const { read } = await readBack(book);
    expect(read.worksheets.map((w) => w.name)).toEqual(['月报汇总', '空表']);
    expect(read.creator).toBe('社工站通');
    const sheet = read.getWorksheet('月报汇总')!;
    const values: unknown[][] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    expect(values).toEqual([
      ['指标', '本月', '备注'],
      ['开展活动', 12, '含 <小组> & "社区" 活动'],
      ['到场率', 833.5],
      ['开展活动', 0, '控制字符已去掉'],
    ]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(sheet.getColumn(1).width).toBe(26);
    expect(sheet.getColumn(3).width).toBe(10);
  });

  it('stores each distinct text once, as Excel does', async () => {
    const book = new Workbook();
    const sheet = book.addWorksheet('重复');
    sheet.columns = [{ header: '名称', key: 'name' }];
    for (let i = 0; i < 50; i++) sheet.addRow({ name: '同一个站点' });
    const files = unzipSync(await book.xlsx.writeBuffer());
    const shared = strFromU8(files['xl/sharedStrings.xml']!);
    expect(shared).toContain('count="51" uniqueCount="2"');
  });

  it('refuses what Excel would refuse: bad or repeated sheet names, numbers that are not finite', async () => {
    const book = new Workbook();
    expect(() => book.addWorksheet('a/b')).toThrow(RangeError);
    expect(() => book.addWorksheet('x'.repeat(32))).toThrow(RangeError);
    book.addWorksheet('表');
    expect(() => book.addWorksheet('表')).toThrow(RangeError);
    const sheet = book.addWorksheet('数');
    sheet.columns = [{ header: 'n', key: 'n' }];
    sheet.addRow({ n: Number.NaN });
    await expect(book.xlsx.writeBuffer()).rejects.toThrow(RangeError);
  });

  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});

import { strToU8, zipSync } from 'fflate';

/*
 * A small .xlsx (Office Open XML SpreadsheetML) writer for the functions' exports (the 月报, the
 * 服务对象 roster): named sheets, column headers and widths, rows of text and numbers, bold rows, and
 * number formats (per column or per row, applied to the numbers only).
 * It is the part of ExcelJS's API the exports use (`addWorksheet`, `columns`, `addRow`,
 * `getRow(n).font`, `xlsx.writeBuffer()`), so they read the same, at about 1 % of the size:
 * ExcelJS alone was ~1.2 MB of a bundle, loaded on every cold start (ADR 0022). Strings go to the shared-strings table, as Excel
 * writes them; the zip is fflate's.
 */

/** A cell value: text, a number, or empty. */
export type CellValue = string | number | null | undefined;

/**
 * A column: its header text (row 1), the key rows are given by, its width in characters, and the
 * number format (Excel format code, e.g. `0.0`) of the numbers below the header.
 */
export interface Column {
  header: string;
  key: string;
  width?: number;
  numFmt?: string;
}

/** A row's formatting (only bold is used). */
export interface RowStyle {
  font?: { bold?: boolean };
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const SHEET_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** One worksheet: a header row from `columns`, then rows in the order added. */
export class Worksheet {
  private cols: Column[] = [];
  private readonly rows: { values: CellValue[]; style: RowStyle; numFmt?: string }[] = [];

  constructor(readonly name: string) {
    if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new RangeError(`invalid sheet name: ${name}`);
  }

  /** Set the columns; their headers become row 1 (as in ExcelJS). */
  set columns(columns: Column[]) {
    this.cols = columns;
    const header = { values: columns.map((c) => c.header), style: {} };
    if (this.rows.length === 0) this.rows.push(header);
    else this.rows[0] = header;
  }

  get columns(): Column[] {
    return this.cols;
  }

  /**
   * Add a row: values by column key (keys without a column are ignored); `numFmt` formats the row's
   * numbers over the columns' formats (a summary row mixing 元, % and counts). Answers its style.
   */
  addRow(values: Record<string, CellValue>, numFmt?: string): RowStyle {
    const row = { values: this.cols.map((c) => values[c.key]), style: {}, numFmt };
    this.rows.push(row);
    return row.style;
  }

  /** Row `n` (1-based) for formatting: `getRow(1).font = { bold: true }`. */
  getRow(n: number): RowStyle {
    const row = this.rows[n - 1];
    if (!row) throw new RangeError(`no row ${n} in ${this.name}`);
    return row.style;
  }

  /** The sheet's XML, adding its strings to `strings` and its cell formats to `styles`. */
  toXml(strings: SharedStrings, styles: CellStyles): string {
    const cols = this.cols
      .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? 10}" customWidth="1"/>`)
      .join('');
    const body = this.rows
      .map((row, r) => {
        const bold = row.style.font?.bold === true;
        const attr = (index: number) => (index ? ` s="${index}"` : '');
        const cells = row.values
          .map((value, c) => {
            const ref = `${columnLetters(c)}${r + 1}`;
            if (value === null || value === undefined || value === '') return '';
            if (typeof value === 'number') {
              if (!Number.isFinite(value)) throw new RangeError(`${this.name}!${ref}: not a finite number`);
              const numFmt = r === 0 ? undefined : (row.numFmt ?? this.cols[c]?.numFmt);
              return `<c r="${ref}"${attr(styles.indexOf(bold, numFmt))}><v>${value}</v></c>`;
            }
            return `<c r="${ref}" t="s"${attr(styles.indexOf(bold))}><v>${strings.indexOf(value)}</v></c>`;
          })
          .join('');
        return `<row r="${r + 1}">${cells}</row>`;
      })
      .join('');
    return `${xmlHead()}<worksheet xmlns="${MAIN_NS}">${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${body}</sheetData></worksheet>`;
  }
}

/** The workbook: sheets in order, the creator and creation time for the document properties. */
export class Workbook {
  creator = '';
  created = new Date();
  readonly worksheets: Worksheet[] = [];
  /** As ExcelJS: `await book.xlsx.writeBuffer()` answers the .xlsx bytes. */
  readonly xlsx = { writeBuffer: async (): Promise<Uint8Array> => this.toBytes() };

  addWorksheet(name: string): Worksheet {
    if (this.worksheets.some((w) => w.name === name)) throw new RangeError(`duplicate sheet name: ${name}`);
    const sheet = new Worksheet(name);
    this.worksheets.push(sheet);
    return sheet;
  }

  private toBytes(): Uint8Array {
    const strings = new SharedStrings();
    const styles = new CellStyles();
    const sheets = this.worksheets.map((w) => w.toXml(strings, styles));
    const n = sheets.length;
    const files: Record<string, Uint8Array> = {
      '[Content_Types].xml': xml(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
          `<Default Extension="xml" ContentType="application/xml"/>` +
          `<Override PartName="/xl/workbook.xml" ContentType="${SHEET_MIME}.sheet.main+xml"/>` +
          sheets
            .map(
              (_s, i) =>
                `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${SHEET_MIME}.worksheet+xml"/>`,
            )
            .join('') +
          `<Override PartName="/xl/styles.xml" ContentType="${SHEET_MIME}.styles+xml"/>` +
          `<Override PartName="/xl/sharedStrings.xml" ContentType="${SHEET_MIME}.sharedStrings+xml"/>` +
          `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
          `</Types>`,
      ),
      '_rels/.rels': xml(
        `<Relationships xmlns="${PKG_REL_NS}">` +
          `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
          `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
          `</Relationships>`,
      ),
      'docProps/core.xml': xml(
        `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
          `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
          `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
          `<dc:creator>${escapeXml(this.creator)}</dc:creator>` +
          `<dcterms:created xsi:type="dcterms:W3CDTF">${this.created.toISOString().replace(/\.\d{3}Z$/, 'Z')}</dcterms:created>` +
          `</cp:coreProperties>`,
      ),
      'xl/workbook.xml': xml(
        `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
          this.worksheets
            .map((w, i) => `<sheet name="${escapeXml(w.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
            .join('') +
          `</sheets></workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': xml(
        `<Relationships xmlns="${PKG_REL_NS}">` +
          sheets
            .map(
              (_s, i) =>
                `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
            )
            .join('') +
          `<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
          `<Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
          `</Relationships>`,
      ),
      'xl/styles.xml': xml(styles.toXml()),
      'xl/sharedStrings.xml': xml(strings.toXml()),
    };
    sheets.forEach((sheet, i) => {
      files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheet);
    });
    // Zip entry times can only say 1980–2099.
    const year = this.created.getUTCFullYear();
    const mtime = year >= 1980 && year <= 2099 ? this.created : new Date('1980-01-01T00:00:00Z');
    return zipSync(files, { level: 6, mtime });
  }
}

/** Custom number formats are numbered from 164 (0–163 are Excel's built-in ones). */
const FIRST_CUSTOM_FORMAT = 164;

/**
 * The workbook's cell formats (`cellXfs`): index 0 plain, 1 bold, then one per (bold, number format)
 * met while writing the sheets; cells refer to them by index.
 */
class CellStyles {
  private readonly formats = new Map<string, number>();
  private readonly xfs: { bold: boolean; numFmtId: number }[] = [
    { bold: false, numFmtId: 0 },
    { bold: true, numFmtId: 0 },
  ];
  private readonly byKey = new Map<string, number>([
    ['0:0', 0],
    ['1:0', 1],
  ]);

  indexOf(bold: boolean, numFmt?: string): number {
    let numFmtId = 0;
    if (numFmt) {
      numFmtId = this.formats.get(numFmt) ?? FIRST_CUSTOM_FORMAT + this.formats.size;
      this.formats.set(numFmt, numFmtId);
    }
    const key = `${bold ? 1 : 0}:${numFmtId}`;
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.xfs.length;
      this.xfs.push({ bold, numFmtId });
      this.byKey.set(key, index);
    }
    return index;
  }

  toXml(): string {
    const formats = [...this.formats]
      .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`)
      .join('');
    const xfs = this.xfs
      .map(
        ({ bold, numFmtId }) =>
          `<xf numFmtId="${numFmtId}" fontId="${bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"` +
          `${bold ? ' applyFont="1"' : ''}${numFmtId ? ' applyNumberFormat="1"' : ''}/>`,
      )
      .join('');
    return (
      `<styleSheet xmlns="${MAIN_NS}">` +
      (this.formats.size ? `<numFmts count="${this.formats.size}">${formats}</numFmts>` : '') +
      `<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${this.xfs.length}">${xfs}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `</styleSheet>`
    );
  }
}

/** The workbook's shared-strings table: each distinct text once, cells refer to it by index. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  private uses = 0;

  indexOf(text: string): number {
    this.uses++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  toXml(): string {
    const items = this.list.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('');
    return `<sst xmlns="${MAIN_NS}" count="${this.uses}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Text as XML character data: markup escaped, characters XML 1.0 forbids dropped. */
function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const xmlHead = () => '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const xml = (body: string) => strToU8(xmlHead() + body);

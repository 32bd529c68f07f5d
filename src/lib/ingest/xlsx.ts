import { decodeEntities } from './report-text.ts';
import { attributes, elements, firstText, pattern } from './xml.ts';
import { dateShown, EPOCH_1900, EPOCH_1904, shownNumber, type DateShown } from './number-format.ts';
import { sheetCsv, type Cell, type Merge, type Sheet } from './sheet.ts';
import { isZip, ZipArchive } from './zip.ts';

/**
 * An Excel workbook (`.xlsx`, Office Open XML) read as the CSVs its sheets would be saved as
 * (sheet.ts), so every check a CSV gets applies to it. What Excel shows is what is read: shared and
 * inline strings without their furigana (`rPh`), a formula's last value, a date-formatted number as
 * its date, a merged cell's value in every row it spans. Pure string scanning (no DOMParser, which a
 * worker lacks).
 */
const MAIN = 'xl/workbook.xml';
/** The workbook's sheets in tab order, or null when the bytes are not an Excel workbook (another zip, or no zip). */
export async function readWorkbook(bytes: Uint8Array): Promise<Sheet[] | null> {
  if (!isZip(bytes)) return null;
  const zip = new ZipArchive(bytes);
  if (!zip.has(MAIN)) return null;
  const workbook = (await zip.text(MAIN))!;
  const targets = relationshipTargets((await zip.text('xl/_rels/workbook.xml.rels')) ?? '');
  const strings = sharedStrings((await zip.text('xl/sharedStrings.xml')) ?? '');
  const dates = dateStyles((await zip.text('xl/styles.xml')) ?? '');
  const epoch = /date1904\s*=\s*["'](1|true)["']/.test(workbook) ? EPOCH_1904 : EPOCH_1900;
  const sheets: Sheet[] = [];
  for (const { attrs } of elements(workbook, 'sheet')) {
    const a = attributes(attrs);
    const target = targets.get(a['r:id'] ?? a.id ?? '');
    // A chart sheet has no cells; a sheet without its part is skipped, as Excel would show nothing.
    if (!target || !/worksheet/i.test(target.type)) continue;
    const xml = await zip.text(target.path);
    if (xml === null) continue;
    sheets.push({ name: decodeXml(a.name ?? ''), hidden: a.state === 'hidden' || a.state === 'veryHidden', csv: sheetText(xml, strings, dates, epoch) });
  }
  return sheets;
}

/** rId → part path (relative to `xl/`, or absolute from the package root) and type. */
function relationshipTargets(xml: string): Map<string, { path: string; type: string }> {
  const targets = new Map<string, { path: string; type: string }>();
  for (const { attrs } of elements(xml, 'Relationship')) {
    const a = attributes(attrs);
    if (!a.Id || !a.Target) continue;
    const target = decodeXml(a.Target);
    targets.set(a.Id, { path: target.startsWith('/') ? target.slice(1) : normalizePath(`xl/${target}`), type: a.Type ?? '' });
  }
  return targets;
}

function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

function sharedStrings(xml: string): string[] {
  return [...elements(xml, 'si')].map(({ inner }) => richText(inner ?? ''));
}

/** The text of a string item: its runs' `<t>`, without the phonetic guide (`rPh`) Japanese Excel stores beside it. */
function richText(xml: string): string {
  let text = '';
  for (const { inner } of elements(xml.replace(PHONETIC, ''), 't')) text += decodeXml(inner ?? '');
  return text.replace(/\r\n?/g, '\n');
}
const PHONETIC = /<(?:[A-Za-z_][\w.-]*:)?rPh\b[\s\S]*?<\/(?:[A-Za-z_][\w.-]*:)?rPh\s*>/g;

/** Which cell styles (`s`, an index into `cellXfs`) show a number as a date, and how (number-format.ts). */
function dateStyles(xml: string): Map<number, DateShown> {
  const custom = new Map<number, string>();
  for (const { attrs } of elements(xml, 'numFmt')) {
    const a = attributes(attrs);
    custom.set(Number(a.numFmtId), decodeXml(a.formatCode ?? ''));
  }
  const styles = new Map<number, DateShown>();
  const cellXfs = [...elements(xml, 'cellXfs')][0]?.inner ?? '';
  [...elements(cellXfs, 'xf')].forEach(({ attrs }, index) => {
    const id = Number(attributes(attrs).numFmtId ?? 0);
    const date = dateShown(id, custom.get(id));
    if (date !== undefined) styles.set(index, date);
  });
  return styles;
}

/** A cell's reference, type and style: read per cell, so by one small pattern, not `attributes`. */
const CELL_ATTRIBUTE = /(?:^|\s)(r|t|s)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function sheetText(xml: string, strings: string[], dates: Map<number, DateShown>, epoch: number): string {
  const rows = new Map<number, Cell[]>();
  let rowNo = 0;
  for (const row of elements(xml, 'row')) {
    const r = Number(/(?:^|\s)r\s*=\s*["'](\d+)/.exec(row.attrs)?.[1]);
    rowNo = Number.isInteger(r) && r > rowNo ? r : rowNo + 1;
    const cells: Cell[] = [];
    let column = 0;
    const inner = row.inner ?? '';
    const cellPattern = pattern('c');
    for (let cell = cellPattern.exec(inner); cell; cell = cellPattern.exec(inner)) {
      const a: CellAttributes = {};
      CELL_ATTRIBUTE.lastIndex = 0;
      for (let m = CELL_ATTRIBUTE.exec(cell[1]); m; m = CELL_ATTRIBUTE.exec(cell[1])) a[m[1] as keyof CellAttributes] = m[2] ?? m[3];
      const at = a.r ? columnOf(a.r) : 0;
      column = at > column ? at : column + 1;
      const text = cellText(a, cell[2] ?? '', strings, dates, epoch);
      if (text !== '') cells.push({ column, text });
    }
    if (cells.length > 0) rows.set(rowNo, cells);
  }
  return sheetCsv(rows, mergedRanges(xml));
}

interface CellAttributes {
  r?: string;
  t?: string;
  s?: string;
}

function cellText(a: CellAttributes, inner: string, strings: string[], dates: Map<number, DateShown>, epoch: number): string {
  const value = inner.startsWith('<v>') ? inner.slice(3, inner.indexOf('</v>')) : firstText(inner, 'v');
  switch (a.t) {
    case 's': {
      const text = value === null ? undefined : strings[Number(value)];
      if (text === undefined) throw new Error(`shared string ${value} missing`);
      return text;
    }
    case 'inlineStr':
      return richText([...elements(inner, 'is')][0]?.inner ?? '');
    case 'str':
    case 'e':
      return decodeXml(value ?? '').replace(/\r\n?/g, '\n');
    case 'b':
      return value === null ? '' : value.trim() === '1' ? 'TRUE' : 'FALSE';
    case 'd':
      return decodeXml(value ?? '').slice(0, 10);
  }
  if (value === null || value.trim() === '') return '';
  const date = a.s === undefined ? undefined : dates.get(Number(a.s));
  if (date === undefined && /^-?\d{1,15}$/.test(value)) return value;
  const number = Number(value);
  if (!Number.isFinite(number)) return decodeXml(value);
  return shownNumber(number, date, epoch);
}

function mergedRanges(xml: string): Merge[] {
  const merges: Merge[] = [];
  for (const { attrs } of elements(xml, 'mergeCell')) {
    const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(attributes(attrs).ref ?? '');
    if (match) merges.push({ column: columnOf(match[1]), top: Number(match[2]), bottom: Number(match[4]) });
  }
  return merges;
}

/** `B12` → 2; `AA3` → 27. */
function columnOf(reference: string): number {
  let column = 0;
  for (const ch of reference.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  return column;
}

/**
 * XML's own line ends (a literal CR LF or CR is an LF, as any XML reader takes it; `&#13;` stays a CR),
 * then entities, then SpreadsheetML's `_xHHHH_` escapes (`_x005F_` an escaped `_`): so a generator's
 * `_x000D_` before a literal CR LF is Excel's CR LF, one line break.
 */
function decodeXml(text: string): string {
  return decodeEntities(text.replace(/\r\n?/g, '\n')).replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

import { MAX_SHEET_CHARS, PartTooLarge } from './limits.ts';
import { decodeEntities } from './report-text.ts';
import { numberText, sheetCsv, type Cell, type Merge, type Sheet } from './sheet.ts';
import { inlineText, openPackage } from './odf.ts';
import { attributes, elements, leavesOut, tokens } from './xml.ts';

/**
 * An OpenDocument spreadsheet (`.ods`: LibreOffice Calc, or Excel's "OpenDocument Spreadsheet") read
 * as the CSVs its sheets would be saved as (sheet.ts), as an Excel workbook is. What Calc shows is
 * what is read: a number or a formula's result as its value (15 significant digits), a date as
 * `YYYY-MM-DD` unless its format shows the year alone (then as shown: 令和7年度), TRUE/FALSE, other
 * cells as their text; a cell's paragraphs and line breaks as line breaks; a merged cell's value in
 * every row it spans. Comments, furigana and drawings are not the cell's text. Null for anything that
 * is not an OpenDocument spreadsheet.
 */
export async function readSpreadsheet(bytes: Uint8Array): Promise<Sheet[] | null> {
  const odf = await openPackage(bytes, MIMETYPE);
  return odf && sheetsOf(odf.content, hiddenTableStyles(odf.styles), withoutDayCellStyles(odf.styles));
}

const MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';
/** Calc's limits: repeated empty rows and columns run to them, and are never expanded. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** Elements whose text is not a cell's: a comment, a furigana reading, a drawing (in a cell or on the sheet). */
const NOT_CELL_TEXT = new Set(['annotation', 'ruby-text', 'frame', 'custom-shape', 'rect', 'ellipse', 'line', 'g']);

/** The cell styles whose date format shows no day (the year alone, or with its month or quarter) and no time. */
function withoutDayCellStyles(styles: string): Set<string> {
  const withoutDay = new Set<string>();
  for (const { attrs, inner } of elements(styles, 'date-style')) {
    const name = attributes(attrs)['style:name'];
    if (name && !/<number:(?:day|day-of-week|week-of-year|hours|minutes|seconds|am-pm)\b/.test(inner ?? '')) withoutDay.add(name);
  }
  const cells = new Set<string>();
  for (const { attrs } of elements(styles, 'style')) {
    const a = attributes(attrs);
    if (a['style:family'] === 'table-cell' && withoutDay.has(a['style:data-style-name'] ?? '')) cells.add(a['style:name']);
  }
  return cells;
}

/** The table styles that hide a sheet (`table:display="false"`). */
function hiddenTableStyles(styles: string): Set<string> {
  const hidden = new Set<string>();
  for (const { attrs, inner } of elements(styles, 'style')) {
    const a = attributes(attrs);
    if (a['style:family'] === 'table' && /table:display\s*=\s*["']false["']/.test(inner ?? '')) hidden.add(a['style:name']);
  }
  return hidden;
}

interface OpenCell {
  attrs: Record<string, string>;
  covered: boolean;
  text: string;
  paragraphs: number;
}

function sheetsOf(content: string, hiddenStyles: Set<string>, withoutDay: Set<string>): Sheet[] {
  const sheets: Sheet[] = [];
  let sheet: { name: string; hidden: boolean; rows: Map<number, Cell[]>; merges: Merge[]; nextRow: number; columnStyles: string[]; chars: number } | null = null;
  let row: { no: number; repeat: number; cells: Cell[]; column: number } | null = null;
  let cell: OpenCell | null = null;
  const notCellText = leavesOut(NOT_CELL_TEXT);
  for (const token of tokens(content)) {
    if (notCellText(token)) continue;
    if ('text' in token) {
      if (cell && !cell.covered) cell.text += decodeEntities(token.text);
      continue;
    }
    const { tag, closing, empty } = token;
    if (closing) {
      if (tag === 'table' && sheet) {
        sheets.push({ name: sheet.name, hidden: sheet.hidden, csv: sheetCsv(sheet.rows, sheet.merges) });
        sheet = null;
      } else if (tag === 'table-row' && sheet && row) {
        if (row.cells.length > 0) {
          // A row written once and repeated could be a sheet far past what its file holds: counted before it is expanded.
          sheet.chars += row.cells.reduce((n, c) => n + c.text.length + 1, 0) * row.repeat;
          if (sheet.chars > MAX_SHEET_CHARS) throw new PartTooLarge(`sheet ${sheet.name}`, MAX_SHEET_CHARS);
          for (let k = 0; k < row.repeat; k++) sheet.rows.set(row.no + k, k === 0 ? row.cells : row.cells.map((c) => ({ ...c })));
        }
        sheet.nextRow = row.no + row.repeat;
        row = null;
      } else if ((tag === 'table-cell' || tag === 'covered-table-cell') && sheet && row && cell) {
        closeCell(sheet, row, cell, withoutDay);
        cell = null;
      }
      continue;
    }
    if (cell) {
      if (tag === 'p' || tag === 'h') cell.text += cell.paragraphs++ > 0 ? '\n' : '';
      else cell.text += inlineText(tag, token.attrs) ?? '';
      continue;
    }
    if (tag === 'table') {
      const attrs = attributes(token.attrs);
      sheet = { name: decodeEntities(attrs['table:name'] ?? ''), hidden: hiddenStyles.has(attrs['table:style-name'] ?? ''), rows: new Map(), merges: [], nextRow: 1, columnStyles: [], chars: 0 };
    } else if (tag === 'table-column' && sheet) {
      const attrs = attributes(token.attrs);
      const repeat = repeatCount(attrs['table:number-columns-repeated'], MAX_COLUMNS - sheet.columnStyles.length);
      for (let k = 0; k < repeat; k++) sheet.columnStyles.push(attrs['table:default-cell-style-name'] ?? '');
    } else if (tag === 'table-row' && sheet) {
      const repeat = repeatCount(cellAttributes(token.attrs)['table:number-rows-repeated'], MAX_ROWS - sheet.nextRow + 1);
      row = { no: sheet.nextRow, repeat: Math.max(repeat, 1), cells: [], column: 0 };
      if (empty) {
        sheet.nextRow += row.repeat;
        row = null;
      }
    } else if ((tag === 'table-cell' || tag === 'covered-table-cell') && sheet && row) {
      const opened: OpenCell = { attrs: cellAttributes(token.attrs), covered: tag === 'covered-table-cell', text: '', paragraphs: 0 };
      if (empty) closeCell(sheet, row, opened, withoutDay);
      else cell = opened;
    }
  }
  return sheets;
}

/** A repeat count as written (1 when absent or unreadable), no further than the `room` left before Calc's limit. */
const repeatCount = (written: string | undefined, room: number) => Math.min(Number(written ?? 1) || 1, room);

/** The attributes a row or cell is read by (one pattern per cell, not `attributes`: a long sheet has millions). */
const CELL_ATTRIBUTE = /(?:^|\s)((?:office|table):(?:value-type|value|date-value|boolean-value|string-value|number-columns-repeated|number-rows-repeated|number-rows-spanned|style-name))\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function cellAttributes(attrs: string): Record<string, string> {
  const found: Record<string, string> = {};
  if (attrs === '') return found;
  CELL_ATTRIBUTE.lastIndex = 0;
  for (let m = CELL_ATTRIBUTE.exec(attrs); m; m = CELL_ATTRIBUTE.exec(attrs)) found[m[1]] = m[2] ?? m[3];
  return found;
}

/** A cell's value as Calc shows it, put in each column it repeats over; a merge down rows is noted. */
function closeCell(
  sheet: { rows: Map<number, Cell[]>; merges: Merge[]; columnStyles: string[] },
  row: { no: number; cells: Cell[]; column: number },
  cell: OpenCell,
  withoutDay: Set<string>,
): void {
  const repeat = repeatCount(cell.attrs['table:number-columns-repeated'], MAX_COLUMNS - row.column);
  const text = cell.covered ? '' : cellText(cell, cell.attrs['table:style-name'] ?? sheet.columnStyles[row.column] ?? '', withoutDay);
  if (text !== '') {
    for (let k = 1; k <= repeat; k++) row.cells.push({ column: row.column + k, text });
    const rowsSpanned = Number(cell.attrs['table:number-rows-spanned'] ?? 1);
    if (rowsSpanned > 1) sheet.merges.push({ column: row.column + 1, top: row.no, bottom: row.no + rowsSpanned - 1 });
  }
  row.column += Math.max(repeat, 1);
}

function cellText(cell: OpenCell, style: string, withoutDay: Set<string>): string {
  const a = cell.attrs;
  switch (a['office:value-type']) {
    case 'float':
    case 'percentage':
    case 'currency': {
      const value = Number(a['office:value']);
      // A formula's TRUE or FALSE is stored as 1 or 0 and shown as the word.
      if ((value === 1 && cell.text === 'TRUE') || (value === 0 && cell.text === 'FALSE')) return cell.text;
      return Number.isFinite(value) ? numberText(value) : cell.text;
    }
    case 'date':
      return withoutDay.has(style) || !a['office:date-value'] ? cell.text : a['office:date-value'].slice(0, 10);
    case 'boolean':
      return a['office:boolean-value'] === 'true' ? 'TRUE' : 'FALSE';
    default:
      // A string, or a formula's error (#DIV/0!), as shown; a string only in its attribute where the cell shows none.
      return cell.text === '' && a['office:string-value'] ? decodeEntities(a['office:string-value']) : cell.text;
  }
}

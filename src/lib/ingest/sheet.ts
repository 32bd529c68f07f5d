import { MAX_SHEET_CHARS, PartTooLarge } from './limits.ts';

/**
 * A spreadsheet's sheet as the CSV it would be saved as, whichever program wrote it (Excel's `.xlsx`,
 * LibreOffice's `.ods`): row N is line N, so a rejected row is named by the row number the program
 * shows; a line break inside a cell is written as a lone CR, which the CSV reader keeps inside the
 * field (no line is counted) and `RowReader` gives back as a line break.
 */
export interface Sheet {
  name: string;
  hidden: boolean;
  /** The sheet as CSV text, LF line ends, line N = row N; empty when the sheet has no cell with a value. */
  csv: string;
}

/** The spreadsheet formats, whose sheets are read as the CSVs they would be saved as. */
const SHEET_FORMATS = ['xlsx', 'xls', 'ods'] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

/** Whether a text read as CSV is a workbook's sheet (its `encoding` names the format it came in). */
export function isSheetFormat(encoding: string): encoding is SheetFormat {
  return (SHEET_FORMATS as readonly string[]).includes(encoding);
}

/** A cell with a value: its 1-based column and its text as shown. */
export interface Cell {
  column: number;
  text: string;
}

/** A range of cells merged down rows `top`–`bottom`, from `column`. */
export interface Merge {
  column: number;
  top: number;
  bottom: number;
}

/** A number as a spreadsheet shows it at most: 15 significant digits (0.1 + 0.2 stored as 0.30000000000000004 is 0.3). */
export function numberText(value: number): string {
  return String(Number(value.toPrecision(15)));
}

/**
 * Rows (row number → its cells in column order) as CSV text; a range merged down rows shows its value
 * in each. Past `MAX_SHEET_CHARS` the sheet is refused as too large before it is all written.
 */
export function sheetCsv(rows: Map<number, Cell[]>, merges: Merge[]): string {
  // What the merged ranges would add, counted before any is filled (each may span a million rows).
  const texts = merges.map((merge) => rows.get(merge.top)?.find((c) => c.column === merge.column)?.text);
  const adds = merges.reduce((n, { top, bottom }, i) => n + (texts[i] === undefined ? 0 : (bottom - top) * (texts[i].length + 1)), 0);
  if (adds > MAX_SHEET_CHARS) throw new PartTooLarge('a sheet', MAX_SHEET_CHARS);
  fillMerged(rows, merges, texts);
  let last = 0;
  for (const n of rows.keys()) last = Math.max(last, n);
  if (last === 0) return '';
  const lines: string[] = [];
  let size = 0;
  for (let n = 1; n <= last; n++) {
    const line = csvLine(rows.get(n) ?? []);
    size += line.length + 1;
    if (size > MAX_SHEET_CHARS) throw new PartTooLarge('a sheet', MAX_SHEET_CHARS);
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Each row of a range's first column gets the top cell's value (`texts`, by range), as the sheet shows
 * it beside every row, unless the row has a value there. Appended, then each row touched sorted once:
 * a sheet may merge a thousand columns down sixty thousand rows.
 */
function fillMerged(rows: Map<number, Cell[]>, merges: Merge[], texts: Array<string | undefined>): void {
  const touched = new Set<number>();
  merges.forEach(({ column, top, bottom }, i) => {
    const text = texts[i];
    if (text === undefined) return;
    for (let n = top + 1; n <= bottom; n++) {
      const cells = rows.get(n);
      if (cells) cells.push({ column, text });
      else rows.set(n, [{ column, text }]);
      touched.add(n);
    }
  });
  // A stable sort keeps a row's own value (there before any was added) first in its column: the one kept.
  for (const n of touched) {
    const cells = rows.get(n)!.sort((x, y) => x.column - y.column);
    rows.set(n, cells.filter((cell, k) => k === 0 || cells[k - 1].column !== cell.column));
  }
}

function csvLine(cells: Cell[]): string {
  const fields: string[] = [];
  for (const { column, text } of cells) {
    while (fields.length < column - 1) fields.push('');
    fields.push(/[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""').replace(/\n/g, '\r')}"` : text);
  }
  return fields.join(',');
}

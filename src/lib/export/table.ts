import type { Snippet } from 'svelte';
import { toCsv, type CsvCell } from './csv.ts';

/**
 * What a column holds, as far as a Parquet file cares. The SQL console derives it from the Arrow
 * type of each result column (`kindOfArrowType`); view tables name it with their columns.
 */
export type ExportKind = 'string' | 'int32' | 'int64' | 'double' | 'boolean' | 'date' | 'timestamp' | 'json';

export interface ExportColumn {
  name: string;
  kind: ExportKind;
}

/**
 * Arrow type names (as `String(field.type)` prints them) → export kinds. Lists, structs and maps
 * become JSON text so that nothing is dropped; DuckDB reads them back with `json` functions.
 */
export function kindOfArrowType(type: string): ExportKind {
  if (/^(Int8|Int16|Int32|Uint8|Uint16)$/.test(type)) return 'int32';
  if (/^(Int64|Uint32|Uint64)$/.test(type)) return 'int64';
  if (/^(Float16|Float32|Float64|Decimal)/.test(type)) return 'double';
  // Times of day and BLOBs arrive as DuckDB's text (readableConsoleResult).
  if (/^(Utf8|LargeUtf8)$|^Time(32|64)<|^(Large)?Binary|^FixedSizeBinary/.test(type)) return 'string';
  if (type === 'Bool') return 'boolean';
  if (type.startsWith('Date')) return 'date';
  if (type.startsWith('Timestamp')) return 'timestamp';
  return 'json';
}

/** A table as it leaves the app: `name` is the stable column name (Parquet), `label` the CSV header a person reads. */
export interface TableData {
  columns: ReadonlyArray<ExportColumn & { label: string }>;
  rows: ReadonlyArray<Record<string, unknown>>;
}

/**
 * One column of a view's table, on screen and in its downloads alike: `value` is what a file holds
 * (codes, numbers, booleans, the same in either language), the rest says how the screen shows it.
 */
export interface TableColumn<R> {
  /** Stable column name (Parquet, and the CSV's column order). */
  name: string;
  /** Header a person reads, in the CSV and, unless `heading` says otherwise, on screen. */
  label: string;
  kind: ExportKind;
  value: (row: R) => unknown;
  /** Only on screen, or only in downloads; both when absent. */
  only?: 'screen' | 'file';
  /** The screen header when it differs from the CSV's (shorter, or with the rating's words). */
  heading?: string;
  /** Small text under the screen header (the SQL console's column types). */
  headingNote?: string;
  /** The header is for screen readers only (a column of buttons). */
  headingHidden?: boolean;
  /** The screen's text for a cell when it is not the plain value: a letter, a share, a label. */
  text?: (row: R) => string;
  /** A cell that holds more than text: a button, a highlighted passage. */
  cell?: Snippet<[R]>;
  /** The cell's tooltip. */
  title?: (row: R) => string | undefined;
  /** Extra classes of the cell (`sample`, `question-text`). */
  cellClass?: (row: R) => string | undefined;
  /** The cell's background and text colour when they carry meaning (a rating's palette colour). */
  cellColors?: (row: R) => { background: string; color: string } | undefined;
  /** The column names the row: its cells are row headers for screen readers. */
  rowHeader?: boolean;
  /** Left-aligned text or right-aligned figures; by default from `kind`. */
  align?: 'text' | 'number';
}

const NUMERIC_KINDS: ReadonlySet<ExportKind> = new Set(['int32', 'int64', 'double']);

export const screenColumns = <R>(columns: ReadonlyArray<TableColumn<R>>) => columns.filter((c) => c.only !== 'file');
export const fileColumns = <R>(columns: ReadonlyArray<TableColumn<R>>) => columns.filter((c) => c.only !== 'screen');

/** Whether a column's cells line up as figures (right) or read as text (left). */
export function alignOf<R>(column: TableColumn<R>): 'text' | 'number' {
  return column.align ?? (NUMERIC_KINDS.has(column.kind) ? 'number' : 'text');
}

/** A value as the screen shows it when the column gives no `text`: fractions to 4 places, lists joined, nothing as a dash. */
export function plainText(kind: ExportKind, value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (kind === 'date' || kind === 'timestamp') return String(csvCell(kind, value));
  if (typeof value === 'number') return kind === 'double' && !Number.isInteger(value) ? String(Number(value.toFixed(4))) : String(value);
  if (typeof value === 'boolean') return value ? '●' : '';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function cellText<R>(column: TableColumn<R>, row: R): string {
  return column.text ? column.text(row) : plainText(column.kind, column.value(row));
}

/**
 * Rows ordered by one column's value (numbers as numbers, text in Japanese collation); empty values
 * last either way. Stable, so rows that tie keep the query's order.
 */
export function sortRows<R>(rows: readonly R[], column: TableColumn<R>, descending: boolean): R[] {
  const sign = descending ? -1 : 1;
  const collator = new Intl.Collator('ja', { numeric: true });
  return rows
    .map((row, index) => ({ row, index, value: column.value(row) }))
    .sort((a, b) => {
      const [x, y] = [a.value, b.value];
      if (x === null || x === undefined) return y === null || y === undefined ? a.index - b.index : 1;
      if (y === null || y === undefined) return -1;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return order === 0 ? a.index - b.index : order * sign;
    })
    .map((entry) => entry.row);
}

/** The rows a view shows, in the order it shows them, as an export table (its file columns). */
export function tableData<R>(rows: readonly R[], columns: ReadonlyArray<TableColumn<R>>): TableData {
  const kept = fileColumns(columns);
  return {
    columns: kept.map(({ name, label, kind }) => ({ name, label, kind })),
    rows: rows.map((row) => Object.fromEntries(kept.map((column) => [column.name, column.value(row) ?? null]))),
  };
}

/**
 * Look-up of long-form rows by a row key and a column key, for tables that show them crosswise
 * (wards × years): one pass, not a search per cell.
 */
export function crossIndex<R>(rows: readonly R[], rowKey: (row: R) => string | number, columnKey: (row: R) => string | number): (row: string | number, column: string | number) => R | undefined {
  const index = new Map<string, R>();
  for (const row of rows) {
    const key = `${rowKey(row)}\u0000${columnKey(row)}`;
    if (!index.has(key)) index.set(key, row);
  }
  return (row, column) => index.get(`${row}\u0000${column}`);
}

/** Spreadsheet form of one value: dates as ISO text, nested values as JSON. */
export function csvCell(kind: ExportKind, value: unknown): CsvCell {
  if (value === null || value === undefined) return null;
  if (kind === 'date' || kind === 'timestamp') {
    const iso = new Date(value instanceof Date ? value.getTime() : Number(value)).toISOString();
    return kind === 'date' ? iso.slice(0, 10) : iso.replace('T', ' ').replace(/\.000Z$|Z$/, '');
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** UTF-8 CSV with BOM, formula-looking text neutralised, headers in the reader's language. */
export function tableToCsv(table: TableData): string {
  const rows = table.rows.map((row) => table.columns.map((column) => csvCell(column.kind, row[column.name])));
  return toCsv(
    table.columns.map((c) => c.label),
    rows,
    { bom: true, neutraliseFormulas: true },
  );
}

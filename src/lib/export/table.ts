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
  if (/^(Utf8|LargeUtf8)$/.test(type)) return 'string';
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

/** How a view's rows become one export column. */
export interface TableColumn<R> {
  name: string;
  label: string;
  kind: ExportKind;
  value: (row: R) => unknown;
}

/** The rows a view shows, in the order it shows them, as an export table. */
export function tableData<R>(rows: readonly R[], columns: ReadonlyArray<TableColumn<R>>): TableData {
  return {
    columns: columns.map(({ name, label, kind }) => ({ name, label, kind })),
    rows: rows.map((row) => Object.fromEntries(columns.map((column) => [column.name, column.value(row) ?? null]))),
  };
}

/** Spreadsheet form of one value: dates as ISO text, nested values as JSON. */
function csvCell(kind: ExportKind, value: unknown): CsvCell {
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

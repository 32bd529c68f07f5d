import { ByteWriter, parquetWrite } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';

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

const DAY_MS = 86_400_000;

function schemaElement({ name, kind }: ExportColumn): SchemaElement {
  const repetition_type = 'OPTIONAL';
  switch (kind) {
    case 'string':
      return { name, repetition_type, type: 'BYTE_ARRAY', converted_type: 'UTF8' };
    case 'json':
      return { name, repetition_type, type: 'BYTE_ARRAY', converted_type: 'JSON' };
    case 'int32':
      return { name, repetition_type, type: 'INT32' };
    case 'int64':
      return { name, repetition_type, type: 'INT64' };
    case 'double':
      return { name, repetition_type, type: 'DOUBLE' };
    case 'boolean':
      return { name, repetition_type, type: 'BOOLEAN' };
    case 'date':
      return { name, repetition_type, type: 'INT32', converted_type: 'DATE' };
    case 'timestamp':
      return { name, repetition_type, type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' };
  }
}

/** One cell in the physical form the writer stores; results arrive as plain JS values (dates as epoch ms). */
function physicalValue(kind: ExportKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'string':
      return String(value);
    case 'json':
      return value;
    case 'int32':
    case 'double':
      return Number(value);
    case 'int64':
    case 'timestamp':
      return BigInt(value instanceof Date ? value.getTime() : Math.round(Number(value)));
    case 'boolean':
      return Boolean(value);
    case 'date':
      return Math.floor((value instanceof Date ? value.getTime() : Number(value)) / DAY_MS);
  }
}

/**
 * A Parquet file (Snappy-compressed) of `rows`, in the given column order. Written in JS because
 * DuckDB-WASM's `COPY … (FORMAT parquet)` needs an extension fetched from the network, which the
 * app's offline promise and its Content-Security-Policy rule out.
 */
export function toParquet(columns: readonly ExportColumn[], rows: readonly Record<string, unknown>[]): Uint8Array {
  const writer = new ByteWriter();
  parquetWrite({
    writer,
    schema: [{ name: 'root', num_children: columns.length }, ...columns.map(schemaElement)],
    columnData: columns.map((column) => ({
      name: column.name,
      data: rows.map((row) => physicalValue(column.kind, row[column.name])),
    })),
    createdBy: 'kyoten-dashboard',
  });
  return new Uint8Array(writer.getBuffer());
}

import { ByteWriter, parquetWrite } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import type { ExportColumn, ExportKind, TableData } from './table.ts';

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
 * A Parquet file (Snappy-compressed) of the table, columns by their stable names. Written in JS because
 * DuckDB-WASM's `COPY … (FORMAT parquet)` needs an extension fetched from the network, which the
 * app's offline promise and its Content-Security-Policy rule out. Loaded on demand: only an export needs it.
 */
export function toParquet({ columns, rows }: TableData): Uint8Array {
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

import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { Bool, DataType, Float64, Int16, Int32, Int8, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray, type Field } from 'apache-arrow';
import type { Database, SqlValue, UserSqlResult } from './database.ts';

/**
 * Native DuckDB (`@duckdb/node-api`) behind the app's `Database` interface, for Node only
 * (`npm run build-dataset`, `npm run query`, the native-vs-WASM test): the same schema, loader and
 * named queries as the browser, on the engine a server would run. Results come back as the WASM
 * build gives them: plain objects, whole numbers as numbers, lists as arrays.
 */
export async function createNativeDatabase(path = ':memory:'): Promise<Database & { connection: DuckDBConnection }> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  const rows = async <T>(sql: string, params: readonly SqlValue[] = []) => {
    const reader = await connection.runAndReadAll(sql, params.length > 0 ? (params as DuckDBValue[]) : undefined);
    return reader.getRowObjectsJS().map((row) => toPlain(row)) as T[];
  };
  return {
    connection,
    query: rows,
    async exec(sql: string) {
      await connection.run(sql);
    },
    async insertArrow(table: string, ipc: Uint8Array) {
      const arrow = tableFromIPC(ipc);
      await connection.run(`DROP TABLE IF EXISTS ${table}`);
      await connection.run(`CREATE TABLE ${table} (${arrow.schema.fields.map((f) => `"${f.name}" ${sqlType(f)}`).join(', ')})`);
      await append(connection, table, arrow);
    },
    async appendArrow(table: string, ipc: Uint8Array) {
      await append(connection, table, tableFromIPC(ipc));
    },
    async exportArrow(sql: string) {
      const reader = await connection.runAndReadAll(sql);
      const types = reader.columnTypes().map(String);
      const columns = reader.getColumnsJS();
      const vectors = Object.fromEntries(reader.columnNames().map((name, i) => [name, toArrowVector(name, types[i], columns[i])]));
      return tableToIPC(new Table(vectors), 'stream');
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
    runUserSql(sql: string) {
      const run = async (): Promise<UserSqlResult> => {
        const reader = await connection.runAndReadAll(sql);
        const types = reader.columnTypes().map(String);
        return { columns: reader.columnNames().map((name, i) => ({ name, type: types[i] })), rows: reader.getRowObjectsJS().map((row) => toPlain(row) as Record<string, unknown>) };
      };
      return { result: run(), cancel: async () => connection.interrupt() };
    },
  };
}

const ARROW_TYPES = { VARCHAR: Utf8, TINYINT: Int8, SMALLINT: Int16, INTEGER: Int32, BOOLEAN: Bool, DOUBLE: Float64, BIGINT: Float64 } as const;

/**
 * One result column as an Arrow vector, for the column types the app's tables hold; dates and lists
 * are asked for as text (and cast back on insert), 64-bit integers as doubles, as the WASM build gives them.
 */
function toArrowVector(name: string, type: string, values: unknown[]) {
  const Type = ARROW_TYPES[type as keyof typeof ARROW_TYPES];
  if (!Type) throw new Error(`${name}: ${type} has no Arrow form here; select it as VARCHAR`);
  const plain = type === 'BIGINT' ? values.map((v) => (v === null ? null : Number(v))) : values;
  return vectorFromArray(plain, new Type());
}

/** The SQL type of an Arrow field, for the types the app's batches use. */
function sqlType(field: Field): string {
  const type = DataType.isDictionary(field.type) ? field.type.dictionary : field.type;
  if (DataType.isUtf8(type)) return 'VARCHAR';
  if (DataType.isBool(type)) return 'BOOLEAN';
  if (DataType.isFloat(type)) return 'DOUBLE';
  if (DataType.isInt(type)) return ({ 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' } as const)[type.bitWidth];
  throw new Error(`${field.name}: Arrow type ${String(field.type)} is not one the app writes`);
}

/** Appends an Arrow batch's rows in column order, each value by its Arrow type. */
async function append(connection: DuckDBConnection, table: string, arrow: Table): Promise<void> {
  const appender: DuckDBAppender = await connection.createAppender(table);
  const columns = arrow.schema.fields.map((field, i) => ({ type: sqlType(field), vector: arrow.getChildAt(i)! }));
  for (let row = 0; row < arrow.numRows; row++) {
    for (const { type, vector } of columns) {
      const value = vector.get(row) as string | number | bigint | boolean | null;
      if (value === null) appender.appendNull();
      else if (type === 'VARCHAR') appender.appendVarchar(String(value));
      else if (type === 'BOOLEAN') appender.appendBoolean(Boolean(value));
      else if (type === 'DOUBLE') appender.appendDouble(Number(value));
      else if (type === 'TINYINT') appender.appendTinyInt(Number(value));
      else if (type === 'SMALLINT') appender.appendSmallInt(Number(value));
      else if (type === 'INTEGER') appender.appendInteger(Number(value));
      else appender.appendBigInt(BigInt(value));
    }
    appender.endRow();
  }
  appender.closeSync();
}

/** BigInt → number (counts never pass 2^53 here), nested lists and structs too; dates as the WASM build gives them (ms since epoch). */
function toPlain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.getTime();
  if (Array.isArray(value)) return value.map(toPlain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
  return value;
}

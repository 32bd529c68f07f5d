/** Values a query can bind: DuckDB-WASM prepared statements take these as they are. */
export type SqlValue = string | number | boolean | null;

/**
 * The one interface the app, the validate command and the tests use; a Node (blocking) and a
 * browser (worker) implementation stand behind it. Results are plain objects with plain numbers.
 */
export interface Database {
  query<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
  /** Creates (or replaces) `table` from an Arrow IPC stream. */
  insertArrow(table: string, ipc: Uint8Array): Promise<void>;
  /** Appends an Arrow IPC stream to `table`, whose columns it has in the same order and types. */
  appendArrow(table: string, ipc: Uint8Array): Promise<void>;
  /** A query's result as an Arrow IPC stream, typed as DuckDB typed it (the build's prebuilt tables). */
  exportArrow(sql: string): Promise<Uint8Array>;
  close(): Promise<void>;
  /**
   * An analyst's own SQL, as typed: streamed, so that `cancel` can stop it between steps. Only the SQL
   * console uses this; the app's own statistics go through named queries.
   */
  runUserSql(sql: string): RunningQuery;
}

export interface UserSqlResult {
  columns: Array<{ name: string; type: string }>;
  rows: Array<Record<string, unknown>>;
}

export interface RunningQuery {
  result: Promise<UserSqlResult>;
  cancel(): Promise<void>;
}

/** Runs `work` in one transaction: all of it is written, or (on any error, which is rethrown) none. */
export async function inTransaction<T>(db: Database, work: () => Promise<T>): Promise<T> {
  await db.exec('BEGIN TRANSACTION');
  try {
    const result = await work();
    await db.exec('COMMIT');
    return result;
  } catch (error) {
    // A failed ROLLBACK must not hide the error that caused it.
    await db.exec('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** An Arrow table or record batch, by shape: DuckDB-WASM in Node brings its own copy of Arrow. */
export interface ArrowColumns {
  numRows: number;
  schema: { fields: ReadonlyArray<{ name: string }> };
  getChildAt(index: number): { get(row: number): unknown } | null;
}

/**
 * Rows as plain objects (BigInt as number: counts never exceed 2^53 here; lists as arrays), read
 * column by column: reading Arrow's row proxies field by field costs
 * several times more (~100 ms for 1,741 rows of 14 columns, the national distribution by ward).
 */
export function toPlainRows<T>(table: ArrowColumns): T[] {
  const rows = Array.from({ length: table.numRows }, () => ({}) as Record<string, unknown>);
  table.schema.fields.forEach(({ name }, c) => {
    const column = table.getChildAt(c)!;
    for (let r = 0; r < rows.length; r++) rows[r][name] = toPlainValue(column.get(r));
  });
  return rows as T[];
}

function toPlainValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(toPlainValue);
  // Arrow vectors and struct rows; struct rows are proxies whose `in` sees only their fields.
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    const json = toJSON.call(value) as unknown;
    if (Array.isArray(json)) return json.map(toPlainValue);
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(json as Record<string, unknown>)) out[key] = toPlainValue(field);
    return out;
  }
  return value;
}

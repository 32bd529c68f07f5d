import { createRequire } from 'node:module';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { createDuckDB, NODE_RUNTIME, VoidLogger } from '@duckdb/duckdb-wasm/blocking';
import { toPlainRows, type Database, type SqlValue } from './database.ts';

const require = createRequire(import.meta.url);

/** DuckDB-WASM in Node (tests, `npm run validate`, the bench's reference figures): the same engine as the browser. */
export async function createNodeDatabase(): Promise<Database> {
  const dist = (file: string) => require.resolve(`@duckdb/duckdb-wasm/dist/${file}`);
  const bundles = {
    mvp: { mainModule: dist('duckdb-mvp.wasm'), mainWorker: dist('duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: dist('duckdb-eh.wasm'), mainWorker: dist('duckdb-node-eh.worker.cjs') },
  };
  const db = await createDuckDB(bundles, new VoidLogger(), NODE_RUNTIME);
  await db.instantiate();
  db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = db.connect();
  // The SQL console's own connection: its transactions and cancels never touch the app's.
  const consoleConn = db.connect();
  return {
    async query<T>(sql: string, params: readonly SqlValue[] = []) {
      if (params.length === 0) return toPlainRows<T>(conn.query(sql));
      const statement = conn.prepare(sql);
      try {
        return toPlainRows<T>(statement.query(...params));
      } finally {
        statement.close();
      }
    },
    async exec(sql: string) {
      conn.query(sql);
    },
    async insertArrow(table: string, ipc: Uint8Array) {
      conn.query(`DROP TABLE IF EXISTS ${table}`);
      conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
    },
    async appendArrow(table: string, ipc: Uint8Array) {
      conn.insertArrowFromIPCStream(ipc, { name: table, create: false });
    },
    async exportArrow(sql: string) {
      // DuckDB's own IPC bytes, re-read with our Arrow: this build carries its own copy of Arrow,
      // whose tables our apache-arrow does not recognise.
      return tableToIPC(tableFromIPC(conn.useUnsafe((bindings, id) => bindings.runQuery(id, sql))), 'stream');
    },
    async close() {
      conn.close();
      consoleConn.close();
      await db.reset();
    },
    runUserSql(sql: string) {
      const run = async () => {
        // Rolled back whatever it was: the console never changes the app's tables.
        consoleConn.query('BEGIN TRANSACTION');
        try {
          const table = consoleConn.query(sql);
          return { columns: table.schema.fields.map((f) => ({ name: f.name, type: String(f.type) })), rows: toPlainRows<Record<string, unknown>>(table) };
        } finally {
          consoleConn.query('ROLLBACK');
        }
      };
      // Node's blocking build runs the statement to the end; there is nothing to cancel between steps.
      return { result: run(), cancel: async () => {} };
    },
  };
}

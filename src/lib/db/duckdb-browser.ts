import { AsyncDuckDB, ConsoleLogger, LogLevel, selectBundle } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { tableToIPC } from 'apache-arrow';
import { toPlainRows, type Database, type SqlValue } from './database.ts';

/** The database in the page, and which of DuckDB's two builds this browser runs (the other is never fetched here). */
export type BrowserDatabase = Database & { duckdbBuild: 'eh' | 'mvp' };

/** DuckDB-WASM in the browser, bundled by Vite from the package (never a CDN: the app works offline). */
export async function createBrowserDatabase(): Promise<BrowserDatabase> {
  const bundle = await selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  });
  // The `duckdb:` marks, also set by the bench's bare DuckDB page, split db-ready into DuckDB's phases.
  const worker = new Worker(bundle.mainWorker!);
  performance.mark('duckdb:worker');
  const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), worker);
  await db.instantiate(bundle.mainModule);
  performance.mark('duckdb:instantiated');
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = await db.connect();
  performance.mark('duckdb:connected');
  // The SQL console's own connection (opened on first use): its transactions, long queries and
  // cancels never touch the app's.
  let consoleConn: Awaited<ReturnType<AsyncDuckDB['connect']>> | null = null;
  return {
    duckdbBuild: bundle.mainModule === ehWasm ? 'eh' : 'mvp',
    async query<T>(sql: string, params: readonly SqlValue[] = []) {
      if (params.length === 0) return toPlainRows<T>(await conn.query(sql));
      const statement = await conn.prepare(sql);
      try {
        return toPlainRows<T>(await statement.query(...params));
      } finally {
        await statement.close();
      }
    },
    async exec(sql: string) {
      await conn.query(sql);
    },
    async insertArrow(table: string, ipc: Uint8Array) {
      await conn.query(`DROP TABLE IF EXISTS ${table}`);
      await conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
    },
    async appendArrow(table: string, ipc: Uint8Array) {
      await conn.insertArrowFromIPCStream(ipc, { name: table, create: false });
    },
    async exportArrow(sql: string) {
      return tableToIPC(await conn.query(sql), 'stream');
    },
    async close() {
      await conn.close();
      await consoleConn?.close();
      await db.terminate();
    },
    runUserSql(sql: string) {
      const opened = (async () => (consoleConn ??= await db.connect()))();
      const result = (async () => {
        const c = await opened;
        // Rolled back whatever it was: the console never changes the app's tables.
        await c.query('BEGIN TRANSACTION');
        try {
          // Streamed: DuckDB works through it step by step, so the views' queries are answered in between.
          const reader = await c.send(sql, true);
          const rows: Array<Record<string, unknown>> = [];
          let fields = reader.schema?.fields ?? [];
          for await (const batch of reader) {
            fields = batch.schema.fields;
            for (const row of toPlainRows<Record<string, unknown>>(batch)) rows.push(row);
          }
          return { columns: fields.map((f) => ({ name: f.name, type: String(f.type) })), rows };
        } finally {
          await c.query('ROLLBACK').catch(() => undefined);
        }
      })();
      return {
        result,
        async cancel() {
          await (await opened).cancelSent();
        },
      };
    },
  };
}

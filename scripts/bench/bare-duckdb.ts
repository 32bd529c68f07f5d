import { AsyncDuckDB, ConsoleLogger, LogLevel, selectBundle } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';

/** The floor for the app's `app:db-ready`: the same wasm, the same bundle choice, nothing of ours. */
const bundle = await selectBundle({ mvp: { mainModule: mvpWasm, mainWorker: mvpWorker }, eh: { mainModule: ehWasm, mainWorker: ehWorker } });
const worker = new Worker(bundle.mainWorker!);
// The app's `duckdb:` marks, at the same steps: the bench splits both pages' db-ready by them.
performance.mark('duckdb:worker');
const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), worker);
await db.instantiate(bundle.mainModule);
performance.mark('duckdb:instantiated');
await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
const conn = await db.connect();
performance.mark('duckdb:connected');
await conn.query('SELECT 42');
performance.mark('bare:db-ready');
document.body.dataset.ready = 'true';

/**
 * The page's first script (vite.config.ts puts it in the built page, `async`, beside the app's): starts
 * DuckDB's worker, so its thread fetches and compiles the worker's 0.8 MB of script while the page draws
 * its first chart. `createBrowserDatabase` takes the worker once DuckDB's chunk has come, and only then
 * has it fetch and compile the wasm: that compile beside the first chart competes with it for two
 * cores (README, "db-ready"). It imports nothing (one small request): the worker's URL is in its tag.
 */

/** The test by which `selectBundle` picks DuckDB's `eh` build (duckdb-wasm 1.32): a module with a `try` block validates. */
const WASM_EXCEPTIONS = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11]);

const url = document.querySelector<HTMLScriptElement>('script[data-duckdb-eh-worker]')?.dataset.duckdbEhWorker;
// A browser without wasm exceptions runs DuckDB's other build, whose worker starts with the database.
if (url && typeof WebAssembly === 'object' && WebAssembly.validate(WASM_EXCEPTIONS)) globalThis.__kyotenDuckdbWorker = { url, worker: new Worker(url) };

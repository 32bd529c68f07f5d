import { mount } from 'svelte';
import App from './App.svelte';
import type { Database } from './lib/db/database.ts';
import { IngestClient } from './lib/db/ingest-client.ts';
import type { FromIngestWorker } from './lib/db/ingest-protocol.ts';
import { inBundledOrder, loadBundle } from './lib/db/bundle.ts';
import { insertDatasetTables, openDatasetTables, TEXT_TABLES, type DatasetManifest } from './lib/db/dataset-files.ts';
import { datasetFetcher, datasetFolder, fetchFirstView, fetchManifest } from './lib/db/remote-dataset.ts';
import { quoteIdentifier } from './lib/db/sql.ts';
import { AppState } from './lib/state/app.svelte.ts';
import type { ViewSnapshot } from './lib/db/first-view.ts';
import { FilterState } from './lib/state/filters.svelte.ts';
import { hasSavedFiles, readSavedFiles } from './lib/persist/saved-files.ts';
import { DEFAULT_THEMES } from './lib/text/themes.ts';
import { ViewModules } from './views/view-modules.svelte.ts';
import IngestWorker from './lib/db/ingest.worker.ts?worker';
import readAheadWorker from './lib/db/read-ahead.worker.ts?worker&url';
import bundledData from 'virtual:bundled-data';
import firstView from 'virtual:first-view';
import { errorMessage } from './lib/error-message.ts';
import './styles.css';

/** The bundled dataset (see data/README.md): the CSVs as static assets, and the tables the build made of them. */
const bundledCsvs = import.meta.glob('/data/*.csv', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

const pageParams = new URLSearchParams(location.search);
// Browser tests break the database on purpose (`?testHooks`) to check that every view shows the failure.
const testHooks = pageParams.has('testHooks');
// `?cache=off`: every query goes to DuckDB, even one answered before (the bench times filter changes so).
const keepAnswers = pageParams.get('cache') !== 'off';

const views = new ViewModules();

/** The page has started (`data-db-ready`, what tests wait for): the other views' code is fetched now. */
function started() {
  document.body.dataset.dbReady = 'true';
  void views.loadAll();
  registerServiceWorker();
}

/**
 * Offline after the first visit (built app only; the dev server serves changing files). Once the page
 * has started or failed to, not before: installing caches the build's files, which on a first visit
 * downloaded and stored them while DuckDB started (db-ready ~0.6 s later, docs/performance.md). The
 * worker is told which DuckDB build this browser runs, so it does not store the other (~40 MB).
 */
function registerServiceWorker() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  database
    .then((db) => `./sw.js?duckdb=${db.duckdbBuild}`, () => './sw.js')
    .then((url) => navigator.serviceWorker.register(url))
    .catch(() => {});
}

/**
 * Draws the page with `snapshot`: the first answers of the view's default state, drawn until DuckDB
 * is ready. The view's code is fetched beside them; the other views' code once the page has started.
 */
async function open(filters: FilterState, search: string, snapshot: Promise<ViewSnapshot>) {
  const [answers] = await Promise.all([snapshot, views.load(filters.view)]);
  const app = new AppState(answers, null, filters, keepAnswers);
  if (search !== location.search) app.filters.writeUrl('replace');
  mount(App, { target: document.getElementById('app')!, props: { app, views } });
  return app;
}

/**
 * A dataset by URL: the rating tables first (the views go live on them), then the text tables in the
 * background, with their progress shown. Nothing is kept in IndexedDB and no file can be added on top.
 */
async function startDataset(app: AppState, database: Promise<Database>, folder: URL, manifestRequest: Promise<DatasetManifest>) {
  const manifest = await manifestRequest;
  const fetchBytes = datasetFetcher(folder);
  const db = await database;
  await openDatasetTables(db, manifest, fetchBytes);
  app.dataset = { url: folder.href, manifest };
  app.attach(db, new IngestClient(db, () => new IngestWorker(), (reason) => (app.ingestStopped = reason), readAheadWorker), DEFAULT_THEMES);
  performance.mark('app:db-ready');
  started();
  app.textProgress = { bytes: 0, totalBytes: 1 };
  try {
    await insertDatasetTables(db, manifest, TEXT_TABLES, fetchBytes, (p) => (app.textProgress = p));
    performance.mark('app:dataset-text');
  } finally {
    app.textProgress = null;
    app.dataVersion++;
  }
  await app.retag();
}

async function start(app: AppState, database: Promise<Database>, bundle: Promise<Uint8Array>) {
  // What the user loaded on an earlier visit, read from IndexedDB while DuckDB starts.
  const saved = readSavedFiles().catch((error: unknown) => {
    app.storageWarning = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return [];
  });
  const db = await database;
  await loadBundle(db, await bundle);
  let ingestWorker: Worker | null = null;
  const ingest = new IngestClient(db, () => (ingestWorker = new IngestWorker()), (reason) => (app.ingestStopped = reason), readAheadWorker);
  // The worker reads the bundled CSVs in the background to learn their keys; a load waits its turn.
  const csvs = Object.entries(bundledCsvs).map(([path, url]) => ({ name: path.replace(/^\/data\//, ''), url: new URL(url, location.href).href }));
  ingest.prime(inBundledOrder(csvs)).catch((error: unknown) => (app.loadError = errorMessage(error)));
  app.attach(db, ingest, DEFAULT_THEMES);
  // The bundled data is queryable and the views have the database (the bench's start-up figure);
  // the page counts as started (`data-db-ready`) once saved files are loaded too.
  performance.mark('app:db-ready');
  await app.retag();
  // The user's saved files go through ingest again, in the order they were loaded.
  const files = await saved;
  if (files.length > 0) await app.load(files, 'user', false);
  if (testHooks) {
    (window as unknown as { kyotenTestHooks: unknown }).kyotenTestHooks = {
      dropTables: async (tables: string[]) => {
        for (const table of tables) await db.exec(`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`);
        app.dataVersion++;
      },
      /** The ingest worker fails as a crash does (an `error` event) just as it hands over the named file. */
      stopIngestWorkerAt: (file: string) =>
        ingestWorker?.addEventListener('message', (event: MessageEvent<FromIngestWorker>) => {
          if (event.data.type === 'file' && event.data.loaded.report.file === file) ingestWorker?.dispatchEvent(new ErrorEvent('error', { message: 'out of memory (test)' }));
        }),
      /** A query on the app's own connection, as the views ask theirs. */
      appQuery: (sql: string) => db.query(sql),
    };
  }
  started();
}

// DuckDB (~0.8 s and more) and the prebuilt tables download while the page is drawn. DuckDB's
// bindings and Arrow are a chunk of their own, so the first paint does not parse them.
const database = import('./lib/db/duckdb-browser.ts').then((m) => m.createBrowserDatabase());
const filters = new FilterState();
const search = filters.startFrom(location.search);
let folder: URL | null = null;
let refused: unknown = null;
try {
  // `?dataset=…`: a dataset's folder on this host, opened instead of the bundled data (see README).
  folder = filters.dataset === null ? null : datasetFolder(filters.dataset, location.href, __DATASET_ORIGINS__);
} catch (error) {
  refused = error;
}
if (refused) {
  const app = await open(filters, search, Promise.resolve({}));
  app.datasetError = refused;
  registerServiceWorker();
} else if (folder) {
  // Asked for while the first answers are fetched and the page is drawn.
  const manifest = fetchManifest(folder);
  manifest.catch(() => undefined);
  const app = await open(filters, search, fetchFirstView(folder, filters.view));
  startDataset(app, database, folder, manifest).catch((error: unknown) => {
    app.datasetError = error;
    registerServiceWorker();
  });
} else {
  const bundle = fetch(bundledData).then(async (response) => {
    if (!response.ok) throw new Error(`${bundledData}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  });
  // The build's figures for this view's default state; not when the figures will include saved files.
  const snapshot = hasSavedFiles() ? Promise.resolve({}) : firstView[filters.view]().then((m) => m.default, () => ({}));
  const app = await open(filters, search, snapshot);
  start(app, database, bundle).catch((error) => {
    app.loadError = errorMessage(error);
    registerServiceWorker();
  });
}

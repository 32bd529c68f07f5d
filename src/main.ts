import { mount } from 'svelte';
import App from './App.svelte';
import { createBrowserDatabase } from './lib/db/duckdb-browser.ts';
import { IngestClient } from './lib/db/ingest-client.ts';
import type { FromIngestWorker } from './lib/db/ingest-protocol.ts';
import { createSchema } from './lib/db/load.ts';
import { quoteIdentifier } from './lib/db/sql.ts';
import { defaultWards } from './lib/ingest/registry.ts';
import { AppState } from './lib/state/app.svelte.ts';
import { readSavedFiles } from './lib/persist/saved-files.ts';
import IngestWorker from './lib/db/ingest.worker.ts?worker';
import firstView from 'virtual:first-view';
import './styles.css';

/** The bundled dataset (see data/README.md), served as static assets. */
const bundled = import.meta.glob('/data/*.csv', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

// Browser tests break the database on purpose (`?testHooks`) to check that every view shows the failure.
const testHooks = new URLSearchParams(location.search).has('testHooks');
const app = new AppState(firstView);
if (app.filters.startFrom(location.search) !== location.search) app.filters.writeUrl('replace');
mount(App, { target: document.getElementById('app')!, props: { app } });

async function start() {
  // DuckDB (~0.8 s) and the bundled files download in parallel; the page is already drawn.
  const files = Promise.all(
    Object.entries(bundled)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(async ([path, url]) => ({ name: path.replace(/^\/data\//, ''), bytes: new Uint8Array(await (await fetch(url)).arrayBuffer()) })),
  );
  const db = await createBrowserDatabase();
  await createSchema(db, defaultWards(), app.dictionary.themes);
  let ingestWorker: Worker | null = null;
  const newWorker = () => (ingestWorker = new IngestWorker());
  app.attach(db, new IngestClient(db, newWorker, (reason) => (app.ingestStopped = reason)));
  await app.load(await files, 'bundled');
  // What the user loaded on an earlier visit, re-read in the same order.
  const saved = await readSavedFiles().catch((error: unknown) => {
    app.storageWarning = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return [];
  });
  if (saved.length > 0) await app.load(saved, 'user', false);
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
  performance.mark('app:db-ready');
  document.body.dataset.dbReady = 'true';
}

// Offline after the first visit (built app only; the dev server serves changing files).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch(() => {});
}

start().catch((error) => {
  app.loadError = error instanceof Error ? error.message : String(error);
});

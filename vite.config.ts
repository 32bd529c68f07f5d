/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';

const FIRST_VIEW = 'virtual:first-view';

/**
 * `virtual:first-view`: the first view's query results over `data/*.csv`, computed by the app's own
 * ingest and named SQL queries in Node's DuckDB, so the first chart is drawn before the browser's
 * DuckDB has started (see src/lib/db/first-view.ts).
 */
function firstViewSnapshot(): Plugin {
  return {
    name: 'first-view-snapshot',
    resolveId: (id) => (id === FIRST_VIEW ? `\0${FIRST_VIEW}` : undefined),
    async load(id) {
      if (id !== `\0${FIRST_VIEW}`) return undefined;
      const { computeFirstViewSnapshot } = await import('./src/lib/db/first-view.ts');
      const dir = join(import.meta.dirname, 'data');
      const names = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
      for (const name of names) this.addWatchFile(join(dir, name));
      const snapshot = await computeFirstViewSnapshot(names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) })));
      return `export default ${JSON.stringify(snapshot)};`;
    },
  };
}

/**
 * Names the service worker's cache after the build (a hash of Vite's manifest, which lists every
 * hashed file, and of the page), so a new release installs a new worker and drops the old cache.
 */
function serviceWorkerBuildId(): Plugin {
  let outDir = 'dist';
  return {
    name: 'service-worker-build-id',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const hash = createHash('sha256');
      for (const file of ['.vite/manifest.json', 'index.html']) hash.update(readFileSync(join(outDir, file)));
      const id = hash.digest('hex').slice(0, 12);
      const sw = join(outDir, 'sw.js');
      writeFileSync(sw, readFileSync(sw, 'utf8').replace('__BUILD_ID__', id));
    },
  };
}

// `--mode bench` adds the benchmark page (scripts/bench) and builds into its own folder.
export default defineConfig(({ mode }) => ({
  plugins: [svelte(), firstViewSnapshot(), serviceWorkerBuildId()],
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // The service worker (public/sw.js) precaches every file this manifest lists.
    manifest: true,
    outDir: mode === 'bench' ? 'dist-bench' : 'dist',
    rollupOptions: mode === 'bench' ? { input: ['index.html', 'scripts/bench/page.html'] } : undefined,
  },
  test: {
    testTimeout: 30000,
    hookTimeout: 30000,
    projects: [
      { extends: true, test: { name: 'node', include: ['tests/unit/**/*.test.ts'], exclude: ['tests/unit/**/*.svelte.test.ts'], environment: 'node' } },
      // Runes state classes: transformed for the client, so their effects run (no DOM needed).
      { extends: true, test: { name: 'runes', include: ['tests/unit/**/*.svelte.test.ts'], environment: './tests/unit/svelte-client-environment.ts' } },
    ],
  },
}));

/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { precompressDir, servePrecompressed } from './scripts/build/precompress.ts';
import { defineConfig, type Plugin } from 'vite';
import { withSsrModule } from './scripts/build/ssr.ts';

const BUNDLED = 'virtual:bundled-data';
const FIRST_VIEW = 'virtual:first-view';
const DEV_BUNDLE_PATH = '/@bundled-data.bin';

/**
 * The bundled data, prepared once per build by the app's own ingest in Node's DuckDB
 * (scripts/build/bundled-data.ts): `virtual:bundled-data` is the URL of the prebuilt tables (one
 * binary the page inserts as it is), and `virtual:first-view` maps each view to a lazily loaded
 * module of what its default state asks and the answers, so a link to any view paints before the
 * page's DuckDB is ready. Recording renders the app on the server, so it runs in a Vite server of
 * its own (Svelte compiled for SSR).
 */
function bundledData(): Plugin {
  type Prepared = Awaited<ReturnType<typeof import('./scripts/build/bundled-data.ts').prepareBundledData>>;
  let prepared: Promise<Prepared> | null = null;
  let serving = false;
  const dataDir = join(import.meta.dirname, 'data');
  type Module = typeof import('./scripts/build/bundled-data.ts');
  const prepare = () =>
    (prepared ??= withSsrModule(import.meta.dirname, '/scripts/build/bundled-data.ts', (module: Module) => module.prepareBundledData(module.bundledFiles(dataDir))));
  return {
    name: 'bundled-data',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId: (id) => (id === BUNDLED || id === FIRST_VIEW || id.startsWith(`${FIRST_VIEW}/`) ? `\0${id}` : undefined),
    async load(id) {
      if (!id.startsWith('\0virtual:')) return undefined;
      for (const name of readdirSync(dataDir)) this.addWatchFile(join(dataDir, name));
      const name = id.slice(1);
      if (name === BUNDLED) {
        const { bundle } = await prepare();
        if (serving) return `export default ${JSON.stringify(DEV_BUNDLE_PATH)};`;
        const ref = this.emitFile({ type: 'asset', name: 'bundled-data.bin', source: bundle });
        return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
      }
      if (name === FIRST_VIEW) {
        const { snapshots } = await prepare();
        const entries = Object.keys(snapshots).map((view) => `${JSON.stringify(view)}: () => import(${JSON.stringify(`${FIRST_VIEW}/${view}`)})`);
        return `export default {${entries.join(', ')}};`;
      }
      const view = name.slice(FIRST_VIEW.length + 1);
      const { snapshots } = await prepare();
      // JSON.parse of a string literal is parsed faster than the same object as JavaScript.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(snapshots[view as keyof typeof snapshots] ?? {}))});`;
    },
    watchChange(id) {
      if (id.startsWith(dataDir)) prepared = null;
    },
    configureServer(server) {
      server.middlewares.use(DEV_BUNDLE_PATH, (_req, res) => {
        prepare().then(
          ({ bundle }) => {
            res.setHeader('Content-Type', 'application/octet-stream');
            res.end(bundle);
          },
          (error: unknown) => {
            res.statusCode = 500;
            res.end(String(error));
          },
        );
      });
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

/** `.br` and `.gz` of every compressible file, written by the build and served by `vite preview` (see README, Deployment). */
function precompressed(): Plugin {
  let outDir = 'dist';
  return {
    name: 'precompressed',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      if (this.environment.name !== 'client') return;
      await precompressDir(outDir);
    },
    configurePreviewServer(server) {
      server.middlewares.use(servePrecompressed(resolve(server.config.root, server.config.build.outDir)));
    },
  };
}

/** The chunks of code the page and its views share (`codeSplitting` below): ours, and the libraries'. */
const SHARED_CHUNK = 'shared';
const SHARED_LIBS_CHUNK = 'shared-libs';

/**
 * V8's explicit compile hint on the chunks the first chart needs (the entry and the two shared chunks):
 * Chromium compiles their functions on another thread while the script streams in, not one by one on
 * the main thread as the page first calls them. Interleaved cold loads (16 each): main-thread tasks
 * over 50 ms 1.9 → 0.4 per load, their sum 124 → 31 ms; first chart and db-ready unchanged (0.9 per
 * load with the shared chunk alone). Not on DuckDB's chunk: no gain measured. The comment must open
 * the file, so it goes in last, after Vite's own preamble; a source map moves down a line with it.
 */
function compileHints(): Plugin {
  const HINT = '//# allFunctionsCalledOnLoad\n';
  return {
    name: 'compile-hints',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !(chunk.isEntry || chunk.name === SHARED_CHUNK || chunk.name === SHARED_LIBS_CHUNK)) continue;
          chunk.code = HINT + chunk.code;
          if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
        }
      },
    },
  };
}

/**
 * Writes each view's chunk file into `src/views/view-modules.svelte.ts` (its `__VIEW_CHUNK_FILES__`),
 * so a retry after a failed fetch can ask for the chunk under a URL of its own (see there). The views
 * are found as that module imports them, `view: () => import('./…')`.
 */
function viewChunkFiles(): Plugin {
  const modulesFile = join(import.meta.dirname, 'src/views/view-modules.svelte.ts');
  return {
    name: 'view-chunk-files',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const imports = [...readFileSync(modulesFile, 'utf8').matchAll(/(\w+): \(\) => import\('\.\/([^']+)'\)/g)];
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const files = imports.flatMap(([, view, path]) => {
          const chunk = chunks.find((c) => c.facadeModuleId === join(import.meta.dirname, 'src/views', path));
          return chunk ? [`${view}=${chunk.fileName}`] : [];
        });
        // Nothing found, or nowhere to write it, would leave retries asking the browser's failed import again.
        if (imports.length === 0 || files.length !== imports.length) throw new Error(`view-chunk-files: ${imports.length} views imported, ${files.length} chunks found`);
        const target = chunks.filter((c) => c.code.includes('__VIEW_CHUNK_FILES__'));
        if (target.length !== 1) throw new Error(`view-chunk-files: the placeholder is in ${target.length} chunks, not 1`);
        target[0].code = target[0].code.replace('__VIEW_CHUNK_FILES__', files.join(';'));
      },
    },
  };
}

/**
 * Hosts other than the page's own that a `?dataset=` may name, listed at build time
 * (`DATASET_ORIGINS=https://data.example.jp npm run build`): added to the CSP's `connect-src` and
 * handed to the page, which refuses any other host (README, "A dataset in the browser").
 */
const DATASET_ORIGINS = (process.env.DATASET_ORIGINS ?? '')
  .split(',')
  .map((origin) => origin.trim())
  .filter((origin) => origin !== '')
  .map((origin) => new URL(origin).origin);

function datasetOrigins(): Plugin {
  return {
    name: 'dataset-origins',
    config: () => ({ define: { __DATASET_ORIGINS__: JSON.stringify(DATASET_ORIGINS) } }),
    transformIndexHtml: (html) => html.replace("connect-src 'self' blob: data:", ["connect-src 'self' blob: data:", ...DATASET_ORIGINS].join(' ')),
  };
}

/**
 * `--mode bench` builds the app as `npm run build` does, into its own folder; `--mode bench-pages` then
 * adds the benchmark pages (scripts/bench) beside it. Two builds: pages built with the app were entry
 * points sharing its modules, and moved DuckDB's bindings and Arrow into the app's first chunk, so the
 * start-up figures measured a page that no user receives.
 */
const BENCH_OUT = 'dist-bench';

export default defineConfig(({ mode }) => ({
  plugins:
    mode === 'bench-pages'
      ? [svelte(), datasetOrigins(), precompressed()]
      : [svelte(), bundledData(), datasetOrigins(), compileHints(), viewChunkFiles(), serviceWorkerBuildId(), precompressed()],
  publicDir: mode === 'bench-pages' ? false : 'public',
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // The service worker (public/sw.js) precaches every file this manifest lists.
    manifest: mode !== 'bench-pages',
    outDir: mode.startsWith('bench') ? BENCH_OUT : 'dist',
    emptyOutDir: mode !== 'bench-pages',
    rolldownOptions: {
      input: mode === 'bench-pages' ? ['scripts/bench/page.html', 'scripts/bench/bare-duckdb.html'] : undefined,
      output: {
        // The app's code and the libraries that more than one chunk uses go into two chunks (views are
        // chunks of their own): left to itself the bundler makes a dozen chunks of a few hundred
        // bytes, each one more request before the first chart. Two, not one: Chromium compiles each
        // on a thread of its own as it streams in (the compile hint), side by side, and the entry
        // runs once both are done: ~30 ms sooner than the one chunk of 238 kB (traced), the first
        // chart 23-29 ms sooner over 8 and 14 interleaved cold loads.
        codeSplitting: {
          groups: [
            { name: SHARED_LIBS_CHUNK, priority: 2, minShareCount: 2, test: /[\\/]node_modules[\\/](svelte|d3-[a-z-]+|esm-env|internmap)[\\/]/ },
            { name: SHARED_CHUNK, priority: 1, minShareCount: 2, test: /[\\/]src[\\/](lib|views[\\/]shared)[\\/]/ },
          ],
        },
      },
    },
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

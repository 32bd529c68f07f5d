import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createServer } from 'vite';

/**
 * Loads a module through a Vite server of its own (Svelte compiled for SSR) and runs `use` on it:
 * how the build and `npm run build-dataset` render the app on the server to record its first views.
 */
export async function withSsrModule<M, T>(root: string, path: string, use: (module: M) => Promise<T>): Promise<T> {
  // A cache of its own for each run: Svelte's runtime is pre-bundled for the mode of the run (the build
  // renders in production, `build-dataset` in development), and a runtime kept from a run in the other
  // mode breaks the render of components compiled for this one.
  const cacheDir = await mkdtemp(join(tmpdir(), 'kyoten-ssr-'));
  const server = await createServer({
    configFile: false,
    root,
    plugins: [svelte()],
    // No file watcher: a source saved while the views are recorded would load its module again, and
    // a context made by the old copy is then missing for the new one (the build failed with missing_context).
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    appType: 'custom',
    logLevel: 'error',
    optimizeDeps: { noDiscovery: true, include: [] },
    cacheDir,
  });
  try {
    return await use((await server.ssrLoadModule(path)) as M);
  } finally {
    await server.close();
    await rm(cacheDir, { recursive: true, force: true });
  }
}

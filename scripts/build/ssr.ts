import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createServer } from 'vite';

/**
 * Loads a module through a Vite server of its own (Svelte compiled for SSR) and runs `use` on it:
 * how the build and `npm run build-dataset` render the app on the server to record its first views.
 */
export async function withSsrModule<M, T>(root: string, path: string, use: (module: M) => Promise<T>): Promise<T> {
  const server = await createServer({
    configFile: false,
    root,
    plugins: [svelte()],
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    logLevel: 'error',
    optimizeDeps: { noDiscovery: true, include: [] },
    // Its own cache, so it never rewrites the dev server's optimized dependencies.
    cacheDir: 'node_modules/.vite-ssr-record',
  });
  try {
    return await use((await server.ssrLoadModule(path)) as M);
  } finally {
    await server.close();
  }
}

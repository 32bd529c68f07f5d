// Offline after the first visit: the build's files (listed in Vite's manifest) are cached when the
// service worker installs, and every same-origin GET is answered from the cache first. Nothing is
// fetched from any other origin, and no data leaves the browser.
// The build writes its own id into the cache name (vite.config.ts), so each release is a new service
// worker with a fresh cache, and the previous release's cache is dropped when it takes over.
const PREFIX = 'kyoten-dashboard-';
const CACHE = `${PREFIX}__BUILD_ID__`;
/** How long a page load waits for the network before it is served from the cache. */
const NAVIGATION_TIMEOUT_MS = 3000;
/**
 * The DuckDB build this browser runs, as the page registered the worker (`sw.js?duckdb=eh`): the
 * other build's wasm and worker (~40 MB) are not stored. Without it, both are.
 */
const DUCKDB_BUILDS = ['eh', 'mvp'];
const duckdbBuild = new URL(self.location.href).searchParams.get('duckdb');
const unusedBuild = DUCKDB_BUILDS.includes(duckdbBuild) ? DUCKDB_BUILDS.find((build) => build !== duckdbBuild) : null;
const isUnusedBuild = (file) => unusedBuild !== null && new RegExp(`(^|/)duckdb-(browser-)?${unusedBuild}[.-]`).test(file);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const urls = new Set(['./', './index.html', './favicon.svg']);
      try {
        const manifest = await (await fetch('./.vite/manifest.json')).json();
        for (const entry of Object.values(manifest)) {
          for (const file of [entry.file, ...(entry.css ?? []), ...(entry.assets ?? [])]) if (file && !isUnusedBuild(file)) urls.add(`./${file}`);
        }
      } catch {
        // Dev server: no manifest; runtime caching below still fills the cache.
      }
      await cache.addAll([...urls]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) =>
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  ),
);

/** The page itself comes from the network when it answers in time (so a new release is seen), else from the cache. */
async function navigate(request, cache) {
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error('slow network')), NAVIGATION_TIMEOUT_MS)),
    ]);
    if (response.ok) await cache.put('./', response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match('./');
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Each view has its own ?view=… URL; they are all the one page.
      if (request.mode === 'navigate') return navigate(request, cache);
      // ignoreVary: module scripts send an Origin header the precached copies were fetched without.
      const cached = await cache.match(request, { ignoreVary: true });
      if (cached) return cached;
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    })(),
  );
});

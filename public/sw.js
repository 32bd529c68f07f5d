// Offline after the first visit: the build's files (listed in Vite's manifest) are cached when the
// service worker installs, and every same-origin GET is answered from the cache first. Nothing is
// fetched from any other origin, and no data leaves the browser.
const CACHE = 'kyoten-dashboard-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const urls = new Set(['./', './index.html', './favicon.svg']);
      try {
        const manifest = await (await fetch('./.vite/manifest.json')).json();
        for (const entry of Object.values(manifest)) {
          for (const file of [entry.file, ...(entry.css ?? []), ...(entry.assets ?? [])]) if (file) urls.add(`./${file}`);
        }
      } catch {
        // Dev server: no manifest; runtime caching below still fills the cache.
      }
      await cache.addAll([...urls]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // The page itself is matched without its query (each view has its own ?view=… URL).
      // ignoreVary: module scripts send an Origin header the precached copies were fetched without.
      const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate', ignoreVary: true });
      if (cached) return cached;
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    })(),
  );
});

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openApp } from './open-app.ts';

test('after the first visit the app works with the network cut', async ({ page, context }) => {
  await openApp(page, '/');
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    return registration.active?.state;
  });
  await context.setOffline(true);
  await openApp(page, '/?view=heatmap');
  await expect(page.locator('.heatmap g.cell')).toHaveCount(18 * 16);
  await context.setOffline(false);
});

test('a first visit registers the service worker once the page has started, not while DuckDB starts', async ({ page }) => {
  // Installing caches every file of the build (both wasm bundles): begun at once, it slowed the start.
  await page.addInitScript(() => {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (this: ServiceWorkerContainer, ...args: Parameters<typeof register>) {
      const state = window as unknown as { registeredWhen?: string };
      state.registeredWhen ??= document.body.dataset.dbReady === 'true' ? 'started' : 'starting';
      return register.apply(this, args);
    };
  });
  await openApp(page, '/');
  await expect.poll(() => page.evaluate(() => (window as unknown as { registeredWhen?: string }).registeredWhen)).toBe('started');
  expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active !== null)).toBe(true);
});

test('the service worker stores the DuckDB build this browser runs, not the other one', async ({ page }) => {
  await openApp(page, '/');
  const stored = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const cache = await caches.open((await caches.keys()).find((name) => name.startsWith('kyoten-dashboard-'))!);
    return { script: registration.active!.scriptURL, files: (await cache.keys()).map((request) => new URL(request.url).pathname) };
  });
  // Chromium takes the build with wasm exceptions (`eh`).
  expect(new URL(stored.script).search).toBe('?duckdb=eh');
  expect(stored.files.filter((file) => /\/duckdb-(browser-)?eh[.-]/.test(file))).toHaveLength(2);
  expect(stored.files.filter((file) => /mvp/.test(file))).toEqual([]);
  // Everything else of the build is there: the app's own scripts and the bundled data.
  expect(stored.files.some((file) => /\/bundled-data-[^/]+\.bin$/.test(file))).toBe(true);
});

test("the service worker's cache is named after this build, and an earlier release's cache is dropped", async ({ page, context }) => {
  const sw = readFileSync('dist/sw.js', 'utf8');
  const cacheName = /const CACHE = `\$\{PREFIX\}([0-9a-f]{12})`/.exec(sw)?.[1];
  expect(cacheName, 'the build wrote its id into dist/sw.js').toBeTruthy();
  // A cache an earlier release left behind, made before this release's worker installs.
  await context.addInitScript(() => void caches.open('kyoten-dashboard-000000000000'));
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
  await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`kyoten-dashboard-${cacheName}`]);
});

test('the build is served precompressed: brotli where the browser takes it, gzip otherwise, the wasm typed for streaming compile', async ({ page, request }) => {
  const wasm: string[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('.wasm')) wasm.push(response.url());
  });
  await openApp(page, '/');
  expect(wasm.length).toBeGreaterThan(0);
  const url = new URL(wasm[0]).pathname;
  const br = await request.get(url, { headers: { 'accept-encoding': 'br' } });
  expect(br.headers()['content-encoding']).toBe('br');
  expect(br.headers()['content-type']).toBe('application/wasm');
  expect(Number(br.headers()['content-length'])).toBeLessThan(readFileSync(`dist${url}`).length / 4);
  const gz = await request.get(url, { headers: { 'accept-encoding': 'gzip' } });
  expect(gz.headers()['content-encoding']).toBe('gzip');
  // What arrives decoded is the file itself.
  expect(Buffer.compare(await br.body(), readFileSync(`dist${url}`))).toBe(0);
});

test('a dataset fetched once opens offline; one never fetched says it is not on this device', async ({ page, context }) => {
  await openApp(page, '/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
  await openApp(page, '/?dataset=./datasets/e2e/');
  await expect(page.locator('.dataset-notice progress')).toHaveCount(0, { timeout: 60_000 });
  await context.setOffline(true);
  await openApp(page, '/?dataset=./datasets/e2e/&view=heatmap');
  await expect(page.locator('.heatmap g.cell')).toHaveCount(18 * 16);
  await expect(page.locator('.dataset-notice')).toContainText('18 団体');
  await page.goto('/?dataset=./datasets/never-fetched/');
  await expect(page.locator('.dataset-notice.error')).toContainText('オフラインで、この端末にまだ保存されていない');
  await context.setOffline(false);
});

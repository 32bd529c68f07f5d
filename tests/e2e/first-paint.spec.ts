import { expect, test, type Page } from '@playwright/test';
import { VIEWS } from './open-app.ts';

/** Holds DuckDB's wasm until released, so the page shows what it draws without a database. */
async function holdDatabase(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** The view's text (charts' labels and tables included), line by line, without the note on the snapshot. */
const content = (page: Page) =>
  page.locator('main').evaluate((main: HTMLElement) => {
    const note = main.querySelector<HTMLElement>('.snapshot-note')?.innerText ?? null;
    return main.innerText.split('\n').map((line: string) => line.trim()).filter((line: string) => line !== '' && line !== note);
  });

// Every view: the build records each one's default state.
for (const view of VIEWS) {
  test(`a link to the ${view} view paints from the build's figures before DuckDB is ready, and they agree with the live ones`, async ({ page }) => {
    const release = await holdDatabase(page);
    await page.goto(`/?view=${view}`);
    await expect(page.locator('.snapshot-note')).toBeVisible();
    await expect(page.locator('main .status[role="status"]:not(.snapshot-note)')).toHaveCount(0);
    // Tables fill a task after the charts while the page starts.
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    const early = await content(page);
    expect(early.length, 'the view drew its content from the snapshot').toBeGreaterThan(5);
    expect(await page.evaluate(() => document.body.dataset.dbReady)).toBeUndefined();
    release();
    await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 60_000 });
    await expect(page.locator('.snapshot-note')).toHaveCount(0);
    await expect.poll(() => content(page)).toEqual(early);
  });
}

test('a link with other filters shows the view and says it is computing until the database answers', async ({ page }) => {
  const release = await holdDatabase(page);
  await page.goto('/?view=heatmap&y=2024&stage=planning');
  await expect(page.locator('nav.views')).toBeVisible();
  await expect(page.locator('main .status[role="status"]').filter({ hasText: '集計中' }).first()).toBeVisible();
  release();
  await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 60_000 });
  await expect(page.locator('main .status[role="status"]').filter({ hasText: '集計中' })).toHaveCount(0);
  await expect(page.locator('.heatmap g.cell').first()).toBeVisible();
});

test('the scripts the first chart needs open with V8’s compile hint, and only they (served as built)', async ({ page, request }) => {
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('.js') && response.request().resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
  });
  await page.goto('/');
  await expect(page.locator('body[data-db-ready]')).toHaveCount(1, { timeout: 60_000 });
  const html = await (await request.get('/')).text();
  const entry = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
  const preloaded = [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)"/g)].map((m) => m[1]);
  // Our shared code and the libraries it draws with: two chunks, parsed side by side.
  const shared = preloaded.filter((href) => /\/shared(-libs)?-[^/]+\.js$/.test(href));
  expect(entry).toBeTruthy();
  expect(shared).toHaveLength(2);
  const opensWithHint = async (path: string) => (await (await request.get(path)).text()).startsWith('//# allFunctionsCalledOnLoad\n');
  expect(await opensWithHint(entry!)).toBe(true);
  for (const path of shared) expect(await opensWithHint(path), path).toBe(true);
  // The views' chunks and DuckDB's bindings load later, and most of their functions are not called at once.
  const later = [...new Set(scripts)].filter((path) => path !== entry && !shared.includes(path));
  expect(later.length).toBeGreaterThan(2);
  for (const path of later) expect(await opensWithHint(path), path).toBe(false);
});

/**
 * Records, after each DOM change, how many of the view's parts are still waiting (`.startup-part`),
 * from the first change in which `selector` (the view's first chart) is there.
 */
const recordWaitingParts = (selector: string) => `(() => {
  const seen = (window.waitingParts = []);
  new MutationObserver(() => {
    if (!document.querySelector(${JSON.stringify(selector)})) return;
    const n = document.querySelectorAll('.startup-part').length;
    if (seen.at(-1) !== n) seen.push(n);
  }).observe(document, { childList: true, subtree: true });
})()`;
const waitingParts = (page: Page) => page.evaluate(() => (window as unknown as { waitingParts: number[] }).waitingParts);

for (const [view, chart, parts] of [
  ['themes', '.heatmap g.cell', 3],
  ['trends', 'main figure svg path', 4],
  ['report', 'main figure svg g', 3],
] as const) {
  test(`a link to the ${view} view draws its first chart before the parts below it, which come one at a time while the page starts`, async ({ page }) => {
    const release = await holdDatabase(page);
    await page.addInitScript(recordWaitingParts(chart));
    await page.goto(`/?view=${view}`);
    // The view's chunk may still be on its way when the page has loaded: no part is busy before it mounts.
    await expect(page.locator(chart).first()).toBeAttached();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    // The chart came with every part waiting, then one part per turn, all before the database.
    expect(await waitingParts(page)).toEqual(Array.from({ length: parts + 1 }, (_, i) => parts - i));
    expect(await page.evaluate(() => document.body.dataset.dbReady)).toBeUndefined();
    release();
    await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 60_000 });
  });
}

test('a view opened once the page has started draws all its parts at once', async ({ page }) => {
  await page.addInitScript(recordWaitingParts('.heatmap g.cell'));
  await page.goto('/');
  await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 60_000 });
  await page.locator('nav.views').getByRole('link', { name: '記述のテーマ' }).click();
  await expect(page.locator('main .chart table tbody tr').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: /^よく使われた語/ })).toBeVisible();
  expect(await waitingParts(page)).toEqual([0]);
});

test('a page printed while it starts prints every part and every row', async ({ page }) => {
  const release = await holdDatabase(page);
  // Printed in the very change that draws the first chart, while the parts below it surely wait (a
  // later look could find them all drawn already on a fast machine): as the print dialog does, the
  // page is laid out for print right after \`beforeprint\`.
  await page.addInitScript(`(() => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('.heatmap g.cell')) return;
      observer.disconnect();
      const waiting = () => document.querySelectorAll('.startup-part, [aria-busy="true"]').length;
      const before = waiting();
      dispatchEvent(new Event('beforeprint'));
      window.printedAtStart = { before, waiting: waiting(), wordRows: document.querySelectorAll('table.words tbody tr').length };
    });
    observer.observe(document, { childList: true, subtree: true });
  })()`);
  await page.goto('/?view=themes');
  await page.waitForFunction(() => 'printedAtStart' in window);
  const printed = await page.evaluate(() => (window as unknown as { printedAtStart: { before: number; waiting: number; wordRows: number } }).printedAtStart);
  expect(printed.before).toBeGreaterThan(0);
  expect(printed.waiting).toBe(0);
  expect(printed.wordRows).toBeGreaterThan(8);
  release();
});

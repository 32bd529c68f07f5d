import { expect, test, type Page } from '@playwright/test';
import { openApp } from './open-app.ts';

const root = new URL('../../', import.meta.url).pathname;

/** Counts the queries the page sends to DuckDB's worker (plain and prepared). */
const countQueries = () => {
  const counted = { n: 0 };
  (window as unknown as { queriesSent: typeof counted }).queriesSent = counted;
  const asks = new Set(['RUN_QUERY', 'START_PENDING_QUERY', 'RUN_PREPARED', 'SEND_PREPARED']);
  const Native = window.Worker;
  window.Worker = class extends Native {
    postMessage(message: unknown, transfer?: unknown) {
      if (asks.has(String((message as { type?: unknown } | null)?.type))) counted.n++;
      super.postMessage(message, transfer as Transferable[]);
    }
  };
};
const queriesSent = (page: Page) => page.evaluate(() => (window as unknown as { queriesSent: { n: number } }).queriesSent.n);

/** Runs `change`, then waits until every query of the visible view has answered and been painted. */
async function untilPainted(page: Page, change: () => Promise<unknown>) {
  await page.evaluate(() => performance.clearMarks('app:charts-painted'));
  await change();
  await page.waitForFunction(() => performance.getEntriesByName('app:charts-painted').length > 0, undefined, { timeout: 30_000 });
}

const table = (page: Page) => page.locator('main table.data-table').first();

test('a view or a filter choice seen before is drawn again without asking DuckDB, until the data changes', async ({ page }) => {
  await page.addInitScript(countQueries);
  await openApp(page, '/');
  await expect(page.locator('.diverging svg g.row')).toHaveCount(18);
  await page.waitForFunction(() => performance.getEntriesByName('app:charts-painted').length > 0, undefined, { timeout: 30_000 });
  const before = await table(page).innerText();

  await untilPainted(page, () => page.locator('nav.views').getByRole('link', { name: '区×設問' }).click());
  await expect(page.locator('.heatmap g.cell').first()).toBeVisible();
  let sent = await queriesSent(page);
  await untilPainted(page, () => page.locator('nav.views').getByRole('link', { name: '評価の分布' }).click());
  await expect(page.locator('.diverging svg g.row')).toHaveCount(18);
  expect(await table(page).innerText()).toBe(before);
  expect(await queriesSent(page)).toBe(sent);

  // Another rater asks DuckDB; going back to all raters does not.
  await untilPainted(page, () => page.locator('select[name="rater"]').selectOption('center'));
  expect(await queriesSent(page)).toBeGreaterThan(sent);
  const center = await table(page).innerText();
  expect(center).not.toBe(before);
  sent = await queriesSent(page);
  await untilPainted(page, () => page.locator('select[name="rater"]').selectOption(''));
  expect(await table(page).innerText()).toBe(before);
  expect(await queriesSent(page)).toBe(sent);

  // A file loaded changes the data: the same choices are asked again.
  await page.locator('nav.views').getByRole('link', { name: 'データの読み込み' }).click();
  await page.locator('input[name="files"]').setInputFiles(`${root}tests/fixtures/conflict_b.csv`);
  await expect(page.locator('section.report table.files tbody tr').first()).toContainText('conflict_b.csv');
  await untilPainted(page, () => page.locator('nav.views').getByRole('link', { name: '評価の分布' }).click());
  sent = await queriesSent(page);
  await untilPainted(page, () => page.locator('select[name="rater"]').selectOption('center'));
  expect(await queriesSent(page)).toBeGreaterThan(sent);
});

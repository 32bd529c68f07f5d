import { expect, test, type Page } from '@playwright/test';
import { openApp } from './open-app.ts';

const VIEWS = ['distribution', 'map', 'heatmap', 'raters', 'benchmark', 'trends', 'themes', 'words', 'report', 'data'] as const;
const TABLES = ['ratings', 'rating_groups', 'narratives', 'narrative_tags', 'narrative_words', 'centers', 'files', 'report_values', 'report_lines', 'conflicts'];

for (const view of VIEWS) {
  test(`a failed query shows DuckDB's message and a retry in the ${view} view, never "preparing" or "no data"`, async ({ page }) => {
    await openApp(page, `/?view=${view}&testHooks`);
    await page.evaluate((tables) => (window as unknown as { kyotenTestHooks: { dropTables(t: string[]): Promise<void> } }).kyotenTestHooks.dropTables(tables), TABLES);
    const errors = page.locator('.query-error[role="alert"]');
    await expect(errors.first()).toBeVisible();
    await expect(errors.first()).toContainText('集計できませんでした');
    await expect(errors.first().locator('pre')).toContainText(/does not exist|Catalog Error/);
    await expect(errors.first().getByRole('button', { name: 'もう一度試す' })).toBeVisible();
    await expect(page.getByText('データベースを準備しています')).toHaveCount(0);
    await expect(page.getByText('条件に合う評価がありません')).toHaveCount(0);
  });
}

test('an ingest worker that stops mid-load leaves the files it finished, loses none half-way, and says to reload', async ({ page }) => {
  await openApp(page, '/?view=data&testHooks');
  await page.evaluate(() => (window as unknown as { kyotenTestHooks: { stopIngestWorkerAt(file: string): void } }).kyotenTestHooks.stopIngestWorkerAt('b.csv'));
  const csv = (ward: string) => ({ mimeType: 'text/csv', buffer: Buffer.from(`ward,fiscal_year,stage,question_no,rater,rating\n${ward},2030,planning,1,ward,A\n`) });
  await page.locator('input[name="files"]').setInputFiles([
    { name: 'a.csv', ...csv('西区') },
    { name: 'b.csv', ...csv('中区') },
    { name: 'c.csv', ...csv('南区') },
  ]);
  const stopped = page.locator('.ingest-stopped[role="alert"]');
  await expect(stopped).toContainText('ファイルを読む処理が止まりました');
  await expect(stopped).toContainText('out of memory (test)');
  await expect(page.locator('input[name="files"]')).toBeDisabled();
  // a.csv was handed over before the stop and is loaded whole; b.csv and c.csv left no row behind.
  const files = page.locator('table.files tbody tr:not(.file-error):not(.missing-parts)');
  await expect(files.filter({ hasText: 'a.csv' })).toHaveCount(1);
  await expect(files.filter({ hasText: /[bc]\.csv/ })).toHaveCount(0);
  const rows2030 = () =>
    page.evaluate(async () => {
      const hooks = (window as unknown as { kyotenTestHooks: { appQuery(sql: string): Promise<Array<{ ward: string }>> } }).kyotenTestHooks;
      return (await hooks.appQuery('SELECT ward FROM ratings WHERE fiscal_year = 2030 ORDER BY ward')).map((r) => r.ward);
    });
  expect(await rows2030()).toEqual(['西区']);
  // After a reload the kept file is back and loading works again.
  await stopped.getByRole('button', { name: 'ページを再読み込み' }).click();
  await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 60_000 });
  expect(await rows2030()).toEqual(['西区']);
  await expect(page.locator('input[name="files"]')).toBeEnabled();
  await page.locator('input[name="files"]').setInputFiles([{ name: 'b.csv', ...csv('中区') }]);
  await expect(files.filter({ hasText: 'b.csv' })).toHaveCount(1);
  expect(await rows2030()).toEqual(['中区', '西区']);
});

test('when the bundled files cannot be read for their keys, loading says so instead of doubling rows they hold', async ({ page }) => {
  // The ingest worker fetches them: Chromium routes a dedicated worker's requests only at the context.
  await page.context().route(/\/assets\/[^/?]+\.csv(\?.*)?$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await openApp(page, '/?view=data&testHooks');
  const failed = page.locator('.error[role="alert"]');
  await expect(failed).toContainText('HTTP 404');
  // 鶴見区 2025 is in the bundled data: without its keys this row would be appended beside it.
  const csv = Buffer.from('ward,fiscal_year,stage,question_no,rater,rating\n鶴見区,2025,planning,1,ward,D\n');
  await page.locator('input[name="files"]').setInputFiles([{ name: 'again.csv', mimeType: 'text/csv', buffer: csv }]);
  await expect(failed).toContainText('reload the page');
  const rows = await page.evaluate(async () => {
    const hooks = (window as unknown as { kyotenTestHooks: { appQuery(sql: string): Promise<Array<{ n: number }>> } }).kyotenTestHooks;
    return hooks.appQuery("SELECT count(*)::INTEGER AS n FROM ratings WHERE ward = '鶴見区' AND fiscal_year = 2025 AND stage = 'planning' AND question_no = 1 AND rater = 'ward'");
  });
  expect(rows).toEqual([{ n: 1 }]);
});

/**
 * Opens `view` with its chunk (and, with `css`, its stylesheet) refused, and waits until the page has
 * fetched every view's code in order (the view's again): past the last view (data), no try is left
 * but the ones the test makes. A retry asks for the chunk as `…js?retry=n` (some browsers keep a
 * failed import), so those are refused too until `unblock`.
 */
async function openWithCodeRefused(page: Page, view: string, chunk: string, css = false) {
  let blocked = true;
  const state = { refused: 0, unblock: () => (blocked = false) };
  const pattern = new RegExp(`/assets/${chunk}-[^/?]+\\.(js${css ? '|css' : ''})(\\?retry=\\d+)?$`);
  await page.route(pattern, (route) => (blocked ? (state.refused++, route.abort('internetdisconnected')) : route.continue()));
  const fetched: string[] = [];
  page.on('requestfinished', (request) => fetched.push(request.url()));
  await openApp(page, `/?view=${view}`);
  await expect.poll(() => fetched.some((url) => /\/assets\/DataView-[^/]+\.js$/.test(url))).toBe(true);
  return state;
}

test.describe('without the service worker (its cache would answer)', () => {
  test.use({ serviceWorkers: 'block' });
  test('a view whose code cannot be fetched says so with a retry, and the retry draws it; the other views work meanwhile', async ({ page }) => {
    const code = await openWithCodeRefused(page, 'heatmap', 'HeatmapView');
    const failure = page.locator('main .query-error[role="alert"]');
    await expect(failure).toContainText('この画面のプログラムを読み込めませんでした');
    await expect(failure.locator('pre')).toContainText('HeatmapView');
    await expect(page.locator('.heatmap g.cell')).toHaveCount(0);
    await page.getByRole('link', { name: '評価の分布' }).click();
    await expect(page.locator('.diverging svg g.row')).toHaveCount(18);
    const refusedBefore = code.refused;
    await page.getByRole('link', { name: '区×設問' }).click();
    // Opening the view tries its code again: that try must have failed before the code is let through,
    // or it draws the view by itself and there is no retry to press.
    await expect.poll(() => code.refused).toBeGreaterThan(refusedBefore);
    await expect(failure).toBeVisible();
    code.unblock();
    await failure.getByRole('button', { name: 'もう一度試す' }).click();
    await expect(failure).toHaveCount(0);
    await expect(page.locator('.heatmap g.cell').first()).toBeVisible();
  });
  test('a view whose code and stylesheet both failed draws styled after the retry', async ({ page }) => {
    const code = await openWithCodeRefused(page, 'trends', 'TrendsView', true);
    const failure = page.locator('main .query-error[role="alert"]');
    await expect(failure).toContainText('この画面のプログラムを読み込めませんでした');
    code.unblock();
    await failure.getByRole('button', { name: 'もう一度試す' }).click();
    await expect(failure).toHaveCount(0);
    // The slope chart's year labels are bold by the view's own stylesheet only.
    await expect(page.locator('.slope text.year').first()).toHaveCSS('font-weight', '600');
  });
});

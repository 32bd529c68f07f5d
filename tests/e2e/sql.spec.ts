import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp, reloadApp } from './open-app.ts';

const open = (page: Page, search = '') => openApp(page, `/${search}`);

test('the SQL console answers a query over the loaded tables, with row count and time; the query is in the URL', async ({ page }) => {
  await open(page, '?view=sql');
  const tables = await page.locator('details.table-schema summary').allTextContents();
  expect(tables).toEqual(expect.arrayContaining(['ratings', 'narratives', 'narrative_tags', 'centers', 'files', 'rejected_rows', 'conflicts']));
  const sql = page.locator('textarea[name="sql"]');
  await sql.fill("SELECT ward, count(*) AS n FROM ratings WHERE provenance = 'real' GROUP BY ward");
  await sql.press('Control+Enter');
  await expect(page.locator('table.result tbody tr')).toHaveCount(1);
  await expect(page.locator('table.result tbody tr td')).toHaveText(['鶴見区', '48']);
  await expect(page.locator('.result-meta')).toContainText(/1 行 · \d+ ms/);
  await expect(page).toHaveURL(/q=SELECT/);
  await reloadApp(page);
  await expect(page.locator('textarea[name="sql"]')).toHaveValue("SELECT ward, count(*) AS n FROM ratings WHERE provenance = 'real' GROUP BY ward");
});

test('an example runs, and sorting a column reorders the rows', async ({ page }) => {
  await open(page, '?view=sql');
  await page.getByRole('button', { name: '区ごとの評価件数と A の割合（実データのみ）' }).click();
  await page.getByRole('button', { name: '実行（Ctrl+Enter）' }).click();
  await expect(page.locator('table.result tbody tr')).toHaveCount(1);
  await page.locator('textarea[name="sql"]').fill('SELECT * FROM (VALUES (2, \'b\'), (1, \'c\'), (3, \'a\')) t(n, s)');
  await page.getByRole('button', { name: '実行（Ctrl+Enter）' }).click();
  await expect(page.locator('table.result tbody tr td:first-child')).toHaveText(['2', '1', '3']);
  await page.locator('table.result thead').getByRole('button', { name: 'n' }).click();
  await expect(page.locator('table.result tbody tr td:first-child')).toHaveText(['1', '2', '3']);
  await page.locator('table.result thead').getByRole('button', { name: 'n' }).click();
  await expect(page.locator('table.result tbody tr td:first-child')).toHaveText(['3', '2', '1']);
});

test('numbers line up on the right at four decimals, the full value kept in the cell title', async ({ page }) => {
  await open(page, '?view=sql');
  await page.locator('textarea[name="sql"]').fill("SELECT 'x' AS label, 1 / 3 AS third, 42 AS n");
  await page.locator('textarea[name="sql"]').press('Control+Enter');
  const cells = page.locator('table.result tbody tr td');
  await expect(cells).toHaveText(['x', '0.3333', '42']);
  await expect(cells.nth(1)).toHaveAttribute('title', String(1 / 3));
  await expect(cells.nth(1)).toHaveCSS('text-align', 'right');
  await expect(cells.nth(2)).toHaveCSS('text-align', 'right');
});

test('dates, times, intervals and BLOBs read as DuckDB prints them, on screen and in the CSV', async ({ page }) => {
  await open(page, '?view=sql');
  await page.locator('textarea[name="sql"]').fill(
    "SELECT period_start, period_end - period_start AS days, age(period_end, period_start) AS span, TIME '10:00:01.25' AS t, 'ab'::BLOB AS b, TIMESTAMP '2025-04-01 10:00' AS ts FROM centers WHERE ward = '鶴見区' AND fiscal_year = 2025",
  );
  await page.locator('textarea[name="sql"]').press('Control+Enter');
  await expect(page.locator('table.result tbody tr td')).toHaveText(['2025-04-01', '364', '11 months 30 days', '10:00:01.25', 'ab', '2025-04-01 10:00:00']);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV に書き出す（Excel 用）' }).click()]);
  expect(readFileSync((await download.path())!, 'utf8')).toBe('\ufeffperiod_start,days,span,t,b,ts\n2025-04-01,364,11 months 30 days,10:00:01.25,ab,2025-04-01 10:00:00\n');
});

test('a result exports as CSV with a BOM, in the order shown, formula-looking text neutralised', async ({ page }) => {
  await open(page, '?view=sql');
  await page.locator('textarea[name="sql"]').fill("SELECT * FROM (VALUES (2, '=HYPERLINK(1)'), (1, 'b')) t(n, s)");
  await page.getByRole('button', { name: '実行（Ctrl+Enter）' }).click();
  await page.locator('table.result thead').getByRole('button', { name: 'n' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV に書き出す（Excel 用）' }).click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text).toBe("\ufeffn,s\n1,b\n2,'=HYPERLINK(1)\n");
});

test('a syntax error is shown as DuckDB reports it, not thrown; a long query can be cancelled', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await open(page, '?view=sql');
  const sql = page.locator('textarea[name="sql"]');
  await sql.fill('SELEC ward FROM ratings');
  await sql.press('Control+Enter');
  await expect(page.locator('.sql-error')).toContainText('Parser Error');
  await sql.fill('SELECT sum(a.range * b.range) FROM range(100000000) a, range(100000000) b');
  await page.getByRole('button', { name: '実行（Ctrl+Enter）' }).click();
  // The cross join never finishes: the cancel always lands while it runs.
  await page.getByRole('button', { name: '中止' }).click();
  await expect(page.locator('.sql-error')).toContainText('クエリを中止しました');
  await expect(page.getByRole('button', { name: '実行（Ctrl+Enter）' })).toBeEnabled();
  expect(errors).toEqual([]);
});

test('the console cannot change the app’s tables, and its long queries never hold up the views’ queries', async ({ page }) => {
  await openApp(page, '/?view=sql&testHooks');
  const sql = page.locator('textarea[name="sql"]');
  await sql.fill('DROP TABLE ratings');
  await page.getByRole('button', { name: '実行（Ctrl+Enter）' }).click();
  await expect(page.locator('.sql-refused')).toContainText('この SQL コンソールは読むだけです');
  await expect(page.locator('.sql-refused')).toContainText('（DROP）');
  type Hooks = { kyotenTestHooks: { appQuery(sql: string): Promise<Array<{ n: number }>> } };
  const ratings = () => page.evaluate(() => (window as unknown as Hooks).kyotenTestHooks.appQuery('SELECT count(*)::INTEGER AS n FROM ratings'));
  const [{ n }] = await ratings();
  expect(n).toBeGreaterThan(6000);
  // A query that never ends on the console's connection; the app's own query is answered meanwhile.
  await sql.fill('SELECT sum(a.range * b.range) FROM range(100000000) a, range(100000000) b');
  await page.getByRole('button', { name: '実行（Ctrl+Enter）' }).click();
  await expect(page.getByRole('button', { name: '中止' })).toBeEnabled();
  expect(await ratings()).toEqual([{ n }]);
  await expect(page.getByRole('button', { name: '中止' })).toBeEnabled();
  await page.getByRole('button', { name: '中止' }).click();
  await expect(page.locator('.sql-error')).toContainText('クエリを中止しました');
  // The app's connection was not cancelled with it.
  expect(await ratings()).toEqual([{ n }]);
});

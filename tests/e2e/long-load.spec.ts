import { expect, test, type Page } from '@playwright/test';
import { dropHeldFiles, openApp, type HeldFiles } from './open-app.ts';

/**
 * A registry of 1,100 units and `rows` ratings with distinct keys (units × years × 48 ratings), made in
 * the page: long enough that the worker hands its ratings out in parts of 100,000 while it reads.
 */
async function makeFiles(page: Page, rows: number): Promise<void> {
  await page.evaluate((rows) => {
    const wards = ['code,name,name_en,city'];
    for (let w = 0; w < 1100; w++) wards.push(`${20001 + w},W${String(w).padStart(4, '0')}区,W${w},Test`);
    const keys: string[] = [];
    for (const [stage, n] of [['planning', 6], ['implementation', 7], ['review', 3]] as const)
      for (let q = 1; q <= n; q++) for (const rater of ['ward', 'center', 'joint']) keys.push(`${stage},${q},${rater}`);
    const lines = ['ward,fiscal_year,stage,question_no,rater,rating'];
    for (let i = 0; i < rows; i++) {
      const k = Math.floor(i / keys.length);
      lines.push(`W${String(k % 1100).padStart(4, '0')}区,${2000 + Math.floor(k / 1100)},${keys[i % keys.length]},${'ABCD'[i % 4]}`);
    }
    (window as unknown as HeldFiles).heldFiles = {
      wards: new File([wards.join('\n')], 'units.csv', { type: 'text/csv' }),
      ratings: new File([lines.join('\n')], 'long.csv', { type: 'text/csv' }),
    };
  }, rows);
}

/** The ratings, and the ratings as `rating_groups` counts them, through the SQL console. */
async function counts(page: Page): Promise<string[]> {
  await page.getByRole('link', { name: 'SQL' }).click();
  const sql = page.locator('textarea[name="sql"]');
  await sql.fill('SELECT (SELECT count(*) FROM ratings) AS ratings, (SELECT sum(n) FROM rating_groups) AS grouped');
  await sql.press('Control+Enter');
  await expect(page.locator('table.result tbody tr')).toHaveCount(1);
  return page.locator('table.result tbody tr td').allTextContents();
}

test('a long file is written in parts while it is read, its rest read by a second worker: every rating lands once, and rating_groups counts each', async ({ page }) => {
  test.setTimeout(120_000);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await openApp(page, '/?view=sql');
  const [before] = await counts(page);
  await makeFiles(page, 250_000);
  await page.getByRole('link', { name: 'データの読み込み' }).click();
  await dropHeldFiles(page, ['wards']);
  await expect(page.getByRole('row').filter({ hasText: 'units.csv' }).first()).toBeVisible();
  await dropHeldFiles(page, ['ratings']);
  const report = page.getByRole('row').filter({ hasText: 'long.csv' }).first();
  await expect(report).toBeVisible({ timeout: 60_000 });
  // Rows read, loaded, duplicate, rejected, not rated, sample replaced.
  await expect(report.locator('td')).toHaveText(['評価（縦持ち）', 'UTF-8・コンマ', '250,000', '250,000', '0', '0', '0', '0']);
  // 8.7 MB: past the read-ahead size, so the rest of the file went to the read-ahead worker.
  expect(workers.filter((url) => /read-ahead\.worker/.test(url))).toHaveLength(1);
  const total = String(Number(before.replaceAll(',', '')) + 250_000);
  expect((await counts(page)).map((n) => n.replaceAll(',', ''))).toEqual([total, total]);
});

test('a long file cancelled after parts of it were written leaves the data as it was, and its rest is no longer read', async ({ page }) => {
  test.setTimeout(120_000);
  const readAhead: Array<{ closed: boolean }> = [];
  page.on('worker', (worker) => {
    if (!/read-ahead\.worker/.test(worker.url())) return;
    const entry = { closed: false };
    readAhead.push(entry);
    worker.on('close', () => (entry.closed = true));
  });
  await openApp(page, '/?view=sql');
  await makeFiles(page, 1_500_000);
  await page.getByRole('link', { name: 'データの読み込み' }).click();
  await dropHeldFiles(page, ['wards']);
  await expect(page.getByRole('row').filter({ hasText: 'units.csv' }).first()).toBeVisible();
  const before = await counts(page);
  await page.getByRole('link', { name: 'データの読み込み' }).click();
  await dropHeldFiles(page, ['ratings']);
  // Past 300,000 rows read, three parts of 100,000 have been handed to the page.
  await expect
    .poll(async () => Number(((await page.locator('.progress label').textContent()) ?? '').match(/— ([\d,]+)/)?.[1].replaceAll(',', '') ?? 0), { timeout: 60_000, intervals: [50] })
    .toBeGreaterThan(300_000);
  await page.getByRole('button', { name: '中止' }).click();
  await expect(page.locator('.notice')).toHaveText('読み込みを中止しました。中止までに読み終えたファイルは反映されています。');
  // The second reader was still reading the file's rest: it is stopped, so a next load does not wait behind it.
  expect(readAhead).toHaveLength(1);
  await expect.poll(() => readAhead[0].closed).toBe(true);
  expect(await counts(page)).toEqual(before);
  // The console reads through a connection of its own; a file loaded next, on the page's connection,
  // must start a clean transaction and leave exactly its own rating.
  await page.getByRole('link', { name: 'データの読み込み' }).click();
  await page.evaluate(() => {
    (window as unknown as HeldFiles).heldFiles.ratings = new File(['ward,fiscal_year,stage,question_no,rater,rating\nW0001区,2099,review,1,ward,A'], 'one.csv', { type: 'text/csv' });
  });
  await dropHeldFiles(page, ['ratings']);
  await expect(page.getByRole('row').filter({ hasText: 'one.csv' }).first().locator('td')).toHaveText(['評価（縦持ち）', 'UTF-8・コンマ', '1', '1', '0', '0', '0', '0']);
  const after = String(Number(before[0].replaceAll(',', '')) + 1);
  expect((await counts(page)).map((n) => n.replaceAll(',', ''))).toEqual([after, after]);
});

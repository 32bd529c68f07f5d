import { expect, test, type Page } from '@playwright/test';
import { openApp, reloadApp } from './open-app.ts';

const open = (page: Page, search = '') => openApp(page, `/${search}`);

const tableRow = (page: Page, header: string) => page.locator('.view table.data-table tbody tr').filter({ has: page.locator(`th:text-is("${header}")`) });

test('distribution by question: three stage panels in questionnaire order, question text in the table', async ({ page }) => {
  await open(page, '?by=question');
  await expect(page.locator('.view h3.panel-title')).toHaveText(['事業計画段階', '事業実施段階', '振り返り段階']);
  const labels = await page.locator('.diverging svg g.row text.label').allTextContents();
  expect(labels.map((l) => l.replace(/[＊※]$/, ''))).toEqual([
    '計画1', '計画2', '計画3', '計画4', '計画5', '計画6', '実施1', '実施2', '実施3', '実施4', '実施5', '実施6', '実施7', '振返1', '振返2', '振返3',
  ]);
  await expect(tableRow(page, '計画1').locator('td.question-text')).toHaveText('自分たちが達成すべき大きな目的や理念についてよく話し合うことができましたか。');
  await page.locator('select[name="scale"]').selectOption('stacked');
  await expect(page).toHaveURL(/scale=stacked/);
  await expect(page.locator('.diverging svg line.zero')).toHaveCount(0);
});

test('sorting by A+B share reorders the bars and the table', async ({ page }) => {
  await open(page);
  await page.locator('select[name="sort"]').selectOption('share');
  await expect(page).toHaveURL(/sort=share/);
  const shares = await page.locator('.view table.data-table tbody tr td:nth-child(8)').allTextContents();
  const values = shares.map((s) => Number.parseFloat(s));
  expect(values).toHaveLength(18);
  expect(values.every((v) => Number.isFinite(v))).toBe(true);
  expect(values).toEqual([...values].sort((a, b) => b - a));
  const labels = (await page.locator('.diverging svg g.row text.label').allTextContents()).map((l) => l.replace(/[＊※]$/, ''));
  expect(labels).toEqual(await page.locator('.view table.data-table tbody tr th').allTextContents());
});

test('clicking a ward’s bar selects it, narrows the other charts, and the chip removes it', async ({ page }) => {
  await open(page);
  await page.locator('.diverging svg g.row[data-key="西区"]').click();
  await expect(page).toHaveURL(/sw=%E8%A5%BF%E5%8C%BA/);
  await expect(page.locator('.selection .chip')).toHaveText('西区 ×');
  await expect(page.locator('.diverging svg g.row.selected')).toHaveAttribute('data-key', '西区');
  await page.getByRole('radio', { name: '設問ごと' }).check();
  // 西区 alone: 7 years × 3 raters per question.
  await expect(tableRow(page, '計画1').locator('td:nth-child(8)')).toHaveText('21');
  await page.getByRole('button', { name: '西区の選択を解除' }).click();
  await expect(tableRow(page, '計画1').locator('td:nth-child(8)')).toHaveText('378');
  await expect(page).not.toHaveURL(/sw=/);
});

test('a question chosen with the keyboard narrows the ward chart to that question', async ({ page }) => {
  await open(page, '?by=question');
  // The row's label is its button: Tab reaches it, Enter selects.
  const label = page.locator('.diverging svg g.row[data-key="review-1"] text.label[role="button"]');
  await label.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/sq=review-1/);
  await page.getByRole('radio', { name: '区ごと' }).check();
  // Each ward: one question × 3 raters × 7 years (鶴見区 too: 6 sample years and the real one).
  await expect(tableRow(page, '鶴見区').locator('td:nth-child(7)')).toHaveText('21');
});

test('the heatmap shows 18 wards × 16 questions; a cell lists that ward’s ratings across raters and years', async ({ page }) => {
  await open(page, '?view=heatmap');
  await expect(page.locator('.heatmap g.cell')).toHaveCount(18 * 16);
  await expect(page.locator('.heatmap text.row-label').first()).toHaveText('鶴見区');
  await page.locator('select[name="year"]').selectOption('2024');
  await expect(page).toHaveURL(/y=2024/);
  await page.locator('.heatmap g.cell[data-row="港北区"][data-column="review-1"]').click();
  await expect(page).toHaveURL(/sq=review-1/);
  const detail = page.locator('.detail');
  await expect(detail.locator('h3')).toHaveText('港北区 振返1の評価の推移');
  await expect(detail.locator('tbody tr')).toHaveCount(7);
  await reloadApp(page);
  await expect(page.locator('select[name="year"]')).toHaveValue('2024');
  await expect(page.locator('.heatmap g.cell.selected')).toHaveAttribute('data-row', '港北区');
  await page.locator('select[name="ward-order"]').selectOption('score');
  await expect(page).toHaveURL(/order=score/);
});

test('ward vs center: a dumbbell per question, agreement and κ per ward, the largest gaps city-wide', async ({ page }) => {
  await open(page, '?view=raters');
  await expect(page.locator('select[name="focus-ward"]')).toHaveValue('鶴見区');
  await expect(page.locator('.dumbbell g.row')).toHaveCount(16);
  // The real 鶴見区 FY2025 report: 区 and 拠点 differ on 計画5, 実施4 and 実施5.
  await expect(page.locator('.dumbbell g.row.gap')).toHaveCount(3);
  await expect(page.locator('.view p.summary')).toContainText('16 設問中 3');
  await expect(page.locator('table.agreement tbody tr')).toHaveCount(18);
  await expect(page.locator('table.agreement tfoot th')).toHaveText('市全体');
  await expect(page.locator('ol.largest-gaps li').first()).toContainText(/区 [A-D] \/ 拠点 [A-D]/);
  await page.locator('select[name="focus-ward"]').selectOption('港南区');
  await expect(page).toHaveURL(/sw=%E6%B8%AF%E5%8D%97%E5%8C%BA/);
});

test('benchmark: rank among the wards as n/18, strengths, weaknesses and changes since last year', async ({ page }) => {
  await open(page, '?view=benchmark');
  await expect(page.locator('.benchmark g.row')).toHaveCount(16);
  const ranks = await page.locator('.benchmark text.rank').allTextContents();
  expect(ranks).toHaveLength(16);
  for (const rank of ranks) expect(rank).toMatch(/^\d+\/18$/);
  await expect(page.locator('.view .sample-legend')).toContainText('サンプル（架空）データです');
  const strength = page.locator('ul.strengths li').first();
  await expect(strength).toContainText('/18');
  // The question's wording stands on a line of its own, below its label and figures.
  const [figures, wording] = await Promise.all([strength.evaluate((li) => li.getClientRects()[0]!.top), strength.locator('.question').evaluate((el) => el.getBoundingClientRect().top)]);
  expect(wording).toBeGreaterThan(figures + 10);
  await expect(page.locator('table.changes tbody tr').first()).toContainText(/[↑↓]/);
});

test('filters and views live in the URL: back and forward walk through them', async ({ page }) => {
  await open(page);
  await page.getByRole('link', { name: '区×設問' }).click();
  await expect(page).toHaveURL(/view=heatmap/);
  const wardPicker = page.locator('.filters details').nth(1);
  await wardPicker.locator('summary').click();
  await wardPicker.getByRole('button', { name: 'なし' }).click();
  await expect(page).toHaveURL(/ward=(&|$)/);
  await page.locator('.filters input[name="ward"][value="中区"]').check();
  await expect(page).toHaveURL(/ward=%E4%B8%AD%E5%8C%BA/);
  await expect(page.locator('.heatmap text.row-label')).toHaveCount(1);
  await page.goBack();
  await expect(page.locator('.heatmap text.row-label')).toHaveCount(0);
  await page.goBack();
  await expect(page.locator('.heatmap text.row-label')).toHaveCount(18);
  await page.goBack();
  await expect(page.locator('h2#distribution-title')).toBeVisible();
  await page.goForward();
  await expect(page.locator('.heatmap')).toBeVisible();
});

test('a ward whose newest report is not in yet opens on its own latest year, not on an empty one', async ({ page }) => {
  await open(page, '?view=data');
  const newer = 'ward,fiscal_year,stage,question_no,rater,rating\n西区,2026,planning,1,ward,A\n西区,2026,planning,1,center,B\n';
  await page.locator('input[name="files"]').setInputFiles({ name: 'nishi_2026.csv', mimeType: 'text/csv', buffer: Buffer.from(newer) });
  await expect(page.locator('table.files tbody tr').filter({ hasText: 'nishi_2026.csv' })).toHaveCount(1);
  await openApp(page, '/?view=benchmark&sw=%E9%B6%B4%E8%A6%8B%E5%8C%BA');
  await expect(page.locator('select[name="year"]').first()).toHaveValue('2025');
  await expect(page.locator('.benchmark g.row')).toHaveCount(16);
  await openApp(page, '/?view=benchmark&sw=%E8%A5%BF%E5%8C%BA');
  await expect(page.locator('select[name="year"]').first()).toHaveValue('2026');
  await expect(page.locator('.benchmark g.row')).toHaveCount(1);
});

test('区 vs 拠点 and a center’s change from last year carry a verdict, its adjusted p and its pairs', async ({ page }) => {
  await openApp(page, '/?view=raters');
  const agreement = page.locator('table.agreement');
  await expect(agreement.locator('thead')).toContainText('判定');
  await expect(agreement.locator('tbody tr').first()).toContainText(/確かな差|誤差の範囲/);
  await expect(page.locator('.test-note')).toContainText('区と拠点の回答を対にした');
  await page.goto('/?view=benchmark&sw=港北区');
  await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 60_000 });
  const verdicts = page.locator('.paired-verdict');
  await expect(verdicts.filter({ hasText: '前年度からの平均点の変化' })).toContainText(/(確かな変化|誤差の範囲)\s*（補正後 p [=<] [\d.]+、差のある対 \d+、r = [−-]?[\d.]+）/);
  // The ward against the city: the mean difference over the questions and its own verdict.
  await expect(verdicts.filter({ hasText: '市の平均との差' })).toContainText(/: [+−±][\d.]+ — (確かな差|誤差の範囲)/);
  await expect(page.locator('.test-note').filter({ hasText: '偶然と区別できません' })).toBeVisible();
});

/** Counts the statements sent to DuckDB's worker that ask for the filters' years and wards. */
const countFilterOptionQueries = () => {
  const counted = { n: 0 };
  (window as unknown as { filterOptionQueries: typeof counted }).filterOptionQueries = counted;
  const Native = window.Worker;
  window.Worker = class extends Native {
    postMessage(message: unknown, transfer?: unknown) {
      const data = (message as { data?: unknown } | null)?.data;
      if (String(data).includes('AS "wardYears"')) counted.n++;
      super.postMessage(message, transfer as Transferable[]);
    }
  };
};
const filterOptionQueries = (page: Page) => page.evaluate(() => (window as unknown as { filterOptionQueries: { n: number } }).filterOptionQueries.n);
const chartsPainted = (page: Page) => page.waitForFunction(() => performance.getEntriesByName('app:charts-painted').length > 0, undefined, { timeout: 30_000 });

test('the years and wards the filters list are asked once for the filter bar and the view together, and not on pages that list none', async ({ page }) => {
  await page.addInitScript(countFilterOptionQueries);
  await open(page, '?view=benchmark');
  await expect(page.locator('.benchmark svg g.row').first()).toBeVisible();
  await chartsPainted(page);
  // The filter bar's years and the view's year choice, from one answer.
  await expect(page.locator('select[name="year"] option')).not.toHaveCount(0);
  await expect(page.locator('.filters input[name="fiscal-year"]')).not.toHaveCount(0);
  expect(await filterOptionQueries(page)).toBe(1);
  // Another view that lists them too asks nothing new; the data's version has not changed.
  await page.locator('nav.views').getByRole('link', { name: '区と拠点の比較' }).click();
  await expect(page.locator('select[name="year"] option')).not.toHaveCount(0);
  expect(await filterOptionQueries(page)).toBe(1);

  const sql = await page.context().newPage();
  await sql.addInitScript(countFilterOptionQueries);
  await openApp(sql, '/?view=sql');
  await expect(sql.locator('main details.table-schema').first()).toBeVisible();
  await chartsPainted(sql);
  expect(await filterOptionQueries(sql)).toBe(0);
});

import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dropHeldFiles, openApp, reloadApp, type HeldFiles } from './open-app.ts';

const root = new URL('../../', import.meta.url).pathname;

/** What the bundled data holds, according to the validate command (same ingest code, Node DuckDB). */
function bundledTotals(): { wards: string[]; ratings: number } {
  const files = readdirSync(`${root}data`).filter((f) => f.endsWith('.csv')).map((f) => `data/${f}`);
  const out = execFileSync('npx', ['tsx', 'scripts/validate.ts', '--json', ...files], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out).totals;
}


const chartRows = (page: Page) => page.locator('.diverging svg g.row');

test('opens in Japanese with a bar for every ward in the bundled data and a table under the chart', async ({ page }) => {
  const totals = bundledTotals();
  await openApp(page);
  await expect(page.locator('h1')).toHaveText('拠点ダッシュボード');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(chartRows(page)).toHaveCount(totals.wards.length);
  const labels = await chartRows(page).locator('text.label').allTextContents();
  expect(labels.map((label) => label.replace(/[＊※]$/, ''))).toEqual(totals.wards);
  for (const row of await chartRows(page).all()) {
    expect(await row.locator('rect.segment').evaluateAll((rects) => rects.map((r) => r.getAttribute('data-level')))).toEqual(['D', 'C', 'B', 'A']);
  }
  const tableCounts = await page.locator('.view table.data-table tbody tr td:nth-child(7)').allTextContents();
  expect(tableCounts.map(Number).reduce((a, b) => a + b, 0)).toBe(totals.ratings);
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
  expect(marks).toEqual(expect.arrayContaining(['app:first-chart', 'app:db-ready']));
});

test('the first chart is drawn before DuckDB has started, from the build’s snapshot, and matches the live one', async ({ page }) => {
  let releaseWasm!: () => void;
  const wasmHeld = new Promise<void>((resolve) => (releaseWasm = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await wasmHeld;
    await route.continue();
  });
  await page.goto('/');
  await expect(chartRows(page).first()).toBeVisible();
  await expect(page.locator('.snapshot-note')).toContainText('同梱データの集計を表示しています');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const early = await page.locator('.view table.data-table').textContent();
  expect(await page.evaluate(() => document.body.dataset.dbReady)).toBeUndefined();
  releaseWasm();
  await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 30_000 });
  await expect(page.locator('.snapshot-note')).toHaveCount(0);
  expect(await page.locator('.view table.data-table').textContent()).toBe(early);
});

test('switches to English and back, keeping the choice in the URL', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: '表示言語を英語に切り替える' }).click();
  await expect(page.locator('h2#distribution-title')).toHaveText('Rating distribution by ward (A–D)');
  await expect(page).toHaveURL(/lang=en/);
  await reloadApp(page);
  await expect(page.locator('h2#distribution-title')).toHaveText('Rating distribution by ward (A–D)');
  await expect(page.locator('.legend')).toContainText('A Very well');
  // The table under the chart names the wards as the chart does.
  await expect(chartRows(page).first().locator('text.label')).toHaveText('Tsurumi※');
  await expect(page.locator('.view table.data-table tbody tr').first().locator('th')).toHaveText('Tsurumi');
  await page.getByRole('button', { name: 'Switch the interface to Japanese' }).click();
  await expect(page.locator('.view table.data-table tbody tr').first().locator('th')).toHaveText('鶴見区');
  await expect(page.locator('h2#distribution-title')).toHaveText('区別の評価の分布（A〜D）');
  await expect(page).not.toHaveURL(/lang=en/);
});

test('filters narrow the chart and live in the URL', async ({ page }) => {
  await openApp(page);
  const tsurumiCount = page.locator('.view table.data-table tbody tr').first().locator('td:nth-child(7)');
  const yearPicker = page.locator('.filters details').first();
  await yearPicker.locator('summary').click();
  await yearPicker.getByRole('button', { name: 'なし' }).click();
  await yearPicker.locator('input[name="fiscal-year"][value="2025"]').check();
  await page.locator('select[name="rater"]').selectOption('ward');
  await expect(page).toHaveURL(/fy=2025/);
  await expect(page).toHaveURL(/rater=ward/);
  await expect(tsurumiCount).toHaveText('16');
  await reloadApp(page);
  await expect(page.locator('select[name="rater"]')).toHaveValue('ward');
  await expect(page.locator('.filters details').first().locator('summary')).toHaveText('年度: 1 件を選択');
  await expect(tsurumiCount).toHaveText('16');
});

test('sample data is marked plainly and hidden with one click; the choice is in the URL', async ({ page }) => {
  await openApp(page);
  const notice = page.locator('.sample-notice');
  await expect(notice).toContainText('サンプル（架空）のデータを含みます');
  await expect(chartRows(page)).toHaveCount(18);
  const nishi = chartRows(page).filter({ hasText: '西区' });
  await expect(nishi.locator('text.label')).toHaveText('西区＊');
  expect(await nishi.locator('title').first().textContent()).toContain('（サンプル）');
  await expect(page.locator('.view table.data-table tbody tr').filter({ hasText: '西区' }).locator('td.sample')).toHaveText('サンプル');
  // 鶴見区's FY2025 is the real report; its earlier years are sample: the chart marks it ※ and the table names the years.
  const tsurumi = chartRows(page).filter({ hasText: '鶴見区' });
  await expect(tsurumi.locator('text.label')).toHaveText('鶴見区※');
  expect(await tsurumi.locator('title').first().textContent()).toContain('（2019–2024年度はサンプル）');
  await expect(page.locator('.view table.data-table tbody tr').filter({ hasText: '鶴見区' }).locator('td').last()).toHaveText('一部サンプル（2019–2024年度）');
  await notice.getByRole('button', { name: 'サンプルを隠す' }).click();
  await expect(page).toHaveURL(/sample=hide/);
  await expect(chartRows(page)).toHaveCount(1);
  await expect(chartRows(page).locator('text.label')).toHaveText('鶴見区');
  await expect(page.locator('.view table.data-table tbody tr td').last()).toHaveText('実データ');
  await reloadApp(page);
  await expect(chartRows(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'サンプルを表示' }).click();
  await expect(chartRows(page)).toHaveCount(18);
});

test('a published report dropped as saved HTML is read as a report; a text that is not one is refused with the reason', async ({ page }) => {
  await openApp(page, '/?view=data');
  await page.locator('input[name="files"]').setInputFiles([`${root}tests/fixtures/report.html`, `${root}tests/fixtures/not_a_report.txt`, `${root}tests/fixtures/report_no_ratings.txt`]);
  const files = page.locator('section.report table.files tbody');
  const html = files.locator('tr').filter({ hasText: 'report.html' });
  await expect(html.locator('td')).toHaveText(['評価結果の報告書', 'UTF-8', '43', '0', '43', '0', '0', '0']);
  await expect(files.locator('tr.file-error')).toContainText('見出し行のある CSV でも、評価結果の報告書でもありません');
  await expect(files.locator('tr.missing-parts')).toContainText('報告書に見つからない部分: 協働のプロセスの評価: 事業計画段階');
});

test('a file with bad rows shows each rejected row with line, column, value and reason; the chart takes its good rows', async ({ page }) => {
  await openApp(page, '/?view=data');
  await page.locator('input[name="files"]').setInputFiles(`${root}tests/fixtures/bad_rows.csv`);
  const report = page.locator('section.report');
  await expect(report.locator('table.files tbody tr').first()).toContainText('bad_rows.csv');
  await expect(report.locator('table.files tbody tr').first().locator('td')).toHaveText(['評価（縦持ち）', 'UTF-8・コンマ', '6', '2', '0', '4', '0', '2']);
  const rejected = report.locator('table.rejected tbody tr');
  await expect(rejected).toHaveCount(4);
  await expect(rejected.nth(0).locator('td')).toHaveText(['bad_rows.csv', '3', 'ward', '鶴身区', '区が見つかりません。「鶴見区」のことですか？']);
  await expect(rejected.nth(1)).toContainText('事業計画段階の設問番号は 1〜6 です');
  await expect(rejected.nth(2)).toContainText('評価が読めません');
  await expect(rejected.nth(3)).toContainText('年度として読めません');
  // Its two good rows are real: they replace sample values, so 中区 is no longer all sample.
  await expect(report.locator('table.files tbody tr').first().locator('td').last()).toHaveText('2');
  await page.getByRole('link', { name: '評価の分布' }).click();
  await expect(page.locator('.view table.data-table tbody tr').filter({ hasText: '中区' }).locator('td').last()).toHaveText(/^一部サンプル（.*年度）$/);
  await expect(chartRows(page)).toHaveCount(18);
});

test('files as offices save them: each gets its counts, encoding and delimiter, its skipped title rows, and reasons a clerk can act on', async ({ page }) => {
  await openApp(page, '/?view=data');
  const hostile = (name: string) => `${root}tests/fixtures/hostile/${name}`;
  await page.locator('input[name="files"]').setInputFiles(
    ['stray_quote.csv', 'title_rows.csv', 'utf8_bad_byte.csv', 'utf16_excel_unicode.txt', 'short_wide_row.csv', 'registry_duplicate_name.csv'].map(hostile),
  );
  const files = page.locator('section.report table.files tbody');
  const row = (name: string) => files.locator('tr').filter({ has: page.getByRole('rowheader', { name }) });
  // The last column counts sample values the real rows replaced: the bundled sample covers these keys.
  await expect(row('stray_quote.csv').locator('td')).toHaveText(['記述', 'UTF-8・コンマ', '3', '2', '0', '1', '0', '2']);
  await expect(row('utf16_excel_unicode.txt').locator('td')).toHaveText(['評価（縦持ち）', 'UTF-16・タブ', '2', '2', '0', '0', '0', '2']);
  await expect(row('utf8_bad_byte.csv').locator('td')).toHaveText(['評価（縦持ち）', 'UTF-8・コンマ', '3', '2', '0', '1', '0', '2']);
  await expect(row('short_wide_row.csv').locator('td').nth(5)).toHaveText('2');
  await expect(row('registry_duplicate_name.csv').locator('td')).toHaveText(['区の一覧', 'UTF-8・コンマ', '3', '0', '0', '3', '0', '0']);
  await expect(files.locator('tr.file-error')).toHaveText(
    'ファイル全体を読み込めませんでした: 区の一覧に同じ区名「鶴見区」が 2 回あります（2、4 行目）。一覧は読み込みませんでした',
  );
  await expect(files.locator('tr.skipped-line')).toHaveText([
    '見出しより上の行（データとして読まずに飛ばしました）: 1 — 令和6年度 協働の評価 集計表',
    '見出しより上の行（データとして読まずに飛ばしました）: 2 — 作成: 西区こども家庭支援課,,',
  ]);
  const rejected = page.locator('table.rejected tbody tr');
  await expect(rejected.filter({ hasText: 'stray_quote.csv' }).locator('td')).toHaveText([
    'stray_quote.csv', '2', 'text', '西区,2024,action,1,"5"回のパパ講座を実施した',
    '引用符 " の位置が正しくありません。値に " を含めるときは値全体を "…" で囲み、中の " は "" と二重にしてください',
  ]);
  await expect(rejected.filter({ hasText: 'utf8_bad_byte.csv' }).locator('td').nth(4)).toHaveText(
    'この行には UTF-8 として読めないバイトがあります（文字化けを避けるため読み込みません）。ファイルを UTF-8 で保存し直してください',
  );
  await expect(rejected.filter({ hasText: 'short_wide_row.csv' })).toHaveCount(2);
  const summary = page.locator('table.rejected-summary tbody tr');
  await expect(summary.filter({ hasText: 'short_wide_row.csv' }).locator('td')).toHaveText([
    'short_wide_row.csv', '（行全体）', '列が足りません（見出しは 7 列、この行は 6 列）。途中で切れた行か、区切りが抜けています', '2', '3',
  ]);
  await expect(page.locator('.progress')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/load-report-hostile.png', fullPage: true });
});

test('conflicting files list both values, files and lines until dismissed', async ({ page }) => {
  await openApp(page, '/?view=data');
  await page.locator('input[name="files"]').setInputFiles([`${root}tests/fixtures/conflict_a.csv`, `${root}tests/fixtures/conflict_b.csv`]);
  const conflict = page.locator('table.conflicts tbody tr');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('西区 令和6年度（2024年度） 振り返り段階 1 区');
  await expect(conflict).toContainText('A (conflict_a.csv:2) → C (conflict_b.csv:2)');
  await conflict.getByRole('button', { name: '確認済みにする' }).click();
  await expect(page.locator('table.conflicts')).toHaveCount(0);
});

test('a file conflicting with the bundled data names the bundled file and line, as the build read it', async ({ page }) => {
  await openApp(page, '/?view=data');
  await page.locator('input[name="files"]').setInputFiles([
    { name: 'late.csv', mimeType: 'text/csv', buffer: Buffer.from('ward,fiscal_year,stage,question_no,rater,rating\n鶴見区,2025,planning,1,ward,D\n') },
  ]);
  const conflict = page.locator('table.conflicts tbody tr');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('A (real_tsurumi_2025_ratings.csv:2) → D (late.csv:2)');
});

test('a large load dropped on the page shows progress, can be cancelled, and leaves the data unchanged', async ({ page }) => {
  await openApp(page);
  const before = await page.locator('.view table.data-table tbody').textContent();
  await page.getByRole('link', { name: 'データの読み込み' }).click();
  // Two million rows take seconds to read in the worker; the cancel is pressed as soon as the progress shows.
  await page.evaluate(() => {
    const rows = ['ward,fiscal_year,stage,question_no,rater,rating'];
    for (let i = 0; i < 2_000_000; i++) rows.push(`西区,${2000 + (i % 20)},implementation,${(i % 7) + 1},center,${'ABCD'[i % 4]}`);
    (window as unknown as HeldFiles).heldFiles = { big: new File([rows.join('\n')], 'big.csv', { type: 'text/csv' }) };
  });
  // The view's code may still be on its way: a user drops a file on the zone they see.
  await dropHeldFiles(page, ['big']);
  const progress = page.locator('.progress progress');
  await expect(progress).toBeVisible();
  await expect(page.locator('.progress')).toContainText('big.csv');
  await page.getByRole('button', { name: '中止' }).click();
  await expect(page.locator('.notice')).toHaveText('読み込みを中止しました。中止までに読み終えたファイルは反映されています。');
  await expect(progress).toHaveCount(0);
  await page.getByRole('link', { name: '評価の分布' }).click();
  await expect(chartRows(page)).toHaveCount(18);
  expect(await page.locator('.view table.data-table tbody').textContent()).toBe(before);
});

test('no request leaves the page’s own origin: loading, every view, SQL, exports, reload, clear', async ({ page, context, baseURL }) => {
  const foreign: string[] = [];
  // The context sees the page's requests and its workers' (DuckDB, ingest, service worker).
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseURL!) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  await openApp(page, '/?view=data');
  await page.locator('input[name="files"]').setInputFiles(`${root}tests/fixtures/bad_rows.csv`);
  await expect(page.locator('table.rejected tbody tr')).toHaveCount(4);
  for (const view of ['評価の分布', '区×設問', '区と拠点の比較', '拠点のベンチマーク', '経年変化', '記述のテーマ', '区の報告書']) {
    await page.getByRole('link', { name: view }).click();
    await expect(page.locator(':is(.view, .ward-report) svg').first()).toBeVisible();
  }
  await page.getByRole('link', { name: 'SQL' }).click();
  await page.locator('textarea[name="sql"]').fill('SELECT ward, count(*) AS n FROM ratings GROUP BY ward');
  await page.getByRole('button', { name: '実行（Ctrl+Enter）' }).click();
  await expect(page.locator('table.result tbody tr')).toHaveCount(18);
  for (const format of ['CSV に書き出す（Excel 用）', 'Parquet に書き出す（分析用）']) {
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: format }).click()]);
  }
  await page.getByRole('link', { name: '経年変化' }).click();
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG で保存' }).click()]);
  await reloadApp(page);
  await page.goto('/?view=data');
  await page.getByRole('button', { name: 'この端末に保存したデータを消す' }).click();
  await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 30_000 });
  expect(foreign).toEqual([]);
});

test('the data page names the files the figures come from: the bundled ones, then a loaded file with the rows it replaced counted for it', async ({ page }) => {
  await openApp(page, '/?view=data');
  const section = page.locator('section.loaded-data');
  const rows = section.locator('table.loaded-files tbody tr');
  await expect(rows).toHaveCount(6);
  const number = (text: string | null) => Number(text!.replace(/,/g, ''));
  const ratingsOf = async (file: string) => number(await rows.filter({ hasText: file }).locator('td').nth(2).textContent());
  const ratingsTotal = async () => number((await section.locator('.loaded-totals').textContent())!.match(/評価 ([\d,]+) 件/)![1]);
  // The totals are the validate command's for the bundled CSVs, and the files' rows add up to them.
  expect(await ratingsTotal()).toBe(bundledTotals().ratings);
  const sum = async () => (await rows.locator('td:nth-child(4)').allTextContents()).reduce((n, text) => n + number(text), 0);
  expect(await sum()).toBe(await ratingsTotal());
  await expect(rows.filter({ hasText: 'sample_ratings.csv' })).toContainText('同梱データ');
  const sampleBefore = await ratingsOf('sample_ratings.csv');
  const totalBefore = await ratingsTotal();
  // Two bundled (sample) ratings replaced, one new year added.
  const csv = 'ward,fiscal_year,stage,question_no,rater,rating\n西区,2025,1,1,区,D\n西区,2025,1,1,拠点,D\n西区,2026,1,1,区,A\n';
  await page.locator('input[name="files"]').setInputFiles({ name: 'nishi_fix.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(rows).toHaveCount(7);
  const loaded = rows.filter({ hasText: 'nishi_fix.csv' });
  await expect(loaded).toContainText('この端末で読み込み');
  await expect(loaded.locator('td').nth(2)).toHaveText('3');
  await expect(loaded).toContainText('令和7〜8年度（2025〜2026年度）');
  await expect(loaded).toContainText('実データ');
  expect(await ratingsOf('sample_ratings.csv')).toBe(sampleBefore - 2);
  expect(await ratingsTotal()).toBe(totalBefore + 1);
  expect(await sum()).toBe(await ratingsTotal());
  // Coverage by ward and year: the new year is a column, where 西区 has one rating and no items (short)
  // and the other wards nothing; 鶴見区's FY2025 items are the real report's, as the file list says.
  const coverage = section.locator('table.coverage');
  await expect(coverage.locator('tbody tr')).toHaveCount(18);
  await expect(coverage.locator('thead th').last()).toHaveText('令和8年度');
  const lastCell = (ward: string) => coverage.locator('tbody tr').filter({ hasText: ward }).locator('td').last();
  await expect(lastCell('西区')).toHaveText('1 / 0');
  await expect(lastCell('西区')).toHaveClass(/short/);
  await expect(lastCell('鶴見区')).toHaveText('–');
  await expect(coverage.locator('td.short')).toHaveCount(1);
  const tsurumi2025 = coverage.locator('tbody tr').filter({ hasText: '鶴見区' }).locator('td').nth(-2);
  const realItems = await rows.filter({ hasText: 'real_tsurumi_2025_narratives.csv' }).locator('td').nth(3).textContent();
  await expect(tsurumi2025).toHaveText(`48 / ${realItems}`);
});

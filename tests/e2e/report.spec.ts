import { expect, test } from '@playwright/test';
import { openApp } from './open-app.ts';

test('the ward report prints as a clean page: content kept, controls hidden', async ({ page }) => {
  await openApp(page, '/?view=report&sw=%E9%B6%B4%E8%A6%8B%E5%8C%BA&y=2025');
  const report = page.locator('article.ward-report');
  await expect(report.locator('h2')).toHaveText('鶴見区 令和7年度（2025年度） 協働評価レポート');
  await expect(report.locator('.benchmark g.row')).toHaveCount(16);
  await expect(report.locator('.dumbbell g.row')).toHaveCount(16);
  await expect(report.locator('.trajectories g.panel')).toHaveCount(1);
  await expect(report.locator('.report-footer')).toContainText('出典');
  // The ward's own FY2025 is real (the seed); the wards it is compared with and its earlier years are sample.
  await expect(report.locator('.sample-flag')).toHaveText(
    '鶴見区 令和7年度（2025年度）の評価は実データです。比較した区のうち 17 区の値はサンプルです。推移のうち 2019–2024年度はサンプルです。',
  );
  // The themes' after-lives name their years as the app's other year labels do.
  const afterLives = report.locator('section.report-part ul + ul li');
  await expect(afterLives.first()).toHaveText(/^2 年以上続き効果に現れていない課題: .+ — 令和(元|\d+)(〜(元|\d+))?年度（\d{4}〜\d{4}年度）$/);
  await expect(afterLives.filter({ hasText: '翌年度に効果として現れた課題' }).first()).toHaveText(/ — 令和(元|\d+)年度 → 令和\d+年度（\d{4} → \d{4}年度）$/);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('nav.views')).toBeHidden();
  await expect(page.getByRole('button', { name: '印刷する' })).toBeHidden();
  await expect(page.locator('select[name="focus-ward"]')).toBeHidden();
  await expect(report).toBeVisible();
  await page.screenshot({ path: 'test-results/ward-report-print.png', fullPage: true });
  const pdf = (await page.pdf({ format: 'A4', path: 'test-results/ward-report.pdf' })).toString('latin1');
  const pages = pdf.match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
  expect(pages.length, 'the report fits one or two A4 pages').toBeGreaterThanOrEqual(1);
  expect(pages.length, 'the report fits one or two A4 pages').toBeLessThanOrEqual(2);
});

test('every ward’s report prints on two A4 pages, in English too: the map’s column no wider than the map, the trend low enough', async ({ page }) => {
  // The map's long English heading set its column at 440 px and the themes beside it ran on; a ward
  // with many themes' after-lives pushed the footer alone onto a third page. These were the longest.
  for (const [lang, ward] of [['en', '鶴見区'], ['en', '旭区'], ['ja', '金沢区'], ['ja', '緑区']]) {
    await openApp(page, `/?view=report&sw=${encodeURIComponent(ward)}&y=2025&lang=${lang}`);
    await expect(page.locator('article.ward-report .trajectories g.panel')).toHaveCount(1);
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect((pdf.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length, `${lang} ${ward}`).toBe(2);
  }
  await page.emulateMedia({ media: 'print' });
  const column = await page.locator('.report-columns > section').first().evaluate((e) => e.getBoundingClientRect().width);
  expect(column).toBeLessThanOrEqual(280);
});

import { expect, test, type Page } from '@playwright/test';

const root = new URL('../../', import.meta.url).pathname;

async function open(page: Page, search = '') {
  await page.goto(`/${search}`);
  await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 30_000 });
}

test('files a user loaded are still there after a reload, report included; "clear my data" removes them', async ({ page }) => {
  await open(page, '?view=data');
  await page.locator('input[name="files"]').setInputFiles([`${root}tests/fixtures/bad_rows.csv`, `${root}tests/fixtures/report.html`]);
  const files = page.locator('table.files tbody tr:not(.file-error):not(.missing-parts)');
  await expect(files.filter({ hasText: 'report.html' })).toHaveCount(1);
  await expect(page.locator('table.rejected tbody tr')).toHaveCount(4);
  await page.reload();
  await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 30_000 });
  await expect(files.filter({ hasText: 'bad_rows.csv' })).toHaveCount(1);
  await expect(files.filter({ hasText: 'report.html' })).toHaveCount(1);
  await expect(page.locator('table.rejected tbody tr')).toHaveCount(4);
  await page.getByRole('button', { name: 'この端末に保存したデータを消す' }).click();
  await expect(page).toHaveURL(/\/$/);
  await open(page, '?view=data');
  await expect(page.locator('table.files')).toHaveCount(0);
  await expect(page.locator('section.report')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 30_000 });
  await expect(page.locator('section.report')).toHaveCount(0);
});

test('settings are kept for the next plain visit; a link still opens what it names; "clear my data" forgets them', async ({ page }) => {
  await open(page, '?view=heatmap');
  await page.getByRole('button', { name: '表示言語を英語に切り替える' }).click();
  await page.locator('select[name="ward-order"]').selectOption('score');
  await expect(page).toHaveURL(/order=score/);
  await open(page);
  await expect(page).toHaveURL(/view=heatmap/);
  await expect(page).toHaveURL(/lang=en/);
  await expect(page.locator('h2#heatmap-title')).toHaveText('Wards × questions (mean score: A=4 … D=1)');
  await expect(page.locator('select[name="ward-order"]')).toHaveValue('score');
  await open(page, '?view=trends');
  await expect(page.locator('h2#trends-title')).toContainText('区ごと');
  await page.goto('/?view=data');
  await page.getByRole('button', { name: 'この端末に保存したデータを消す' }).click();
  await expect(page).toHaveURL(/\/$/);
  await open(page);
  await expect(page.locator('h2#distribution-title')).toHaveText('区別の評価の分布（A〜D）');
});

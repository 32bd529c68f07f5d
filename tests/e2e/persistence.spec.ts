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
  await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 30_000 });
  await expect(page.locator('section.report')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 30_000 });
  await expect(page.locator('section.report')).toHaveCount(0);
});

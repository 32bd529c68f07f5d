import { readFileSync } from 'node:fs';
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

test('a reload in the middle of a load keeps every file that had finished loading', async ({ page }) => {
  await open(page, '?view=data');
  const small = readFileSync(`${root}tests/fixtures/bad_rows.csv`, 'utf8');
  await page.evaluate((smallText) => {
    const rows = ['ward,fiscal_year,stage,question_no,rater,rating'];
    for (let i = 0; i < 400_000; i++) rows.push(`西区,${2000 + (i % 20)},implementation,${(i % 7) + 1},center,${'ABCD'[i % 4]}`);
    const transfer = new DataTransfer();
    transfer.items.add(new File([smallText], 'bad_rows.csv', { type: 'text/csv' }));
    transfer.items.add(new File([rows.join('\n')], 'big.csv', { type: 'text/csv' }));
    document.querySelector('.dropzone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, small);
  // Reload once the first file is saved in this browser while the second is still being read.
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const request = indexedDB.open('kyoten-dashboard');
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('files')) return resolve(false);
          const count = db.transaction('files').objectStore('files').count();
          count.onsuccess = () => resolve(count.result === 1);
        };
        request.onerror = () => resolve(false);
      }),
  );
  await expect(page.locator('.progress')).toContainText('big.csv');
  await page.reload();
  await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 30_000 });
  const files = page.locator('table.files tbody tr:not(.file-error):not(.missing-parts)');
  await expect(files.filter({ hasText: 'bad_rows.csv' })).toHaveCount(1);
  await expect(files.filter({ hasText: 'big.csv' })).toHaveCount(0);
  await expect(page.locator('table.rejected tbody tr')).toHaveCount(4);
  await page.getByRole('button', { name: 'この端末に保存したデータを消す' }).click();
  await expect(page).toHaveURL(/\/$/);
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

import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dropHeldFiles, openApp, reloadApp, type HeldFiles } from './open-app.ts';

const root = new URL('../../', import.meta.url).pathname;

const open = (page: Page, search = '') => openApp(page, `/${search}`);

test('files a user loaded are still there after a reload, report included; "clear my data" removes them', async ({ page }) => {
  await open(page, '?view=data');
  await page.locator('input[name="files"]').setInputFiles([`${root}tests/fixtures/bad_rows.csv`, `${root}tests/fixtures/report.html`]);
  const files = page.locator('table.files tbody tr:not(.file-error):not(.missing-parts)');
  await expect(files.filter({ hasText: 'report.html' })).toHaveCount(1);
  await expect(page.locator('table.rejected tbody tr')).toHaveCount(4);
  await reloadApp(page);
  await expect(files.filter({ hasText: 'bad_rows.csv' })).toHaveCount(1);
  await expect(files.filter({ hasText: 'report.html' })).toHaveCount(1);
  await expect(page.locator('table.rejected tbody tr')).toHaveCount(4);
  await page.getByRole('button', { name: 'この端末に保存したデータを消す' }).click();
  await expect(page).toHaveURL(/\/$/);
  await open(page, '?view=data');
  await expect(page.locator('table.files')).toHaveCount(0);
  await expect(page.locator('section.report')).toHaveCount(0);
  await reloadApp(page);
  await expect(page.locator('section.report')).toHaveCount(0);
});

test('a reload in the middle of a load keeps every file that had finished loading', async ({ page }) => {
  await open(page, '?view=data');
  const small = readFileSync(`${root}tests/fixtures/bad_rows.csv`, 'utf8');
  await page.evaluate((smallText) => {
    const rows = ['ward,fiscal_year,stage,question_no,rater,rating'];
    for (let i = 0; i < 400_000; i++) rows.push(`西区,${2000 + (i % 20)},implementation,${(i % 7) + 1},center,${'ABCD'[i % 4]}`);
    (window as unknown as HeldFiles).heldFiles = {
      small: new File([smallText], 'bad_rows.csv', { type: 'text/csv' }),
      big: new File([rows.join('\n')], 'big.csv', { type: 'text/csv' }),
    };
  }, small);
  await dropHeldFiles(page, ['small', 'big']);
  // Reload once the first file is saved in this browser while the second is still being read.
  // (Polled with evaluate, which awaits the count; waitForFunction would take the pending promise as truthy.)
  const savedFiles = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const request = indexedDB.open('kyoten-dashboard');
          request.onsuccess = () => {
            const db = request.result;
            if (!db.objectStoreNames.contains('files')) {
              db.close();
              return resolve(0);
            }
            const count = db.transaction('files').objectStore('files').count();
            count.onsuccess = () => {
              db.close();
              resolve(count.result);
            };
          };
          request.onerror = () => resolve(0);
        }),
    );
  // Polled often: the window between the two files being saved can be under a second.
  await expect.poll(savedFiles, { timeout: 30_000, intervals: [50] }).toBe(1);
  await expect(page.locator('.progress')).toContainText('big.csv');
  await reloadApp(page);
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

test('files re-read on the next visit keep their order, so the same value wins a conflict; a dismissed conflict stays dismissed', async ({ page }) => {
  await open(page, '?view=data');
  await page.locator('input[name="files"]').setInputFiles([`${root}tests/fixtures/conflict_a.csv`, `${root}tests/fixtures/conflict_b.csv`]);
  const conflicts = page.locator('table.conflicts tbody tr');
  await expect(conflicts).toHaveCount(1);
  await expect(conflicts).toContainText('A (conflict_a.csv:2) → C (conflict_b.csv:2)');
  await reloadApp(page);
  await expect(conflicts).toContainText('A (conflict_a.csv:2) → C (conflict_b.csv:2)');
  await conflicts.getByRole('button', { name: '確認済みにする' }).click();
  await expect(page.locator('table.conflicts')).toHaveCount(0);
  await reloadApp(page);
  await expect(page.locator('table.files tbody').getByRole('rowheader', { name: 'conflict_b.csv' })).toBeVisible();
  await expect(page.locator('table.conflicts')).toHaveCount(0);
  // The later file's value is in force: 西区 FY2024 振り返り 1 (区) reads C in the SQL console.
  await open(page, `?view=sql&q=${encodeURIComponent("SELECT rating FROM ratings WHERE ward = '西区' AND fiscal_year = 2024 AND stage = 'review' AND question_no = 1 AND rater = 'ward'")}`);
  await page.getByRole('button', { name: '実行（Ctrl+Enter）' }).click();
  await expect(page.locator('table.result tbody td')).toHaveText(['C']);
});

test('one saved file can be removed: the tables are made again from the files left, and a row it replaced gets its earlier value back', async ({ page }) => {
  await open(page, '?view=data');
  await page.locator('input[name="files"]').setInputFiles([`${root}tests/fixtures/conflict_a.csv`, `${root}tests/fixtures/conflict_b.csv`]);
  await expect(page.locator('table.conflicts tbody tr')).toContainText('A (conflict_a.csv:2) → C (conflict_b.csv:2)');
  const saved = page.locator('details.saved-files');
  await saved.locator('summary').click();
  await expect(saved.locator('summary')).toHaveText('この端末に保存したファイル (2)');
  await expect(saved.locator('li .file-name')).toHaveText(['conflict_a.csv', 'conflict_b.csv']);
  await expect(saved.locator('li .note').first()).toHaveText(`${readFileSync(`${root}tests/fixtures/conflict_a.csv`).length} B`);
  // The page reloads, and starts again from the files left.
  await Promise.all([page.waitForEvent('load'), saved.getByRole('button', { name: '外す: conflict_b.csv' }).click()]);
  await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 60_000 });
  const files = page.locator('table.files tbody');
  await expect(files.getByRole('rowheader', { name: 'conflict_a.csv' })).toBeVisible();
  await expect(files.getByRole('rowheader', { name: 'conflict_b.csv' })).toHaveCount(0);
  await expect(page.locator('table.conflicts')).toHaveCount(0);
  await expect(saved.locator('summary')).toHaveText('この端末に保存したファイル (1)');
  await open(page, `?view=sql&q=${encodeURIComponent("SELECT rating FROM ratings WHERE ward = '西区' AND fiscal_year = 2024 AND stage = 'review' AND question_no = 1 AND rater = 'ward'")}`);
  await page.getByRole('button', { name: '実行（Ctrl+Enter）' }).click();
  await expect(page.locator('table.result tbody td')).toHaveText(['A']);
  // The last one removed, nothing is kept: the next visit shows the build's figures at once again.
  await open(page, '?view=data');
  await saved.locator('summary').click();
  await Promise.all([page.waitForEvent('load'), saved.getByRole('button', { name: '外す: conflict_a.csv' }).click()]);
  await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 60_000 });
  await expect(page.locator('table.files tbody').getByRole('rowheader', { name: 'conflict_a.csv' })).toHaveCount(0);
  await expect(saved).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('kyoten-dashboard:saved-files'))).toBeNull();
});

test('a browser that refuses storage still loads the files, and says they will not be kept', async ({ page }) => {
  await page.addInitScript(() => {
    indexedDB.open = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await open(page, '?view=data');
  await page.locator('input[name="files"]').setInputFiles(`${root}tests/fixtures/conflict_a.csv`);
  await expect(page.locator('table.files tbody').getByRole('rowheader', { name: 'conflict_a.csv' })).toBeVisible();
  await expect(page.locator('.load p.error[role="alert"]')).toContainText('この端末への保存か読み出しができませんでした');
  await expect(page.locator('.load p.error[role="alert"]')).toContainText('QuotaExceededError');
});

test('a corrupt saved dictionary falls back to the default, with a message', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('kyoten-dashboard:theme-dictionary', '{"broken": '));
  await open(page, '?view=themes');
  await expect(page.locator('details.dictionary p.error[role="alert"]')).toHaveText(
    'この端末に保存されていたテーマ辞書が壊れていて読めなかったため、標準の辞書を使っています',
  );
  await expect(page.locator('table.theme-table tbody tr')).toHaveCount(14);
});

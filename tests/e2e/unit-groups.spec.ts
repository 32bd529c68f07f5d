import { expect, test } from '@playwright/test';
import { openApp } from './open-app.ts';

test('a registry of several cities lists the units of the single-unit pickers under their city', async ({ page }) => {
  await openApp(page, '/?view=data');
  const registry = ['code,name,name_en,city', '011002,札幌市,Sapporo,北海道', '012025,函館市,Hakodate,北海道', '022012,青森市,Aomori,青森県'].join('\n');
  const ratings = ['ward,fiscal_year,stage,question_no,rater,rating', '札幌市,2024,planning,1,ward,A', '函館市,2024,planning,1,ward,B', '青森市,2024,planning,1,ward,C'].join('\n');
  await page.locator('input[name="files"]').setInputFiles({ name: 'registry.csv', mimeType: 'text/csv', buffer: Buffer.from(registry) });
  await expect(page.getByRole('row').filter({ hasText: 'registry.csv' }).first()).toBeVisible();
  await page.locator('input[name="files"]').setInputFiles({ name: 'ratings.csv', mimeType: 'text/csv', buffer: Buffer.from(ratings) });
  await expect(page.getByRole('row').filter({ hasText: 'ratings.csv' }).first()).toBeVisible();
  await page.getByRole('link', { name: '拠点のベンチマーク' }).click();
  const picker = page.locator('select[name="focus-ward"]');
  await expect(picker.locator('optgroup')).toHaveCount(2);
  expect(await picker.locator('optgroup').evaluateAll((groups) => groups.map((g) => [(g as HTMLOptGroupElement).label, [...g.querySelectorAll('option')].map((o) => o.value)]))).toEqual([
    ['北海道', ['札幌市', '函館市']],
    ['青森県', ['青森市']],
  ]);
});

test('Yokohama’s wards, one city, stay a flat list', async ({ page }) => {
  await openApp(page, '/?view=benchmark');
  const picker = page.locator('select[name="focus-ward"]');
  await expect(picker.locator('option')).toHaveCount(18);
  await expect(picker.locator('optgroup')).toHaveCount(0);
});

test('past forty units the ward filter searches names, romaji and kana readings', async ({ page }) => {
  await openApp(page, '/?view=data');
  const units = [
    ...Array.from({ length: 42 }, (_, i) => [`${91001 + i}`, `町${i + 1}`, `Town ${i + 1}`]),
    ['91100', '港北町', 'Kohoku'],
    ['91101', '港南町', 'Konan'],
  ];
  const registry = ['code,name,name_en,city', ...units.map(([code, name, nameEn]) => `${code},${name},${nameEn},テスト県`)].join('\n');
  const ratings = ['ward,fiscal_year,stage,question_no,rater,rating', ...units.map(([, name]) => `${name},2024,planning,1,ward,A`)].join('\n');
  await page.locator('input[name="files"]').setInputFiles({ name: 'registry.csv', mimeType: 'text/csv', buffer: Buffer.from(registry) });
  await expect(page.getByRole('row').filter({ hasText: 'registry.csv' }).first()).toBeVisible();
  await page.locator('input[name="files"]').setInputFiles({ name: 'ratings.csv', mimeType: 'text/csv', buffer: Buffer.from(ratings) });
  await expect(page.getByRole('row').filter({ hasText: 'ratings.csv' }).first()).toBeVisible();
  await page.getByRole('link', { name: '評価の分布' }).click();
  const wards = page.locator('details.multi').filter({ has: page.locator('input[name="ward-search"]') });
  await wards.locator('summary').click();
  const search = wards.locator('input[name="ward-search"]');
  const listed = () => wards.locator('input[name="ward"]').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
  await search.fill('コウホク');
  await expect.poll(listed).toEqual(['港北町']);
  await search.fill('town 4');
  await expect.poll(listed).toEqual(['町4', '町40', '町41', '町42']);
  await search.fill('南町');
  await expect.poll(listed).toEqual(['港南町']);
  await search.fill('こう');
  await expect.poll(listed).toEqual(['港北町', '港南町']);
  await wards.getByRole('button', { name: '該当を選択 (2)' }).click();
  await expect(wards.locator('summary')).toHaveText('区: 2 件を選択');
});

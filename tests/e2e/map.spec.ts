import { expect, test } from '@playwright/test';
import { openApp } from './open-app.ts';

test('the ward map colours every ward by the chosen measure, selects a ward by its tile, and has its table', async ({ page }) => {
  await openApp(page, '/?view=map');
  const tiles = page.locator('figure.tile-map g.tile');
  await expect(tiles).toHaveCount(18);
  // The table alternative lists the same wards and values as the tiles.
  const table = page.locator('table').filter({ hasText: 'A+B の割合' });
  await expect(table.locator('tbody tr')).toHaveCount(18);
  const tsurumiTile = page.locator('g.tile[data-ward="鶴見区"]');
  const tileValue = (await tsurumiTile.locator('tspan.value').textContent())!.replace(/[＊※]/g, '');
  await expect(table.locator('tbody tr').filter({ hasText: '鶴見区' })).toContainText(tileValue);
  // A click on a tile selects the ward (URL, pressed state, the filter bar's chip); a second click clears it.
  await page.locator('g.tile[data-ward="港北区"]').click();
  await expect(page).toHaveURL(/sw=%E6%B8%AF%E5%8C%97%E5%8C%BA/);
  await expect(page.locator('g.tile[data-ward="港北区"]')).toHaveAttribute('aria-pressed', 'true');
  await page.locator('g.tile[data-ward="港北区"]').press('Enter');
  await expect(page.locator('g.tile[data-ward="港北区"]')).toHaveAttribute('aria-pressed', 'false');
  // Another measure: the legend and the table say which, and the change names its two years.
  await page.locator('select[name="measure"]').selectOption('change');
  await expect(page).toHaveURL(/mm=change/);
  await expect(page.locator('figure.tile-map .legend')).toContainText('前年度からの平均点の変化（点） · 令和6年度 → 令和7年度');
  await expect(page.locator('table').filter({ hasText: '前年度からの平均点の変化' }).locator('tbody tr')).toHaveCount(18);
  // A theme's item count offers the dictionary's themes.
  await page.locator('select[name="measure"]').selectOption('themeItems');
  await page.locator('select[name="theme"]').selectOption('father');
  await expect(page.locator('figure.tile-map .legend')).toContainText('父親支援');
  await expect(page.getByRole('button', { name: 'SVG で保存' })).toBeVisible();
});

test('the ward report shows the map with its own ward outlined', async ({ page }) => {
  await openApp(page, '/?view=report&sw=港北区');
  await expect(page.locator('article.ward-report g.tile.outlined')).toHaveAttribute('data-ward', '港北区');
  await expect(page.locator('article.ward-report g.tile')).toHaveCount(18);
  // Its change from the year before carries the same verdict as elsewhere.
  await expect(page.locator('article.ward-report .paired-verdict')).toContainText(/確かな変化|誤差の範囲/);
});

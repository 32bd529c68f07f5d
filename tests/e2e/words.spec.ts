import { expect, test } from '@playwright/test';
import { openApp } from './open-app.ts';

test('the co-occurrence network: N links as chosen, the same picture on reload, a word lists its items', async ({ page }) => {
  await openApp(page, '/?view=words');
  const lines = page.locator('figure.network .links line');
  await expect(lines).toHaveCount(60);
  const nodes = page.locator('figure.network g.node');
  await expect(nodes.nth(10)).toBeAttached();
  const first = await nodes.first().getAttribute('transform');
  await page.reload();
  await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 60_000 });
  await expect(page.locator('figure.network g.node').first()).toHaveAttribute('transform', first!);
  // The links table lists the same links.
  await expect(page.getByRole('region', { name: '共起の一覧' }).locator('table').filter({ hasText: 'Jaccard' }).locator('tbody tr')).toHaveCount(60);
  await page.locator('select[name="edges"]').selectOption('30');
  await expect(lines).toHaveCount(30);
  await expect(page).toHaveURL(/ne=30/);
  // A word: its items, the word marked in each.
  const word = (await page.locator('figure.network g.node').first().getAttribute('data-word'))!;
  await page.locator('figure.network g.node').first().click();
  await expect(page).toHaveURL(/wd=/);
  const items = page.locator('.kwic li');
  await expect(items.first()).toBeVisible();
  await expect(items.first().locator('mark').first()).toHaveText(word);
});

test('the correspondence analysis: wards and words on two dimensions with their share of inertia, themes too', async ({ page }) => {
  await openApp(page, '/?view=words');
  const biplot = page.locator('figure.biplot');
  await expect(biplot.locator('g.column-point')).toHaveCount(18);
  await expect(biplot.locator('g.row-point')).toHaveCount(40);
  await expect(biplot.locator('.axis-label').first()).toContainText(/第1次元（慣性 [\d.]+、[\d.]+%）/);
  await page.locator('select[name="ca"]').selectOption('themes');
  await expect(page).toHaveURL(/ca=themes/);
  await expect(biplot.locator('g.row-point')).not.toHaveCount(0);
  await expect(biplot.locator('g.row-point').filter({ hasText: '父親支援' })).toHaveCount(1);
  await expect(page.getByRole('region', { name: '対応分析の座標' }).locator('table').filter({ hasText: '次元 1' }).locator('tbody tr').filter({ hasText: '鶴見区' })).toHaveCount(1);
});

test('on a phone the co-occurrence network keeps its desktop width and scrolls sideways in its figure, not the page, saying so', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await openApp(page, '/?view=words');
  const figure = page.locator('figure.network');
  await expect(figure.locator('g.node').nth(10)).toBeAttached();
  await expect(figure.locator('svg')).toHaveAttribute('width', '640');
  expect(await figure.evaluate((f) => f.scrollWidth > f.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(page.locator('.scroll-hint')).toHaveText('→ 図は横にスクロールできます。右側に続きがあります。');
  await page.screenshot({ path: 'test-results/words-phone.png' });
});

import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

async function open(page: Page, search = '') {
  await page.goto(`/${search}`);
  await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 30_000 });
}

test('a chart saved as SVG carries its title, the data source and its Japanese labels', async ({ page }) => {
  await open(page);
  await expect(page.locator('.diverging svg g.row')).toHaveCount(18);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG で保存' }).click()]);
  expect(download.suggestedFilename()).toBe('distribution-by-ward.svg');
  const svg = readFileSync((await download.path())!, 'utf8');
  expect(svg).toContain('区別の評価の分布（A〜D）');
  expect(svg).toContain('出典: 横浜市 地域子育て支援拠点 協働評価');
  expect(svg).toContain('鶴見区');
  expect(svg).toContain('サンプル（架空）のデータを含みます');
  expect(svg).toMatch(/fill:\s*rgb\(5, 113, 176\)/);
});

test('a chart saved as PNG is drawn at the chosen scale', async ({ page }) => {
  await open(page, '?view=heatmap');
  await expect(page.locator('.heatmap g.cell')).toHaveCount(18 * 16);
  const width = await page.locator('.heatmap svg').evaluate((svg) => (svg as SVGSVGElement).width.baseVal.value);
  await page.locator('select[name="png-scale"]').selectOption('3');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG で保存' }).click()]);
  const png = readFileSync((await download.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.readUInt32BE(16)).toBe(Math.round(width * 3));
});

import { expect, test } from '@playwright/test';
import { readPdf } from '../../src/lib/ingest/pdf.ts';
import { openApp } from './open-app.ts';

/** A4's text width in CSS pixels, as the print style's 12 mm margins leave it (`PRINT_WIDTH` in chart-width.svelte.ts). */
const PRINT_WIDTH = 703;

test.use({ viewport: { width: 1280, height: 900 } });

test('a chart printed is redrawn at the page’s width before the page is laid out for paper, and back after', async ({ page }) => {
  await openApp(page, '/?view=distribution');
  const svg = page.locator('figure svg').first();
  await expect(svg).toBeVisible();
  const onScreen = Number(await svg.getAttribute('width'));
  expect(onScreen).toBeGreaterThan(PRINT_WIDTH);
  await page.emulateMedia({ media: 'print' });
  // Read in the same task as the event: the browser lays the page out for paper right after it.
  const printed = await page.evaluate(() => {
    dispatchEvent(new Event('beforeprint'));
    const chart = document.querySelector('figure svg')!;
    return { width: Number(chart.getAttribute('width')), right: chart.getBoundingClientRect().right, main: document.querySelector('main')!.getBoundingClientRect().right };
  });
  expect(printed.width).toBeLessThanOrEqual(PRINT_WIDTH);
  expect(printed.width).toBeGreaterThan(PRINT_WIDTH - 100);
  expect(printed.right).toBeLessThanOrEqual(printed.main);
  await expect(page.locator('.filters-printed')).toHaveText('絞り込み: なし（すべての年度・区・段階・評価者）');
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await expect(svg).toHaveAttribute('width', String(onScreen));
});

test('a view printed says its filters in words, and its table keeps the names that are buttons on screen', async ({ page }) => {
  await openApp(page, '/?view=themes&fy=2024,2025&stage=planning');
  const filtersLine = page.locator('.filters-printed');
  await expect(filtersLine).toBeHidden();
  const firstTheme = page.locator('table.theme-table tbody tr').first().locator('button.link');
  await expect(firstTheme).toHaveText('父親支援');
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await expect(filtersLine).toHaveText('絞り込み: 年度: 2024・2025 / 段階: 事業計画段階');
  await expect(firstTheme).toBeVisible();
  // The controls are not printed.
  await expect(page.locator('.filter-panel')).toBeHidden();
  await expect(page.getByRole('button', { name: 'CSV に書き出す（Excel 用）' }).first()).toBeHidden();
});

test('printed to PDF, a chart’s axis reaches its last tick, its ward names read back as written, and a long table’s total row is printed once', async ({ page }) => {
  await openApp(page, '/?view=distribution');
  const distribution = (await readPdf(await page.pdf({ format: 'A4' }))).text;
  expect(distribution).toContain('絞り込み: なし（すべての年度・区・段階・評価者）');
  // The axis, 0 % to its last tick, 100 %, cut at the page's edge when the chart kept the screen's width.
  expect(distribution).toMatch(/^0%( \d+%)* 100%$/m);
  // Chromium writes 西, 青 and 戸 with glyphs the fonts share with radicals (⻄, ⻘, ⼾): read back as written.
  for (const ward of ['西区', '青葉区', '戸塚区']) expect(distribution).toContain(ward);
  expect(distribution).not.toMatch(/[\u2e80-\u2fdf戶]/);
  await openApp(page, '/?view=raters');
  const raters = (await readPdf(await page.pdf({ format: 'A4' }))).text;
  expect(raters.split('\n').filter((line) => line.startsWith('市全体'))).toHaveLength(1);
});

test('in English the printed filters name wards as the screen does, by their romaji', async ({ page }) => {
  await openApp(page, '/?view=distribution&lang=en&fy=2025&ward=%E4%B8%AD%E5%8C%BA,%E8%A5%BF%E5%8C%BA&sw=%E4%B8%AD%E5%8C%BA');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.filters-printed')).toHaveText('Filters: Years: 2025 / Wards: Naka, Nishi / Selected ward: Naka');
});

test('printed, the trends’ small multiples stay on the first page under the view’s heading, scaled to what is left of it', async ({ page }) => {
  await openApp(page, '/?view=trends');
  await expect(page.locator('figure.trajectories g.panel')).toHaveCount(18);
  const { text, pageStarts } = await readPdf(await page.pdf({ format: 'A4' }));
  const firstPage = text.split('\n').slice(0, pageStarts[1] - 1).join('\n');
  expect(firstPage).toContain('区ごとの平均点の推移');
  // The first and the last ward's panels: the whole chart, not moved to the second page.
  expect(firstPage).toMatch(/鶴見区/);
  expect(firstPage).toMatch(/都筑区/);
});

test('printed, a table’s figures keep to one line at the page’s width (a κ with its note, 0.45 (参考))', async ({ page }) => {
  await page.setViewportSize({ width: PRINT_WIDTH, height: 900 });
  await openApp(page, '/?view=raters');
  await page.emulateMedia({ media: 'print' });
  const kappa = page.locator('table td', { hasText: '(参考)' });
  await expect(kappa.first()).toBeVisible();
  // The lines a cell's text is laid out on: the distinct tops of its text's boxes.
  const lines = await kappa.evaluateAll((cells) =>
    cells.map((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    }),
  );
  expect(lines.length).toBeGreaterThan(10);
  expect(lines.every((n) => n === 1), lines.join(' ')).toBe(true);
});

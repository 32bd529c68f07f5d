import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openApp, VIEWS } from './open-app.ts';

const root = new URL('../../', import.meta.url).pathname;
// Every test opens its own page: spread over both workers (run in file order, this file alone took ~6 min of the suite's ~10).
test.describe.configure({ mode: 'parallel' });

/** JIS X 8341-3 asks for WCAG 2.x AA. */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** WCAG 2.5.3 (label in name) is still "experimental" in axe, so it is asked for by name. */
const EXPERIMENTAL_WCAG = ['label-content-name-mismatch'];

async function violations(page: import('@playwright/test').Page) {
  const tagged = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const experimental = await new AxeBuilder({ page }).withRules(EXPERIMENTAL_WCAG).analyze();
  return [...tagged.violations, ...experimental.violations].map(
    (v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`,
  );
}

for (const view of VIEWS) {
  test(`the ${view} view has no WCAG 2.1 A/AA violations`, async ({ page }) => {
    await openApp(page, `/?view=${view}`);
    await expect(page.locator('main')).not.toContainText('集計中');
    expect(await violations(page)).toEqual([]);
    // Axe does not see SVG text: a stroke inherited from a grid's group drew tick labels pale and blurred.
    const outlined = await page.locator('figure svg text').evaluateAll((texts) =>
      texts.filter((text) => getComputedStyle(text).stroke !== 'none' && !getComputedStyle(text).paintOrder.startsWith('stroke')).map((text) => text.textContent),
    );
    expect(outlined).toEqual([]);
  });
}

test('the data view after a load (load report, rejected rows, report check) has no WCAG 2.1 A/AA violations', async ({ page }) => {
  await openApp(page, '/?view=data');
  await page.locator('input[name="files"]').setInputFiles([`${root}tests/fixtures/bad_rows.csv`, `${root}tests/fixtures/report_damaged.txt`, `${root}tests/fixtures/conflict_a.csv`, `${root}tests/fixtures/conflict_b.csv`]);
  await expect(page.locator('section.report-check details')).toHaveCount(1);
  await expect(page.locator('.progress')).toHaveCount(0);
  await page.locator('section.report-check summary').click();
  await expect(page.locator('.check-detail table.grid')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

/** WCAG 1.4.10 (reflow): at 320 CSS px a page scrolls one way; a table wider than that scrolls in its own box. */
for (const view of VIEWS) {
  test(`the ${view} view reflows to a 320 px screen: nothing wider than the screen, wide tables scroll in a box reachable by keyboard, no WCAG violations`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await openApp(page, `/?view=${view}`);
    await expect(page.locator('main')).not.toContainText('集計中');
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(320);
    // Those shown: a table in a closed <details> (the theme dictionary) is measured when it opens.
    const boxes = await page.locator('.table-wrap').evaluateAll((wraps) =>
      wraps.filter((wrap) => wrap.checkVisibility()).map((wrap) => ({ scrolls: wrap.scrollWidth > wrap.clientWidth + 1, tabindex: wrap.getAttribute('tabindex') })),
    );
    for (const box of boxes) expect(box.tabindex).toBe(box.scrolls ? '0' : null);
    expect(await violations(page)).toEqual([]);
  });
}

test('in English too (longer labels and options), no view is wider than a 320 px screen', async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 320, height: 800 });
  for (const view of VIEWS) {
    await openApp(page, `/?view=${view}&lang=en`);
    await expect(page.locator('main')).not.toContainText('Computing');
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), view).toBeLessThanOrEqual(320);
  }
});

test('on a phone a wide table scrolls sideways by keyboard, the ward list opens within the screen, the heatmap names its stages short and the themes grid scrolls in its figure, saying so', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await openApp(page, '/?view=heatmap');
  await expect(page.locator('svg text.group')).toHaveText(['計画', '実施', '振返']);

  await page.locator('details.multi summary').nth(1).click();
  const list = page.locator('.choices.wards');
  await expect(list.getByRole('checkbox')).toHaveCount(18);
  const bounds = await list.evaluate((e) => e.getBoundingClientRect().toJSON());
  expect(bounds.left).toBeGreaterThanOrEqual(0);
  expect(bounds.right).toBeLessThanOrEqual(320);
  await page.locator('details.multi summary').nth(1).click();

  // The themes × wards grid keeps columns a label can be read in and scrolls sideways in its figure.
  await openApp(page, '/?view=themes');
  const grid = page.locator('figure.heatmap');
  await expect(grid.locator('g.cell').first()).toBeAttached();
  const sizes = await grid.evaluate((figure) => ({ scroll: figure.scrollWidth, client: figure.clientWidth, cell: figure.querySelector('g.cell rect')!.getBoundingClientRect().width }));
  expect(sizes.scroll).toBeGreaterThan(sizes.client);
  expect(sizes.cell).toBeGreaterThanOrEqual(12);
  // Said under it, since a grid cut at a column's edge does not show that more lies to the right.
  await expect(page.locator('.scroll-hint')).toHaveText('→ 図は横にスクロールできます。右側に続きがあります。');
  await expect(page.locator('.scroll-hint')).toBeVisible();

  await openApp(page, '/?view=distribution');
  const box = page.locator('.table-wrap').first();
  await expect(box).toHaveAttribute('tabindex', '0');
  await expect(box).toHaveAttribute('role', 'region');
  await box.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => box.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);

  // At a desktop's width the same table fits, and its box is no keyboard stop; the stages are named in full.
  await page.setViewportSize({ width: 1200, height: 900 });
  await expect(box).not.toHaveAttribute('tabindex');
  await openApp(page, '/?view=heatmap');
  await expect(page.locator('svg text.group')).toHaveText(['事業計画段階', '事業実施段階', '振り返り段階']);
  await openApp(page, '/?view=themes');
  await expect(page.locator('figure.heatmap g.cell').first()).toBeAttached();
  await expect(page.locator('.scroll-hint')).toHaveCount(0);
});

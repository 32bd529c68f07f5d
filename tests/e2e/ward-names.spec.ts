import { expect, test, type Page } from '@playwright/test';
import { defaultWards } from '../../src/lib/ingest/registry.ts';
import { openApp } from './open-app.ts';

// The views are independent page loads: spread over both workers.
test.describe.configure({ mode: 'parallel' });

const WARDS = defaultWards();

/**
 * The registry's Japanese ward names found in the view's text: its charts, tables, choices (closed
 * lists included) and sentences, but not quoted report text (a narrative may name a ward).
 */
async function japaneseWardNames(page: Page): Promise<string[]> {
  const text = await page.locator('main').evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    for (const quoted of copy.querySelectorAll('.kwic')) quoted.remove();
    return copy.textContent ?? '';
  });
  return WARDS.map((w) => w.name).filter((name) => text.includes(name));
}

for (const view of ['distribution', 'map', 'heatmap', 'raters', 'benchmark', 'trends', 'themes', 'words', 'report', 'data']) {
  test(`in English the ${view} view names every ward by its romaji, as the distribution does`, async ({ page }) => {
    await openApp(page, `/?view=${view}&lang=en`);
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await expect(page.locator('main')).toContainText('Tsurumi');
    expect(await japaneseWardNames(page)).toEqual([]);
  });
}

test('the romaji are there from the first paint, before the database is ready, and the ward filter lists them', async ({ page }) => {
  let releaseWasm = () => {};
  const held = new Promise<void>((resolve) => (releaseWasm = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/?view=heatmap&lang=en');
  const firstRow = page.locator('.heatmap text.row-label').first();
  await expect(firstRow).toHaveText('Tsurumi');
  expect(await page.evaluate(() => document.body.dataset.dbReady)).toBeUndefined();
  releaseWasm();
  await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 60_000 });
  await expect(firstRow).toHaveText('Tsurumi');

  const wardList = page.locator('.filters details').nth(1);
  await wardList.locator('summary').click();
  await expect(wardList.locator('label').filter({ has: page.locator('input[value="鶴見区"]') })).toHaveText('Tsurumi');
  await page.getByRole('button', { name: 'Switch the interface to Japanese' }).click();
  await expect(firstRow).toHaveText('鶴見区');
  await expect(wardList.locator('label').filter({ has: page.locator('input[value="鶴見区"]') })).toHaveText('鶴見区');
});

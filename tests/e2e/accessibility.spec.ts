import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openApp } from './open-app.ts';

const root = new URL('../../', import.meta.url).pathname;
const VIEWS = ['distribution', 'map', 'heatmap', 'raters', 'benchmark', 'trends', 'themes', 'words', 'report', 'sql', 'data'] as const;
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

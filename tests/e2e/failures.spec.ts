import { expect, test } from '@playwright/test';
import { openApp } from './open-app.ts';

const VIEWS = ['distribution', 'heatmap', 'raters', 'benchmark', 'trends', 'themes', 'report', 'data'] as const;
const TABLES = ['ratings', 'narratives', 'narrative_tags', 'narrative_words', 'centers', 'files', 'report_values', 'report_lines', 'conflicts'];

for (const view of VIEWS) {
  test(`a failed query shows DuckDB's message and a retry in the ${view} view, never "preparing" or "no data"`, async ({ page }) => {
    await openApp(page, `/?view=${view}&testHooks`);
    await page.evaluate((tables) => (window as unknown as { kyotenTestHooks: { dropTables(t: string[]): Promise<void> } }).kyotenTestHooks.dropTables(tables), TABLES);
    const errors = page.locator('.query-error[role="alert"]');
    await expect(errors.first()).toBeVisible();
    await expect(errors.first()).toContainText('集計できませんでした');
    await expect(errors.first().locator('pre')).toContainText(/does not exist|Catalog Error/);
    await expect(errors.first().getByRole('button', { name: 'もう一度試す' })).toBeVisible();
    await expect(page.getByText('データベースを準備しています')).toHaveCount(0);
    await expect(page.getByText('条件に合う評価がありません')).toHaveCount(0);
  });
}

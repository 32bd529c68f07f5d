import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp, reloadApp } from './open-app.ts';
import Papa from 'papaparse';

const open = (page: Page, search = '') => openApp(page, `/${search}`);

test('trajectories: a panel per ward against the city band, contract years marked', async ({ page }) => {
  await open(page, '?view=trends');
  await expect(page.locator('.trajectories g.panel')).toHaveCount(18);
  const tsurumi = page.locator('.trajectories g.panel[data-key="鶴見区"]');
  // 鶴見区 FY2025 is real: year 3 of 5 from its report.
  await expect(tsurumi.locator('text.mark').last()).toHaveText('3/5');
  await expect(tsurumi.locator('path.band')).toHaveAttribute('d', /Z$/);
});

test('choosing two years updates the slope chart and the URL', async ({ page }) => {
  await open(page, '?view=trends');
  await page.locator('select[name="slope-from"]').selectOption('2022');
  await page.locator('select[name="slope-to"]').selectOption('2023');
  await expect(page).toHaveURL(/from=2022/);
  await expect(page).toHaveURL(/to=2023/);
  await expect(page.locator('.slope text.year')).toHaveText(['令和4年度（2022年度）', '令和5年度（2023年度）']);
  await expect(page.locator('.slope g.row')).toHaveCount(18);
  await expect(page.locator('table.slope-table thead th')).toHaveText(['区', '2022', '2023', '変化', '判定', 'p 値（Holm 補正）', '効果量 r', '差のある対']);
  await reloadApp(page);
  await expect(page.locator('select[name="slope-from"]')).toHaveValue('2022');
  await expect(page.locator('.slope text.year').first()).toHaveText('令和4年度（2022年度）');
});

test('the change table filters to declines of two levels and exports the visible rows as CSV with a BOM', async ({ page }) => {
  await open(page, '?view=trends&r=ward');
  const rows = page.locator('table.changes-table tbody tr:has(td:nth-child(5))');
  await expect(rows.first()).toBeVisible();
  const all = await rows.count();
  await page.locator('input[name="declined"]').check();
  await expect(page).toHaveURL(/decl=2/);
  await expect.poll(() => rows.count()).toBeLessThan(all);
  // Find a year with such a decline in the sample (the bundled data is fixed, so this is deterministic).
  for (const year of ['2025', '2024', '2023', '2022', '2021', '2020']) {
    if ((await rows.count()) > 0) break;
    await page.locator('.view-options select[name="year"]').selectOption(year);
  }
  await expect(rows.first()).toBeVisible();
  for (const change of await rows.locator('td:nth-child(5)').allTextContents()) expect(Number.parseFloat(change.replace('↓', '').replace('−', '-').trim())).toBeLessThanOrEqual(-2);
  const visible = await rows.count();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.table-scroll:has(table.changes-table) + .table-export').getByRole('button', { name: 'CSV に書き出す（Excel 用）' }).click(),
  ]);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const { data } = Papa.parse<string[]>(bytes.toString('utf8').slice(1).trim());
  const year = await page.locator('.view-options select[name="year"]').inputValue();
  expect(data[0]).toEqual(['区', '年度', '評価者', '段階', '設問 No.', '設問', '設問文', '前年度', '今年度', '変化', 'サンプル', 'サンプルの年度']);
  expect(data).toHaveLength(visible + 1);
  for (const row of data.slice(1)) {
    expect(row[1]).toBe(year);
    expect(Number(row[9])).toBeLessThanOrEqual(-2);
    expect(Number(row[9])).toBeCloseTo(Number(row[8]) - Number(row[7]), 10);
  }
});

test('the change table of every ward × question scrolls in a box of its own: named, reachable by keyboard, its header in view, printed in full', async ({ page }) => {
  await open(page, '?view=trends');
  const box = page.getByRole('region', { name: '設問別の前年度からの変化' });
  await expect(box.locator('table.changes-table tbody tr')).toHaveCount(18 * 16);
  const header = box.locator('thead th').first();
  const top = async () => (await box.boundingBox())!.y;
  expect(await box.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  // Tab order reaches the box, and the keyboard scrolls it; the header stays at its top.
  await box.focus();
  await expect(box).toBeFocused();
  await page.keyboard.press('End');
  await expect.poll(() => box.evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
  await expect(box.locator('tbody tr').last()).toBeInViewport();
  expect(Math.abs((await header.boundingBox())!.y - (await top()))).toBeLessThan(2);
  await page.emulateMedia({ media: 'print' });
  expect(await box.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
});

test('each ward’s change between two years says whether it is real: the verdicts match an exact test recomputed from the ratings', async ({ page }) => {
  await open(page, '?view=trends&from=2024&to=2025&testHooks');
  const table = page.locator('table.slope-table');
  await expect(table.locator('tbody tr')).toHaveCount(18);
  // The pairs, fetched here with SQL of the test's own: the same question and rater answered in both years.
  const pairs = await page.evaluate(async () => {
    const hooks = (window as unknown as { kyotenTestHooks: { appQuery(sql: string): Promise<Array<{ ward: string; d: number[] }>> } }).kyotenTestHooks;
    return hooks.appQuery(`SELECT a.ward, list(b.score - a.score) AS d FROM ratings a JOIN ratings b USING (ward, stage, question_no, rater)
      WHERE a.fiscal_year = 2024 AND b.fiscal_year = 2025 AND a.score IS NOT NULL AND b.score IS NOT NULL GROUP BY a.ward`);
  });
  const { testPairs } = await import('../../src/lib/stats/change.ts');
  const expected = new Map(testPairs(pairs, (p) => p.d).map((test, i) => [pairs[i].ward, test]));
  expect(expected.size).toBe(18);
  let real = 0;
  for (const [ward, test] of expected) {
    const row = table.locator('tbody tr').filter({ has: page.locator('th, td').first().filter({ hasText: new RegExp(`^${ward}[＊※]?$`) }) });
    await expect(row).toContainText(test.real ? '確かな変化' : '誤差の範囲');
    await expect(row).toContainText(test.pAdjusted < 0.001 ? '< 0.001' : test.pAdjusted.toFixed(3));
    // The slope chart draws a change within noise dashed, a real one solid.
    await expect(page.locator(`figure.slope g.row[data-key="${ward}"]`)).toHaveClass(test.real ? /\breal\b/ : /\bnoise\b/);
    if (test.real) real++;
  }
  expect(real, 'the bundled sample has at least one real change to show').toBeGreaterThan(0);
  const note = page.locator('.test-note').filter({ hasText: 'Holm 法で補正' });
  await expect(note).toContainText('18 件');
});

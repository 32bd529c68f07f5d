import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './open-app.ts';
import Papa from 'papaparse';

const open = (page: Page, search = '') => openApp(page, `/${search}`);

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
  // The legend above the chart is HTML on the page; the file carries it as SVG.
  const legend = /<g class="legend"[^>]*>(.*?)<\/g>/s.exec(svg)?.[1] ?? '';
  for (const entry of ['D まったくできなかった', 'A よくできた', '未評価']) expect(legend).toContain(`>${entry}</text>`);
  expect(legend.match(/<rect /g)).toHaveLength(5);
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

test('a saved chart’s title and notes wrap to its width, each note on a line of its own', async ({ page }) => {
  await page.setViewportSize({ width: 420, height: 800 });
  await open(page, '?view=heatmap&lang=en');
  await expect(page.locator('.heatmap g.cell')).toHaveCount(18 * 16);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as SVG' }).click()]);
  const svg = readFileSync((await download.path())!, 'utf8');
  // The file drawn in the page: every line of its title and notes measured by the browser against the file's width.
  const lines = await page.evaluate((markup) => {
    const host = document.createElement('div');
    host.innerHTML = markup;
    document.body.append(host);
    const root = host.querySelector('svg')!;
    const width = root.width.baseVal.value;
    const texts = Array.from(root.querySelectorAll<SVGTextElement>(':scope > text'));
    const measured = texts.map((node) => ({ text: node.textContent ?? '', right: node.getBBox().x + node.getComputedTextLength(), width }));
    host.remove();
    return measured;
  }, svg);
  expect(lines.length).toBeGreaterThan(3);
  for (const line of lines) expect(line.right, line.text).toBeLessThanOrEqual(line.width);
  expect(lines[0].text).toMatch(/^Wards × questions/);
  expect(lines.some((line) => line.text.startsWith('Source: '))).toBe(true);
  expect(lines.some((line) => line.text.startsWith('Includes synthetic sample data.'))).toBe(true);
});

/** A downloaded Parquet file as DuckDB (the native build, with its own Parquet reader) reads it. */
async function readParquet(path: string) {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet('${path.replaceAll("'", "''")}')`);
  const types = Object.fromEntries(reader.columnNames().map((name, i) => [name, reader.columnTypes()[i].toString()]));
  const rows = reader.getRowObjectsJson();
  connection.closeSync();
  return { types, rows };
}

test('a view table exports as CSV (BOM, headers as shown) and as Parquet that DuckDB reads back as the same table', async ({ page }) => {
  await open(page);
  const table = page.locator('table.data-table').first();
  await expect(table.locator('tbody tr')).toHaveCount(18);
  const shown = await table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => [row.querySelector('th')!.textContent!.trim(), ...[...row.querySelectorAll('td')].slice(0, 6).map((td) => Number(td.textContent))]),
  );
  const exportBar = page.locator('.table-wrap:has(table.data-table) + .table-export').first();

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), exportBar.getByRole('button', { name: 'CSV に書き出す（Excel 用）' }).click()]);
  expect(csvDownload.suggestedFilename()).toBe('distribution-by-ward.csv');
  const bytes = readFileSync((await csvDownload.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const { data } = Papa.parse<string[]>(bytes.toString('utf8').slice(1).trim());
  expect(data[0].slice(0, 9)).toEqual(['区', 'code', 'ward (en)', 'A', 'B', 'C', 'D', '未評価', '件数']);
  expect(data.slice(1).map((r) => [r[0], ...r.slice(3, 9).map(Number)])).toEqual(shown);

  const [parquetDownload] = await Promise.all([page.waitForEvent('download'), exportBar.getByRole('button', { name: 'Parquet に書き出す（分析用）' }).click()]);
  expect(parquetDownload.suggestedFilename()).toBe('distribution-by-ward.parquet');
  const { types, rows } = await readParquet((await parquetDownload.path())!);
  expect(types).toMatchObject({ ward: 'VARCHAR', a: 'INTEGER', ab_share: 'DOUBLE', sample_ratings: 'INTEGER' });
  expect(rows.map((r) => [r.ward, r.a, r.b, r.c, r.d, r.unrated, r.n])).toEqual(shown);
  expect(rows.find((r) => r.ward === '鶴見区')).toMatchObject({ ward_code: '14101', ward_en: 'Tsurumi' });
});

test('the SQL console exports its result as Parquet with the column types DuckDB gave it', async ({ page }) => {
  await open(page, '?view=sql');
  await page
    .locator('textarea[name="sql"]')
    .fill("SELECT ward, fiscal_year, count(*)::INTEGER AS n, avg(score) AS mean, DATE '2025-04-01' AS since FROM ratings GROUP BY ALL ORDER BY ward, fiscal_year");
  await page.getByRole('button', { name: '実行（Ctrl+Enter）' }).click();
  const count = Number((await page.locator('.result-meta').textContent())!.split(' ')[0]);
  expect(count).toBeGreaterThan(100);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Parquet に書き出す（分析用）' }).click()]);
  const { types, rows } = await readParquet((await download.path())!);
  expect(types).toEqual({ ward: 'VARCHAR', fiscal_year: 'INTEGER', n: 'INTEGER', mean: 'DOUBLE', since: 'DATE' });
  expect(rows).toHaveLength(count);
  const first = await page.locator('table.result tbody tr').first().locator('td').allTextContents();
  expect([rows[0].ward, String(rows[0].fiscal_year), String(rows[0].n), rows[0].since]).toEqual([first[0], first[1], first[2], '2025-04-01']);
});

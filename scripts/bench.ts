/**
 * `npm run bench`: speed figures, printed as JSON (never a pass/fail test). Builds the app and a bench
 * page, serves them with `vite preview`, and drives Debian's chromium headless:
 *  - cold start-up (scripts/bench/startup.ts): first chart and db-ready against two baselines served the
 *    same way in the same run (a static page with the same chart; DuckDB-WASM alone), long tasks, the
 *    JS fetched before the first chart, a deep link to every view until it is painted (with its long
 *    tasks until db-ready), and the home page and the bare page again over an emulated network;
 *  - ingest of a generated 1M-row long CSV through the app's path vs DuckDB's bare read_csv of the same bytes;
 *  - the distribution query under filter changes, p50/p95, at 10k and 1M ratings;
 *  - in the app itself, a filter change until every visible chart is painted (`app:charts-painted`),
 *    p50/p95, at 10k and 1M generated ratings (plus the bundled data), and the tab's peak memory;
 *  - in Node: report parsing of pathological pages against a linear pass over the same text, and the
 *    peak memory of `npm run validate` on 1M ratings against a small file;
 *  - the national synthetic dataset over HTTP (scripts/bench/national.ts; built once into
 *    node_modules/.cache, minutes): first chart, bytes fetched, filter → painted, memory, against the
 *    same data loaded into the tab from its CSVs.
 * `BENCH_PARTS=node` (or `browser`, `national`) runs one part only; `browser,startup-only` only the start-up figures,
 * `browser,ingest-only` only the ingest figures.
 */
import { spawn, execFileSync } from 'node:child_process';
import { chromium, type Browser } from '@playwright/test';
import { benchRatingsCsv, benchWardsCsv } from './bench/generate.ts';
import { reportParsing, textIndexing, validateMemory, workbookIngest } from './bench/node.ts';
import { startup } from './bench/startup.ts';
import { national } from './bench/national.ts';
import { filterChangesToPaint, rendererPeakRssMb } from './bench/measure.ts';
import { CHROMIUM_ARGS } from '../playwright.config.ts';

const PORT = 4180;
const ROWS = (process.env.BENCH_ROWS ?? '10000,1000000').split(',').map(Number);
const COLD_LOADS = 5;
const FILTER_CHANGES = 20;

/**
 * Loads generated ratings through the app's own file input, then times filter changes in two views
 * whose charts do not grow with the number of wards (16 questions each): from the change until the
 * app marks every chart painted.
 */
async function filterToPaint(browser: Browser, base: string, rows: number) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  // `cache=off`: the filter changes cycle four values, and the app would answer repeats from its cache.
  await page.goto(`${base}/?view=data&cache=off`);
  await page.waitForSelector('body[data-db-ready="true"]', { timeout: 60_000 });
  // Files of one load are read in path order, so the registry goes first on its own.
  await page.locator('input[name="files"]').setInputFiles([{ name: 'wards.csv', mimeType: 'text/csv', buffer: Buffer.from(benchWardsCsv()) }]);
  await page.locator('table.files tbody tr', { hasText: 'wards.csv' }).waitFor({ timeout: 60_000 });
  await page.locator('input[name="files"]').setInputFiles([{ name: 'ratings.csv', mimeType: 'text/csv', buffer: Buffer.from(benchRatingsCsv(rows)) }]);
  await page.locator('table.files tbody tr', { hasText: 'ratings.csv' }).waitFor({ timeout: 300_000 });
  const tabPeakRssMb = rendererPeakRssMb();
  await page.getByRole('link', { name: '評価の分布' }).click();
  await page.getByRole('radio', { name: '設問ごと' }).check();
  await page.waitForSelector('.diverging svg g.row');
  const distribution = await filterChangesToPaint(page, 'select[name="rater"]', ['ward', 'center', 'joint', ''], FILTER_CHANGES);
  await page.getByRole('link', { name: '拠点のベンチマーク' }).click();
  // Generated wards start in FY2000; the view opens on the latest year, which they may lack.
  await page.locator('select[name="year"]').selectOption('2000');
  await page.waitForSelector('.benchmark svg g.row');
  const benchmark = await filterChangesToPaint(page, 'select[name="stage"]', ['planning', 'implementation', 'review', ''], FILTER_CHANGES);
  const [{ n }] = await page.evaluate(() => [{ n: document.querySelectorAll('.benchmark svg g.row').length }]);
  await page.close();
  return { generatedRows: rows, bundledRows: 6048, tabPeakRssMb, distributionByQuestionMs: distribution, benchmarkMs: benchmark, benchmarkQuestions: n };
}

const PARTS = (process.env.BENCH_PARTS ?? 'node,browser,national').split(',');

async function main() {
  const node = PARTS.includes('node') ? { reportParsing: reportParsing(), textIndexing: textIndexing(), workbookIngest: await workbookIngest(), validateMemory: validateMemory() } : undefined;
  if (!PARTS.includes('browser') && !PARTS.includes('national')) {
    console.log(JSON.stringify({ date: new Date().toISOString(), machine: `${process.platform} ${process.arch}, node ${process.version}`, node }, null, 2));
    return;
  }
  for (const mode of ['bench', 'bench-pages']) execFileSync('npx', ['vite', 'build', '--mode', mode, '--logLevel', 'warn'], { stdio: 'inherit' });
  const server = spawn('npx', ['vite', 'preview', '--mode', 'bench', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  const base = `http://localhost:${PORT}`;
  let browser: Browser | undefined;
  try {
    for (let i = 0; i < 50; i++) {
      if (await fetch(base).then(() => true, () => false)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const inBrowser = PARTS.includes('browser');
    const start = !inBrowser || PARTS.includes('ingest-only') ? undefined : await startup(browser, base, 'dist-bench', COLD_LOADS);
    const ingest = [];
    const filterChange = [];
    if (inBrowser && !PARTS.includes('startup-only')) {
      const page = await browser.newPage();
      await page.goto(`${base}/scripts/bench/page.html`);
      await page.waitForSelector('body[data-ready="true"]');
      for (const rows of ROWS) {
        ingest.push(await page.evaluate((n) => (window as unknown as { bench: (n: number) => Promise<unknown> }).bench(n), rows));
      }
      if (!PARTS.includes('ingest-only')) for (const rows of ROWS) filterChange.push(await filterToPaint(browser, base, rows));
    }
    const result = {
      date: new Date().toISOString(),
      machine: `${process.platform} ${process.arch}, node ${process.version}`,
      startup: start,
      ingest,
      filterChangeToPaint: filterChange,
      national: PARTS.includes('national') ? await national(browser, base, 'dist-bench') : undefined,
      node,
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await browser?.close();
    if (server.pid) process.kill(-server.pid);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

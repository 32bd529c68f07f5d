/**
 * `npm run bench`: speed figures, printed as JSON (never a pass/fail test). Builds the app and a bench
 * page, serves them with `vite preview`, and drives Debian's chromium headless:
 *  - time to first chart and to db-ready (performance marks), median of several cold loads;
 *  - ingest of a generated 1M-row long CSV through the app's path vs DuckDB's bare read_csv of the same bytes;
 *  - the distribution query under filter changes, p50/p95, at 10k and 1M ratings.
 */
import { spawn, execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config.ts';

const PORT = 4180;
const ROWS = (process.env.BENCH_ROWS ?? '10000,1000000').split(',').map(Number);
const COLD_LOADS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  execFileSync('npx', ['vite', 'build', '--mode', 'bench', '--logLevel', 'warn'], { stdio: 'inherit' });
  const server = spawn('npx', ['vite', 'preview', '--mode', 'bench', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  const base = `http://localhost:${PORT}`;
  try {
    for (let i = 0; i < 50; i++) {
      if (await fetch(base).then(() => true, () => false)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const firstChart: number[] = [];
    const dbReady: number[] = [];
    for (let i = 0; i < COLD_LOADS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(base);
      await page.waitForSelector('body[data-db-ready="true"]', { timeout: 60_000 });
      const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
      firstChart.push(marks['app:first-chart']);
      dbReady.push(marks['app:db-ready']);
      await context.close();
    }
    const page = await browser.newPage();
    await page.goto(`${base}/scripts/bench/page.html`);
    await page.waitForSelector('body[data-ready="true"]');
    const ingest = [];
    for (const rows of ROWS) {
      ingest.push(await page.evaluate((n) => (window as unknown as { bench: (n: number) => Promise<unknown> }).bench(n), rows));
    }
    await browser.close();
    const result = {
      date: new Date().toISOString(),
      machine: `${process.platform} ${process.arch}, node ${process.version}`,
      startup: {
        coldLoads: COLD_LOADS,
        firstChartMs: Math.round(median(firstChart)),
        dbReadyMs: Math.round(median(dbReady)),
      },
      ingest,
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

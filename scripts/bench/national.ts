import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { DatasetManifest } from '../../src/lib/db/dataset-files.ts';
import { filterChangesToPaint, rendererPeakRssMb } from './measure.ts';

/** Built once and kept: generating and building the national dataset takes minutes. */
const CACHE = 'node_modules/.cache/kyoten-national';
const FIRST_CHART = '.diverging svg g.row';
/** 40, so p95 is not simply the slowest change. */
const FILTER_CHANGES = 40;

const sizeOf = (path: string): number => {
  const stat = statSync(path);
  return stat.isDirectory() ? readdirSync(path).reduce((n, name) => n + sizeOf(join(path, name)), 0) : stat.size;
};

/**
 * What the cached dataset was made by: the generator, the ingest, the dataset writer and the queries
 * (the first answers are keyed by each query's SQL, so a changed query makes them miss).
 */
function sourcesHash(): string {
  const hash = createHash('sha256');
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name));
    else hash.update(path).update(readFileSync(path));
  };
  for (const path of ['scripts/generate-national.ts', 'scripts/generate-sample.ts', 'scripts/sample', 'src/lib/ingest', 'src/lib/text', 'src/lib/db', 'src/views', 'src/lib/state']) walk(path);
  return hash.digest('hex').slice(0, 16);
}

/** The national synthetic dataset (scripts/generate-national.ts → build-dataset), copied into the served folder. */
function nationalDataset(dist: string): { dir: string; manifest: DatasetManifest; csvDir: string } {
  const csvDir = join(CACHE, 'csv');
  const built = join(CACHE, 'dataset');
  const made = sourcesHash();
  const stamp = join(CACHE, 'sources-hash');
  if (!existsSync(join(built, 'manifest.json')) || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== made) {
    rmSync(CACHE, { recursive: true, force: true });
    // The scripts' own output goes to stderr: stdout is the bench's JSON.
    execFileSync('npx', ['tsx', 'scripts/generate-national.ts', '--out', csvDir], { stdio: ['ignore', process.stderr, 'inherit'] });
    // Exit 1 means rows were rejected (the manifest says which); the dataset is written either way.
    try {
      execFileSync('npx', ['tsx', 'scripts/build-dataset.ts', '--out', built, csvDir], { stdio: ['ignore', process.stderr, 'inherit'] });
    } catch (error) {
      if (!existsSync(join(built, 'manifest.json'))) throw error;
    }
    writeFileSync(stamp, made);
  }
  const dir = join(dist, 'datasets', 'national');
  cpSync(built, dir, { recursive: true });
  return { dir, manifest: JSON.parse(readFileSync(join(built, 'manifest.json'), 'utf8')) as DatasetManifest, csvDir };
}

/** What a full download of the dataset transfers: each browser file as served (its .br when there is one). */
function servedBytes(dir: string, manifest: DatasetManifest): number {
  const served = (path: string) => (existsSync(`${path}.br`) ? statSync(`${path}.br`).size : statSync(path).size);
  const firstViews = readdirSync(join(dir, 'browser', 'first-view')).filter((name) => name.endsWith('.json'));
  return (
    manifest.browser.tables.flatMap((t) => t.files).reduce((n, f) => n + served(join(dir, f.path)), 0) +
    firstViews.reduce((n, name) => n + served(join(dir, 'browser', 'first-view', name)), 0) +
    statSync(join(dir, 'manifest.json')).size
  );
}

const datasetBytesUntil = (page: Page, until: number) =>
  page.evaluate(
    (end) =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => new URL(r.name).pathname.startsWith('/datasets/national/') && r.responseEnd <= end)
        .reduce((n, r) => n + r.transferSize, 0),
    until,
  );

const mark = (page: Page, name: string) =>
  page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, name, { timeout: 600_000 }).then(() =>
    page.evaluate((m) => performance.getEntriesByName(m)[0].startTime, name),
  );

/**
 * The national dataset (~1,740 units × 20 years) over HTTP: a cold visit until the first chart, the
 * rating tables live and the text tables in, the bytes fetched for each against the whole dataset,
 * filter → painted and the tab's memory; then the same data loaded into the tab from its CSVs
 * through the app's own ingest, and the same filter changes, in the same run.
 */
export async function national(browser: Browser, base: string, dist: string) {
  const { dir, manifest, csvDir } = nationalDataset(dist);
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(`(() => {
    const frame = () => {
      if (document.querySelector(${JSON.stringify(FIRST_CHART)})) requestAnimationFrame(() => performance.mark('bench:first-chart'));
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })()`);
  await page.goto(`${base}/?dataset=./datasets/national/`);
  const firstChart = await mark(page, 'bench:first-chart');
  const dbReady = await mark(page, 'app:db-ready');
  const textReady = await mark(page, 'app:dataset-text');
  const total = servedBytes(dir, manifest);
  const fetched = { firstChart: await datasetBytesUntil(page, firstChart), dbReady: await datasetBytesUntil(page, dbReady), all: await datasetBytesUntil(page, Infinity) };
  const overHttp = await filterChangesToPaint(page, 'select[name="rater"]', ['ward', 'center', 'joint', ''], FILTER_CHANGES);
  const overHttpRss = rendererPeakRssMb();
  await context.close();

  // The same data loaded into the tab through the app's ingest (registry first, then the rest).
  const loaded = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1200, height: 900 } });
  const tab = await loaded.newPage();
  await tab.goto(`${base}/?view=data`);
  await tab.waitForSelector('body[data-db-ready="true"]', { timeout: 60_000 });
  const csvs = readdirSync(csvDir).sort();
  const started = Date.now();
  for (const batch of [csvs.slice(0, 1), csvs.slice(1)]) {
    await tab.locator('input[name="files"]').setInputFiles(batch.map((name) => join(csvDir, name)));
    for (const name of batch) await tab.locator('table.files tbody tr', { hasText: name }).waitFor({ timeout: 900_000 });
  }
  const loadMs = Date.now() - started;
  await tab.getByRole('link', { name: '評価の分布' }).click();
  await tab.waitForSelector(FIRST_CHART);
  const inTab = await filterChangesToPaint(tab, 'select[name="rater"]', ['ward', 'center', 'joint', ''], FILTER_CHANGES);
  const inTabRss = rendererPeakRssMb();
  await loaded.close();

  const share = (bytes: number) => Math.round((bytes / total) * 1000) / 10;
  return {
    units: manifest.wards,
    years: manifest.fiscalYears.length,
    rows: Object.fromEntries(manifest.tables.filter((t) => t.rows > 1000).map((t) => [t.name, t.rows])),
    datasetBytes: { servedAll: total, browserFilesRaw: manifest.browser.bytes, folderOnDisk: sizeOf(dir) },
    overHttp: {
      firstChartMs: Math.round(firstChart),
      ratingsLiveMs: Math.round(dbReady),
      textInMs: Math.round(textReady),
      fetchedBytes: fetched,
      fetchedPercent: { firstChart: share(fetched.firstChart), ratingsLive: share(fetched.dbReady), all: share(fetched.all) },
      filterToPaintMs: overHttp,
      tabPeakRssMb: overHttpRss,
    },
    loadedFromCsvInTab: { loadMs, filterToPaintMs: inTab, tabPeakRssMb: inTabRss },
  };
}

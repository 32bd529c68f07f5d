import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';

/** What each view draws first: its painted state is when this appears. */
const PAINTED: Record<string, string> = {
  distribution: '.diverging svg g.row',
  heatmap: '.heatmap g.cell',
  raters: 'main figure svg g, main table tbody tr',
  benchmark: '.benchmark svg g.row',
  trends: 'main figure svg path',
  themes: 'main table tbody tr',
  report: 'main figure svg g',
  sql: 'main details.table-schema',
  data: 'section.load',
};
export const VIEWS = Object.keys(PAINTED);

/**
 * Records when `selector` is first painted and every long task (> 50 ms) on the main thread (buffered:
 * also those before it was installed). A string, not a function: tsx compiles functions with a
 * `__name` helper the page does not have.
 */
const observe = (selector: string) => `(() => {
  const bench = (window.bench = { painted: null, longTasks: [] });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, ms: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Checked every frame: the frame after the one that found the selector has painted it.
  const frame = () => {
    if (document.querySelector(${JSON.stringify(selector)})) requestAnimationFrame(() => (bench.painted ??= performance.now()));
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

interface Cold {
  painted: number;
  dbReady: number | null;
  longTasks: Array<{ start: number; ms: number }>;
  scripts: Array<{ url: string; transferred: number; start: number; end: number }>;
  /** The `duckdb:` marks both pages set at DuckDB's steps (worker created, instantiated, connected). */
  duckdb: Record<string, number>;
}

/**
 * A user's network, emulated by Chromium for the page and its workers (DuckDB's wasm included): on
 * the local server nothing waits for bytes and start-up is all compiling on two cores; over a network
 * the wasm's download is most of it.
 */
export const NETWORK = { downMbps: 50, latencyMs: 20 };

/**
 * One first visit (fresh context: no cache, nothing installed) until `selector` is painted and, if
 * asked, the database ready; over `NETWORK` when `overNetwork`. The app's service worker registers and
 * installs as on a user's first visit (blocked here until 2026-11-27, which hid what its install cost the start).
 */
async function coldVisit(browser: Browser, url: string, selector: string, readyMark: string | null, overNetwork = false): Promise<Cold> {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page: Page = await context.newPage();
  if (overNetwork) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: NETWORK.latencyMs,
      downloadThroughput: (NETWORK.downMbps * 1e6) / 8,
      uploadThroughput: (NETWORK.downMbps * 1e6) / 8,
    });
  }
  await page.addInitScript(observe(selector));
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { bench: { painted: number | null } }).bench.painted !== null, undefined, { timeout: 60_000 });
  if (readyMark) await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, readyMark, { timeout: 60_000 });
  const result = await page.evaluate((mark) => {
    const bench = (window as unknown as { bench: { painted: number; longTasks: Array<{ start: number; ms: number }> } }).bench;
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js'))
      .map((r) => ({ url: new URL(r.name).pathname, transferred: r.encodedBodySize, start: r.startTime, end: r.responseEnd }));
    const duckdb = Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('duckdb:')).map((m) => [m.name.slice(7), m.startTime]));
    return { painted: bench.painted, dbReady: mark ? performance.getEntriesByName(mark)[0].startTime : null, longTasks: bench.longTasks, scripts, duckdb };
  }, readyMark);
  await context.close();
  return result;
}

/** Long tasks from navigation to db-ready over `visits`: per load, and the longest. */
function longTasksToDbReady(visits: Cold[]): { count: number; maxMs: number } {
  const tasks = visits.flatMap((v) => v.longTasks.filter((t) => t.start <= v.dbReady!));
  return { count: tasks.length / visits.length, maxMs: Math.round(Math.max(0, ...tasks.map((t) => t.ms))) };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (n: number) => Math.round(n);
const round2 = (n: number) => Math.round(n * 100) / 100;
const ratio = (a: number, b: number) => round2(a / b);

/**
 * The static baseline: the app's first chart as the app drew it, in a page with no framework and no
 * DuckDB (the app's CSS only), written into the served folder.
 */
async function writeStaticChart(browser: Browser, base: string, dist: string): Promise<void> {
  const page = await browser.newPage();
  await page.goto(base);
  await page.waitForSelector('.diverging svg g.row');
  const { svg, css } = await page.evaluate(() => ({
    svg: document.querySelector('.diverging svg')!.outerHTML,
    css: [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((l) => new URL(l.href).pathname),
  }));
  await page.close();
  const links = css.map((href) => `<link rel="stylesheet" href="${href}">`).join('');
  writeFileSync(join(dist, 'static-chart.html'), `<!doctype html><html lang="ja"><head><meta charset="UTF-8"><title>static</title>${links}</head><body><main><figure class="chart diverging">${svg}</figure></main></body></html>`);
}

interface Round {
  bare: Cold;
  home: Cold;
}

/** One round: the bare DuckDB page, then the home page seconds later (both over `NETWORK` if asked). */
async function bareThenHome(browser: Browser, base: string, overNetwork = false): Promise<Round> {
  const bare = await coldVisit(browser, `${base}/scripts/bench/bare-duckdb.html`, 'body[data-ready]', 'bare:db-ready', overNetwork);
  return { bare, home: await coldVisit(browser, `${base}/`, PAINTED.distribution, 'app:db-ready', overNetwork) };
}

/**
 * The home page's first chart and db-ready over `rounds`, db-ready against the bare page's, and each
 * load against the bare load of its round (seconds apart): the machine's speed drifts within a run,
 * and a pair shares its moment.
 */
function againstBare(rounds: Round[]) {
  const bare = median(rounds.map((r) => r.bare.dbReady!));
  const dbReady = median(rounds.map((r) => r.home.dbReady!));
  return {
    bare,
    firstChart: median(rounds.map((r) => r.home.painted)),
    dbReady,
    toBare: ratio(dbReady, bare),
    pairs: rounds.map((r) => ratio(r.home.dbReady!, r.bare.dbReady!)),
    phases: { bare: duckdbPhases(rounds.map((r) => r.bare)), home: duckdbPhases(rounds.map((r) => r.home)) },
  };
}

/**
 * Where a page's db-ready goes, by the `duckdb:` marks (medians, ms): when DuckDB's worker was created,
 * its instantiation (the wasm's download and compile, the runtime's start), `open` and `connect`, and
 * the rest (the bare page's `SELECT 42`; the app's schema and bundled tables).
 */
function duckdbPhases(visits: Cold[]) {
  const phase = (from: (v: Cold) => number, to: (v: Cold) => number) => round(median(visits.map((v) => to(v) - from(v))));
  return {
    workerCreatedAtMs: phase(() => 0, (v) => v.duckdb.worker),
    instantiateMs: phase((v) => v.duckdb.worker, (v) => v.duckdb.instantiated),
    openAndConnectMs: phase((v) => v.duckdb.instantiated, (v) => v.duckdb.connected),
    connectedToReadyMs: phase((v) => v.duckdb.connected, (v) => v.dbReady!),
  };
}

/**
 * Cold start-up against two baselines measured in the same run, served the same way: the static page
 * with the same first chart, and DuckDB-WASM alone; the home page against DuckDB-WASM alone again over
 * an emulated network. Per view: a deep link until its content is painted, and its long tasks until
 * the database is ready. The home page and the baselines get twice `runs` rounds: db-ready against
 * bare moves 0.95–1.65 from one load to the next on these machines, and five pairs left a run's
 * figure 0.1 apart from the next run's.
 */
export async function startup(browser: Browser, base: string, dist: string, runs: number) {
  await writeStaticChart(browser, base, dist);
  const homeRuns = 2 * runs;
  const staticPaint: number[] = [];
  const rounds: Round[] = [];
  for (let i = 0; i < homeRuns; i++) {
    staticPaint.push((await coldVisit(browser, `${base}/static-chart.html`, '.diverging svg g.row', null)).painted);
    rounds.push(await bareThenHome(browser, base));
  }
  const local = againstBare(rounds);
  const home = rounds.map((r) => r.home);
  // JS the home page fetched before its first chart: as transferred (br), and as the same files' .gz.
  // Asked for and received before it: the entry of DuckDB's worker script, asked for after the first
  // chart, reports a response end before its start (Chromium 150), which alone would count it.
  const early = home[0].scripts.filter((s) => s.start <= home[0].painted && s.end <= home[0].painted);
  const gzip = early.reduce((sum, s) => sum + (existsSync(join(dist, `${s.url}.gz`)) ? statSync(join(dist, `${s.url}.gz`)).size : s.transferred), 0);
  const networkRounds: Round[] = [];
  for (let i = 0; i < homeRuns; i++) networkRounds.push(await bareThenHome(browser, base, true));
  const network = againstBare(networkRounds);
  const views: Record<string, { paintedMs: number; ratioToHome: number; longTasksOver50Ms: { count: number; maxMs: number } }> = {};
  for (const view of VIEWS) {
    const visits: Cold[] = [];
    for (let i = 0; i < runs; i++) visits.push(await coldVisit(browser, `${base}/?view=${view}`, PAINTED[view], 'app:db-ready'));
    const times = visits.map((v) => v.painted);
    views[view] = { paintedMs: round(median(times)), ratioToHome: ratio(median(times), local.firstChart), longTasksOver50Ms: longTasksToDbReady(visits) };
  }
  return {
    coldLoads: { homeAndBaselines: homeRuns, perView: runs },
    baselines: { staticFirstChartMs: round(median(staticPaint)), bareDuckdbReadyMs: round(local.bare) },
    home: {
      firstChartMs: round(local.firstChart),
      firstChartToStatic: ratio(local.firstChart, median(staticPaint)),
      dbReadyMs: round(local.dbReady),
      dbReadyToBare: local.toBare,
      dbReadyToBarePaired: { median: round2(median(local.pairs)), each: local.pairs },
      dbReadyPhases: local.phases,
      longTasksOver50Ms: longTasksToDbReady(home),
      jsBeforeFirstChart: { files: early.length, transferredBytes: early.reduce((sum, s) => sum + s.transferred, 0), gzipBytes: gzip },
    },
    overNetwork: {
      ...NETWORK,
      bareDuckdbReadyMs: round(network.bare),
      firstChartMs: round(network.firstChart),
      dbReadyMs: round(network.dbReady),
      dbReadyToBare: network.toBare,
      dbReadyToBarePaired: round2(median(network.pairs)),
      dbReadyPhases: network.phases,
    },
    deepLinkToPainted: views,
  };
}

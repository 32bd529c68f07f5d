import { AsyncDuckDB, ConsoleLogger, LogLevel, selectBundle } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { createBrowserDatabase } from '../../src/lib/db/duckdb-browser.ts';
import { IngestClient } from '../../src/lib/db/ingest-client.ts';
import { createSchema } from '../../src/lib/db/load.ts';
import { ratingDistributionByWardQuery, runQuery } from '../../src/lib/db/queries/index.ts';
import { NO_FILTERS, type RatingFilters } from '../../src/lib/db/sql.ts';
import { DEFAULT_THEMES } from '../../src/lib/text/themes.ts';
import { defaultWards } from '../../src/lib/ingest/registry.ts';
import IngestWorker from '../../src/lib/db/ingest.worker.ts?worker';
import readAheadWorker from '../../src/lib/db/read-ahead.worker.ts?worker&url';
import { benchRatingsCsv, benchWardsCsv } from './generate.ts';

const encode = (text: string) => new TextEncoder().encode(text);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Loads `rows` generated ratings through the app's own path: worker ingest, Arrow, DuckDB. */
async function ourPath(rows: number) {
  const csv = encode(benchRatingsCsv(rows));
  const db = await createBrowserDatabase();
  await createSchema(db, defaultWards(), DEFAULT_THEMES);
  const client = new IngestClient(db, () => new IngestWorker(), () => {}, readAheadWorker);
  await client.load([{ name: 'wards.csv', bytes: encode(benchWardsCsv()) }], 'user', DEFAULT_THEMES);
  const bytes = csv.length;
  const started = performance.now();
  await client.load([{ name: 'ratings.csv', bytes: csv }], 'user', DEFAULT_THEMES);
  const ms = performance.now() - started;
  const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM ratings');
  return { db, ms, bytes, loaded: n };
}

/** DuckDB's own read_csv of the same bytes, no validation: the floor our path is compared with. */
async function bareReadCsv(rows: number) {
  const csv = encode(benchRatingsCsv(rows));
  const bundle = await selectBundle({ mvp: { mainModule: mvpWasm, mainWorker: mvpWorker }, eh: { mainModule: ehWasm, mainWorker: ehWorker } });
  const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), new Worker(bundle.mainWorker!));
  await db.instantiate(bundle.mainModule);
  const conn = await db.connect();
  const started = performance.now();
  await db.registerFileBuffer('ratings.csv', csv);
  await conn.query(`CREATE TABLE t AS SELECT * FROM read_csv('ratings.csv', header = true)`);
  const ms = performance.now() - started;
  const n = Number((await conn.query('SELECT count(*) AS n FROM t')).toArray()[0].n);
  await db.terminate();
  return { ms, loaded: n };
}

const FILTERS: RatingFilters[] = [
  NO_FILTERS,
  { ...NO_FILTERS, fiscalYears: [2010] },
  { ...NO_FILTERS, raters: ['ward'] },
  { ...NO_FILTERS, stages: ['review'], raters: ['center'] },
  { ...NO_FILTERS, fiscalYears: [2005, 2006], stages: ['planning'] },
];

async function filterTimes(db: Awaited<ReturnType<typeof ourPath>>['db'], repeats: number) {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    for (const filters of FILTERS) {
      const started = performance.now();
      await runQuery(db, ratingDistributionByWardQuery(filters));
      times.push(performance.now() - started);
    }
  }
  return { runs: times.length, p50: percentile(times, 50), p95: percentile(times, 95) };
}

const median = (values: number[]) => percentile(values, 50);

/**
 * Ours and bare `read_csv`, alternated `repeats` times in the same page: the machine's speed drifts
 * within a run, and the ratio of medians (and the median of the pairs' ratios) is what carries over.
 */
async function run(rows: number, repeats = 3) {
  const oursMs: number[] = [];
  const bareMs: number[] = [];
  let loadedOurs = 0;
  let loadedBare = 0;
  let filter: Awaited<ReturnType<typeof filterTimes>> | null = null;
  let csvBytes = 0;
  for (let i = 0; i < repeats; i++) {
    const ours = await ourPath(rows);
    oursMs.push(ours.ms);
    loadedOurs = ours.loaded;
    csvBytes = ours.bytes;
    filter ??= await filterTimes(ours.db, 10);
    await ours.db.close();
    const bare = await bareReadCsv(rows);
    bareMs.push(bare.ms);
    loadedBare = bare.loaded;
  }
  const round1 = (x: number) => Math.round(x * 10) / 10;
  return {
    rows,
    csvBytes,
    runs: repeats,
    ingestOursMs: Math.round(median(oursMs)),
    ingestBareReadCsvMs: Math.round(median(bareMs)),
    ratio: round1(median(oursMs) / median(bareMs)),
    pairRatios: oursMs.map((ms, i) => round1(ms / bareMs[i])),
    oursEachMs: oursMs.map(Math.round),
    bareEachMs: bareMs.map(Math.round),
    loadedOurs,
    loadedBare,
    filterQueryMs: { runs: filter!.runs, p50: round1(filter!.p50), p95: round1(filter!.p95) },
  };
}

(window as unknown as { bench: typeof run }).bench = run;
document.body.dataset.ready = 'true';

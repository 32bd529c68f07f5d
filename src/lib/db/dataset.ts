import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { inBundledOrder } from './bundle.ts';
import type { Database } from './database.ts';
import { BY_YEAR, castColumns, DATASET_FORMAT, exportColumns, firstViewPath, type DatasetFile, type DatasetManifest } from './dataset-files.ts';
import { createNativeDatabase } from './duckdb-native.ts';
import type { ViewSnapshot } from './first-view.ts';
import { loadInto } from './node-load.ts';
import { ALL_TABLES } from './tables.ts';
import { isDataFile } from '../ingest/data-files.ts';
import { RATING_GROUPS_VIEW } from './rating-groups.ts';

/** Records each view's default state over a database (scripts/build/record-views.ts, which needs Svelte's SSR). */
export type RecordViews = (db: Database) => Promise<Record<string, ViewSnapshot>>;

/** The input files of a directory (CSV exports and published reports), in the order the app reads bundled data. */
export async function inputsOf(dir: string): Promise<Array<{ name: string; bytes: Uint8Array }>> {
  // A data folder's Markdown is its documentation (data/README.md), not a report.
  const names = (await readdir(dir)).filter((name) => isDataFile(name) && !/\.(md|markdown)$/i.test(name));
  return Promise.all(inBundledOrder(names.map((name) => ({ name, url: name }))).map(async ({ name }) => ({ name, bytes: new Uint8Array(await readFile(join(dir, name))) })));
}

/**
 * `npm run build-dataset`: the inputs through the app's own ingest (same validation, same reasons)
 * into native DuckDB, then every table as Parquet under `out/<table>/` (the large ones partitioned by
 * fiscal year and sorted by ward), the browser's Arrow files under `out/browser/` and each view's
 * first answers (when `recordViews` is given), and `manifest.json` with counts, years and the ingest report.
 */
export async function buildDataset(inputs: Array<{ name: string; bytes: Uint8Array }>, out: string, recordViews?: RecordViews): Promise<DatasetManifest> {
  const { db, reports } = await loadInto(await createNativeDatabase(), inputs, 'user');
  try {
    await mkdir(out, { recursive: true });
    const tables: DatasetManifest['tables'] = [];
    for (const { name } of ALL_TABLES) {
      const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${name}`);
      // An empty table is one file with its columns: a partitioned write of no rows leaves nothing to read.
      const partitioned = BY_YEAR.has(name) && n > 0;
      const target = join(out, name);
      const order = partitioned ? 'ORDER BY ward' : '';
      // Paths come from the table list and the caller's directory, never from data; quotes doubled all the same.
      const path = (partitioned ? target : join(target, 'data.parquet')).replaceAll("'", "''");
      if (!partitioned) await mkdir(target, { recursive: true });
      await db.exec(`COPY (SELECT * FROM ${name} ${order}) TO '${path}' (FORMAT parquet${partitioned ? ', PARTITION_BY (fiscal_year), OVERWRITE_OR_IGNORE' : ''})`);
      tables.push({ name, rows: n, partitionedBy: partitioned ? 'fiscal_year' : null });
    }
    const years = await db.query<{ y: number }>('SELECT DISTINCT fiscal_year::INTEGER AS y FROM ratings ORDER BY y');
    const [{ wards }] = await db.query<{ wards: number }>('SELECT count(*)::INTEGER AS wards FROM wards');
    const [provenance] = await db.query<DatasetManifest['provenance']>(
      `SELECT count(*) FILTER (WHERE provenance = 'real')::INTEGER AS "realRatings", count(*) FILTER (WHERE provenance = 'sample')::INTEGER AS "sampleRatings" FROM ratings`,
    );
    const browser = await writeBrowserFiles(db, out, years.map((r) => r.y));
    if (recordViews) {
      await mkdir(join(out, dirname(firstViewPath('view'))), { recursive: true });
      for (const [view, snapshot] of Object.entries(await recordViews(db))) await writeFile(join(out, firstViewPath(view)), JSON.stringify(snapshot));
    }
    const manifest: DatasetManifest = {
      format: DATASET_FORMAT,
      built: new Date().toISOString(),
      tables,
      fiscalYears: years.map((r) => r.y),
      wards,
      provenance,
      inputs: reports.map(({ file, kind, rowsRead, rowsLoaded, rowsDuplicate, rowsRejected, fileError }) => ({ file, kind, rowsRead, rowsLoaded, rowsDuplicate, rowsRejected, fileError })),
      browser,
    };
    await writeFile(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    await db.close();
  }
}

/** Every table as Arrow IPC streams for the browser, one per fiscal year for the large ones, each in key order. */
async function writeBrowserFiles(db: Database, out: string, fiscalYears: number[]): Promise<DatasetManifest['browser']> {
  const tables: DatasetManifest['browser']['tables'] = [];
  let total = 0;
  for (const spec of ALL_TABLES) {
    const partitioned = BY_YEAR.has(spec.name);
    const files: DatasetFile[] = [];
    // Years come from the data as numbers; nothing else reaches the SQL.
    for (const fiscalYear of partitioned ? fiscalYears : [null]) {
      const where = fiscalYear === null ? '' : `WHERE fiscal_year = ${Number(fiscalYear)}`;
      const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${spec.name} ${where}`);
      if (n === 0) continue;
      const ipc = await db.exportArrow(`SELECT ${exportColumns(spec)} FROM ${spec.name} ${where} ORDER BY ALL`);
      const path = `browser/${spec.name}${fiscalYear === null ? '' : `/${fiscalYear}`}.arrow`;
      await mkdir(dirname(join(out, path)), { recursive: true });
      await writeFile(join(out, path), ipc);
      files.push({ path, rows: n, bytes: ipc.length, fiscalYear });
      total += ipc.length;
    }
    tables.push({ name: spec.name, files });
  }
  return { tables, bytes: total };
}

/**
 * A dataset opened in native DuckDB: a view per table over its Parquet files, so the named queries
 * run on it unchanged. A directory without a manifest is read as inputs (CSV exports and reports)
 * through the ingest instead.
 */
export async function openDataset(dir: string): Promise<Database> {
  const manifest = await readFile(join(dir, 'manifest.json'), 'utf8').then((text) => JSON.parse(text) as DatasetManifest, () => null);
  if (!manifest) return (await loadInto(await createNativeDatabase(), await inputsOf(dir), 'user')).db;
  if (manifest.format !== DATASET_FORMAT) throw new Error(`${dir}: not a dataset this version reads (${String(manifest.format)})`);
  const db = await createNativeDatabase();
  for (const { name, partitionedBy } of manifest.tables) {
    const spec = ALL_TABLES.find((t) => t.name === name);
    if (!spec) throw new Error(`${dir}: unknown table ${name}`);
    const files = join(dir, name, partitionedBy ? '**/*.parquet' : 'data.parquet').replaceAll("'", "''");
    // Hive partitions give fiscal_year back as a column of their own type: each column is cast back to
    // the table's declared type, in the table's order, so a view reads exactly as the table.
    await db.exec(`CREATE VIEW ${name} AS SELECT ${castColumns(spec)} FROM read_parquet('${files}'${partitionedBy ? ', hive_partitioning = true' : ''})`);
  }
  await db.exec(RATING_GROUPS_VIEW);
  return db;
}

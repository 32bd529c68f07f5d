import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inBundledOrder } from './bundle.ts';
import type { Database } from './database.ts';
import { createNativeDatabase } from './duckdb-native.ts';
import { loadInto } from './node-load.ts';
import { ALL_TABLES } from './tables.ts';
import type { FileReport } from '../ingest/types.ts';

/** Tables written partitioned by fiscal year: a query for some years reads only their files. */
const BY_YEAR = new Set(['ratings', 'narratives', 'narrative_tags', 'narrative_words']);
const INPUT = /\.(csv|tsv|txt|html?|mhtml?)$/i;

export interface DatasetManifest {
  format: 'kyoten-dataset/1';
  built: string;
  tables: Array<{ name: string; rows: number; partitionedBy: string | null }>;
  fiscalYears: number[];
  wards: number;
  provenance: { realRatings: number; sampleRatings: number };
  /** Each input file as the ingest read it: rows read, loaded, merged as duplicates, rejected. */
  inputs: Array<Pick<FileReport, 'file' | 'kind' | 'rowsRead' | 'rowsLoaded' | 'rowsDuplicate' | 'rowsRejected' | 'fileError'>>;
}

/** The input files of a directory (CSV exports and published reports), in the order the app reads bundled data. */
export async function inputsOf(dir: string): Promise<Array<{ name: string; bytes: Uint8Array }>> {
  const names = (await readdir(dir)).filter((name) => INPUT.test(name));
  return Promise.all(inBundledOrder(names.map((name) => ({ name, url: name }))).map(async ({ name }) => ({ name, bytes: new Uint8Array(await readFile(join(dir, name))) })));
}

/**
 * `npm run build-dataset`: the inputs through the app's own ingest (same validation, same reasons)
 * into native DuckDB, then every table as Parquet under `out/<table>/` (the large ones partitioned by
 * fiscal year and sorted by ward), and `manifest.json` with counts, years and the ingest report.
 */
export async function buildDataset(inputs: Array<{ name: string; bytes: Uint8Array }>, out: string): Promise<DatasetManifest> {
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
    const manifest: DatasetManifest = {
      format: 'kyoten-dataset/1',
      built: new Date().toISOString(),
      tables,
      fiscalYears: years.map((r) => r.y),
      wards,
      provenance,
      inputs: reports.map(({ file, kind, rowsRead, rowsLoaded, rowsDuplicate, rowsRejected, fileError }) => ({ file, kind, rowsRead, rowsLoaded, rowsDuplicate, rowsRejected, fileError })),
    };
    await writeFile(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    await db.close();
  }
}

/**
 * A dataset opened in native DuckDB: a view per table over its Parquet files, so the named queries
 * run on it unchanged. A directory without a manifest is read as inputs (CSV exports and reports)
 * through the ingest instead.
 */
export async function openDataset(dir: string): Promise<Database> {
  const manifest = await readFile(join(dir, 'manifest.json'), 'utf8').then((text) => JSON.parse(text) as DatasetManifest, () => null);
  if (!manifest) return (await loadInto(await createNativeDatabase(), await inputsOf(dir), 'user')).db;
  if (manifest.format !== 'kyoten-dataset/1') throw new Error(`${dir}: not a dataset this version reads (${String(manifest.format)})`);
  const db = await createNativeDatabase();
  for (const { name, partitionedBy } of manifest.tables) {
    const spec = ALL_TABLES.find((t) => t.name === name);
    if (!spec) throw new Error(`${dir}: unknown table ${name}`);
    const files = join(dir, name, partitionedBy ? '**/*.parquet' : 'data.parquet').replaceAll("'", "''");
    // Hive partitions give fiscal_year back as a column of their own type: each column is cast back to
    // the table's declared type, in the table's order, so a view reads exactly as the table.
    const columns = spec.columns
      .map((c) => `${c.name}::${c.sql.split(/ (?:NOT NULL|PRIMARY KEY|DEFAULT)\b/)[0]} AS ${c.name}`)
      .join(', ');
    await db.exec(`CREATE VIEW ${name} AS SELECT ${columns} FROM read_parquet('${files}'${partitionedBy ? ', hive_partitioning = true' : ''})`);
  }
  return db;
}

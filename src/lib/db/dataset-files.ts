import { inTransaction, type Database } from './database.ts';
import { SCHEMA } from './schema.ts';
import { regroupRatings } from './rating-groups.ts';
import { ALL_TABLES, type Column, type TableSpec } from './tables.ts';
import type { FileReport } from '../ingest/types.ts';

/**
 * A dataset as files on a static host (`npm run build-dataset`): Parquet for native DuckDB and other
 * tools, and for the browser one Arrow IPC stream per table (per fiscal year for the large ones),
 * which DuckDB-WASM inserts without its Parquet extension (downloaded from extensions.duckdb.org, so
 * not available offline; see README), plus each view's first answers, so the first chart is drawn
 * from a few kilobytes while the tables download.
 */
export const DATASET_FORMAT = 'kyoten-dataset/1';
/** Tables written per fiscal year: a query for some years reads only their files. */
export const BY_YEAR = new Set(['ratings', 'narratives', 'narrative_tags', 'narrative_words']);
/** The text tables: fetched after the ratings, so the rating views are live first. */
export const TEXT_TABLES = new Set(['narratives', 'narrative_tags', 'narrative_words']);
const TEXT_TABLE_NAME = new RegExp(`\\b(${[...TEXT_TABLES].join('|')})\\b`);
/** The SQL reads one of the text tables (which a dataset fetches after the rating tables). */
export const readsTextTables = (sql: string) => TEXT_TABLE_NAME.test(sql);
/** Each view's default state's queries and answers, at `browser/first-view/<view>.json`. */
export const firstViewPath = (view: string) => `browser/first-view/${view}.json`;

export interface DatasetFile {
  /** Relative to the dataset's folder. */
  path: string;
  rows: number;
  bytes: number;
  fiscalYear: number | null;
}

export interface DatasetManifest {
  format: typeof DATASET_FORMAT;
  built: string;
  tables: Array<{ name: string; rows: number; partitionedBy: string | null }>;
  fiscalYears: number[];
  wards: number;
  provenance: { realRatings: number; sampleRatings: number };
  /** Each input file as the ingest read it: rows read, loaded, merged as duplicates, rejected. */
  inputs: Array<Pick<FileReport, 'file' | 'kind' | 'rowsRead' | 'rowsLoaded' | 'rowsDuplicate' | 'rowsRejected' | 'fileError'>>;
  browser: { tables: Array<{ name: string; files: DatasetFile[] }>; bytes: number };
}

/** A column's declared SQL type, without its constraints. */
const declaredType = (column: Column<never>) => column.sql.split(/ (?:NOT NULL|PRIMARY KEY|DEFAULT)\b/)[0];
/** Dates and lists have no Arrow form in the native export: they travel as text and are cast back. */
const travelsAsText = (column: Column<never>) => /^DATE$|\[\]$/.test(declaredType(column));

/** Every column of a table cast to its declared type, in the table's order: how a dataset's files read back as the table. */
export function castColumns(spec: TableSpec<never>): string {
  return spec.columns.map((c) => `${c.name}::${declaredType(c)} AS ${c.name}`).join(', ');
}

/** The SELECT list that writes a table's browser file: every column, text where it must travel as text. */
export function exportColumns(spec: TableSpec<never>): string {
  return spec.columns.map((c) => (travelsAsText(c) ? `${c.name}::VARCHAR AS ${c.name}` : c.name)).join(', ');
}

function specOf(name: string): TableSpec<never> {
  const spec = ALL_TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`dataset: unknown table ${name}`);
  return spec as TableSpec<never>;
}

/** Files downloading while one is inserted. */
const FETCH_AHEAD = 4;

export interface DatasetProgress {
  bytes: number;
  totalBytes: number;
}

/** Fetches one of the dataset's files; a file that cannot be fetched is named in the error. */
export type FetchBytes = (path: string) => Promise<Uint8Array>;

/**
 * Inserts the named tables' browser files, in one transaction: straight in when every column has
 * its Arrow form, else through a staging table and an explicit cast of each column.
 */
export async function insertDatasetTables(
  db: Database,
  manifest: DatasetManifest,
  names: ReadonlySet<string>,
  fetchBytes: FetchBytes,
  onProgress: (p: DatasetProgress) => void = () => {},
): Promise<void> {
  const wanted = manifest.browser.tables.filter((t) => names.has(t.name));
  const files = wanted.flatMap((t) => t.files.map((file) => ({ spec: specOf(t.name), file })));
  const totalBytes = files.reduce((n, { file }) => n + file.bytes, 0);
  // A few files download ahead of the one being inserted: the network stays busy, and the tab holds
  // a few files' bytes at a time rather than the whole dataset's.
  const pending = new Map<number, Promise<Uint8Array>>();
  const ask = (i: number) => {
    if (i < files.length && !pending.has(i)) pending.set(i, fetchBytes(files[i].file.path));
  };
  let bytes = 0;
  // A failed insert can leave files still downloading: their outcome no longer matters (`finally`).
  await inTransaction(db, async () => {
    for (let i = 0; i < files.length; i++) {
      for (let ahead = i; ahead < i + FETCH_AHEAD; ahead++) ask(ahead);
      const { spec, file } = files[i];
      const ipc = await pending.get(i)!;
      pending.delete(i);
      if (spec.columns.some(travelsAsText)) {
        await db.insertArrow('dataset_staging', ipc);
        await db.exec(`INSERT INTO ${spec.name} SELECT ${castColumns(spec)} FROM dataset_staging`);
        await db.exec('DROP TABLE dataset_staging');
      } else {
        await db.appendArrow(spec.name, ipc);
      }
      bytes += file.bytes;
      onProgress({ bytes, totalBytes });
    }
  }).finally(() => pending.forEach((p) => p.catch(() => undefined)));
}

/** The schema, then every table but the text ones: what the rating views need. */
export async function openDatasetTables(db: Database, manifest: DatasetManifest, fetchBytes: FetchBytes, onProgress?: (p: DatasetProgress) => void): Promise<void> {
  if (manifest.format !== DATASET_FORMAT) throw new Error(`not a dataset this version reads (${String(manifest.format)})`);
  await db.exec(SCHEMA);
  const core = new Set(manifest.browser.tables.map((t) => t.name).filter((name) => !TEXT_TABLES.has(name)));
  await insertDatasetTables(db, manifest, core, fetchBytes, onProgress);
  await regroupRatings(db);
}

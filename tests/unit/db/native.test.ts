import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDataset, openDataset } from '../../../src/lib/db/dataset.ts';
import { insertDatasetTables, openDatasetTables, TEXT_TABLES, type DatasetManifest } from '../../../src/lib/db/dataset-files.ts';
import { createNodeDatabase } from '../../../src/lib/db/duckdb-node.ts';
import { ALL_TABLES } from '../../../src/lib/db/tables.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database.ts';
import { createNativeDatabase } from '../../../src/lib/db/duckdb-native.ts';
import { loadInto, loadIntoNodeDatabase } from '../../../src/lib/db/node-load.ts';
import { NOT_IN_CATALOG, namedQueries } from '../../../src/lib/db/queries/catalog.ts';
import * as queries from '../../../src/lib/db/queries/index.ts';
import { inBundledOrder } from '../../../src/lib/db/bundle.ts';
import { IngestSession } from '../../../src/lib/ingest/session.ts';

const DATA = join(import.meta.dirname, '../../../data');
const files = inBundledOrder(readdirSync(DATA).filter((f) => f.endsWith('.csv')).map((name) => ({ name, url: name }))).map(({ name }) => ({
  name,
  bytes: new Uint8Array(readFileSync(join(DATA, name))),
}));

/** Doubles to 9 decimal places (`+ 0` folds −0): the builds may differ in the last bits of a mean, or of a κ that is 0. */
const settle = (value: unknown): unknown => {
  if (typeof value === 'number' && !Number.isInteger(value)) return Math.round(value * 1e9) / 1e9 + 0;
  if (Array.isArray(value)) return value.map(settle);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, settle(v)]));
  return value;
};

let wasm: Database;
let native: Database;
let parquet: Database;
/** DuckDB-WASM filled from the dataset's browser files, as the page does with `?dataset=`. */
let arrowFiles: Database;
let datasetDir: string;
let manifest: DatasetManifest;
beforeAll(async () => {
  ({ db: wasm } = await loadIntoNodeDatabase(files, 'user'));
  ({ db: native } = await loadInto(await createNativeDatabase(), files, 'user'));
  datasetDir = mkdtempSync(join(tmpdir(), 'kyoten-dataset-'));
  manifest = await buildDataset(files, datasetDir);
  parquet = await openDataset(datasetDir);
  arrowFiles = await createNodeDatabase();
  const fetchBytes = async (path: string) => new Uint8Array(readFileSync(join(datasetDir, path)));
  await openDatasetTables(arrowFiles, manifest, fetchBytes);
  await insertDatasetTables(arrowFiles, manifest, TEXT_TABLES, fetchBytes);
}, 120_000);
afterAll(async () => {
  await wasm.close();
  await native.close();
  await parquet.close();
  await arrowFiles.close();
  rmSync(datasetDir, { recursive: true, force: true });
});

describe('the named queries in native DuckDB', () => {
  it('the catalog names every query factory the app has', () => {
    const factories = Object.keys(queries).filter((name) => name.endsWith('Query') && !NOT_IN_CATALOG.includes(name));
    const named = new Set(Object.values(namedQueries()).map((q) => q.name.replace(/:.*/, '')));
    for (const factory of factories) expect(named, factory).toContain(factory.replace(/Query$/, ''));
  });

  it('loads the bundled data into the same tables with the same counts', async () => {
    const count = (db: Database) => db.query<{ n: number }>('SELECT (SELECT count(*) FROM ratings) + 1000000 * (SELECT count(*) FROM narratives) AS n');
    expect(await count(native)).toEqual(await count(wasm));
  });

  for (const [name, query] of Object.entries(namedQueries())) {
    it(`${name}: the same rows as DuckDB-WASM, in memory, over the Parquet dataset and from its browser files`, async () => {
      const run = (db: Database) => db.query(query.sql, query.params);
      const [a, b, c, d] = [await run(native), await run(wasm), await run(parquet), await run(arrowFiles)];
      expect(a.length, 'rows').toBe(b.length);
      expect(settle(a)).toEqual(settle(b));
      expect(settle(c)).toEqual(settle(b));
      expect(settle(d)).toEqual(settle(b));
    });
  }
});

describe("the dataset's browser files", () => {
  it('give every table back row for row, with its types', async () => {
    for (const { name } of ALL_TABLES) {
      const sql = `SELECT * FROM ${name} ORDER BY ALL`;
      expect(await arrowFiles.query(sql), name).toEqual(await wasm.query(sql));
      const types = `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${name}' ORDER BY ordinal_position`;
      expect(await arrowFiles.query(types), name).toEqual(await wasm.query(types));
    }
  });

  it('list one file per fiscal year for the large tables, with rows and bytes', () => {
    const ratings = manifest.browser.tables.find((t) => t.name === 'ratings')!;
    expect(ratings.files.map((f) => f.fiscalYear)).toEqual(manifest.fiscalYears);
    expect(ratings.files.reduce((n, f) => n + f.rows, 0)).toBe(manifest.tables.find((t) => t.name === 'ratings')!.rows);
    for (const f of ratings.files) expect(readFileSync(join(datasetDir, f.path)).length).toBe(f.bytes);
    expect(manifest.browser.bytes).toBe(manifest.browser.tables.flatMap((t) => t.files).reduce((n, f) => n + f.bytes, 0));
  });
});

describe('the Parquet dataset', () => {
  it('has a manifest with every table, its rows, the years and the ingest report, and year partitions', async () => {
    const rows = (name: string) => manifest.tables.find((t) => t.name === name)?.rows;
    const [{ n }] = await wasm.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM ratings');
    expect(rows('ratings')).toBe(n);
    expect(manifest.tables.map((t) => t.name).sort()).toEqual(ALL_TABLES.map((t) => t.name).sort());
    expect(manifest.fiscalYears).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(manifest.inputs.map((i) => i.file)).toEqual(files.map((f) => f.name));
    expect(manifest.inputs.every((i) => i.rowsRead === i.rowsLoaded + i.rowsDuplicate + i.rowsRejected)).toBe(true);
    expect(readdirSync(join(datasetDir, 'ratings')).sort()).toEqual(manifest.fiscalYears.map((y) => `fiscal_year=${y}`));
  });

  it('npm run query prints a named query’s rows from it', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/query.ts', '--dataset', datasetDir, '--name', 'ratingDistributionByWard', '--format', 'json'], { encoding: 'utf8' });
    expect(JSON.parse(out)).toHaveLength(18);
    const csv = execFileSync('npx', ['tsx', 'scripts/query.ts', '--dataset', datasetDir, '--sql', 'SELECT count(*) AS n FROM ratings'], { encoding: 'utf8' });
    expect(csv.trim().split('\n')).toEqual(['n', String(manifest.tables.find((t) => t.name === 'ratings')!.rows)]);
    expect(() => execFileSync('npx', ['tsx', 'scripts/query.ts', '--dataset', datasetDir, '--sql', 'DELETE FROM ratings'], { stdio: 'pipe' })).toThrow();
  });

  it('npm run query prints dates as dates, so that a table it prints loads again', async () => {
    const sql = "SELECT ward, fiscal_year, operator, period_start, period_end, TIMESTAMP '2025-04-01 09:30:00' AS checked FROM centers WHERE ward = '鶴見区' AND fiscal_year = 2025";
    const csv = execFileSync('npx', ['tsx', 'scripts/query.ts', '--dataset', datasetDir, '--sql', sql], { encoding: 'utf8' });
    expect(csv.trim().split('\n')).toEqual(['ward,fiscal_year,operator,period_start,period_end,checked', '鶴見区,2025,社会福祉法人青い鳥,2025-04-01,2026-03-31,2025-04-01 09:30:00']);
    const json = execFileSync('npx', ['tsx', 'scripts/query.ts', '--dataset', datasetDir, '--sql', sql, '--format', 'json'], { encoding: 'utf8' });
    expect(JSON.parse(json)).toEqual([{ ward: '鶴見区', fiscal_year: 2025, operator: '社会福祉法人青い鳥', period_start: '2025-04-01', period_end: '2026-03-31', checked: '2025-04-01 09:30:00' }]);
    const batch = await new IngestSession().ingestFile('centers.csv', new TextEncoder().encode(csv));
    expect(batch.report).toMatchObject({ kind: 'centers', rowsLoaded: 1, rowsRejected: 0 });
    expect(batch.centers[0]).toMatchObject({ periodStart: '2025-04-01', periodEnd: '2026-03-31' });
  });
});

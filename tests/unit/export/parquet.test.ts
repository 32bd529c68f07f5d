import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../../src/lib/db/database.ts';
import { toParquet } from '../../../src/lib/export/parquet.ts';
import { kindOfArrowType } from '../../../src/lib/export/table.ts';
import { databaseWith } from '../db/helpers.ts';
import { tempDir } from '../temp-dir.ts';

const DATA = ['real_tsurumi_2025_ratings.csv', 'real_tsurumi_2025_narratives.csv', 'real_tsurumi_2025_centers.csv'].map(
  (name) => [name, readFileSync(join(import.meta.dirname, '../../../data', name))] as [string, Uint8Array],
);

/** A file read back by DuckDB itself (the native build, which has the Parquet reader built in). */
async function readBack(bytes: Uint8Array) {
  const path = join(tempDir('parquet-'), 'out.parquet');
  writeFileSync(path, bytes);
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const types = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`)).getRowObjectsJson();
  const rows = (await connection.runAndReadAll(`SELECT * FROM read_parquet('${path}')`)).getRowObjectsJson();
  connection.closeSync();
  return { types: Object.fromEntries(types.map((t) => [t.column_name, t.column_type])), rows };
}

let db: Database;
beforeAll(async () => {
  ({ db } = await databaseWith(DATA));
});
afterAll(() => db.close());

async function exportResult(sql: string) {
  const result = await db.runUserSql(sql).result;
  const columns = result.columns.map((c) => ({ name: c.name, label: c.name, kind: kindOfArrowType(c.type) }));
  return { result, readBack: await readBack(toParquet({ columns, rows: result.rows })) };
}

describe('Parquet export', () => {
  test('the ratings table read back by DuckDB equals the table, Japanese text and nulls included', async () => {
    const { result, readBack: back } = await exportResult('SELECT * FROM ratings ORDER BY file_id, line');
    expect(result.rows.length).toBe(48);
    expect(back.types).toMatchObject({ ward: 'VARCHAR', fiscal_year: 'INTEGER', question: 'VARCHAR', score: 'INTEGER', line: 'INTEGER' });
    expect(back.rows).toEqual(result.rows);
    expect(back.rows.some((r) => r.score === null)).toBe(result.rows.some((r) => r.score === null));
    expect(back.rows[0].ward).toBe('鶴見区');
  });

  test('dates stay dates, lists become JSON, doubles stay doubles', async () => {
    const { result, readBack: back } = await exportResult(
      `SELECT ward, period_start, period_end, [center_name, operator] AS names, contract_year / 3 AS third, contract_year > 2000 AS recent
       FROM centers`,
    );
    expect(back.types).toMatchObject({ period_start: 'DATE', names: 'JSON', third: 'DOUBLE', recent: 'BOOLEAN' });
    expect(back.rows.length).toBe(result.rows.length);
    const day = (ms: unknown) => (ms === null ? null : new Date(Number(ms)).toISOString().slice(0, 10));
    expect(back.rows.map((r) => [r.period_start, r.period_end])).toEqual(result.rows.map((r) => [day(r.period_start), day(r.period_end)]));
    expect(back.rows.map((r) => JSON.parse(String(r.names)))).toEqual(result.rows.map((r) => r.names));
    expect(back.rows.map((r) => [r.third, r.recent])).toEqual(result.rows.map((r) => [r.third, r.recent]));
  });

  test('an empty result is a valid file with the columns and no rows', async () => {
    const { readBack: back } = await exportResult("SELECT ward, fiscal_year FROM ratings WHERE ward = 'どこでもない区'");
    expect(back.rows).toEqual([]);
    expect(Object.keys(back.types)).toEqual(['ward', 'fiscal_year']);
  });
});

test('Arrow type names map to export kinds', () => {
  expect(['Int16', 'Int64', 'Float64', 'Decimal[18e3]', 'Utf8', 'Bool', 'Date32<DAY>', 'Timestamp<MICROSECOND>', 'List<Utf8>'].map(kindOfArrowType)).toEqual([
    'int32', 'int64', 'double', 'double', 'string', 'boolean', 'date', 'timestamp', 'json',
  ]);
});

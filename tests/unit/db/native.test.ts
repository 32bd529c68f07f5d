import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database.ts';
import { createNativeDatabase } from '../../../src/lib/db/duckdb-native.ts';
import { loadInto, loadIntoNodeDatabase } from '../../../src/lib/db/node-load.ts';
import { NOT_IN_CATALOG, namedQueries } from '../../../src/lib/db/queries/catalog.ts';
import * as queries from '../../../src/lib/db/queries/index.ts';
import { inBundledOrder } from '../../../src/lib/db/bundle.ts';

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
beforeAll(async () => {
  ({ db: wasm } = await loadIntoNodeDatabase(files, 'bundled'));
  ({ db: native } = await loadInto(await createNativeDatabase(), files, 'bundled'));
}, 120_000);
afterAll(async () => {
  await wasm.close();
  await native.close();
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
    it(`${name}: the same rows as DuckDB-WASM`, async () => {
      const [a, b] = [await native.query(query.sql, query.params), await wasm.query(query.sql, query.params)];
      expect(a.length, 'rows').toBe(b.length);
      expect(settle(a)).toEqual(settle(b));
    });
  }
});

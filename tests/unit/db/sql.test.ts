import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database.ts';
import { NO_FILTERS, quoteIdentifier, ratingFiltersWhere } from '../../../src/lib/db/sql.ts';
import { databaseWith } from './helpers.ts';

let db: Database;
beforeAll(async () => {
  ({ db } = await databaseWith([]));
});
afterAll(() => db.close());

describe('ratingFiltersWhere(filters)', () => {
  it('is TRUE with no filters', () => {
    expect(ratingFiltersWhere(NO_FILTERS)).toEqual({ sql: 'TRUE', params: [] });
  });

  it('binds every value and names only whitelisted columns', async () => {
    const where = ratingFiltersWhere({
      fiscalYears: [2024, 2025], wards: ["鶴見区'; DROP TABLE ratings; --"], stages: ['review'], raters: ['ward', 'joint'], includeSample: false,
    });
    expect(where).toEqual({
      sql: 'r.fiscal_year IN (?, ?) AND r.ward IN (?) AND r.stage IN (?) AND r.rater IN (?, ?) AND r.provenance = ?',
      params: [2024, 2025, "鶴見区'; DROP TABLE ratings; --", 'review', 'ward', 'joint', 'real'],
    });
    const rows = await db.query(`SELECT count(*)::INTEGER AS n FROM ratings r WHERE ${where.sql}`, where.params);
    expect(rows).toEqual([{ n: 0 }]);
    expect(await db.query("SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'ratings'")).toEqual([{ n: 1 }]);
  });
});

describe('quoteIdentifier(name)', () => {
  it('doubles embedded quotes', () => expect(quoteIdentifier('a"b')).toBe('"a""b"'));
});

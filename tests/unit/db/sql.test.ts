import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database.ts';
import { NO_FILTERS, quoteIdentifier, ratingFiltersWhere } from '../../../src/lib/db/sql.ts';
import { databaseWith, LONG_HEADER } from './helpers.ts';

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
      fiscalYears: [2024, 2025], wards: ["鶴見区'; DROP TABLE ratings; --"], stages: ['review'], raters: ['ward', 'joint'],
      questions: [{ stage: 'review', questionNo: 2 }, { stage: 'planning', questionNo: 6 }], includeSample: false,
    });
    expect(where).toEqual({
      sql:
        'r.fiscal_year IN (?, ?) AND r.ward IN (?) AND r.stage IN (?) AND r.rater IN (?, ?) ' +
        'AND ((r.stage = ? AND r.question_no = ?) OR (r.stage = ? AND r.question_no = ?)) AND r.provenance = ?',
      params: [2024, 2025, "鶴見区'; DROP TABLE ratings; --", 'review', 'ward', 'joint', 'review', 2, 'planning', 6, 'real'],
    });
    const rows = await db.query(`SELECT count(*)::INTEGER AS n FROM ratings r WHERE ${where.sql}`, where.params);
    expect(rows).toEqual([{ n: 0 }]);
    expect(await db.query("SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'ratings'")).toEqual([{ n: 1 }]);
  });


  it('an empty list is "none": it matches nothing, and still runs', async () => {
    const where = ratingFiltersWhere({ ...NO_FILTERS, wards: [] });
    expect(where).toEqual({ sql: 'FALSE', params: [] });
    expect(await db.query(`SELECT count(*)::INTEGER AS n FROM ratings r WHERE ${where.sql}`)).toEqual([{ n: 0 }]);
  });
});

describe('quoteIdentifier(name)', () => {
  it('doubles embedded quotes', () => expect(quoteIdentifier('a"b')).toBe('"a""b"'));
});

describe('the SQL console’s connection', () => {
  it('rolls back whatever it runs, so even a statement past the guard leaves the app’s tables as they were', async () => {
    const { db: own } = await databaseWith([['r.csv', `${LONG_HEADER}西区,2024,1,1,区,A\n`]]);
    await own.runUserSql('DROP TABLE ratings').result;
    await own.runUserSql('CREATE TABLE scratch AS SELECT 1 AS x').result;
    const [{ n }] = await own.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM ratings');
    expect(n).toBe(1);
    const tables = await own.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_name = 'scratch'");
    expect(tables).toEqual([]);
    await own.close();
  });
});

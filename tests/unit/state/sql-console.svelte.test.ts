import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobText, timeOfDay } from '../../../src/lib/db/console-values.ts';
import { readFileSync } from 'node:fs';
import type { Database } from '../../../src/lib/db/database.ts';
import { kindOfArrowType, plainText } from '../../../src/lib/export/table.ts';
import { SqlConsoleState } from '../../../src/lib/state/sql-console.svelte.ts';
import { databaseWith } from '../db/helpers.ts';

describe('the SQL console shows every value as DuckDB would print it (real DuckDB)', () => {
  let db: Database;
  beforeAll(async () => {
    // The real report's center row: its contract period is two dates.
    const centers = 'real_tsurumi_2025_centers.csv';
    ({ db } = await databaseWith([[centers, readFileSync(`data/${centers}`)]]));
  });
  afterAll(() => db.close());

  async function run(sql: string) {
    const console_ = new SqlConsoleState();
    await console_.run(db, sql);
    expect(console_.error).toBeNull();
    return console_.result!;
  }

  it('times of day, BLOBs and intervals as text; dates and timestamps as dates on screen and in files', async () => {
    const result = await run(
      `SELECT TIME '10:00:01.25' t, 'xy\\x5C'::BLOB b, '\\xAA\\x00'::BLOB b2, INTERVAL '2 months 3 days 01:02:03.5' i, INTERVAL 1 DAY i2,
        DATE '2025-04-01' d, TIMESTAMP '2025-04-01 10:00' ts, 7 n;`,
    );
    expect(result.rows).toHaveLength(1);
    const row = result.rows[0];
    expect(row).toMatchObject({ t: '10:00:01.25', b: 'xy\\x5C', b2: '\\xAA\\x00', i: '2 months 3 days 01:02:03.5', i2: '1 day', n: 7 });
    const kinds = Object.fromEntries(result.columns.map((c) => [c.name, kindOfArrowType(c.type)]));
    expect(kinds).toMatchObject({ t: 'string', b: 'string', i: 'string', d: 'date', ts: 'timestamp' });
    expect(plainText(kinds.d, row.d)).toBe('2025-04-01');
    expect(plainText(kinds.ts, row.ts)).toBe('2025-04-01 10:00:00');
  });

  it('dates and times inside lists and structs as DuckDB prints them; plain lists stay lists', async () => {
    const result = await run(`SELECT [DATE '2025-04-01', NULL] AS days, {'t': TIME '10:00', 'n': 1} AS s, [1, 2] AS plain`);
    expect(result.rows[0]).toEqual({ days: '[2025-04-01, NULL]', s: "{'t': '10:00:00', 'n': 1}", plain: [1, 2] });
  });

  it('an interval over the tables, with a quote in the statement', async () => {
    const result = await run(`SELECT 'it''s' AS s, age(max(period_end), min(period_start)) AS span FROM centers WHERE ward = '鶴見区'`);
    expect(result.rows).toEqual([{ s: "it's", span: '11 months 30 days' }]);
  });

  it('timeOfDay and blobText', () => {
    expect(timeOfDay(36_001_250_000, 'MICROSECOND')).toBe('10:00:01.25');
    expect(timeOfDay(86_399, 'SECOND')).toBe('23:59:59');
    expect(timeOfDay(5, 'NANOSECOND')).toBe('00:00:00.000000005');
    expect(blobText(new Uint8Array([0x41, 0x0a, 0x5c, 0xff]))).toBe('A\\x0A\\x5C\\xFF');
  });
});

import { describe, expect, it } from 'vitest';
import { checkConsoleSql, splitStatements } from '../../../src/lib/db/console-guard.ts';

describe('checkConsoleSql(sql): the console only reads (a typo goes on to DuckDB, which names it)', () => {
  it.each([
    'SELECT * FROM ratings',
    'with x as (select 1) select * from x',
    'FROM ratings LIMIT 3',
    '  (SELECT 1) UNION (SELECT 2)',
    "SELECT ';DROP TABLE ratings' AS s",
    'DESCRIBE ratings; SHOW TABLES; SUMMARIZE ratings',
    'EXPLAIN SELECT 1',
    'EXPLAIN ANALYZE SELECT 1',
    "PRAGMA table_info('ratings')",
    '-- a comment; DROP TABLE x\nSELECT 1',
    'SELEC ward FROM ratings',
  ])('lets through %j', (sql) => expect(checkConsoleSql(sql)).toEqual({ ok: true }));

  it.each([
    ['DROP TABLE ratings', 'DROP'],
    ['SELECT 1; DELETE FROM ratings', 'DELETE'],
    ['create table x as select 1', 'CREATE'],
    ['INSERT INTO ratings SELECT * FROM ratings', 'INSERT'],
    ['UPDATE ratings SET rating = NULL', 'UPDATE'],
    ['ALTER TABLE ratings RENAME TO r', 'ALTER'],
    ["ATTACH 'x.db'", 'ATTACH'],
    ["COPY ratings TO 'x.csv'", 'COPY'],
    ['SET threads = 1', 'SET'],
    ['BEGIN; DROP TABLE ratings; COMMIT', 'BEGIN'],
    ['EXPLAIN ANALYZE DELETE FROM ratings', 'DELETE'],
    ['PRAGMA threads = 1', 'PRAGMA'],
    ['/* hidden */ TRUNCATE ratings', 'TRUNCATE'],
  ])('refuses %j, naming %s', (sql, keyword) => expect(checkConsoleSql(sql)).toMatchObject({ ok: false, keyword }));

  it('splits on semicolons outside strings, quoted names, dollar quotes and comments', () => {
    expect(splitStatements(`SELECT 'a;b', "c;d", $$e;f$$ /* g;h */ ; -- i;j\nSELECT 2;`)).toEqual([`SELECT 'a;b', "c;d", $$e;f$$`, 'SELECT 2']);
  });
});

import { describe, expect, it } from 'vitest';
import type { Query } from '../../../src/lib/db/queries/index.ts';
import { ResultCache } from '../../../src/lib/state/result-cache.ts';

const query = (sql: string, ...params: Array<string | number | boolean | null>): Query<{ n: number }> => ({ name: 'q', sql, params });
const rows = (count: number) => Array.from({ length: count }, (_, n) => ({ n }));

describe('ResultCache', () => {
  it('answers exactly the SQL and values it kept, for the data version it kept them at', () => {
    const cache = new ResultCache();
    cache.set(3, query('SELECT ?', 1), rows(1));
    expect(cache.get(3, query('SELECT ?', 1))).toEqual([{ n: 0 }]);
    expect(cache.get(3, query('SELECT ?', 2))).toBeNull();
    // The values' types count: 1 and '1' are different queries.
    expect(cache.get(3, query('SELECT ?', '1'))).toBeNull();
    expect(cache.get(3, query('SELECT  ?', 1))).toBeNull();
    // NaN and null, true and 'true', one value 'a,b' and two: each its own query.
    cache.set(3, query('SELECT ?', Number.NaN), rows(2));
    expect(cache.get(3, query('SELECT ?', null))).toBeNull();
    expect(cache.get(3, query('SELECT ?', Number.NaN))).toHaveLength(2);
    cache.set(3, query('SELECT ?', true), rows(3));
    expect(cache.get(3, query('SELECT ?', 'true'))).toBeNull();
    cache.set(3, query('SELECT ?', 'a,b'), rows(4));
    expect(cache.get(3, query('SELECT ?', 'a', 'b'))).toBeNull();
    expect(cache.get(4, query('SELECT ?', 1))).toBeNull();
  });

  it('a new data version empties it', () => {
    const cache = new ResultCache();
    cache.set(1, query('a'), rows(1));
    cache.set(2, query('b'), rows(1));
    expect(cache.size).toBe(1);
    expect(cache.get(1, query('a'))).toBeNull();
    expect(cache.get(2, query('b'))).not.toBeNull();
  });

  it('drops the least recently used answer first, by count of answers and of rows; an answer too large is not kept', () => {
    const byAnswers = new ResultCache(2, 1000);
    byAnswers.set(0, query('a'), rows(1));
    byAnswers.set(0, query('b'), rows(1));
    expect(byAnswers.get(0, query('a'))).not.toBeNull();
    byAnswers.set(0, query('c'), rows(1));
    expect([byAnswers.get(0, query('a')) !== null, byAnswers.get(0, query('b')) !== null, byAnswers.get(0, query('c')) !== null]).toEqual([true, false, true]);

    const byRows = new ResultCache(10, 100);
    byRows.set(0, query('a'), rows(25));
    byRows.set(0, query('b'), rows(25));
    byRows.set(0, query('c'), rows(25));
    byRows.set(0, query('d'), rows(25));
    byRows.set(0, query('e'), rows(25));
    expect(byRows.get(0, query('a'))).toBeNull();
    expect(byRows.size).toBe(4);
    // More than a quarter of the rows allowed: asked again each time rather than emptying the cache.
    byRows.set(0, query('big'), rows(26));
    expect([byRows.get(0, query('big')), byRows.size]).toEqual([null, 4]);
    // Kept again under the same key: its rows counted once, and it is the most recent (c, d, e, b: 85 rows).
    byRows.set(0, query('b'), rows(10));
    byRows.set(0, query('f'), rows(25));
    expect([byRows.get(0, query('c')), byRows.size]).toEqual([null, 4]);
    expect([byRows.get(0, query('d')), byRows.get(0, query('b'))].map((r) => r?.length)).toEqual([25, 10]);
  });

  it('hands out the kept array frozen: a view that changed it would change every view showing it', () => {
    const cache = new ResultCache();
    cache.set(0, query('a'), rows(2));
    const kept = cache.get(0, query('a')) as Array<{ n: number }>;
    expect(() => kept.push({ n: 9 })).toThrow(TypeError);
    expect(() => kept.sort((x, y) => y.n - x.n)).toThrow(TypeError);
  });
});

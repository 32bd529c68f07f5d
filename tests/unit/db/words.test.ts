import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database.ts';
import { cooccurrenceQuery, runQuery, wordItemsQuery, wordWardTableQuery } from '../../../src/lib/db/queries/index.ts';
import { NO_FILTERS } from '../../../src/lib/db/sql.ts';
import { databaseWith } from './helpers.ts';

const NARRATIVES =
  'ward,fiscal_year,section,item_no,text\n' +
  [
    '鶴見区,2024,challenge,1,父親の参加が少ない。父親の参加を増やす。',
    '鶴見区,2024,effect,1,父親の参加が増えた。',
    '鶴見区,2025,challenge,1,地域の連携が課題。',
    '西区,2024,challenge,1,地域の連携と父親の参加。',
    '西区,2025,effect,1,ピアサポートの仕組みができた。',
    '中区,2025,challenge,1,孤立しがちな家庭への支援。地域の連携。',
  ].join('\n');

let db: Database;
let rows: Array<{ ward: string; fiscalYear: number; section: string; itemNo: number; word: string }>;
beforeAll(async () => {
  ({ db } = await databaseWith([['narratives.csv', NARRATIVES]]));
  rows = await db.query('SELECT ward, fiscal_year::INTEGER AS "fiscalYear", section, item_no::INTEGER AS "itemNo", word FROM narrative_words');
});
afterAll(() => db.close());

/** The same figures worked out here in plain TypeScript from the word rows, independent of the SQL. */
function expectedEdges(topWords: number) {
  const itemsOf = new Map<string, Set<string>>();
  for (const r of rows) {
    const item = `${r.ward}|${r.fiscalYear}|${r.section}|${r.itemNo}`;
    if (!itemsOf.has(r.word)) itemsOf.set(r.word, new Set());
    itemsOf.get(r.word)!.add(item);
  }
  const top = [...itemsOf].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1)).slice(0, topWords);
  const edges = [];
  for (const [a, A] of top) {
    for (const [b, B] of top) {
      if (!(a < b)) continue;
      const co = [...A].filter((i) => B.has(i)).length;
      if (co > 0) edges.push({ source: a, target: b, co, jaccard: co / (A.size + B.size - co) });
    }
  }
  return edges.sort((x, y) => y.jaccard - x.jaccard || y.co - x.co || (x.source < y.source ? -1 : x.source > y.source ? 1 : x.target < y.target ? -1 : 1));
}

describe('word queries', () => {
  it('co-occurrence: Jaccard of items naming both words, among the most frequent words, strongest first', async () => {
    expect(rows.length).toBeGreaterThan(10);
    const got = await runQuery(db, cooccurrenceQuery(NO_FILTERS, null, 12, 1000));
    const want = expectedEdges(12);
    expect(got.map((e) => [e.source, e.target, e.co])).toEqual(want.map((e) => [e.source, e.target, e.co]));
    got.forEach((e, i) => expect(e.jaccard).toBeCloseTo(want[i].jaccard, 12));
    expect(await runQuery(db, cooccurrenceQuery(NO_FILTERS, null, 12, 3))).toHaveLength(Math.min(3, want.length));
  });

  it('父親 and 参加 always come together: Jaccard 1 over the three items naming them', async () => {
    const got = await runQuery(db, cooccurrenceQuery(NO_FILTERS, null, 50, 1000));
    const pair = got.find((e) => [e.source, e.target].sort().join() === ['父親', '参加'].sort().join());
    expect(pair).toMatchObject({ co: 3, sourceItems: 3, targetItems: 3, jaccard: 1 });
  });

  it('the filters apply: sections and wards', async () => {
    const effects = await runQuery(db, cooccurrenceQuery({ ...NO_FILTERS, wards: ['鶴見区'] }, ['effect'], 50, 1000));
    expect(effects.every((e) => e.co === 1)).toBe(true);
    expect(effects.some((e) => e.source === '地域' || e.target === '地域')).toBe(false);
  });

  it('words × wards: items per ward naming each of the top words', async () => {
    const table = await runQuery(db, wordWardTableQuery(NO_FILTERS, null, 50));
    const cell = (word: string, ward: string) => table.find((r) => r.word === word && r.ward === ward)?.items ?? 0;
    expect(cell('父親', '鶴見区')).toBe(2);
    expect(cell('父親', '西区')).toBe(1);
    expect(cell('地域', '中区')).toBe(1);
    expect(cell('父親', '中区')).toBe(0);
  });

  it('the items naming a word, newest first', async () => {
    const items = await runQuery(db, wordItemsQuery(NO_FILTERS, null, '連携', 10));
    expect(items.map((i) => `${i.ward}${i.fiscalYear}`)).toEqual(['鶴見区2025', '中区2025', '西区2024']);
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database.ts';
import {
  dismissConflictQuery,
  provenanceSummaryQuery,
  fileReportsQuery,
  loadedCoverageQuery,
  loadedFilesQuery,
  loadedTotalsQuery,
  ratingConflictsQuery,
  ratingDistributionByWardQuery,
  ratingFilterOptionsQuery,
  rejectedRowsQuery,
  runQuery,
  wardNamesQuery,
} from '../../../src/lib/db/queries/index.ts';
import { NO_FILTERS } from '../../../src/lib/db/sql.ts';
import { replaceWards } from '../../../src/lib/db/load.ts';
import { databaseWith, FIXTURE_RATINGS, LONG_HEADER } from './helpers.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));
const counts = (rows: Array<{ ward: string; a: number; b: number; c: number; d: number; unrated: number; n: number }>) =>
  rows.map((r) => [r.ward, r.a, r.b, r.c, r.d, r.unrated, r.n]);

let db: Database;
beforeAll(async () => {
  ({ db } = await databaseWith([['fixture.csv', FIXTURE_RATINGS]]));
});
afterAll(() => db.close());

describe('ratingDistributionByWardQuery(filters)', () => {
  it('counts A–D and unrated per ward, in registry order, zeros included', async () => {
    expect(counts(await runQuery(db, ratingDistributionByWardQuery(NO_FILTERS)))).toEqual([
      ['鶴見区', 2, 1, 1, 1, 1, 6],
      ['西区', 1, 1, 0, 0, 0, 2],
      ['中区', 0, 0, 0, 1, 1, 2],
    ]);
  });

  it('returns plain numbers and the ward code and romaji', async () => {
    const [row] = await runQuery(db, ratingDistributionByWardQuery(NO_FILTERS));
    expect(row).toEqual({ ward: '鶴見区', wardCode: '14101', wardEn: 'Tsurumi', a: 2, b: 1, c: 1, d: 1, unrated: 1, n: 6, sample: 0, sampleYears: [], allSample: false, abShare: 0.6 });
    expect(typeof row.n).toBe('number');
  });

  it('filters by fiscal year: a ward without that year drops out', async () => {
    expect(counts(await runQuery(db, ratingDistributionByWardQuery({ ...NO_FILTERS, fiscalYears: [2025] })))).toEqual([
      ['西区', 1, 0, 0, 0, 0, 1],
      ['中区', 0, 0, 0, 1, 1, 2],
    ]);
  });

  it('filters by stage and rater together', async () => {
    const filters = { ...NO_FILTERS, stages: ['review' as const], raters: ['ward' as const, 'joint' as const] };
    expect(counts(await runQuery(db, ratingDistributionByWardQuery(filters)))).toEqual([['鶴見区', 0, 0, 1, 1, 0, 2]]);
  });

  it('filters by ward, with hostile text bound as a value', async () => {
    expect(counts(await runQuery(db, ratingDistributionByWardQuery({ ...NO_FILTERS, wards: ['中区', "x' OR 1=1 --"] })))).toEqual([
      ['中区', 0, 0, 0, 1, 1, 2],
    ]);
  });
});

describe('provenance: sample data is counted and can be hidden', () => {
  it('counts sample ratings per ward and leaves only real ones when sample is hidden', async () => {
    const { db: mixed } = await databaseWith([
      ['real.csv', `${LONG_HEADER}鶴見区,2025,1,1,区,A\n`],
      ['sample.csv', 'ward,fiscal_year,stage,question_no,rater,rating,provenance\n鶴見区,2024,1,1,区,B,sample\n西区,2024,1,1,区,C,サンプル\n'],
    ]);
    expect((await runQuery(mixed, ratingDistributionByWardQuery(NO_FILTERS))).map((r) => [r.ward, r.n, r.sample])).toEqual([
      ['鶴見区', 2, 1],
      ['西区', 1, 1],
    ]);
    expect((await runQuery(mixed, ratingDistributionByWardQuery({ ...NO_FILTERS, includeSample: false }))).map((r) => [r.ward, r.a, r.n, r.sample])).toEqual([
      ['鶴見区', 1, 1, 0],
    ]);
    expect(await runQuery(mixed, provenanceSummaryQuery())).toEqual([{ realRatings: 1, sampleRatings: 2, sampleNarratives: 0 }]);
    await mixed.close();
  });
});

describe('ratingFilterOptionsQuery()', () => {
  it('lists the years and the wards present, wards in registry order, and the wards by city', async () => {
    expect(await runQuery(db, ratingFilterOptionsQuery())).toEqual([
      {
        fiscalYears: [2024, 2025],
        wards: ['鶴見区', '西区', '中区'],
        wardYears: [
          { ward: '中区', fiscalYears: [2025] },
          { ward: '西区', fiscalYears: [2024, 2025] },
          { ward: '鶴見区', fiscalYears: [2024] },
        ],
        groups: [{ group: '横浜市', wards: ['鶴見区', '西区', '中区'] }],
      },
    ]);
  });
});

describe('wardNamesQuery()', () => {
  it("lists the registry's romaji in its order, every ward whether rated or not", async () => {
    const names = await runQuery(db, wardNamesQuery());
    expect(names).toHaveLength(18);
    expect(names.slice(0, 3)).toEqual([
      { ward: '鶴見区', wardEn: 'Tsurumi' },
      { ward: '神奈川区', wardEn: 'Kanagawa' },
      { ward: '西区', wardEn: 'Nishi' },
    ]);
  });

  it('leaves out a ward whose romaji is blank, and trims what it gives', async () => {
    const { db: registry } = await databaseWith([]);
    await replaceWards(registry, [
      { code: '14104', name: '中区', nameEn: ' Naka ', city: '横浜市', tileX: null, tileY: null },
      { code: '99999', name: '新区', nameEn: '  ', city: '横浜市', tileX: null, tileY: null },
    ]);
    expect(await runQuery(registry, wardNamesQuery())).toEqual([{ ward: '中区', wardEn: 'Naka' }]);
    await registry.close();
  });
});

describe('loadedTotalsQuery()', () => {
  it('totals ratings by level across the database', async () => {
    expect(await runQuery(db, loadedTotalsQuery())).toEqual([
      { ratings: 10, narratives: 0, centers: 0, wards: ['鶴見区', '西区', '中区'], fiscalYears: [2024, 2025], a: 3, b: 2, c: 1, d: 2, unrated: 2 },
    ]);
  });
});

describe('loadedFilesQuery()', () => {
  it('lists each file by the rows it has in the tables now: a replaced row counts for the later file, a file with none is left out', async () => {
    const { db: files } = await databaseWith([
      ['real.csv', `${LONG_HEADER}鶴見区,2025,1,1,区,A\n鶴見区,2025,1,2,区,B\n`],
      // Its 鶴見区 row replaces the first file's (a later file wins a conflict).
      ['sample.csv', 'ward,fiscal_year,stage,question_no,rater,rating,provenance\n西区,2024,1,1,区,C,sample\n鶴見区,2025,1,1,区,C,sample\n'],
      ['narratives.csv', 'ward,fiscal_year,section,item_no,text\n中区,2023,goal,1,父親の参加を広げる\n'],
      ['rejected.csv', `${LONG_HEADER}どこか区,2025,1,1,区,A\n`],
    ]);
    const common = { origin: 'user', centers: 0 };
    expect(await runQuery(files, loadedFilesQuery())).toEqual([
      { ...common, fileId: 0, file: 'real.csv', kind: 'ratings_long', ratings: 1, narratives: 0, wards: 1, firstYear: 2025, lastYear: 2025, sampleYears: [], allSample: false },
      { ...common, fileId: 1, file: 'sample.csv', kind: 'ratings_long', ratings: 2, narratives: 0, wards: 2, firstYear: 2024, lastYear: 2025, sampleYears: [2024, 2025], allSample: true },
      { ...common, fileId: 2, file: 'narratives.csv', kind: 'narratives', ratings: 0, narratives: 1, wards: 1, firstYear: 2023, lastYear: 2023, sampleYears: [], allSample: false },
    ]);
    await files.close();
  });
});

describe('loadedCoverageQuery()', () => {
  it('lists every registry unit with the years it has ratings or items for, then units with data the registry lacks', async () => {
    const { db: coverage } = await databaseWith([
      ['ratings.csv', `${LONG_HEADER}鶴見区,2025,1,1,区,A\n鶴見区,2025,1,1,拠点,\n`],
      ['sample.csv', 'ward,fiscal_year,stage,question_no,rater,rating,provenance\n西区,2024,1,1,区,C,sample\n'],
      ['narratives.csv', 'ward,fiscal_year,section,item_no,text\n鶴見区,2025,goal,1,父親の参加\n中区,2023,goal,1,居場所\n'],
    ]);
    const rows = await runQuery(coverage, loadedCoverageQuery());
    expect(rows).toHaveLength(18);
    expect(rows.slice(0, 4)).toEqual([
      { ward: '鶴見区', years: [{ fiscalYear: 2025, ratings: 2, rated: 1, items: 1 }], sampleYears: [], allSample: false },
      { ward: '神奈川区', years: [], sampleYears: [], allSample: false },
      { ward: '西区', years: [{ fiscalYear: 2024, ratings: 1, rated: 1, items: 0 }], sampleYears: [2024], allSample: true },
      { ward: '中区', years: [{ fiscalYear: 2023, ratings: 0, rated: 0, items: 1 }], sampleYears: [], allSample: false },
    ]);
    // A registry loaded afterwards without 鶴見区, 西区 and 中区: their data stays listed, after the registry's units.
    await replaceWards(coverage, [{ code: '14104', name: '中区', nameEn: 'Naka', city: '横浜市', tileX: null, tileY: null }, { code: '99999', name: '新区', nameEn: 'Shin', city: '横浜市', tileX: null, tileY: null }]);
    expect((await runQuery(coverage, loadedCoverageQuery())).map((r) => [r.ward, r.years.map((y) => y.fiscalYear)])).toEqual([
      ['中区', [2023]],
      ['新区', []],
      ['西区', [2024]],
      ['鶴見区', [2025]],
    ]);
    await coverage.close();
  });
});

describe('loading files into DuckDB', () => {
  it('keeps the later file’s value for a conflict and lists both values until dismissed', async () => {
    const { db: conflictDb } = await databaseWith([
      ['conflict_a.csv', fixture('conflict_a.csv')],
      ['conflict_b.csv', fixture('conflict_b.csv')],
    ]);
    const ratings = await conflictDb.query('SELECT question_no, rating, file_id, line FROM ratings ORDER BY question_no');
    expect(ratings).toEqual([
      { question_no: 1, rating: 'C', file_id: 1, line: 2 },
      { question_no: 2, rating: 'B', file_id: 0, line: 3 },
    ]);
    const conflicts = await runQuery(conflictDb, ratingConflictsQuery());
    expect(conflicts).toEqual([
      {
        ward: '西区', fiscalYear: 2024, stage: 'review', questionNo: 1, rater: 'ward',
        values: [
          { file: 'conflict_a.csv', line: 2, rating: 'A' },
          { file: 'conflict_b.csv', line: 2, rating: 'C' },
        ],
      },
    ]);
    await runQuery(conflictDb, dismissConflictQuery(conflicts[0]));
    expect(await runQuery(conflictDb, ratingConflictsQuery())).toEqual([]);
    await conflictDb.close();
  });

  it('records each file’s accounting and its rejected rows with reasons', async () => {
    const { db: badDb } = await databaseWith([
      ['good.csv', `${LONG_HEADER}鶴見区,2025,1,1,区,A\n`],
      ['bad.csv', fixture('bad_rows.csv')],
    ]);
    const files = await runQuery(badDb, fileReportsQuery(1));
    expect(files.map((f) => [f.file, f.kind, f.rowsRead, f.rowsLoaded, f.rowsDuplicate, f.rowsRejected])).toEqual([
      ['bad.csv', 'ratings_long', 6, 2, 0, 4],
    ]);
    const rejected = await runQuery(badDb, rejectedRowsQuery(1, 10));
    expect(rejected.map((r) => [r.file, r.line, r.column, r.value, r.reasonCode, JSON.parse(r.reasonParams)])).toEqual([
      ['bad.csv', 3, 'ward', '鶴身区', 'unknown_ward', { suggestion: '鶴見区' }],
      ['bad.csv', 4, 'question_no', '9', 'question_no_out_of_range', { stage: 'planning', max: 6 }],
      ['bad.csv', 5, 'rating', 'E', 'invalid_rating', {}],
      ['bad.csv', 6, 'fiscal_year', '令和9X年度', 'invalid_fiscal_year', {}],
    ]);
    await badDb.close();
  });

  it('a wards registry file replaces the wards table', async () => {
    const { db: cityDb } = await databaseWith([['wards.csv', 'code,name,name_en,city\n13101,千代田区,Chiyoda,東京都\n']]);
    expect(await cityDb.query('SELECT code, name, sort_order FROM wards')).toEqual([{ code: '13101', name: '千代田区', sort_order: 1 }]);
    await cityDb.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database.ts';
import { changeTableQuery, cityBandQuery, contractCycleQuery, runQuery, slopeQuery, wardTrajectoryQuery } from '../../../src/lib/db/queries/index.ts';
import { NO_FILTERS } from '../../../src/lib/db/sql.ts';
import { testPairs } from '../../../src/lib/stats/change.ts';
import { ANALYTICS_RATINGS, databaseWith } from './helpers.ts';

const CENTERS = 'ward,fiscal_year,contract_year,contract_length\n鶴見区,2024,2,5\n鶴見区,2025,3,5\n西区,2025,1,5\n';
// `+ 0` turns a rounded -0 into 0.
const round = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000 + 0);

let db: Database;
beforeAll(async () => {
  ({ db } = await databaseWith([
    ['analytics.csv', ANALYTICS_RATINGS],
    ['centers.csv', CENTERS],
  ]));
});
afterAll(() => db.close());

describe('trend queries (hand-computed from the analytics fixture)', () => {
  it('wardTrajectoryQuery: mean per ward and year, unrated excluded and counted, a missing year absent', async () => {
    const rows = await runQuery(db, wardTrajectoryQuery(NO_FILTERS));
    expect(rows.map((r) => [r.ward, r.fiscalYear, round(r.mean), r.rated, r.unrated, r.contractYear])).toEqual([
      ['鶴見区', 2024, 2.444, 9, 0, 2],
      ['鶴見区', 2025, 3.444, 9, 0, 3],
      ['西区', 2024, 4, 3, 0, null],
      ['西区', 2025, 2.375, 8, 1, 1],
      ['中区', 2025, 3.667, 9, 0, null],
    ]);
  });

  it('cityBandQuery: median and quartiles of the wards’ means per year', async () => {
    const rows = await runQuery(db, cityBandQuery(NO_FILTERS));
    expect(rows.map((r) => [r.fiscalYear, round(r.median), round(r.q1), round(r.q3), r.wards])).toEqual([
      [2024, 3.222, 2.833, 3.611, 2],
      [2025, 3.444, 2.91, 3.556, 3],
    ]);
  });

  it('slopeQuery: wards rated in both years, then and now', async () => {
    const rows = await runQuery(db, slopeQuery(NO_FILTERS, 2024, 2025));
    expect(rows.map((r) => [r.ward, round(r.before), round(r.after), round(r.change)])).toEqual([
      ['鶴見区', 2.444, 3.444, 1],
      ['西区', 4, 2.375, -1.625],
    ]);
    // Paired answers (same question and rater, center/joint/ward order) and the filters apply to both years.
    expect(rows.map((r) => r.differences)).toEqual([[1, 1, 0, 1, 1, 1, 2, 1, 1], [-1, -1, -1]]);
    const wardOnly = await runQuery(db, slopeQuery({ ...NO_FILTERS, raters: ['ward'] }, 2024, 2025));
    expect(wardOnly.map((r) => r.differences)).toEqual([[0, 1, 1], [-1]]);
  });

  it('the change test on those pairs: 鶴見区 eight positive differences of nine, exact p = 2/2⁸; 西区 three negative, p = 2/2³', async () => {
    const rows = await runQuery(db, slopeQuery(NO_FILTERS, 2024, 2025));
    const [tsurumi, nishi] = testPairs(rows, (r) => r.differences);
    expect(tsurumi).toMatchObject({ n: 8, zeros: 1, effect: 1 });
    expect(tsurumi.p).toBeCloseTo(2 / 256, 12);
    // Holm over the two wards: 2/256 × 2 = 0.015625 (< 0.05: a real change); 2/8 × 1 = 0.25 (within noise).
    expect(tsurumi.pAdjusted).toBeCloseTo(0.015625, 12);
    expect(tsurumi.real).toBe(true);
    expect(nishi).toMatchObject({ n: 3, effect: -1, pAdjusted: 0.25, real: false });
  });

  it('changeTableQuery: last year → this year per ward and question; declines filter; whitelisted sorts', async () => {
    const all = await runQuery(db, changeTableQuery(NO_FILTERS, 2025, 'mean', null, 'ward'));
    expect(all.map((r) => [r.ward, r.stage, r.questionNo, round(r.previous), round(r.current), round(r.change)])).toEqual([
      ['鶴見区', 'planning', 1, 3.333, 4, 0.667],
      ['鶴見区', 'planning', 2, 2.333, 3.333, 1],
      ['鶴見区', 'review', 1, 1.667, 3, 1.333],
      ['西区', 'planning', 1, 4, 3, -1],
    ]);
    const declines = await runQuery(db, changeTableQuery(NO_FILTERS, 2025, 'mean', 1, 'ward'));
    expect(declines.map((r) => r.ward)).toEqual(['西区']);
    expect(await runQuery(db, changeTableQuery(NO_FILTERS, 2025, 'mean', 2, 'ward'))).toEqual([]);
    const byChange = await runQuery(db, changeTableQuery(NO_FILTERS, 2025, 'ward', null, 'change'));
    expect(byChange.map((r) => [r.ward, r.stage, r.questionNo, r.change])).toEqual([
      ['西区', 'planning', 1, -1],
      ['鶴見区', 'planning', 1, 0],
      ['鶴見区', 'planning', 2, 1],
      ['鶴見区', 'review', 1, 1],
    ]);
  });

  it('contractCycleQuery: wards compared by contract year', async () => {
    const rows = await runQuery(db, contractCycleQuery(NO_FILTERS));
    expect(rows.map((r) => [r.ward, r.contractYear, r.contractLength, round(r.mean), r.fiscalYears])).toEqual([
      ['鶴見区', 2, 5, 2.444, [2024]],
      ['鶴見区', 3, 5, 3.444, [2025]],
      ['西区', 1, 5, 2.375, [2025]],
    ]);
  });
});

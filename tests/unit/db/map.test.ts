import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database.ts';
import { runQuery, wardMapQuery, type MapMeasure } from '../../../src/lib/db/queries/index.ts';
import { NO_FILTERS } from '../../../src/lib/db/sql.ts';
import { ANALYTICS_RATINGS, databaseWith } from './helpers.ts';

const NARRATIVES =
  'ward,fiscal_year,section,item_no,text\n' +
  [
    '鶴見区,2022,challenge,1,父親の参加が少ない。',
    '鶴見区,2022,next_goal,1,父親支援を進める。',
    '鶴見区,2023,goal,1,父親支援を進める。パパも。',
    '鶴見区,2024,challenge,1,プレパパへの働きかけが課題。',
    '西区,2022,challenge,1,ピアサポートの仕組みがない。',
    '中区,2024,action,1,父親の会',
  ].join('\n');

let db: Database;
beforeAll(async () => {
  ({ db } = await databaseWith([['ratings.csv', ANALYTICS_RATINGS], ['narratives.csv', NARRATIVES]]));
});
afterAll(() => db.close());

const measured = async (measure: MapMeasure, filters = NO_FILTERS, theme: string | null = null) =>
  Object.fromEntries(
    (await runQuery(db, wardMapQuery(filters, measure, theme))).filter((r) => r.value !== null).map((r) => [r.ward, [r.value, r.n]]),
  );

// Expected figures worked out by hand from ANALYTICS_RATINGS (tests/unit/db/helpers.ts).
describe('wardMapQuery', () => {
  it('lists every ward of the registry once, in code order, with its tile, data or not', async () => {
    const rows = await runQuery(db, wardMapQuery(NO_FILTERS, 'meanScore', null));
    expect(rows).toHaveLength(18);
    expect(rows[0]).toMatchObject({ ward: '鶴見区', wardCode: '14101', tileX: 3, tileY: 0 });
    expect(rows.find((r) => r.ward === '青葉区')).toMatchObject({ value: null, n: 0, tileX: 0, tileY: 0 });
  });

  it('mean score and A+B share over both years (A=4 … D=1, unrated left out)', async () => {
    const mean = await measured('meanScore');
    expect(Object.keys(mean).sort()).toEqual(['中区', '西区', '鶴見区'].sort());
    expect(mean['鶴見区'][0]).toBeCloseTo(53 / 18, 12);
    expect(mean['西区']).toEqual([expect.closeTo(31 / 11, 12), 11]);
    expect(mean['中区'][0]).toBeCloseTo(33 / 9, 12);
    const share = await measured('abShare');
    expect(share['鶴見区'][0]).toBeCloseTo(12 / 18, 12);
    expect(share['西区'][0]).toBeCloseTo(7 / 11, 12);
    expect(share['中区'][0]).toBe(1);
  });

  it('rank by mean score, 1 the highest; the filters apply (区 only, FY2025)', async () => {
    expect(await measured('rank')).toEqual({ 中区: [1, 9], 鶴見区: [2, 18], 西区: [3, 11] });
    // 区's FY2025 scores: 鶴見 4,3,2 → 3; 西 3,3,1 → 2.33; 中 4,4,3 → 3.67.
    expect(await measured('rank', { ...NO_FILTERS, raters: ['ward'], fiscalYears: [2025] })).toEqual({ 中区: [1, 3], 鶴見区: [2, 3], 西区: [3, 3] });
  });

  it('change: the latest year in the filters minus the one before, wards rated in both only', async () => {
    const rows = await runQuery(db, wardMapQuery(NO_FILTERS, 'change', null));
    const change = Object.fromEntries(rows.filter((r) => r.value !== null).map((r) => [r.ward, r.value]));
    expect(Object.keys(change).sort()).toEqual(['西区', '鶴見区'].sort());
    expect(change['鶴見区']).toBeCloseTo(31 / 9 - 22 / 9, 12);
    expect(change['西区']).toBeCloseTo(19 / 8 - 4, 12);
    expect(rows.find((r) => r.ward === '鶴見区')).toMatchObject({ fromYear: 2024, toYear: 2025 });
    // The pairs a test of the change stands on: same question and rater in both years (center, joint, ward order).
    expect(rows.find((r) => r.ward === '鶴見区')?.differences).toEqual([1, 1, 0, 1, 1, 1, 2, 1, 1]);
    expect(rows.find((r) => r.ward === '西区')?.differences).toEqual([-1, -1, -1]);
    expect(rows.find((r) => r.ward === '中区')?.differences).toBeNull();
    expect((await runQuery(db, wardMapQuery(NO_FILTERS, 'meanScore', null)))[0].differences).toBeNull();
  });

  it('kappa of 区 and 拠点 (quadratic weights), whatever the rater filter', async () => {
    // 中区 pairs (区, 拠点): (4,3) (4,4) (3,3): 1 − (1/3) / (2/9 + 2/9 + 1/9) = 0.4.
    const kappa = await measured('kappa', { ...NO_FILTERS, raters: ['joint'] });
    expect(kappa['中区']).toEqual([expect.closeTo(0.4, 12), 3]);
  });

  it('items naming a theme, per ward; any theme when none is chosen', async () => {
    expect(await measured('themeItems', NO_FILTERS, 'father')).toEqual({ 鶴見区: [4, 4], 中区: [1, 1] });
    expect(await measured('themeItems', NO_FILTERS, null)).toEqual({ 鶴見区: [4, 4], 西区: [1, 1], 中区: [1, 1] });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database.ts';
import {
  benchmarkQuery,
  cityRaterAgreementQuery,
  largestRaterGapsQuery,
  raterAgreementQuery,
  raterGapsQuery,
  ratingDistributionByQuestionQuery,
  runQuery,
  wardQuestionHeatmapQuery,
  wardQuestionHistoryQuery,
  yearChangeQuery,
} from '../../../src/lib/db/queries/index.ts';
import { NO_FILTERS } from '../../../src/lib/db/sql.ts';
import { ANALYTICS_RATINGS, databaseWith } from './helpers.ts';

let db: Database;
beforeAll(async () => {
  ({ db } = await databaseWith([['analytics.csv', ANALYTICS_RATINGS]]));
});
afterAll(() => db.close());

// `+ 0` turns a rounded -0 into 0.
const round = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000 + 0);

describe('ratingDistributionByQuestionQuery(filters)', () => {
  it('counts A–D per question in questionnaire order, with the wording and an unrated answer apart', async () => {
    const rows = await runQuery(db, ratingDistributionByQuestionQuery(NO_FILTERS));
    expect(rows.map((r) => [r.stage, r.questionNo, r.question, r.a, r.b, r.c, r.d, r.unrated, r.n])).toEqual([
      ['planning', 1, '目的を話し合えたか', 9, 6, 0, 0, 0, 15],
      ['planning', 2, null, 4, 4, 3, 0, 1, 12],
      ['review', 1, null, 2, 3, 5, 2, 0, 12],
    ]);
  });

  it('narrows to a selected question and a ward', async () => {
    const rows = await runQuery(db, ratingDistributionByQuestionQuery({ ...NO_FILTERS, wards: ['西区'], questions: [{ stage: 'review', questionNo: 1 }] }));
    expect(rows.map((r) => [r.stage, r.questionNo, r.a, r.b, r.c, r.d, r.n])).toEqual([['review', 1, 0, 0, 2, 1, 3]]);
  });
});

describe('wardQuestionHeatmapQuery(filters, year, rater)', () => {
  it('averages the three raters per ward and question, skipping unrated answers; a ward without the year is absent', async () => {
    const rows = await runQuery(db, wardQuestionHeatmapQuery(NO_FILTERS, 2025, 'mean'));
    expect(rows.map((r) => [r.ward, r.stage, r.questionNo, round(r.score), r.rated, r.n, round(r.wardMean)])).toEqual([
      ['鶴見区', 'planning', 1, 4, 3, 3, 3.444],
      ['鶴見区', 'planning', 2, 3.333, 3, 3, 3.444],
      ['鶴見区', 'review', 1, 3, 3, 3, 3.444],
      ['西区', 'planning', 1, 3, 3, 3, 2.389],
      ['西区', 'planning', 2, 2.5, 2, 3, 2.389],
      ['西区', 'review', 1, 1.667, 3, 3, 2.389],
      ['中区', 'planning', 1, 3.667, 3, 3, 3.667],
      ['中区', 'planning', 2, 4, 3, 3, 3.667],
      ['中区', 'review', 1, 3.333, 3, 3, 3.667],
    ]);
    const in2024 = await runQuery(db, wardQuestionHeatmapQuery(NO_FILTERS, 2024, 'mean'));
    expect([...new Set(in2024.map((r) => r.ward))]).toEqual(['鶴見区', '西区']);
  });

  it('shows one rater’s own score when a rater is chosen', async () => {
    const rows = await runQuery(db, wardQuestionHeatmapQuery(NO_FILTERS, 2025, 'center'));
    expect(rows.map((r) => r.score)).toEqual([4, 4, 4, 3, 2, 2, 3, 4, 3]);
  });
});

describe('wardQuestionHistoryQuery(ward, question)', () => {
  it('lists a ward’s ratings of one question for every rater and year', async () => {
    const rows = await runQuery(db, wardQuestionHistoryQuery('西区', { stage: 'planning', questionNo: 2 }, true));
    expect(rows.map((r) => [r.fiscalYear, r.rater, r.rating])).toEqual([
      [2025, 'ward', 'B'],
      [2025, 'center', 'C'],
      [2025, 'joint', null],
    ]);
  });
});

describe('the three-rater comparison', () => {
  it('raterGapsQuery: per question, 区, 拠点, 相互 and the gap 拠点 − 区', async () => {
    const rows = await runQuery(db, raterGapsQuery(NO_FILTERS, '鶴見区', 2025));
    expect(rows.map((r) => [r.stage, r.questionNo, r.wardScore, r.centerScore, r.jointScore, r.gap])).toEqual([
      ['planning', 1, 4, 4, 4, 0],
      ['planning', 2, 3, 4, 3, 1],
      ['review', 1, 2, 4, 3, 2],
    ]);
  });

  it('raterAgreementQuery: agreement rate and quadratic weighted kappa per ward and year (hand-computed)', async () => {
    const rows = await runQuery(db, raterAgreementQuery(NO_FILTERS));
    expect(rows.map((r) => [r.ward, r.fiscalYear, r.n, r.agree, round(r.agreementRate), round(r.kappa), round(r.meanGap)])).toEqual([
      ['鶴見区', 2024, 3, 0, 0, 0.471, 0.333],
      ['鶴見区', 2025, 3, 1, 0.333, 0, 1],
      ['西区', 2024, 1, 1, 1, null, 0],
      ['西区', 2025, 3, 1, 0.333, 0.4, 0],
      ['中区', 2025, 3, 2, 0.667, 0.4, -0.333],
    ]);
    // 拠点 − 区 per question in questionnaire order: the pairs the 区 vs 拠点 test stands on.
    expect(rows.map((r) => r.gaps)).toEqual([[-1, 1, 1], [0, 1, 2], [0], [0, -1, 1], [-1, 0, 0]]);
  });

  it('cityRaterAgreementQuery: the same over all pairs in the filters', async () => {
    const [city] = await runQuery(db, cityRaterAgreementQuery({ ...NO_FILTERS, fiscalYears: [2025] }));
    // Pairs: (4,4) (3,4) (2,4) (3,3) (3,2) (1,2) (4,3) (4,4) (3,3): x̄ = 3, ȳ = 29/9.
    expect([city.n, city.agree, round(city.agreementRate), round(city.meanGap)]).toEqual([9, 4, 0.444, 0.222]);
    const x = [4, 3, 2, 3, 3, 1, 4, 4, 3];
    const y = [4, 4, 4, 3, 2, 2, 3, 4, 3];
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const variance = (v: number[]) => mean(v.map((value) => (value - mean(v)) ** 2));
    const observed = mean(x.map((value, i) => (value - y[i]) ** 2));
    expect(round(city.kappa)).toBe(round(1 - observed / (variance(x) + variance(y) + (mean(x) - mean(y)) ** 2)));
  });

  it('largestRaterGapsQuery: the widest gaps city-wide, largest first, then latest year and ward order', async () => {
    const rows = await runQuery(db, largestRaterGapsQuery(NO_FILTERS, 10));
    expect(rows.map((r) => [r.ward, r.fiscalYear, r.stage, r.questionNo, r.wardScore, r.centerScore, r.gap])).toEqual([
      ['鶴見区', 2025, 'review', 1, 2, 4, 2],
      ['鶴見区', 2025, 'planning', 2, 3, 4, 1],
      ['西区', 2025, 'planning', 2, 3, 2, -1],
      ['西区', 2025, 'review', 1, 1, 2, 1],
      ['中区', 2025, 'planning', 1, 4, 3, -1],
      ['鶴見区', 2024, 'planning', 1, 4, 3, -1],
      ['鶴見区', 2024, 'planning', 2, 2, 3, 1],
      ['鶴見区', 2024, 'review', 1, 1, 2, 1],
    ]);
    expect(rows[0].question).toBeNull();
    expect(await runQuery(db, largestRaterGapsQuery(NO_FILTERS, 2))).toHaveLength(2);
  });
});

describe('benchmarking one center', () => {
  it('benchmarkQuery: score, rank of n wards, city mean and the city’s levels, per question', async () => {
    const rows = await runQuery(db, benchmarkQuery(NO_FILTERS, '鶴見区', 2025, 'mean'));
    expect(rows.map((r) => [r.stage, r.questionNo, round(r.score), r.rank, r.wards, r.ties, round(r.cityMean), round(r.diff), r.a, r.b, r.c, r.d])).toEqual([
      ['planning', 1, 4, 1, 3, 1, 3.556, 0.444, 2, 1, 0, 0],
      ['planning', 2, 3.333, 2, 3, 1, 3.278, 0.056, 1, 2, 0, 0],
      ['review', 1, 3, 2, 3, 1, 2.667, 0.333, 0, 2, 1, 0],
    ]);
    expect(rows.map((r) => [r.questionNo, r.stage, r.strengthOrder, r.weaknessOrder])).toEqual([
      [1, 'planning', 1, 3],
      [2, 'planning', 3, 1],
      [1, 'review', 2, 2],
    ]);
    // The ward against the city as a whole: (0.444 + 0.056 + 0.333) / 3 on every row.
    expect(rows.map((r) => round(r.meanDiff))).toEqual([0.278, 0.278, 0.278]);
  });

  it('benchmarkQuery gives questions equally far from the city mean the same place among strengths and weaknesses', async () => {
    // 西区 is 0.5 above the city on planning 1 and 2 alike, level with it on planning 3.
    const csv = ['ward,fiscal_year,stage,question_no,rater,rating', ...['A', 'A', 'B'].flatMap((r, k) => [`西区,2025,1,${k + 1},区,${r}`, `中区,2025,1,${k + 1},区,B`])].join('\n');
    const { db: tied } = await databaseWith([['tied.csv', csv]]);
    const rows = await runQuery(tied, benchmarkQuery(NO_FILTERS, '西区', 2025, 'ward'));
    expect(rows.map((r) => [r.questionNo, round(r.diff), r.strengthOrder, r.weaknessOrder])).toEqual([
      [1, 0.5, 1, 2],
      [2, 0.5, 1, 2],
      [3, 0, 3, 1],
    ]);
    await tied.close();
  });

  it('benchmarkQuery compares with every ward even when the ward filter names only one', async () => {
    const rows = await runQuery(db, benchmarkQuery({ ...NO_FILTERS, wards: ['鶴見区'] }, '鶴見区', 2025, 'ward'));
    expect(rows.map((r) => [r.questionNo, r.stage, r.score, r.rank, r.wards, r.ties])).toEqual([
      [1, 'planning', 4, 1, 3, 2],
      [2, 'planning', 3, 2, 3, 2],
      [1, 'review', 2, 2, 3, 1],
    ]);
  });

  it('yearChangeQuery: this year against the last, biggest change first', async () => {
    const rows = await runQuery(db, yearChangeQuery(NO_FILTERS, '鶴見区', 2025, 'mean'));
    expect(rows.map((r) => [r.stage, r.questionNo, round(r.score), round(r.previous), round(r.change)])).toEqual([
      ['review', 1, 3, 1.667, 1.333],
      ['planning', 2, 3.333, 2.333, 1],
      ['planning', 1, 4, 3.333, 0.667],
    ]);
    const firstYear = await runQuery(db, yearChangeQuery(NO_FILTERS, '中区', 2025, 'mean'));
    expect(firstYear.length).toBeGreaterThan(0);
    expect(firstYear.every((r) => r.previous === null && r.change === null)).toBe(true);
  });
});

import type { Stage } from '../../ingest/fields.ts';
import { ratingFiltersWhere, type RatingFilters } from '../sql.ts';
import { QUESTION_TEXT, SAMPLE_YEARS_AGG, SAMPLE_YEARS_FROM, SAMPLE_YEARS_OF, STAGE_ORDER, type Query, type SampleYears } from './query.ts';
import type { RaterChoice } from './ratings.ts';

/** Each ward's mean score per year (A=4 … D=1, unrated excluded and counted), with its contract year. */
export function wardYearCte(filters: RatingFilters) {
  const where = ratingFiltersWhere(filters);
  return {
    sql: `ward_year AS (
        SELECT r.ward, r.fiscal_year, avg(r.score) AS mean, count(r.score) AS rated,
          count(*) - count(r.score) AS unrated, bool_or(r.provenance = 'sample') AS sample
        FROM ratings r WHERE ${where.sql}
        GROUP BY r.ward, r.fiscal_year)`,
    params: where.params,
  };
}

export interface TrajectoryRow extends SampleYears {
  ward: string;
  fiscalYear: number;
  /** Null when every rating that year was unrated. */
  mean: number | null;
  rated: number;
  unrated: number;
  contractYear: number | null;
  contractLength: number | null;
}

/** Per ward and year: mean score and the contract year from the centers file; missing years are absent. */
export function wardTrajectoryQuery(filters: RatingFilters): Query<TrajectoryRow> {
  const cte = wardYearCte(filters);
  return {
    name: 'wardTrajectory',
    sql: `WITH ${cte.sql}
      SELECT y.ward, y.fiscal_year::INTEGER AS "fiscalYear", y.mean::DOUBLE AS mean, y.rated::INTEGER AS rated,
        y.unrated::INTEGER AS unrated, c.contract_year AS "contractYear", c.contract_length AS "contractLength",
        ${SAMPLE_YEARS_FROM([['y.sample', 'y.fiscal_year']])}
      FROM ward_year y LEFT JOIN centers c ON c.ward = y.ward AND c.fiscal_year = y.fiscal_year
        LEFT JOIN wards w ON w.name = y.ward
      ORDER BY coalesce(w.sort_order, 10000), y.ward, y.fiscal_year`,
    params: cte.params,
  };
}

export interface CityBandRow {
  fiscalYear: number;
  median: number;
  q1: number;
  q3: number;
  wards: number;
}

/** The city's median and interquartile range of the wards' yearly means (linear interpolation). */
export function cityBandQuery(filters: RatingFilters): Query<CityBandRow> {
  const cte = wardYearCte({ ...filters, wards: null });
  return {
    name: 'cityBand',
    sql: `WITH ${cte.sql}
      SELECT fiscal_year::INTEGER AS "fiscalYear", quantile_cont(mean, 0.5)::DOUBLE AS median,
        quantile_cont(mean, 0.25)::DOUBLE AS q1, quantile_cont(mean, 0.75)::DOUBLE AS q3, count(mean)::INTEGER AS wards
      FROM ward_year WHERE mean IS NOT NULL GROUP BY fiscal_year ORDER BY fiscal_year`,
    params: cte.params,
  };
}

export interface SlopeRow extends SampleYears {
  ward: string;
  before: number;
  after: number;
  change: number;
  /** Score differences (later − earlier) of the answers given in both years: same question, same rater. */
  differences: number[];
}

/**
 * Per ward, the differences later − earlier of the answers given in both years (same stage, question
 * and rater), the pairs a test of the ward's change stands on. A CTE named `paired`; the years are
 * bound values, or SQL of the query's own (`years.sql`, the map's latest year).
 */
export function pairedDifferencesCte(filters: RatingFilters, years: { from: number; to: number } | { sql: { from: string; to: string } }) {
  const before = ratingFiltersWhere({ ...filters, fiscalYears: null }, 'a');
  const after = ratingFiltersWhere({ ...filters, fiscalYears: null }, 'b');
  const bound = !('sql' in years);
  return {
    sql: `paired AS (
        SELECT a.ward, list((b.score - a.score)::INTEGER ORDER BY a.stage, a.question_no, a.rater) AS differences
        FROM ratings a JOIN ratings b
          ON b.ward = a.ward AND b.stage = a.stage AND b.question_no = a.question_no AND b.rater = a.rater
        WHERE a.fiscal_year = ${bound ? '?' : years.sql.from} AND b.fiscal_year = ${bound ? '?' : years.sql.to}
          AND a.score IS NOT NULL AND b.score IS NOT NULL AND ${before.sql} AND ${after.sql}
        GROUP BY a.ward)`,
    params: [...(bound ? [years.from, years.to] : []), ...before.params, ...after.params],
  };
}

/** Each ward's mean score in two years, for wards rated in both. */
export function slopeQuery(filters: RatingFilters, from: number, to: number): Query<SlopeRow> {
  const cte = wardYearCte({ ...filters, fiscalYears: [from, to] });
  const paired = pairedDifferencesCte(filters, { from, to });
  return {
    name: 'slope',
    sql: `WITH ${cte.sql}, ${paired.sql}
      SELECT a.ward, a.mean::DOUBLE AS before, b.mean::DOUBLE AS after, (b.mean - a.mean)::DOUBLE AS change,
        ${SAMPLE_YEARS_FROM([['a.sample', 'a.fiscal_year'], ['b.sample', 'b.fiscal_year']])},
        coalesce(p.differences, [])::INTEGER[] AS differences
      FROM ward_year a JOIN ward_year b ON b.ward = a.ward AND b.fiscal_year = ? LEFT JOIN wards w ON w.name = a.ward
        LEFT JOIN paired p ON p.ward = a.ward
      WHERE a.fiscal_year = ? AND a.mean IS NOT NULL AND b.mean IS NOT NULL
      ORDER BY coalesce(w.sort_order, 10000), a.ward`,
    params: [...cte.params, ...paired.params, to, from],
  };
}

export const CHANGE_SORTS = ['ward', 'change', 'question'] as const;
export type ChangeSort = (typeof CHANGE_SORTS)[number];

export interface ChangeRow extends SampleYears {
  ward: string;
  stage: Stage;
  questionNo: number;
  question: string | null;
  previous: number;
  current: number;
  change: number;
}

/**
 * Per ward and question, last year's score → this year's (one rater's rating, or the mean of three);
 * `minDecline` keeps the rows that fell by at least that many levels. The sort key is whitelisted.
 */
export function changeTableQuery(filters: RatingFilters, fiscalYear: number, rater: RaterChoice, minDecline: number | null, sort: ChangeSort): Query<ChangeRow> {
  const where = ratingFiltersWhere({ ...filters, fiscalYears: [fiscalYear - 1, fiscalYear], raters: rater === 'mean' ? filters.raters : [rater] });
  const order: Record<ChangeSort, string> = {
    ward: `coalesce(w.sort_order, 10000), s.ward, ${STAGE_ORDER('s.stage')}, s.question_no`,
    change: `s.current - s.previous, coalesce(w.sort_order, 10000), ${STAGE_ORDER('s.stage')}, s.question_no`,
    question: `${STAGE_ORDER('s.stage')}, s.question_no, coalesce(w.sort_order, 10000)`,
  };
  return {
    name: 'changeTable',
    sql: `WITH scores AS (
        SELECT r.ward, r.stage, r.question_no,
          avg(r.score) FILTER (WHERE r.fiscal_year = ?) AS previous, avg(r.score) FILTER (WHERE r.fiscal_year = ?) AS current,
          ${SAMPLE_YEARS_OF('r')}
        FROM ratings r WHERE ${where.sql} GROUP BY r.ward, r.stage, r.question_no),
      ${QUESTION_TEXT}
      SELECT s.ward, s.stage, s.question_no::INTEGER AS "questionNo", q.question, s.previous::DOUBLE AS previous,
        s.current::DOUBLE AS current, (s.current - s.previous)::DOUBLE AS change, s."sampleYears", s."allSample"
      FROM scores s LEFT JOIN question_text q ON q.stage = s.stage AND q.question_no = s.question_no
        LEFT JOIN wards w ON w.name = s.ward
      WHERE s.previous IS NOT NULL AND s.current IS NOT NULL AND (?::DOUBLE IS NULL OR s.current - s.previous <= -?::DOUBLE)
      ORDER BY ${order[sort]}`,
    params: [fiscalYear - 1, fiscalYear, ...where.params, minDecline, minDecline],
  };
}

export interface ContractYearRow extends SampleYears {
  ward: string;
  contractYear: number;
  contractLength: number | null;
  mean: number | null;
  fiscalYears: number[];
}

/** Wards compared by contract year (year 1 of 5 …) instead of calendar year, from the centers file. */
export function contractCycleQuery(filters: RatingFilters): Query<ContractYearRow> {
  const cte = wardYearCte(filters);
  return {
    name: 'contractCycle',
    sql: `WITH ${cte.sql}
      SELECT y.ward, c.contract_year AS "contractYear", max(c.contract_length) AS "contractLength",
        avg(y.mean)::DOUBLE AS mean, list(y.fiscal_year::INTEGER ORDER BY y.fiscal_year) AS "fiscalYears",
        ${SAMPLE_YEARS_AGG('y.sample', 'y.fiscal_year')}
      FROM ward_year y JOIN centers c ON c.ward = y.ward AND c.fiscal_year = y.fiscal_year
        LEFT JOIN wards w ON w.name = y.ward
      WHERE c.contract_year IS NOT NULL
      GROUP BY y.ward, c.contract_year, w.sort_order
      ORDER BY coalesce(w.sort_order, 10000), y.ward, c.contract_year`,
    params: cte.params,
  };
}

import type { Stage } from '../../ingest/fields.ts';
import { ratingFiltersWhere, type RatingFilters } from '../sql.ts';
import { QUESTION_TEXT, SAMPLE_YEARS_FROM, STAGE_ORDER, type Query, type SampleYears } from './query.ts';
import type { RaterChoice } from './ratings.ts';

/** Each ward's score per question for one year: one rater's, or the mean of the three. */
function scoresCte(filters: RatingFilters, fiscalYear: number, rater: RaterChoice, name = 'scores') {
  // Every ward takes part in the comparison: the ward filter picks the one benchmarked, not the field.
  const where = ratingFiltersWhere({ ...filters, wards: null, fiscalYears: [fiscalYear], raters: rater === 'mean' ? filters.raters : [rater] });
  return {
    sql: `${name} AS (
        SELECT r.ward, r.stage, r.question_no, avg(r.score) AS score, bool_or(r.provenance = 'sample') AS sample
        FROM ratings r WHERE ${where.sql} AND r.score IS NOT NULL
        GROUP BY r.ward, r.stage, r.question_no)`,
    params: where.params,
  };
}

export interface BenchmarkRow extends SampleYears {
  stage: Stage;
  questionNo: number;
  question: string | null;
  score: number;
  /** 1 = best; wards with the same score share a rank. */
  rank: number;
  /** How many wards rated this question that year: the rank reads as rank/wards. */
  wards: number;
  /** Wards with exactly this ward's score (including it). */
  ties: number;
  cityMean: number;
  diff: number;
  /** The ward's mean difference from the city over every question shown (the same on every row). */
  meanDiff: number;
  /** Wards at each level (score rounded to the nearest letter for the mean of three raters). */
  a: number;
  b: number;
  c: number;
  d: number;
  /** 1 for the question where the ward is furthest above the city mean, and so on; equal differences share their place. */
  strengthOrder: number;
  weaknessOrder: number;
  /** How many of the compared wards' scores are sample data. */
  sampleWards: number;
}

/** One ward against the city, question by question, in one year. */
export function benchmarkQuery(filters: RatingFilters, ward: string, fiscalYear: number, rater: RaterChoice): Query<BenchmarkRow> {
  const scores = scoresCte(filters, fiscalYear, rater);
  return {
    name: 'benchmark',
    sql: `WITH ${scores.sql},
      ranked AS (
        SELECT s.*,
          rank() OVER q AS rank,
          count(*) OVER q AS wards,
          count(*) OVER (PARTITION BY stage, question_no, score) AS ties,
          avg(score) OVER q AS city_mean,
          sum(CASE WHEN round(score) = 4 THEN 1 ELSE 0 END) OVER q AS a,
          sum(CASE WHEN round(score) = 3 THEN 1 ELSE 0 END) OVER q AS b,
          sum(CASE WHEN round(score) = 2 THEN 1 ELSE 0 END) OVER q AS c,
          sum(CASE WHEN round(score) = 1 THEN 1 ELSE 0 END) OVER q AS d,
          sum(CASE WHEN sample THEN 1 ELSE 0 END) OVER q AS sample_wards
        FROM scores s
        WINDOW q AS (PARTITION BY stage, question_no ORDER BY score DESC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)),
      ${QUESTION_TEXT},
      mine AS (SELECT * FROM ranked WHERE ward = ?)
      SELECT m.stage, m.question_no::INTEGER AS "questionNo", q.question, m.score::DOUBLE AS score,
        m.rank::INTEGER AS rank, m.wards::INTEGER AS wards, m.ties::INTEGER AS ties,
        m.city_mean::DOUBLE AS "cityMean", (m.score - m.city_mean)::DOUBLE AS diff,
        avg(m.score - m.city_mean) OVER ()::DOUBLE AS "meanDiff",
        m.a::INTEGER AS a, m.b::INTEGER AS b, m.c::INTEGER AS c, m.d::INTEGER AS d,
        rank() OVER (ORDER BY m.score - m.city_mean DESC)::INTEGER AS "strengthOrder",
        rank() OVER (ORDER BY m.score - m.city_mean ASC)::INTEGER AS "weaknessOrder",
        ${SAMPLE_YEARS_FROM([['m.sample', '?']])}, m.sample_wards::INTEGER AS "sampleWards"
      FROM mine m LEFT JOIN question_text q ON q.stage = m.stage AND q.question_no = m.question_no
      ORDER BY ${STAGE_ORDER('m.stage')}, m.question_no`,
    params: [...scores.params, ward, fiscalYear],
  };
}

/** `sampleYears` names whichever of the two years is sample data. */
export interface YearChangeRow extends SampleYears {
  stage: Stage;
  questionNo: number;
  question: string | null;
  score: number | null;
  previous: number | null;
  change: number | null;
}

/** One ward's score per question this year and the year before, biggest changes first. */
export function yearChangeQuery(filters: RatingFilters, ward: string, fiscalYear: number, rater: RaterChoice): Query<YearChangeRow> {
  const now = scoresCte(filters, fiscalYear, rater, 'now');
  const before = scoresCte(filters, fiscalYear - 1, rater, 'before');
  return {
    name: 'yearChange',
    sql: `WITH ${now.sql}, ${before.sql},
      ${QUESTION_TEXT},
      joined AS (
        SELECT coalesce(n.stage, b.stage) AS stage, coalesce(n.question_no, b.question_no) AS question_no,
          n.score AS score, b.score AS previous, n.sample AS now_sample, b.sample AS before_sample
        FROM (SELECT * FROM now WHERE ward = ?) n FULL OUTER JOIN (SELECT * FROM before WHERE ward = ?) b
          ON n.stage = b.stage AND n.question_no = b.question_no)
      SELECT j.stage, j.question_no::INTEGER AS "questionNo", q.question, j.score::DOUBLE AS score,
        j.previous::DOUBLE AS previous, (j.score - j.previous)::DOUBLE AS change,
        ${SAMPLE_YEARS_FROM([['j.before_sample', '?'], ['j.now_sample', '?']])}
      FROM joined j LEFT JOIN question_text q ON q.stage = j.stage AND q.question_no = j.question_no
      ORDER BY abs(j.score - j.previous) DESC NULLS LAST, ${STAGE_ORDER('j.stage')}, j.question_no`,
    params: [...now.params, ...before.params, ward, ward, fiscalYear - 1, fiscalYear],
  };
}

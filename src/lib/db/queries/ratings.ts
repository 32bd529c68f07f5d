import type { Provenance, Rater, Rating, Stage } from '../../ingest/fields.ts';
import type { QuestionKey } from '../../ingest/fields.ts';
import { ratingFiltersWhere, type RatingFilters } from '../sql.ts';
import { QUESTION_TEXT, RATER_ORDER, SAMPLE_YEARS_OF, STAGE_ORDER, wardOrder, type Query, type SampleYears } from './query.ts';

/**
 * A–D counts per `keys` and fiscal year, from the filtered ratings: the first of two steps shared by
 * the distributions. Counting per year first keeps the sample years a list over a few rows per group
 * instead of a sorted DISTINCT over every rating (2–3× faster at 1.6M ratings).
 */
const levelCountsByYear = (keys: string, where: string) => `level_years AS (
      SELECT ${keys}, r.fiscal_year,
        count(*) FILTER (WHERE r.score = 4) AS a, count(*) FILTER (WHERE r.score = 3) AS b,
        count(*) FILTER (WHERE r.score = 2) AS c, count(*) FILTER (WHERE r.score = 1) AS d,
        count(*) FILTER (WHERE r.score IS NULL) AS unrated, count(*) AS n,
        count(*) FILTER (WHERE r.provenance = 'sample') AS sample_n
      FROM ratings r WHERE ${where} GROUP BY ALL)`;

/** The same first step from `rating_groups` (counted per stage and rater), when no question is chosen. */
const groupCountsByYear = (where: string) => `level_years AS (
      SELECT r.ward, r.fiscal_year,
        sum(r.a) AS a, sum(r.b) AS b, sum(r.c) AS c, sum(r.d) AS d, sum(r.unrated) AS unrated, sum(r.n) AS n,
        coalesce(sum(r.n) FILTER (WHERE r.provenance = 'sample'), 0) AS sample_n
      FROM rating_groups r WHERE ${where} GROUP BY ALL)`;

/** The second step: the years summed, the share of A+B among rated answers, which years are sample. */
const LEVEL_SUMS = `sum(y.a)::INTEGER AS a, sum(y.b)::INTEGER AS b, sum(y.c)::INTEGER AS c, sum(y.d)::INTEGER AS d,
        sum(y.unrated)::INTEGER AS unrated, sum(y.n)::INTEGER AS n, sum(y.sample_n)::INTEGER AS sample,
        coalesce(list(y.fiscal_year::INTEGER ORDER BY y.fiscal_year) FILTER (WHERE y.sample_n > 0), [])::INTEGER[] AS "sampleYears",
        coalesce(bool_and(y.sample_n = y.n), false) AS "allSample",
        (sum(y.a + y.b) / nullif(sum(y.n - y.unrated), 0))::DOUBLE AS "abShare"`;

/** A–D counts of a group of ratings (unrated apart), what share of the rated ones are A or B, how many are sample. */
export interface RatingCounts extends SampleYears {
  a: number;
  b: number;
  c: number;
  d: number;
  unrated: number;
  n: number;
  /** How many of the n are synthetic sample records. */
  sample: number;
  /** Share of A+B among rated answers; null when none was rated. */
  abShare: number | null;
}

export interface WardDistributionRow extends RatingCounts {
  ward: string;
  wardCode: string | null;
  wardEn: string | null;
}

/**
 * A–D counts per ward (unrated apart), wards in registry order; levels with no rows come back as 0.
 * Without a chosen question it counts from `rating_groups` (a fifth of the rows).
 */
export function ratingDistributionByWardQuery(filters: RatingFilters): Query<WardDistributionRow> {
  const where = ratingFiltersWhere(filters);
  return {
    name: 'ratingDistributionByWard',
    sql: `WITH ${filters.questions === null ? groupCountsByYear(where.sql) : levelCountsByYear('r.ward', where.sql)}
      SELECT y.ward AS ward, any_value(w.code) AS "wardCode", any_value(w.name_en) AS "wardEn",
        ${LEVEL_SUMS}
      FROM level_years y LEFT JOIN wards w ON w.name = y.ward
      GROUP BY y.ward, w.sort_order
      ORDER BY ${wardOrder('y')}`,
    params: where.params,
  };
}

export interface ProvenanceRow {
  realRatings: number;
  sampleRatings: number;
  sampleNarratives: number;
}

/** How much of what is loaded is real and how much is sample: drives the page's sample badge. */
export function provenanceSummaryQuery(): Query<ProvenanceRow> {
  return {
    name: 'provenanceSummary',
    sql: `SELECT
        (SELECT count(*) FILTER (WHERE provenance = 'real') FROM ratings)::INTEGER AS "realRatings",
        (SELECT count(*) FILTER (WHERE provenance = 'sample') FROM ratings)::INTEGER AS "sampleRatings",
        (SELECT count(*) FILTER (WHERE provenance = 'sample') FROM narratives)::INTEGER AS "sampleNarratives"`,
    params: [],
  };
}

export interface FilterOptionsRow {
  fiscalYears: number[];
  wards: string[];
  /** The years each ward has ratings for: a ward-centred view opens on that ward's latest year. */
  wardYears: Array<{ ward: string; fiscalYears: number[] }>;
  /** Wards by the registry's `city` (the prefecture, in a national registry), for choosing a group at once. */
  groups: Array<{ group: string; wards: string[] }>;
}

/** Years and wards present in the ratings, for the filter controls. */
export function ratingFilterOptionsQuery(): Query<FilterOptionsRow> {
  return {
    name: 'ratingFilterOptions',
    sql: `SELECT
        (SELECT coalesce(list(DISTINCT fiscal_year ORDER BY fiscal_year), []) FROM ratings)::INTEGER[] AS "fiscalYears",
        (SELECT coalesce(list(ward ORDER BY o, ward), []) FROM (
           SELECT DISTINCT r.ward, coalesce(w.sort_order, 10000) AS o FROM ratings r LEFT JOIN wards w ON w.name = r.ward)) AS wards,
        (SELECT coalesce(list({'ward': ward, 'fiscalYears': years} ORDER BY ward), []) FROM (
           SELECT ward, list(DISTINCT fiscal_year ORDER BY fiscal_year)::INTEGER[] AS years FROM ratings GROUP BY ward)) AS "wardYears",
        (SELECT coalesce(list({'group': city, 'wards': wards} ORDER BY o, city), []) FROM (
           SELECT w.city, min(w.sort_order) AS o, list(r.ward ORDER BY w.sort_order, r.ward) AS wards
           FROM (SELECT DISTINCT ward FROM ratings) r JOIN wards w ON w.name = r.ward
           WHERE coalesce(w.city, '') <> '' GROUP BY w.city)) AS groups`,
    params: [],
  };
}

export interface WardNameRow {
  ward: string;
  wardEn: string;
}

/** The registry's English names of its wards (romaji), for the English screen to name every ward alike. */
export function wardNamesQuery(): Query<WardNameRow> {
  return {
    name: 'wardNames',
    sql: `SELECT name AS ward, trim(name_en) AS "wardEn" FROM wards
      WHERE coalesce(trim(name_en), '') <> '' ORDER BY sort_order, name`,
    params: [],
  };
}

export interface QuestionDistributionRow extends RatingCounts {
  stage: Stage;
  questionNo: number;
  question: string | null;
}

/** A–D counts per question, in questionnaire order (stage, then number), with the question's wording. */
export function ratingDistributionByQuestionQuery(filters: RatingFilters): Query<QuestionDistributionRow> {
  const where = ratingFiltersWhere(filters);
  return {
    name: 'ratingDistributionByQuestion',
    sql: `WITH ${QUESTION_TEXT}, ${levelCountsByYear('r.stage, r.question_no', where.sql)}
      SELECT y.stage, y.question_no::INTEGER AS "questionNo", any_value(q.question) AS question,
        ${LEVEL_SUMS}
      FROM level_years y LEFT JOIN question_text q ON q.stage = y.stage AND q.question_no = y.question_no
      GROUP BY y.stage, y.question_no
      ORDER BY ${STAGE_ORDER('y.stage')}, y.question_no`,
    params: where.params,
  };
}

export type RaterChoice = Rater | 'mean';

/** The filters for one chosen year and rater (or all three, averaged). */
function yearAndRater(filters: RatingFilters, fiscalYear: number, rater: RaterChoice): RatingFilters {
  return { ...filters, fiscalYears: [fiscalYear], raters: rater === 'mean' ? filters.raters : [rater] };
}

export interface HeatmapCellRow extends SampleYears {
  ward: string;
  wardCode: string | null;
  stage: Stage;
  questionNo: number;
  /** Mean score (A=4 … D=1) of the rated answers; null when none was rated. */
  score: number | null;
  rated: number;
  n: number;
  /** The ward's mean over its question scores, for ordering wards by score. */
  wardMean: number | null;
}

/** Wards × questions for one year: the score of one rater, or the mean of the three. */
export function wardQuestionHeatmapQuery(filters: RatingFilters, fiscalYear: number, rater: RaterChoice): Query<HeatmapCellRow> {
  const where = ratingFiltersWhere(yearAndRater(filters, fiscalYear, rater));
  return {
    name: 'wardQuestionHeatmap',
    sql: `SELECT r.ward, any_value(w.code) AS "wardCode", r.stage, r.question_no::INTEGER AS "questionNo",
        avg(r.score)::DOUBLE AS score, count(r.score)::INTEGER AS rated, count(*)::INTEGER AS n,
        ${SAMPLE_YEARS_OF('r')},
        avg(avg(r.score)) OVER (PARTITION BY r.ward)::DOUBLE AS "wardMean"
      FROM ratings r LEFT JOIN wards w ON w.name = r.ward
      WHERE ${where.sql}
      GROUP BY r.ward, w.sort_order, r.stage, r.question_no
      ORDER BY ${wardOrder()}, ${STAGE_ORDER('r.stage')}, r.question_no`,
    params: where.params,
  };
}

export interface QuestionHistoryRow {
  fiscalYear: number;
  rater: Rater;
  rating: Rating | null;
  provenance: Provenance;
}

/** One ward's ratings of one question, every rater and year: what a heatmap cell stands for. */
export function wardQuestionHistoryQuery(ward: string, question: QuestionKey, includeSample: boolean): Query<QuestionHistoryRow> {
  return {
    name: 'wardQuestionHistory',
    sql: `SELECT fiscal_year::INTEGER AS "fiscalYear", rater, rating, provenance FROM ratings
      WHERE ward = ? AND stage = ? AND question_no = ? AND (? OR provenance = 'real')
      ORDER BY fiscal_year, ${RATER_ORDER('rater')}`,
    params: [ward, question.stage, question.questionNo, includeSample],
  };
}

export interface QuestionTextRow {
  stage: Stage;
  questionNo: number;
  question: string;
}

/** The wording of the 16 questions as loaded (for labels and tooltips). */
export function questionTextsQuery(): Query<QuestionTextRow> {
  return {
    name: 'questionTexts',
    sql: `WITH ${QUESTION_TEXT}
      SELECT stage, question_no::INTEGER AS "questionNo", question FROM question_text
      ORDER BY ${STAGE_ORDER('stage')}, question_no`,
    params: [],
  };
}

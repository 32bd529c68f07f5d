import type { Stage } from '../../ingest/fields.ts';
import { ratingFiltersWhere, type RatingFilters } from '../sql.ts';
import { QUESTION_TEXT, SAMPLE_YEARS_AGG, SAMPLE_YEARS_FROM, STAGE_ORDER, type Query, type SampleYears } from './query.ts';

/**
 * One row per ward, year and question with the three raters' scores side by side. The rater filter
 * does not apply here: the comparison needs all three.
 */
export function pairsCte(filters: RatingFilters) {
  const where = ratingFiltersWhere({ ...filters, raters: null });
  return {
    sql: `pairs AS (
        SELECT r.ward, r.fiscal_year, r.stage, r.question_no,
          max(r.score) FILTER (WHERE r.rater = 'ward') AS ward_score,
          max(r.score) FILTER (WHERE r.rater = 'center') AS center_score,
          max(r.score) FILTER (WHERE r.rater = 'joint') AS joint_score,
          bool_or(r.provenance = 'sample') AS sample
        FROM ratings r WHERE ${where.sql}
        GROUP BY r.ward, r.fiscal_year, r.stage, r.question_no),
      ${QUESTION_TEXT}`,
    params: where.params,
  };
}

/**
 * Agreement of 区 and 拠点 over the questions both rated: exact agreement rate, and Cohen's kappa
 * with quadratic weights, computed from moments: 1 − mean((x−y)²) / (var x + var y + (x̄−ȳ)²),
 * which equals the weighted kappa of the 4×4 table; NULL when both raters gave one constant value.
 */
export const WEIGHTED_KAPPA = (x: string, y: string) => `CASE WHEN var_pop(${x}) + var_pop(${y}) + power(avg(${x}) - avg(${y}), 2) > 0
          THEN 1 - avg(power(${x} - ${y}, 2))
            / (var_pop(${x}) + var_pop(${y}) + power(avg(${x}) - avg(${y}), 2))
        END`;

const AGREEMENT = `count(*)::INTEGER AS n,
        count(*) FILTER (WHERE ward_score = center_score)::INTEGER AS agree,
        (count(*) FILTER (WHERE ward_score = center_score) / count(*))::DOUBLE AS "agreementRate",
        ${WEIGHTED_KAPPA('ward_score', 'center_score')}::DOUBLE AS kappa,
        avg(center_score - ward_score)::DOUBLE AS "meanGap",
        list((center_score - ward_score)::INTEGER ORDER BY ward, fiscal_year, ${STAGE_ORDER('stage')}, question_no) AS gaps,
        ${SAMPLE_YEARS_AGG('sample', 'fiscal_year')}`;

export interface RaterGapRow extends SampleYears {
  stage: Stage;
  questionNo: number;
  question: string | null;
  wardScore: number | null;
  centerScore: number | null;
  jointScore: number | null;
  /** 拠点 − 区, in rating steps (positive: the center rated itself higher). */
  gap: number | null;
}

/** One ward and year, per question: where the ward office and the center disagree, and by how much. */
export function raterGapsQuery(filters: RatingFilters, ward: string, fiscalYear: number): Query<RaterGapRow> {
  const pairs = pairsCte(filters);
  return {
    name: 'raterGaps',
    sql: `WITH ${pairs.sql}
      SELECT p.stage, p.question_no::INTEGER AS "questionNo", q.question,
        p.ward_score::INTEGER AS "wardScore", p.center_score::INTEGER AS "centerScore", p.joint_score::INTEGER AS "jointScore",
        (p.center_score - p.ward_score)::INTEGER AS gap, ${SAMPLE_YEARS_FROM([['p.sample', 'p.fiscal_year']])}
      FROM pairs p LEFT JOIN question_text q ON q.stage = p.stage AND q.question_no = p.question_no
      WHERE p.ward = ? AND p.fiscal_year = ?
      ORDER BY ${STAGE_ORDER('p.stage')}, p.question_no`,
    params: [...pairs.params, ward, fiscalYear],
  };
}

export interface RaterAgreementRow extends SampleYears {
  ward: string;
  fiscalYear: number;
  n: number;
  agree: number;
  agreementRate: number;
  kappa: number | null;
  meanGap: number;
  /** 拠点 − 区 per question both rated: the pairs a test of the difference stands on. */
  gaps: number[];
}

/** Agreement of 区 and 拠点 per ward and year. */
export function raterAgreementQuery(filters: RatingFilters): Query<RaterAgreementRow> {
  const pairs = pairsCte(filters);
  return {
    name: 'raterAgreement',
    sql: `WITH ${pairs.sql}
      SELECT p.ward, p.fiscal_year::INTEGER AS "fiscalYear", ${AGREEMENT}
      FROM pairs p LEFT JOIN wards w ON w.name = p.ward
      WHERE p.ward_score IS NOT NULL AND p.center_score IS NOT NULL
      GROUP BY p.ward, w.sort_order, p.fiscal_year
      ORDER BY coalesce(w.sort_order, 10000), p.ward, p.fiscal_year`,
    params: pairs.params,
  };
}

export type CityAgreementRow = Omit<RaterAgreementRow, 'ward' | 'fiscalYear'>;

/** The same over every ward and year in the filters: where the city stands. */
export function cityRaterAgreementQuery(filters: RatingFilters): Query<CityAgreementRow> {
  const pairs = pairsCte(filters);
  return {
    name: 'cityRaterAgreement',
    sql: `WITH ${pairs.sql}
      SELECT ${AGREEMENT} FROM pairs WHERE ward_score IS NOT NULL AND center_score IS NOT NULL`,
    params: pairs.params,
  };
}

export interface LargestGapRow extends SampleYears {
  ward: string;
  fiscalYear: number;
  stage: Stage;
  questionNo: number;
  question: string | null;
  wardScore: number;
  centerScore: number;
  gap: number;
}

/** City-wide, the questions where 区 and 拠点 are furthest apart ("区 A / 拠点 C"), largest first. */
export function largestRaterGapsQuery(filters: RatingFilters, limit: number): Query<LargestGapRow> {
  const pairs = pairsCte(filters);
  return {
    name: 'largestRaterGaps',
    sql: `WITH ${pairs.sql}
      SELECT p.ward, p.fiscal_year::INTEGER AS "fiscalYear", p.stage, p.question_no::INTEGER AS "questionNo", q.question,
        p.ward_score::INTEGER AS "wardScore", p.center_score::INTEGER AS "centerScore",
        (p.center_score - p.ward_score)::INTEGER AS gap, ${SAMPLE_YEARS_FROM([['p.sample', 'p.fiscal_year']])}
      FROM pairs p LEFT JOIN question_text q ON q.stage = p.stage AND q.question_no = p.question_no
        LEFT JOIN wards w ON w.name = p.ward
      WHERE p.ward_score IS NOT NULL AND p.center_score IS NOT NULL AND p.ward_score <> p.center_score
      ORDER BY abs(p.center_score - p.ward_score) DESC, p.fiscal_year DESC, coalesce(w.sort_order, 10000),
        ${STAGE_ORDER('p.stage')}, p.question_no
      LIMIT ?`,
    params: [...pairs.params, limit],
  };
}

import { narrativeFiltersWhere, ratingFiltersWhere, type RatingFilters } from '../sql.ts';
import { SAMPLE_YEARS_AGG, SAMPLE_YEARS_FROM, SAMPLE_YEARS_OF, type Query, type SampleYears } from './query.ts';
import { pairsCte, WEIGHTED_KAPPA } from './raters.ts';
import { pairedDifferencesCte, wardYearCte } from './trends.ts';

/** What can colour the ward map; each is computed per ward in SQL below. */
export const MAP_MEASURES = ['abShare', 'meanScore', 'rank', 'change', 'kappa', 'themeItems'] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];

export interface WardMapRow extends SampleYears {
  ward: string;
  wardCode: string;
  /** The ward's tile on the grid; null when the registry gives none (listed in the table only). */
  tileX: number | null;
  tileY: number | null;
  /** The measure; null when the ward has nothing to measure in the filters. */
  value: number | null;
  /** What the value stands on: rated answers, question pairs, or tagged items. */
  n: number;
  /** `change` only: the two years compared (the latest in the filters and the one before). */
  fromYear: number | null;
  toYear: number | null;
  /** `change` only: the ward's paired answer differences (later − earlier), for the test of its change. */
  differences: number[] | null;
}

/** Per ward: mean score, A+B share and rated count within `where` (rater filter as given). */
const SCORES = (where: string) => `SELECT r.ward, avg(r.score) AS mean,
          count(*) FILTER (WHERE r.rating IN ('A', 'B')) / nullif(count(r.rating), 0) AS ab_share,
          count(r.rating) AS rated, ${SAMPLE_YEARS_OF('r')}
        FROM ratings r WHERE ${where} GROUP BY r.ward`;

/**
 * One measure per ward of the registry (wards without data come back with a null value, so the map
 * shows every tile), in registry order. Every figure is computed here; the map only draws it.
 * - abShare: share of A+B among rated answers; meanScore: mean score (A=4 … D=1);
 * - rank: 1 = the highest mean score among the wards with data (ties share the better rank);
 * - change: mean score in the latest year in the filters minus the year before, wards rated in both;
 * - kappa: quadratic-weighted κ of 区 and 拠点 over the questions both rated (the rater filter does not apply);
 * - themeItems: narrative items naming `themeId` (null theme: items naming any theme).
 */
export function wardMapQuery(filters: RatingFilters, measure: MapMeasure, themeId: string | null): Query<WardMapRow> {
  const { sql, params } = measureSql(filters, measure, themeId);
  return {
    name: `wardMap:${measure}`,
    sql: `WITH m AS (${sql})
      SELECT w.name AS ward, w.code AS "wardCode", w.tile_x AS "tileX", w.tile_y AS "tileY",
        m.value::DOUBLE AS value, coalesce(m.n, 0)::INTEGER AS n,
        coalesce(m."sampleYears", [])::INTEGER[] AS "sampleYears", coalesce(m."allSample", false) AS "allSample",
        m.from_year::INTEGER AS "fromYear", m.to_year::INTEGER AS "toYear", m.differences::INTEGER[] AS differences
      FROM wards w LEFT JOIN m ON m.ward = w.name
      ORDER BY w.sort_order`,
    params,
  };
}

function measureSql(filters: RatingFilters, measure: MapMeasure, themeId: string | null): { sql: string; params: Array<string | number | boolean | null> } {
  const where = ratingFiltersWhere(filters);
  switch (measure) {
    case 'abShare':
    case 'meanScore':
      return {
        sql: `SELECT ward, ${measure === 'abShare' ? 'ab_share' : 'mean'} AS value, rated AS n, "sampleYears", "allSample",
            NULL AS from_year, NULL AS to_year, NULL AS differences
          FROM (${SCORES(where.sql)})`,
        params: where.params,
      };
    case 'rank':
      return {
        sql: `SELECT ward, rank() OVER (ORDER BY mean DESC) AS value, rated AS n, "sampleYears", "allSample",
            NULL AS from_year, NULL AS to_year, NULL AS differences
          FROM (${SCORES(where.sql)}) WHERE mean IS NOT NULL`,
        params: where.params,
      };
    case 'change': {
      const wardYear = wardYearCte(filters);
      const paired = pairedDifferencesCte(filters, { sql: { from: '(SELECT year FROM latest) - 1', to: '(SELECT year FROM latest)' } });
      return {
        sql: `WITH ${wardYear.sql},
            latest AS (SELECT max(fiscal_year) AS year FROM ward_year),
            ${paired.sql}
          SELECT a.ward, b.mean - a.mean AS value, a.rated + b.rated AS n,
            ${SAMPLE_YEARS_FROM([['a.sample', 'a.fiscal_year'], ['b.sample', 'b.fiscal_year']])},
            a.fiscal_year AS from_year, b.fiscal_year AS to_year, coalesce(p.differences, []) AS differences
          FROM ward_year a JOIN ward_year b ON b.ward = a.ward AND b.fiscal_year = a.fiscal_year + 1
            JOIN latest ON b.fiscal_year = latest.year
            LEFT JOIN paired p ON p.ward = a.ward
          WHERE a.mean IS NOT NULL AND b.mean IS NOT NULL`,
        params: [...wardYear.params, ...paired.params],
      };
    }
    case 'kappa': {
      const pairs = pairsCte(filters);
      return {
        sql: `WITH ${pairs.sql}
          SELECT ward, ${WEIGHTED_KAPPA('ward_score', 'center_score')} AS value, count(*) AS n,
            ${SAMPLE_YEARS_AGG('sample', 'fiscal_year')}, NULL AS from_year, NULL AS to_year, NULL AS differences
          FROM pairs WHERE ward_score IS NOT NULL AND center_score IS NOT NULL
          GROUP BY ward`,
        params: pairs.params,
      };
    }
    case 'themeItems': {
      const items = narrativeFiltersWhere(filters, null);
      const theme = themeId === null ? { sql: 'TRUE', params: [] } : { sql: 't.theme_id = ?', params: [themeId] };
      return {
        sql: `SELECT n.ward, count(DISTINCT (n.fiscal_year, n.section, n.item_no)) AS value,
            count(DISTINCT (n.fiscal_year, n.section, n.item_no)) AS n, ${SAMPLE_YEARS_OF('n')},
            NULL AS from_year, NULL AS to_year, NULL AS differences
          FROM narratives n JOIN narrative_tags t
            ON t.ward = n.ward AND t.fiscal_year = n.fiscal_year AND t.section = n.section AND t.item_no = n.item_no
          WHERE ${items.sql} AND ${theme.sql}
          GROUP BY n.ward`,
        params: [...items.params, ...theme.params],
      };
    }
  }
}

import type { IndexedItem } from '../../text/item-index.ts';
import type { Section } from '../../ingest/fields.ts';
import { narrativeFiltersWhere, type RatingFilters } from '../sql.ts';
import { SAMPLE_YEARS_AGG, SAMPLE_YEARS_FROM, SAMPLE_YEARS_OF, SECTION_ORDER, type Query, type SampleYears } from './query.ts';

/** Narrative items (one row per item) that name each theme, within the filters. */
function taggedCte(filters: RatingFilters, sections: readonly Section[] | null) {
  const where = narrativeFiltersWhere(filters, sections);
  return {
    sql: `tagged AS (
        SELECT DISTINCT n.ward, n.fiscal_year, n.section, n.item_no, t.theme_id, n.provenance
        FROM narratives n JOIN narrative_tags t
          ON t.ward = n.ward AND t.fiscal_year = n.fiscal_year AND t.section = n.section AND t.item_no = n.item_no
        WHERE ${where.sql})`,
    params: where.params,
  };
}

export interface ThemeSummaryRow {
  themeId: string;
  ja: string;
  en: string;
  items: number;
  /** Wards naming the theme at least once; read as wards/totalWards ("x/18"). */
  wards: number;
  totalWards: number;
}

/** Per theme, how many items and how many wards name it, in dictionary order. */
export function themeSummaryQuery(filters: RatingFilters, sections: readonly Section[] | null): Query<ThemeSummaryRow> {
  const tagged = taggedCte(filters, sections);
  const all = narrativeFiltersWhere(filters, sections);
  return {
    name: 'themeSummary',
    sql: `WITH ${tagged.sql}
      SELECT th.theme_id AS "themeId", th.ja, th.en,
        count(tg.item_no)::INTEGER AS items, count(DISTINCT tg.ward)::INTEGER AS wards,
        (SELECT count(DISTINCT n.ward) FROM narratives n WHERE ${all.sql})::INTEGER AS "totalWards"
      FROM themes th LEFT JOIN tagged tg ON tg.theme_id = th.theme_id
      GROUP BY th.theme_id, th.ja, th.en, th.sort_order
      ORDER BY th.sort_order`,
    params: [...tagged.params, ...all.params],
  };
}

export interface ThemeWardRow extends SampleYears {
  themeId: string;
  ward: string;
  items: number;
}

/** Theme × ward: items naming the theme, wards in registry order. */
export function themeWardQuery(filters: RatingFilters, sections: readonly Section[] | null): Query<ThemeWardRow> {
  const tagged = taggedCte(filters, sections);
  return {
    name: 'themeWard',
    sql: `WITH ${tagged.sql}
      SELECT tg.theme_id AS "themeId", tg.ward, count(*)::INTEGER AS items, ${SAMPLE_YEARS_OF('tg')}
      FROM tagged tg LEFT JOIN wards w ON w.name = tg.ward
      GROUP BY tg.theme_id, tg.ward, w.sort_order
      ORDER BY coalesce(w.sort_order, 10000), tg.ward, tg.theme_id`,
    params: tagged.params,
  };
}

export interface ThemeYearRow {
  themeId: string;
  fiscalYear: number;
  section: Section;
  wards: number;
}

/**
 * How many wards name each theme, per year and section (for the trend lines): every theme in each
 * year and section that has items within the filters, 0 where no ward names it; a year or section
 * without items has no row (a gap in a line, not a zero).
 */
export function themeYearQuery(filters: RatingFilters): Query<ThemeYearRow> {
  const everyYear = { ...filters, fiscalYears: null };
  const tagged = taggedCte(everyYear, null);
  const reported = narrativeFiltersWhere(everyYear, null);
  return {
    name: 'themeYear',
    sql: `WITH ${tagged.sql},
      named AS (SELECT theme_id, fiscal_year, section, count(DISTINCT ward) AS wards FROM tagged GROUP BY theme_id, fiscal_year, section),
      reported AS (SELECT DISTINCT n.fiscal_year, n.section FROM narratives n WHERE ${reported.sql})
      SELECT th.theme_id AS "themeId", r.fiscal_year::INTEGER AS "fiscalYear", r.section, coalesce(nm.wards, 0)::INTEGER AS wards
      FROM themes th CROSS JOIN reported r
        LEFT JOIN named nm ON nm.theme_id = th.theme_id AND nm.fiscal_year = r.fiscal_year AND nm.section = r.section
      ORDER BY th.theme_id, r.fiscal_year, r.section`,
    params: [...tagged.params, ...reported.params],
  };
}

/** A ward, theme and year with the sections that name the theme: the cells of the lifecycle. */
function presenceCte(filters: RatingFilters) {
  const tagged = taggedCte({ ...filters, fiscalYears: null }, null);
  return {
    sql: `${tagged.sql},
      presence AS (
        SELECT ward, theme_id, fiscal_year,
          bool_or(section = 'challenge') AS challenge, bool_or(section = 'next_goal') AS next_goal,
          bool_or(section = 'goal') AS goal, bool_or(section = 'effect') AS effect,
          bool_or(provenance = 'sample') AS sample
        FROM tagged GROUP BY ward, theme_id, fiscal_year)`,
    params: tagged.params,
  };
}

export interface LifecycleRow extends SampleYears {
  fiscalYear: number;
  challenge: boolean;
  nextGoal: boolean;
  goal: boolean;
  effect: boolean;
}

/** One ward and theme, year by year: named as challenge, next year's goal, goal, effect? */
export function themeLifecycleQuery(filters: RatingFilters, ward: string, themeId: string): Query<LifecycleRow> {
  const presence = presenceCte(filters);
  return {
    name: 'themeLifecycle',
    sql: `WITH ${presence.sql}
      SELECT fiscal_year::INTEGER AS "fiscalYear", challenge, next_goal AS "nextGoal", goal, effect,
        ${SAMPLE_YEARS_FROM([['sample', 'fiscal_year']])}
      FROM presence WHERE ward = ? AND theme_id = ? ORDER BY fiscal_year`,
    params: [...presence.params, ward, themeId],
  };
}

export interface RecurringChallengeRow extends SampleYears {
  ward: string;
  themeId: string;
  firstYear: number;
  lastYear: number;
  years: number;
}

/**
 * Challenges named two or more years running with no effect naming the theme in the years after the
 * first one up to the year after the last: the issues that recur without being resolved.
 */
export function recurringChallengesQuery(filters: RatingFilters): Query<RecurringChallengeRow> {
  const presence = presenceCte(filters);
  return {
    name: 'recurringChallenges',
    sql: `WITH ${presence.sql},
      runs AS (
        SELECT ward, theme_id, fiscal_year, sample,
          fiscal_year - row_number() OVER (PARTITION BY ward, theme_id ORDER BY fiscal_year) AS run
        FROM presence WHERE challenge),
      streaks AS (
        SELECT ward, theme_id, min(fiscal_year) AS first_year, max(fiscal_year) AS last_year, count(*) AS years,
          ${SAMPLE_YEARS_AGG('sample', 'fiscal_year')}
        FROM runs GROUP BY ward, theme_id, run HAVING count(*) >= 2)
      SELECT s.ward, s.theme_id AS "themeId", s.first_year::INTEGER AS "firstYear", s.last_year::INTEGER AS "lastYear",
        s.years::INTEGER AS years, s."sampleYears", s."allSample"
      FROM streaks s LEFT JOIN wards w ON w.name = s.ward
      WHERE NOT EXISTS (
        SELECT 1 FROM presence p WHERE p.ward = s.ward AND p.theme_id = s.theme_id AND p.effect
          AND p.fiscal_year BETWEEN s.first_year + 1 AND s.last_year + 1)
      ORDER BY s.years DESC, s.last_year DESC, coalesce(w.sort_order, 10000), s.theme_id`,
    params: presence.params,
  };
}

export interface ResolvedChallengeRow extends SampleYears {
  ward: string;
  themeId: string;
  challengeYear: number;
  effectYear: number;
}

/** Challenges of year N that show up as an effect in N+1 and are no longer a challenge then. */
export function resolvedChallengesQuery(filters: RatingFilters): Query<ResolvedChallengeRow> {
  const presence = presenceCte(filters);
  return {
    name: 'resolvedChallenges',
    sql: `WITH ${presence.sql}
      SELECT c.ward, c.theme_id AS "themeId", c.fiscal_year::INTEGER AS "challengeYear", e.fiscal_year::INTEGER AS "effectYear",
        ${SAMPLE_YEARS_FROM([['c.sample', 'c.fiscal_year'], ['e.sample', 'e.fiscal_year']])}
      FROM presence c JOIN presence e ON e.ward = c.ward AND e.theme_id = c.theme_id AND e.fiscal_year = c.fiscal_year + 1
        LEFT JOIN wards w ON w.name = c.ward
      WHERE c.challenge AND e.effect AND NOT e.challenge
      ORDER BY c.fiscal_year DESC, coalesce(w.sort_order, 10000), c.theme_id`,
    params: presence.params,
  };
}

export interface KwicRow {
  ward: string;
  fiscalYear: number;
  section: Section;
  itemNo: number;
  text: string;
  provenance: string;
  /** Matched spans in the text: [start, end) pairs. */
  spans: Array<{ start: number; end: number }>;
}

/** The items behind a cell: items naming a theme, with where in the text it was found. */
export function keywordInContextQuery(filters: RatingFilters, themeId: string, sections: readonly Section[] | null, limit: number): Query<KwicRow> {
  const where = narrativeFiltersWhere(filters, sections);
  return {
    name: 'keywordInContext',
    sql: `SELECT n.ward, n.fiscal_year::INTEGER AS "fiscalYear", n.section, n.item_no AS "itemNo", n.text, n.provenance,
        list({'start': t.span_start, 'end': t.span_end} ORDER BY t.span_start) AS spans
      FROM narratives n JOIN narrative_tags t
        ON t.ward = n.ward AND t.fiscal_year = n.fiscal_year AND t.section = n.section AND t.item_no = n.item_no
        LEFT JOIN wards w ON w.name = n.ward
      WHERE t.theme_id = ? AND ${where.sql}
      GROUP BY n.ward, n.fiscal_year, n.section, n.item_no, n.text, n.provenance, w.sort_order
      ORDER BY n.fiscal_year DESC, coalesce(w.sort_order, 10000), ${SECTION_ORDER('n.section')}, n.item_no
      LIMIT ?`,
    params: [themeId, ...where.params, limit],
  };
}

export interface WordFrequencyRow {
  word: string;
  count: number;
  previous: number;
  /** Not used at all the year before. */
  isNew: boolean;
}

/** The most frequent words of one year, with last year's count: "new this year" when it was 0. */
export function wordFrequencyQuery(filters: RatingFilters, fiscalYear: number, sections: readonly Section[] | null, limit: number): Query<WordFrequencyRow> {
  const now = narrativeFiltersWhere({ ...filters, fiscalYears: [fiscalYear] }, sections);
  const before = narrativeFiltersWhere({ ...filters, fiscalYears: [fiscalYear - 1] }, sections);
  const words = (where: string) => `SELECT w.word, count(*) AS n FROM narrative_words w JOIN narratives n
        ON w.ward = n.ward AND w.fiscal_year = n.fiscal_year AND w.section = n.section AND w.item_no = n.item_no
        WHERE ${where} GROUP BY w.word`;
  return {
    name: 'wordFrequency',
    sql: `WITH now AS (${words(now.sql)}), before AS (${words(before.sql)}),
        had_before AS (SELECT count(*) AS items FROM narratives n WHERE ${before.sql})
      SELECT now.word, now.n::INTEGER AS count, coalesce(before.n, 0)::INTEGER AS previous,
        (before.n IS NULL AND (SELECT items FROM had_before) > 0) AS "isNew"
      FROM now LEFT JOIN before USING (word)
      ORDER BY now.n DESC, now.word LIMIT ?`,
    params: [...now.params, ...before.params, ...before.params, limit],
  };
}

/** Every narrative item with its text, for re-tagging after a dictionary edit. */
export function narrativeItemsQuery(): Query<IndexedItem> {
  return {
    name: 'narrativeItems',
    sql: 'SELECT ward, fiscal_year::INTEGER AS "fiscalYear", section, item_no AS "itemNo", text FROM narratives ORDER BY ward, fiscal_year, section, item_no',
    params: [],
  };
}

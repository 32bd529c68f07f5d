import type { QuestionKey, Rater, Stage } from '../ingest/fields.ts';
import type { SqlValue } from './database.ts';

/**
 * The filters every ratings view shares. `null` means "all"; an empty list means "none" (the user
 * cleared the selection), which matches nothing.
 */
export interface RatingFilters {
  fiscalYears: number[] | null;
  wards: string[] | null;
  stages: Stage[] | null;
  raters: Rater[] | null;
  /** Narrowed by a click on a question in a linked chart. */
  questions: QuestionKey[] | null;
  /** False hides synthetic sample records, leaving only real results. */
  includeSample: boolean;
  /** Only wards whose narratives name this theme (a click on a theme in the text views). */
  themeId?: string | null;
}

export const NO_FILTERS: RatingFilters = { fiscalYears: null, wards: null, stages: null, raters: null, questions: null, includeSample: true, themeId: null };

export interface SqlFragment {
  sql: string;
  params: SqlValue[];
}

/** `"name"` with embedded quotes doubled: for identifiers the app itself chooses. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function inList(column: string, values: readonly SqlValue[]): SqlFragment {
  if (values.length === 0) return { sql: 'FALSE', params: [] };
  return { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] };
}

/**
 * Filters → a WHERE clause over the ratings table aliased `alias`. Column names come from this
 * function's own whitelist; every value is a bound parameter, never text in the SQL.
 */
export function ratingFiltersWhere(filters: RatingFilters, alias = 'r'): SqlFragment {
  const parts: SqlFragment[] = [];
  const column = (name: string) => `${alias}.${name}`;
  if (filters.fiscalYears) parts.push(inList(column('fiscal_year'), filters.fiscalYears));
  if (filters.wards) parts.push(inList(column('ward'), filters.wards));
  if (filters.stages) parts.push(inList(column('stage'), filters.stages));
  if (filters.raters) parts.push(inList(column('rater'), filters.raters));
  if (filters.questions) {
    const keys = filters.questions;
    parts.push(
      keys.length === 0
        ? { sql: 'FALSE', params: [] }
        : {
            sql: `(${keys.map(() => `(${column('stage')} = ? AND ${column('question_no')} = ?)`).join(' OR ')})`,
            params: keys.flatMap((k) => [k.stage, k.questionNo]),
          },
    );
  }
  if (!filters.includeSample) parts.push({ sql: `${column('provenance')} = ?`, params: ['real'] });
  if (filters.themeId) {
    parts.push({ sql: `${column('ward')} IN (SELECT t.ward FROM narrative_tags t WHERE t.theme_id = ?)`, params: [filters.themeId] });
  }
  if (parts.length === 0) return { sql: 'TRUE', params: [] };
  return { sql: parts.map((p) => p.sql).join(' AND '), params: parts.flatMap((p) => p.params) };
}

/** The filters that apply to narrative items (years, wards, sample data) and a choice of sections. */
export function narrativeFiltersWhere(filters: RatingFilters, sections: readonly string[] | null, alias = 'n'): SqlFragment {
  const parts: SqlFragment[] = [];
  const column = (name: string) => `${alias}.${name}`;
  if (filters.fiscalYears) parts.push(inList(column('fiscal_year'), filters.fiscalYears));
  if (filters.wards) parts.push(inList(column('ward'), filters.wards));
  if (sections) parts.push(inList(column('section'), sections));
  if (!filters.includeSample) parts.push({ sql: `${column('provenance')} = ?`, params: ['real'] });
  if (parts.length === 0) return { sql: 'TRUE', params: [] };
  return { sql: parts.map((p) => p.sql).join(' AND '), params: parts.flatMap((p) => p.params) };
}

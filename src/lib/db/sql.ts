import type { Rater, Stage } from '../ingest/fields.ts';
import type { SqlValue } from './database.ts';

/** The filters every ratings view shares; an empty list means "all". */
export interface RatingFilters {
  fiscalYears: number[];
  wards: string[];
  stages: Stage[];
  raters: Rater[];
  /** False hides synthetic sample records, leaving only real results. */
  includeSample: boolean;
}

export const NO_FILTERS: RatingFilters = { fiscalYears: [], wards: [], stages: [], raters: [], includeSample: true };

export interface SqlFragment {
  sql: string;
  params: SqlValue[];
}

/** `"name"` with embedded quotes doubled: for identifiers the app itself chooses. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function inList(column: string, values: readonly SqlValue[]): SqlFragment {
  return { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] };
}

/**
 * Filters → a WHERE clause over the ratings table aliased `alias`. Column names come from this
 * function's own whitelist; every value is a bound parameter, never text in the SQL.
 */
export function ratingFiltersWhere(filters: RatingFilters, alias = 'r'): SqlFragment {
  const parts: SqlFragment[] = [];
  const column = (name: string) => `${alias}.${name}`;
  if (filters.fiscalYears.length > 0) parts.push(inList(column('fiscal_year'), filters.fiscalYears));
  if (filters.wards.length > 0) parts.push(inList(column('ward'), filters.wards));
  if (filters.stages.length > 0) parts.push(inList(column('stage'), filters.stages));
  if (filters.raters.length > 0) parts.push(inList(column('rater'), filters.raters));
  if (!filters.includeSample) parts.push({ sql: `${column('provenance')} = ?`, params: ['real'] });
  if (parts.length === 0) return { sql: 'TRUE', params: [] };
  return { sql: parts.map((p) => p.sql).join(' AND '), params: parts.flatMap((p) => p.params) };
}

import type { Database, SqlValue } from '../database.ts';

/** A named question the app asks DuckDB: the SQL and its bound values, nothing else. */
export interface Query<Row> {
  name: string;
  sql: string;
  params: SqlValue[];
  /** Phantom: the row type the query returns. */
  readonly row?: Row;
}

/**
 * A short stable key for a query's SQL and values (two 32-bit FNV-1a hashes, hex): the build's
 * snapshot of the views' first results is keyed by it, so a view finds a result only for exactly
 * the query it asks.
 */
export function queryKey(query: Query<unknown>): string {
  const text = `${query.sql}\u0000${JSON.stringify(query.params)}`;
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `${query.name}:${hex(a)}${hex(b)}`;
}

export function runQuery<Row>(db: Database, query: Query<Row>): Promise<Row[]> {
  return db.query<Row>(query.sql, query.params);
}

/** Wards in registry order (code order for Yokohama), unknown wards last by name; needs `w` joined. */
export const wardOrder = (alias = 'r') => `coalesce(w.sort_order, 10000), ${alias}.ward`;
export const STAGE_ORDER = (column: string) => `list_position(['planning', 'implementation', 'review'], ${column})`;
export const RATER_ORDER = (column: string) => `list_position(['ward', 'center', 'joint'], ${column})`;
/** Report sections in the order a report gives them. */
export const SECTION_ORDER = (column: string) => `list_position(['goal', 'action', 'effect', 'challenge', 'next_goal', 'next_action'], ${column})`;

/** The wording of each question, from whichever loaded record carries it (a CTE named question_text). */
export const QUESTION_TEXT = `question_text AS (
        SELECT stage, question_no, min(question) AS question FROM ratings WHERE question IS NOT NULL GROUP BY stage, question_no)`;

/**
 * Where a row's figures come from, by fiscal year: the years whose records are sample data (empty for
 * real data) and whether all of them are. A ward mixing real and sample years says which are which.
 */
export interface SampleYears {
  sampleYears: number[];
  allSample: boolean;
}

/** `SampleYears` over the records of a group (`alias` has `fiscal_year` and `provenance`). */
export const SAMPLE_YEARS_OF = (alias: string) =>
  `coalesce(list(DISTINCT ${alias}.fiscal_year::INTEGER ORDER BY ${alias}.fiscal_year::INTEGER) FILTER (WHERE ${alias}.provenance = 'sample'), [])::INTEGER[] AS "sampleYears",
        coalesce(bool_and(${alias}.provenance = 'sample'), false) AS "allSample"`;

/** `SampleYears` from ward-years known to be sample or not: `[flag, year]` pairs (a missing side is NULL). */
export const SAMPLE_YEARS_FROM = (pairs: Array<[flag: string, year: string]>) =>
  `list_filter([${pairs.map(([flag, year]) => `CASE WHEN ${flag} THEN ${year}::INTEGER END`).join(', ')}], x -> x IS NOT NULL)::INTEGER[] AS "sampleYears",
        (${pairs.map(([flag]) => `coalesce(${flag}, true)`).join(' AND ')}) AND (${pairs.map(([flag]) => `${flag} IS NOT NULL`).join(' OR ')}) AS "allSample"`;

/** `SampleYears` over ward-years grouped together (`flag` per ward-year, `year` its fiscal year). */
export const SAMPLE_YEARS_AGG = (flag: string, year: string) =>
  `coalesce(list(DISTINCT ${year}::INTEGER ORDER BY ${year}::INTEGER) FILTER (WHERE ${flag}), [])::INTEGER[] AS "sampleYears",
        coalesce(bool_and(${flag}), false) AS "allSample"`;

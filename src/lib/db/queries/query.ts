import type { Database, SqlValue } from '../database.ts';

/** A named question the app asks DuckDB: the SQL and its bound values, nothing else. */
export interface Query<Row> {
  name: string;
  sql: string;
  params: SqlValue[];
  /** Phantom: the row type the query returns. */
  readonly row?: Row;
}

export function runQuery<Row>(db: Database, query: Query<Row>): Promise<Row[]> {
  return db.query<Row>(query.sql, query.params);
}

/** Wards in registry order (code order for Yokohama), unknown wards last by name; needs `w` joined. */
export const WARD_ORDER = 'coalesce(w.sort_order, 10000), r.ward';
export const STAGE_ORDER = (column: string) => `list_position(['planning', 'implementation', 'review'], ${column})`;
export const RATER_ORDER = (column: string) => `list_position(['ward', 'center', 'joint'], ${column})`;

/** The wording of each question, from whichever loaded record carries it (a CTE named question_text). */
export const QUESTION_TEXT = `question_text AS (
        SELECT stage, question_no, min(question) AS question FROM ratings WHERE question IS NOT NULL GROUP BY stage, question_no)`;

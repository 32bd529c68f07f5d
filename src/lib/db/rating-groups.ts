import type { Database } from './database.ts';
import type { ArrowKind } from './tables.ts';

/**
 * Ratings counted per ward, fiscal year, stage, rater and provenance: about a fifth of the rows (a
 * stage's questions fold into one row), which is what the distribution by ward reads when no
 * question is chosen, so a filter change at national scale counts 0.3M rows instead of 1.7M. Kept
 * beside `ratings` by every write: a file that replaces no earlier rating adds the counts of its own
 * rows, made by the ingest worker as it reads (`RatingColumns.groups`; a file written in parts adds
 * each part's with the part), so a group can be spread over a few rows and readers sum them; a file
 * that replaces ratings has its ward-years counted again here, in SQL; the
 * bundled data and a dataset are counted whole (a view over `ratings` where the tables are views: a
 * Parquet dataset in native DuckDB).
 */
const select = (where: string) => `SELECT r.ward, r.fiscal_year, r.stage, r.rater, r.provenance,
    count(*) FILTER (WHERE r.score = 4)::INTEGER AS a, count(*) FILTER (WHERE r.score = 3)::INTEGER AS b,
    count(*) FILTER (WHERE r.score = 2)::INTEGER AS c, count(*) FILTER (WHERE r.score = 1)::INTEGER AS d,
    count(*) FILTER (WHERE r.score IS NULL)::INTEGER AS unrated, count(*)::INTEGER AS n
  FROM ratings r ${where}
  GROUP BY r.ward, r.fiscal_year, r.stage, r.rater, r.provenance`;

export const RATING_GROUPS = 'rating_groups';
/**
 * The count's columns, declared (`CREATE TABLE … AS` the empty count planned an aggregate, the
 * schema's most expensive statement in a cold DuckDB), with the Arrow type the ingest worker's counts
 * travel as. A unit test checks they are the count's own.
 */
export const RATING_GROUP_COLUMNS: ReadonlyArray<{ name: string; sql: string; arrow: ArrowKind }> = [
  { name: 'ward', sql: 'VARCHAR', arrow: 'utf8' },
  { name: 'fiscal_year', sql: 'SMALLINT', arrow: 'int16' },
  { name: 'stage', sql: 'VARCHAR', arrow: 'utf8' },
  { name: 'rater', sql: 'VARCHAR', arrow: 'utf8' },
  { name: 'provenance', sql: 'VARCHAR', arrow: 'utf8' },
  ...['a', 'b', 'c', 'd', 'unrated', 'n'].map((name) => ({ name, sql: 'INTEGER', arrow: 'int32' as const })),
];
export const RATING_GROUPS_DDL = `CREATE TABLE IF NOT EXISTS ${RATING_GROUPS} (${RATING_GROUP_COLUMNS.map((c) => `${c.name} ${c.sql}`).join(', ')});`;
export const RATING_GROUPS_VIEW = `CREATE VIEW ${RATING_GROUPS} AS ${select('')}`;

/** Counts every rating again. */
export async function regroupRatings(db: Database): Promise<void> {
  await db.exec(`DELETE FROM ${RATING_GROUPS}`);
  await db.exec(`INSERT INTO ${RATING_GROUPS} ${select('')}`);
}

/** Counts a file's ward-years again: the rows it replaced were of the same ones. */
export async function regroupFileWardYears(db: Database, fileId: number): Promise<void> {
  const touched = `SELECT DISTINCT ward, fiscal_year FROM ratings WHERE file_id = ${Number(fileId)}`;
  await db.exec(`DELETE FROM ${RATING_GROUPS} g USING (${touched}) t WHERE g.ward = t.ward AND g.fiscal_year = t.fiscal_year`);
  await db.exec(`INSERT INTO ${RATING_GROUPS} ${select(`SEMI JOIN (${touched}) t ON r.ward = t.ward AND r.fiscal_year = t.fiscal_year`)}`);
}

import { QUESTIONS_PER_STAGE, RATERS, type Rater, type Rating, type Stage } from '../../ingest/fields.ts';
import { FILE_COUNTS, type FileCounts } from '../../ingest/types.ts';
import { SAMPLE_YEARS_AGG, SAMPLE_YEARS_OF, type Query, type SampleYears } from './query.ts';

/** The `files` table's row counts under their TypeScript names (a fixed list, not user text). */
const FILE_COUNTS_SQL = Object.entries(FILE_COUNTS)
  .map(([key, column]) => `${column} AS "${key}"`)
  .join(', ');

export interface TotalsRow {
  ratings: number;
  narratives: number;
  centers: number;
  wards: string[];
  fiscalYears: number[];
  a: number;
  b: number;
  c: number;
  d: number;
  unrated: number;
}

/** What is loaded, across ratings, narratives and centers. */
export function loadedTotalsQuery(): Query<TotalsRow> {
  return {
    name: 'loadedTotals',
    sql: `WITH keys AS (
        SELECT ward, fiscal_year FROM ratings UNION SELECT ward, fiscal_year FROM narratives
        UNION SELECT ward, fiscal_year FROM centers)
      SELECT
        (SELECT count(*) FROM ratings)::INTEGER AS ratings,
        (SELECT count(*) FROM narratives)::INTEGER AS narratives,
        (SELECT count(*) FROM centers)::INTEGER AS centers,
        (SELECT coalesce(list(ward ORDER BY o, ward), []) FROM (
           SELECT DISTINCT k.ward, coalesce(w.sort_order, 10000) AS o FROM keys k LEFT JOIN wards w ON w.name = k.ward)) AS wards,
        (SELECT coalesce(list(DISTINCT fiscal_year ORDER BY fiscal_year), []) FROM keys)::INTEGER[] AS "fiscalYears",
        (SELECT count(*) FILTER (WHERE rating = 'A') FROM ratings)::INTEGER AS a,
        (SELECT count(*) FILTER (WHERE rating = 'B') FROM ratings)::INTEGER AS b,
        (SELECT count(*) FILTER (WHERE rating = 'C') FROM ratings)::INTEGER AS c,
        (SELECT count(*) FILTER (WHERE rating = 'D') FROM ratings)::INTEGER AS d,
        (SELECT count(*) FILTER (WHERE rating IS NULL) FROM ratings)::INTEGER AS unrated`,
    params: [],
  };
}

export interface LoadedFileRow extends SampleYears {
  fileId: number;
  file: string;
  kind: string;
  /** `bundled` (shipped with the app) or `user` (loaded in this browser). */
  origin: string;
  ratings: number;
  narratives: number;
  centers: number;
  wards: number;
  firstYear: number;
  lastYear: number;
}

/**
 * Every file whose rows the views show now, with how many of its rows are in the tables (a later file
 * may have replaced some), the wards and years they cover, and which years are sample data: where the
 * figures on screen come from. A file none of whose rows remain is not listed.
 */
export function loadedFilesQuery(): Query<LoadedFileRow> {
  return {
    name: 'loadedFiles',
    sql: `WITH rows_now AS (
        SELECT file_id, ward, fiscal_year, provenance, 1 AS ratings, 0 AS narratives, 0 AS centers FROM ratings
        UNION ALL SELECT file_id, ward, fiscal_year, provenance, 0, 1, 0 FROM narratives
        UNION ALL SELECT file_id, ward, fiscal_year, provenance, 0, 0, 1 FROM centers)
      SELECT f.file_id AS "fileId", f.file, f.kind, f.origin,
        sum(r.ratings)::INTEGER AS ratings, sum(r.narratives)::INTEGER AS narratives, sum(r.centers)::INTEGER AS centers,
        count(DISTINCT r.ward)::INTEGER AS wards, min(r.fiscal_year)::INTEGER AS "firstYear", max(r.fiscal_year)::INTEGER AS "lastYear",
        ${SAMPLE_YEARS_OF('r')}
      FROM files f JOIN rows_now r ON r.file_id = f.file_id
      GROUP BY f.file_id, f.file, f.kind, f.origin
      ORDER BY f.file_id`,
    params: [],
  };
}

/** A complete year's rating table: every question (16) by every rater (3). */
export const RATINGS_PER_YEAR = Object.values(QUESTIONS_PER_STAGE).reduce((n, q) => n + q, 0) * RATERS.length;

export interface CoverageYear {
  fiscalYear: number;
  ratings: number;
  /** Ratings with a letter (the rest are 未評価). */
  rated: number;
  items: number;
}

export interface CoverageRow extends SampleYears {
  ward: string;
  years: CoverageYear[];
}

/**
 * Per unit, the years it has ratings or narrative items for and how many: every unit of the
 * registry (one with no data has no years), then any unit with data the registry lacks. Shows
 * which ward-years are missing, or have fewer than `RATINGS_PER_YEAR` ratings.
 */
export function loadedCoverageQuery(): Query<CoverageRow> {
  return {
    name: 'loadedCoverage',
    sql: `WITH r AS (
        SELECT ward, fiscal_year, count(*) AS ratings, count(rating) AS rated, bool_or(provenance = 'sample') AS sample
        FROM ratings GROUP BY ward, fiscal_year),
      n AS (
        SELECT ward, fiscal_year, count(*) AS items, bool_or(provenance = 'sample') AS sample
        FROM narratives GROUP BY ward, fiscal_year),
      cells AS (
        SELECT coalesce(r.ward, n.ward) AS ward, coalesce(r.fiscal_year, n.fiscal_year) AS fiscal_year,
          coalesce(r.ratings, 0) AS ratings, coalesce(r.rated, 0) AS rated, coalesce(n.items, 0) AS items,
          coalesce(r.sample, false) OR coalesce(n.sample, false) AS sample
        FROM r FULL OUTER JOIN n ON n.ward = r.ward AND n.fiscal_year = r.fiscal_year),
      units AS (
        SELECT name AS ward, sort_order FROM wards
        UNION ALL SELECT DISTINCT ward, NULL FROM cells WHERE ward NOT IN (SELECT name FROM wards))
      SELECT u.ward,
        coalesce(list({'fiscalYear': c.fiscal_year::INTEGER, 'ratings': c.ratings::INTEGER, 'rated': c.rated::INTEGER, 'items': c.items::INTEGER}
          ORDER BY c.fiscal_year) FILTER (WHERE c.fiscal_year IS NOT NULL), []) AS years,
        ${SAMPLE_YEARS_AGG('c.sample', 'c.fiscal_year')}
      FROM units u LEFT JOIN cells c ON c.ward = u.ward
      GROUP BY u.ward, u.sort_order
      ORDER BY coalesce(u.sort_order, 10000), u.ward`,
    params: [],
  };
}

export interface FileReportRow extends FileCounts {
  fileId: number;
  file: string;
  kind: string;
  encoding: string | null;
  origin: string;
  ratings: number;
  narratives: number;
  centers: number;
  wards: number;
  fileError: string | null;
  fileErrorParams: string | null;
  missingParts: string[];
  ignoredColumns: string[];
  ignoredColumnsTotal: number;
  delimiter: string | null;
  /** JSON: `[{ line, text }]`, lines above the CSV header. */
  skippedLines: string;
  hiddenSheets: string[];
  skippedEntries: string[];
  /** Rejected cells, all of them (`rejected_rows` lists at most 10,000 per file). */
  errorCount: number;
}

/**
 * Per-file accounting in the order the files were read (dropped, or a paste's reports #1, #2, …), as the
 * rejected rows and the report checks list them; `fromFileId` limits it to one load.
 */
export function fileReportsQuery(fromFileId = 0): Query<FileReportRow> {
  return {
    name: 'fileReports',
    sql: `SELECT file_id AS "fileId", file, kind, encoding, origin, ${FILE_COUNTS_SQL},
        ratings, narratives, centers, wards, file_error AS "fileError", file_error_params AS "fileErrorParams",
        missing_parts AS "missingParts", ignored_columns AS "ignoredColumns", ignored_columns_total AS "ignoredColumnsTotal",
        delimiter, skipped_lines AS "skippedLines", hidden_sheets AS "hiddenSheets", skipped_entries AS "skippedEntries", error_count AS "errorCount"
      FROM files WHERE file_id >= ? ORDER BY file_id`,
    params: [fromFileId],
  };
}

export interface RejectedRowRow {
  fileId: number;
  file: string;
  line: number;
  /** The page of a PDF report the line is on; null for other files. */
  page: number | null;
  column: string | null;
  value: string | null;
  reasonCode: string;
  reasonParams: string;
}

/** Rejected rows in file and line order, a page at a time. */
export function rejectedRowsQuery(fromFileId: number, limit: number, offset = 0): Query<RejectedRowRow> {
  return {
    name: 'rejectedRows',
    sql: `SELECT x.file_id AS "fileId", f.file, x.line,
        (SELECT min(l.page) FROM report_lines l WHERE l.file_id = x.file_id AND l.line = x.line) AS page,
        x.column_name AS "column", x.value,
        x.reason_code AS "reasonCode", x.reason_params AS "reasonParams"
      FROM rejected_rows x JOIN files f USING (file_id)
      WHERE x.file_id >= ? ORDER BY x.file_id, x.line, x.column_name LIMIT ? OFFSET ?`,
    params: [fromFileId, limit, offset],
  };
}

export interface RejectedSummaryRow {
  fileId: number;
  file: string;
  reasonCode: string;
  column: string | null;
  count: number;
  firstLine: number;
  reasonParams: string;
}

/** Every rejected cell of a load counted by file, reason and column, the most frequent first. */
export function rejectedSummaryQuery(fromFileId: number): Query<RejectedSummaryRow> {
  return {
    name: 'rejectedSummary',
    sql: `SELECT s.file_id AS "fileId", f.file, s.reason_code AS "reasonCode", s.column_name AS "column", s.count,
        s.first_line AS "firstLine", s.reason_params AS "reasonParams"
      FROM rejected_summary s JOIN files f USING (file_id)
      WHERE s.file_id >= ? ORDER BY s.file_id, s.count DESC, s.first_line`,
    params: [fromFileId],
  };
}

export interface ConflictRow {
  ward: string;
  fiscalYear: number;
  stage: Stage;
  questionNo: number;
  rater: Rater;
  values: Array<{ file: string; line: number; rating: Rating | null }>;
}

/** Open (not dismissed) rating conflicts with every value seen, in load order; the last one is in use. */
export function ratingConflictsQuery(): Query<ConflictRow> {
  return {
    name: 'ratingConflicts',
    sql: `SELECT c.ward, c.fiscal_year::INTEGER AS "fiscalYear", c.stage, c.question_no::INTEGER AS "questionNo", c.rater,
        list({'file': c.file, 'line': c.line, 'rating': c.rating} ORDER BY c.seq) AS "values"
      FROM conflicts c LEFT JOIN wards w ON w.name = c.ward
      WHERE NOT c.dismissed
      GROUP BY c.ward, c.fiscal_year, c.stage, c.question_no, c.rater, w.sort_order
      ORDER BY coalesce(w.sort_order, 10000), c.ward, c.fiscal_year,
        list_position(['planning', 'implementation', 'review'], c.stage), c.question_no,
        list_position(['ward', 'center', 'joint'], c.rater)`,
    params: [],
  };
}

export interface TextConflictRow {
  kind: 'narrative' | 'center';
  ward: string;
  fiscalYear: number;
  key: string;
  values: Array<{ file: string; line: number; text: string }>;
}

export function textConflictsQuery(): Query<TextConflictRow> {
  return {
    name: 'textConflicts',
    sql: `SELECT kind, ward, fiscal_year::INTEGER AS "fiscalYear", item_key AS "key",
        list({'file': file, 'line': line, 'text': text} ORDER BY seq) AS "values"
      FROM text_conflicts WHERE NOT dismissed
      GROUP BY kind, ward, fiscal_year, item_key ORDER BY ward, fiscal_year, item_key`,
    params: [],
  };
}

export function dismissConflictQuery(c: Pick<ConflictRow, 'ward' | 'fiscalYear' | 'stage' | 'questionNo' | 'rater'>): Query<never> {
  return {
    name: 'dismissConflict',
    sql: `UPDATE conflicts SET dismissed = true
      WHERE ward = ? AND fiscal_year = ? AND stage = ? AND question_no = ? AND rater = ?`,
    params: [c.ward, c.fiscalYear, c.stage, c.questionNo, c.rater],
  };
}

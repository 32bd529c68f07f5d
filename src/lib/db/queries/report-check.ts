import type { Rating, Section, Stage } from '../../ingest/fields.ts';
import type { LineRole } from '../../ingest/report.ts';
import { SECTION_ORDER, STAGE_ORDER, type Query } from './query.ts';

export interface ReportCheckRow {
  fileId: number;
  file: string;
  ward: string | null;
  fiscalYear: number | null;
  fileError: string | null;
  fileErrorParams: string | null;
  rowsRejected: number;
  missingParts: string[];
  operator: string | null;
  purpose: string | null;
  contractYear: number | null;
  contractLength: number | null;
  periodStart: string | null;
  periodEnd: string | null;
  /** Items per section, as `{ section: n }` for the sections the report had, and all of them. */
  items: Record<Section, number>;
  itemsTotal: number;
  ratings: number;
  /** Lines by role: `{ context: n, outside: n, … }`. */
  lines: Record<LineRole, number>;
}

/**
 * What each published report of a load was read as (from `report_values`, so a report repeating what an
 * earlier file loaded still shows all it said): its title's ward and year, its centers row, items per
 * section, ratings, and its lines counted by role.
 */
export function reportChecksQuery(fromFileId: number): Query<ReportCheckRow> {
  const field = (name: string) => `(SELECT value FROM report_values v WHERE v.file_id = f.file_id AND v.kind = 'center' AND v.section = '${name}')`;
  return {
    name: 'reportChecks',
    sql: `SELECT f.file_id AS "fileId", f.file, f.report_ward AS ward, f.report_year::INTEGER AS "fiscalYear",
        f.file_error AS "fileError", f.file_error_params AS "fileErrorParams", f.rows_rejected AS "rowsRejected",
        f.missing_parts AS "missingParts",
        ${field('operator')} AS operator, ${field('purpose')} AS purpose,
        ${field('contract_year')}::INTEGER AS "contractYear", ${field('contract_length')}::INTEGER AS "contractLength",
        ${field('period_start')} AS "periodStart", ${field('period_end')} AS "periodEnd",
        coalesce((SELECT map_from_entries(list({'k': section, 'v': n}))
          FROM (SELECT section, count(*)::INTEGER AS n FROM report_values v WHERE v.file_id = f.file_id AND v.kind = 'item' GROUP BY section)), MAP {}) AS items,
        (SELECT count(*)::INTEGER FROM report_values v WHERE v.file_id = f.file_id AND v.kind = 'item') AS "itemsTotal",
        (SELECT count(*)::INTEGER FROM report_values v WHERE v.file_id = f.file_id AND v.kind = 'rating') AS ratings,
        coalesce((SELECT map_from_entries(list({'k': role, 'v': n}))
          FROM (SELECT role, count(*)::INTEGER AS n FROM report_lines l WHERE l.file_id = f.file_id GROUP BY role)), MAP {}) AS lines
      FROM files f
      WHERE f.file_id >= ? AND f.kind = 'report'
      ORDER BY f.file_id`,
    params: [fromFileId],
  };
}

export interface ReportGridRow {
  stage: Stage;
  questionNo: number;
  question: string | null;
  ward: Rating | null;
  center: Rating | null;
  joint: Rating | null;
  /** Which of the three the file gave (an unrated answer is given, NULL). */
  given: number;
}

/** A report's ratings as its three tables: one row per question, the three raters side by side. */
export function reportGridQuery(fileId: number): Query<ReportGridRow> {
  return {
    name: 'reportGrid',
    sql: `SELECT section AS stage, no AS "questionNo", min(detail) AS question,
        min(value) FILTER (WHERE rater = 'ward') AS ward, min(value) FILTER (WHERE rater = 'center') AS center,
        min(value) FILTER (WHERE rater = 'joint') AS joint, count(*)::INTEGER AS given
      FROM report_values WHERE file_id = ? AND kind = 'rating'
      GROUP BY section, no ORDER BY ${STAGE_ORDER('section')}, no`,
    params: [fileId],
  };
}

export interface ReportItemRow {
  section: Section;
  itemNo: number;
  text: string;
  line: number;
}

export function reportItemsQuery(fileId: number): Query<ReportItemRow> {
  return {
    name: 'reportItems',
    sql: `SELECT section, no AS "itemNo", value AS text, line FROM report_values WHERE file_id = ? AND kind = 'item'
      ORDER BY ${SECTION_ORDER('section')}, no`,
    params: [fileId],
  };
}

export interface ReportLineRow {
  line: number;
  /** A PDF's page; null for other files. */
  page: number | null;
  role: LineRole;
  section: string | null;
  text: string;
}

/** The lines of a report that are not data: what was skipped (title, headings, context, the page around it) and what was rejected. */
export function reportSkippedLinesQuery(fileId: number): Query<ReportLineRow> {
  return {
    name: 'reportSkippedLines',
    sql: `SELECT line, page, role, section, text FROM report_lines
      WHERE file_id = ? AND role NOT IN ('center', 'item', 'rating') ORDER BY seq`,
    params: [fileId],
  };
}

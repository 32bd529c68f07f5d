import { FILE_COUNT_KEYS, type FileCounts, type FileReport } from '../ingest/types.ts';
import { fileErrorText, reasonText, type Lang } from '../i18n/messages.ts';
import type { Database } from '../db/database.ts';
import { loadedTotalsQuery, ratingConflictsQuery, runQuery, textConflictsQuery, type ConflictRow, type TextConflictRow } from '../db/queries/index.ts';

/** The `npm run validate -- --json` document (its shape is a published contract: see README). */
export interface ValidationReport {
  files: Array<FileCounts & {
    file: string;
    kind: string;
    encoding: string | null;
    delimiter: string | null;
    records: { ratings: number; narratives: number; centers: number; wards: number };
    fileError: string | null;
    /** A published report's ward and year, from its title. */
    report: { ward: string; fiscalYear: number } | null;
    missingParts: string[];
    ignoredColumns: string[];
    ignoredColumnsTotal: number;
    skippedLines: FileReport['skippedLines'];
    hiddenSheets: string[];
    skippedEntries: string[];
    /** Every rejected cell, counted; `errors` lists the first 10,000 (all of them: `--errors-csv`). */
    errorCount: number;
    errorSummary: Array<{ code: string; column: string | null; count: number; firstLine: number; reason: string }>;
    errors: Array<{ line: number; column: string | null; value: string; valueLength?: number; reason: string; code: string }>;
  }>;
  /** Files of a folder given that are not data (by their extension, as in the app): named, not read. */
  skippedFiles: string[];
  conflicts: ConflictRow[];
  textConflicts: TextConflictRow[];
  totals: {
    ratings: number;
    narratives: number;
    centers: number;
    wards: string[];
    fiscalYears: number[];
    ratingCounts: { A: number; B: number; C: number; D: number; unrated: number };
  };
}

/** Builds the report from the ingest reports and, for everything counted across files, from SQL. */
export async function buildValidationReport(db: Database, reports: FileReport[], lang: Lang, skippedFiles: string[] = []): Promise<ValidationReport> {
  const [totals] = await runQuery(db, loadedTotalsQuery());
  return {
    files: reports.map((r) => ({
      file: r.file,
      kind: r.kind,
      encoding: r.encoding,
      delimiter: r.delimiter,
      ...(Object.fromEntries(FILE_COUNT_KEYS.map((key) => [key, r[key]])) as FileCounts),
      records: r.records,
      fileError: r.fileError ? fileErrorText(lang, r.fileError.code, r.fileError.params) : null,
      report: r.reportWard !== null && r.reportYear !== null ? { ward: r.reportWard, fiscalYear: r.reportYear } : null,
      missingParts: r.missingParts,
      ignoredColumns: r.ignoredColumns,
      ignoredColumnsTotal: r.ignoredColumnsTotal,
      skippedLines: r.skippedLines,
      hiddenSheets: r.hiddenSheets,
      skippedEntries: r.skippedEntries,
      errorCount: r.errorCount,
      errorSummary: r.errorSummary.map(({ params, ...s }) => ({ ...s, reason: reasonText(lang, s.code, params) })),
      errors: r.errors.map((e) => ({
        line: e.line, column: e.column, value: e.value,
        ...(e.params.valueLength === undefined ? {} : { valueLength: Number(e.params.valueLength) }),
        reason: reasonText(lang, e.code, e.params), code: e.code,
      })),
    })),
    skippedFiles,
    conflicts: await runQuery(db, ratingConflictsQuery()),
    textConflicts: await runQuery(db, textConflictsQuery()),
    totals: {
      ratings: totals.ratings,
      narratives: totals.narratives,
      centers: totals.centers,
      wards: totals.wards,
      fiscalYears: totals.fiscalYears,
      ratingCounts: { A: totals.a, B: totals.b, C: totals.c, D: totals.d, unrated: totals.unrated },
    },
  };
}

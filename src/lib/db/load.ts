import { clipText } from '../ingest/limits.ts';
import { emptyFileReport } from '../ingest/session.ts';
import type { FileReport } from '../ingest/types.ts';
import type { Ward } from '../ingest/registry.ts';
import type { BatchPayload } from './arrow.ts';
import type { Database } from './database.ts';
import { SCHEMA } from './schema.ts';

/** Where a file came from: shipped with the app, or dropped in by the user. */
export type FileOrigin = 'bundled' | 'user';

/** What the ingest worker hands over for one file: its report (errors travel as Arrow) and its records. */
export interface LoadedFile {
  report: Omit<FileReport, 'errors'>;
  payload: BatchPayload;
  wards: Ward[] | null;
}

export async function createSchema(db: Database, wards: readonly Ward[]): Promise<void> {
  await db.exec(SCHEMA);
  await replaceWards(db, wards);
}

export async function replaceWards(db: Database, wards: readonly Ward[]): Promise<void> {
  await db.exec('DELETE FROM wards');
  for (const [index, w] of wards.entries()) {
    await db.query('INSERT INTO wards VALUES (?, ?, ?, ?, ?, ?, ?)', [w.code, w.name, w.nameEn, w.city, w.tileX, w.tileY, index + 1]);
  }
}

const KEY = (a: string, b: string, columns: string[]) => columns.map((c) => `${a}.${c} = ${b}.${c}`).join(' AND ');

/**
 * Writes one file's records. Keys a file re-delivers replace what an earlier file loaded (the later file
 * wins a conflict; the conflict itself is kept in `conflicts`).
 */
export async function loadFile(db: Database, file: LoadedFile, origin: FileOrigin): Promise<void> {
  await db.exec('BEGIN TRANSACTION');
  try {
    await writeFile(db, file, origin);
    await db.exec('COMMIT');
  } catch (error) {
    // A failed ROLLBACK must not hide the error that caused it.
    await db.exec('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Loads a file; if writing it fails, records the file as refused (its report says why) instead, so
 * one bad file never takes the other files of a batch down with it. Returns the report as stored.
 */
export async function loadFileOrRefuse(db: Database, file: LoadedFile, origin: FileOrigin): Promise<LoadedFile['report']> {
  try {
    await loadFile(db, file, origin);
    return file.report;
  } catch (error) {
    const message = clipText(error instanceof Error ? error.message : String(error));
    const { errors: _errors, ...empty } = emptyFileReport(file.report.fileId, file.report.file);
    const report: LoadedFile['report'] = {
      ...empty,
      kind: file.report.kind, encoding: file.report.encoding, delimiter: file.report.delimiter,
      rowsRead: file.report.rowsRead, rowsRejected: file.report.rowsRead,
      fileError: { code: 'internal_error', params: { message } },
    };
    await loadFile(db, { report, payload: EMPTY_PAYLOAD, wards: null }, origin);
    return report;
  }
}

const EMPTY_PAYLOAD: BatchPayload = { reportLines: null, reportValues: null, ratings: null, narratives: null, centers: null, rejected: null, conflicts: null, textConflicts: null };

async function writeFile(db: Database, file: LoadedFile, origin: FileOrigin): Promise<void> {
  const { report, payload } = file;
  const id = report.fileId;
  await db.query('INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::VARCHAR[], ?::VARCHAR[], ?, ?, ?, ?, ?, ?)', [
    id, report.file, report.kind, report.encoding, origin, report.rowsRead, report.rowsLoaded, report.rowsDuplicate,
    report.rowsRejected, report.notRated, report.sampleReplaced, report.records.ratings, report.records.narratives, report.records.centers,
    report.records.wards, report.fileError?.code ?? null, report.fileError ? JSON.stringify(report.fileError.params) : null,
    JSON.stringify(report.missingParts), JSON.stringify(report.ignoredColumns), report.delimiter, report.ignoredColumnsTotal,
    JSON.stringify(report.skippedLines), report.errorCount, report.reportWard, report.reportYear,
  ]);
  for (const s of report.errorSummary) {
    await db.query('INSERT INTO rejected_summary VALUES (?, ?, ?, ?, ?, ?)', [id, s.code, s.column, s.count, s.firstLine, JSON.stringify(s.params)]);
  }
  if (file.wards && file.wards.length > 0) await replaceWards(db, file.wards);
  if (payload.reportLines) {
    await db.insertArrow('staging_report_lines', payload.reportLines);
    await db.query('INSERT INTO report_lines SELECT ?, seq, line, role, section, text FROM staging_report_lines', [id]);
    await db.exec('DROP TABLE staging_report_lines');
  }
  if (payload.reportValues) {
    await db.insertArrow('staging_report_values', payload.reportValues);
    await db.query('INSERT INTO report_values SELECT ?, kind, section, no, rater, value, detail, line FROM staging_report_values', [id]);
    await db.exec('DROP TABLE staging_report_values');
  }
  if (payload.ratings) {
    await db.insertArrow('staging_ratings', payload.ratings);
    await db.exec(`DELETE FROM ratings USING staging_ratings s WHERE ${KEY('ratings', 's', ['ward', 'fiscal_year', 'stage', 'question_no', 'rater'])}`);
    await db.query(
      `INSERT INTO ratings SELECT ward, fiscal_year, stage, question_no, question, rater, rating,
         CASE rating WHEN 'A' THEN 4 WHEN 'B' THEN 3 WHEN 'C' THEN 2 WHEN 'D' THEN 1 END, provenance, ?, line FROM staging_ratings`,
      [id],
    );
    await db.exec('DROP TABLE staging_ratings');
  }
  if (payload.narratives) {
    await db.insertArrow('staging_narratives', payload.narratives);
    await db.exec(`DELETE FROM narratives USING staging_narratives s WHERE ${KEY('narratives', 's', ['ward', 'fiscal_year', 'section', 'item_no'])}`);
    await db.query('INSERT INTO narratives SELECT ward, fiscal_year, section, item_no, text, provenance, ?, line FROM staging_narratives', [id]);
    await db.exec('DROP TABLE staging_narratives');
  }
  if (payload.centers) {
    await db.insertArrow('staging_centers', payload.centers);
    await db.exec(`DELETE FROM centers USING staging_centers s WHERE ${KEY('centers', 's', ['ward', 'fiscal_year'])}`);
    await db.query(
      `INSERT INTO centers SELECT ward, fiscal_year, center_name, operator, contract_year, contract_length,
         period_start::DATE, period_end::DATE, provenance, ?, line, purpose FROM staging_centers`,
      [id],
    );
    await db.exec('DROP TABLE staging_centers');
  }
  if (payload.rejected) {
    await db.insertArrow('staging_rejected', payload.rejected);
    await db.query('INSERT INTO rejected_rows SELECT ?, line, column_name, value, reason_code, reason_params FROM staging_rejected', [id]);
    await db.exec('DROP TABLE staging_rejected');
  }
  if (payload.conflicts) {
    await db.insertArrow('staging_conflicts', payload.conflicts);
    await db.exec('INSERT INTO conflicts SELECT *, false FROM staging_conflicts');
    await db.exec('DROP TABLE staging_conflicts');
  }
  if (payload.textConflicts) {
    await db.insertArrow('staging_text_conflicts', payload.textConflicts);
    await db.exec('INSERT INTO text_conflicts SELECT *, false FROM staging_text_conflicts');
    await db.exec('DROP TABLE staging_text_conflicts');
  }
}

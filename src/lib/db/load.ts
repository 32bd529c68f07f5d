import { clipText } from '../ingest/limits.ts';
import { emptyFileReport } from '../ingest/session.ts';
import type { FileBatch, FileReport } from '../ingest/types.ts';
import type { Ward } from '../ingest/registry.ts';
import type { BatchPayload } from './arrow.ts';
import { inTransaction, type Database } from './database.ts';
import { SCHEMA } from './schema.ts';
import { regroupRatings } from './rating-groups.ts';
import type { Theme } from '../text/themes.ts';
import { appendsAsIs, BATCH_TABLES, FILES, NARRATIVE_TAGS, paramInserts, REJECTED_SUMMARY, stagingInsert, THEMES, WARDS, type BatchTable, type TableSpec } from './tables.ts';

/** Where a file came from: shipped with the app, or dropped in by the user. */
export type FileOrigin = 'bundled' | 'user';

/** What the ingest worker hands over for one file: its report (errors travel as Arrow) and its records. */
export interface LoadedFile {
  report: Omit<FileReport, 'errors'>;
  payload: BatchPayload;
  wards: Ward[] | null;
  replaces: FileBatch['replaces'];
}

export async function createSchema(db: Database, wards: readonly Ward[], themes: readonly Theme[]): Promise<void> {
  await db.exec(SCHEMA);
  await replaceWards(db, wards);
  await replaceThemes(db, themes);
}

/** The dictionary in force; the tags are rebuilt with it (`retag` in the ingest worker). */
export async function replaceThemes(db: Database, themes: readonly Theme[]): Promise<void> {
  await db.exec('DELETE FROM themes');
  await insertRows(db, THEMES, themes.map((theme, index) => ({ ...theme, sortOrder: index + 1 })));
}

/** Replaces every theme tag, in one transaction with the dictionary they were made with. */
export function replaceThemeTags(db: Database, themes: readonly Theme[], tags: Uint8Array | null): Promise<void> {
  return inTransaction(db, async () => {
    await replaceThemes(db, themes);
    await db.exec(`DELETE FROM ${NARRATIVE_TAGS.name}`);
    if (tags) {
      await db.insertArrow(`staging_${NARRATIVE_TAGS.name}`, tags);
      await db.exec(stagingInsert(NARRATIVE_TAGS, `staging_${NARRATIVE_TAGS.name}`));
      await db.exec(`DROP TABLE staging_${NARRATIVE_TAGS.name}`);
    }
  });
}

export async function replaceWards(db: Database, wards: readonly Ward[]): Promise<void> {
  await db.exec('DELETE FROM wards');
  await insertRows(db, WARDS, wards.map((ward, index) => ({ ...ward, sortOrder: index + 1 })));
}

async function insertRows<R>(db: Database, spec: TableSpec<R>, rows: readonly R[]): Promise<void> {
  for (const { sql, params } of paramInserts(spec, rows)) await db.query(sql, params);
}

const KEY = (a: string, b: string, columns: string[]) => columns.map((c) => `${a}.${c} = ${b}.${c}`).join(' AND ');

/**
 * Writes one file's records. Keys a file re-delivers replace what an earlier file loaded (the later file
 * wins a conflict; the conflict itself is kept in `conflicts`).
 */
export function loadFile(db: Database, file: LoadedFile, origin: FileOrigin): Promise<void> {
  return inTransaction(db, () => writeFile(db, file, origin));
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
    await loadFile(db, { report, payload: EMPTY_PAYLOAD, wards: null, replaces: NOTHING_REPLACED }, origin);
    return report;
  }
}

const EMPTY_PAYLOAD = Object.fromEntries(Object.keys(BATCH_TABLES).map((name) => [name, null])) as BatchPayload;
const NOTHING_REPLACED: FileBatch['replaces'] = { ratings: false, narratives: false, centers: false };

async function writeFile(db: Database, file: LoadedFile, origin: FileOrigin): Promise<void> {
  const { report, payload } = file;
  const id = report.fileId;
  await insertRows(db, FILES, [{ ...report, origin }]);
  await insertRows(db, REJECTED_SUMMARY, report.errorSummary.map((count) => ({ ...count, fileId: id })));
  if (file.wards && file.wards.length > 0) await replaceWards(db, file.wards);
  for (const name of Object.keys(BATCH_TABLES) as BatchTable[]) {
    const ipc = payload[name];
    if (!ipc) continue;
    const { spec } = BATCH_TABLES[name];
    const replaces = name in file.replaces && file.replaces[name as keyof FileBatch['replaces']];
    if (!replaces && appendsAsIs(spec as TableSpec<unknown>)) {
      await db.appendArrow(spec.name, ipc);
      continue;
    }
    const staging = `staging_${spec.name}`;
    await db.insertArrow(staging, ipc);
    // Keys a file re-delivers replace what an earlier file loaded (the later file wins a conflict), and
    // what was derived from the earlier rows goes with them (the file brings its own).
    for (const table of replaces && spec.key ? [spec.name, ...(spec.derived ?? [])] : []) {
      await db.exec(`DELETE FROM ${table} USING ${staging} s WHERE ${KEY(table, 's', spec.key!)}`);
    }
    await db.exec(stagingInsert(spec as TableSpec<unknown>, staging));
    await db.exec(`DROP TABLE ${staging}`);
  }
  if (payload.ratings) await regroupRatings(db, id);
}

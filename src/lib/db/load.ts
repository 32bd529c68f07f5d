import { clipText } from '../ingest/limits.ts';
import { emptyFileReport } from '../ingest/session.ts';
import type { FileBatch, FileReport } from '../ingest/types.ts';
import type { Ward } from '../ingest/registry.ts';
import type { BatchPayload, RatingsPart } from './arrow.ts';
import { inTransaction, type Database } from './database.ts';
import { SCHEMA } from './schema.ts';
import { RATING_GROUPS, regroupFileWardYears } from './rating-groups.ts';
import type { Theme } from '../text/themes.ts';
import { appendsAsIs, BATCH_TABLES, FILES, NARRATIVE_TAGS, paramInserts, RATINGS, REJECTED_SUMMARY, stagingInsert, THEMES, WARDS, type BatchTable, type TableSpec } from './tables.ts';
import { errorMessage } from '../error-message.ts';

/** Where a file came from: shipped with the app, or dropped in by the user. */
export type FileOrigin = 'bundled' | 'user';

/** What the ingest worker hands over for one file: its report (errors travel as Arrow) and its records. */
export interface LoadedFile {
  report: Omit<FileReport, 'errors'>;
  payload: BatchPayload;
  wards: Ward[] | null;
  replaces: FileBatch['replaces'];
  /** Parts of the ratings written before the rest (`FileWrite.appendRatings`); the payload holds the rest. */
  ratingParts: number;
  /** The payload's ratings counted for `rating_groups`; null when there are none or the file replaces ratings. */
  ratingGroups: Uint8Array | null;
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
 * One file's write, which may begin before the file is read to its end: parts of its ratings are
 * appended inside a transaction that the rest of the file then completes, so a million-row file is
 * written while it is still being read and is still all or nothing. A file that comes back refused,
 * or a load that stops, undoes the parts.
 */
export class FileWrite {
  private parts = 0;
  private failure: string | null = null;

  constructor(private db: Database) {}

  async appendRatings(part: RatingsPart): Promise<void> {
    if (this.failure !== null) return;
    try {
      if (this.parts === 0) await this.db.exec('BEGIN TRANSACTION');
      this.parts++;
      await this.db.appendArrow(RATINGS.name, part.ipc);
      await this.db.appendArrow(RATING_GROUPS, part.groups);
    } catch (error) {
      this.failure = failureText(error);
      await this.abandon();
    }
  }

  /**
   * Writes the rest of the file and commits; on any failure the file is recorded as refused (its
   * report says why), with nothing of it kept, so one bad file never takes the rest of a batch down.
   * Returns the report as stored.
   */
  async finish(file: LoadedFile, origin: FileOrigin): Promise<LoadedFile['report']> {
    let failure = this.failure;
    if (failure === null && this.parts > 0 && file.ratingParts !== this.parts) await this.abandon();
    if (failure === null) {
      try {
        if (this.parts === 0) await loadFile(this.db, file, origin);
        else {
          await writeFile(this.db, file, origin);
          await this.db.exec('COMMIT');
        }
        return file.report;
      } catch (error) {
        await this.abandon();
        failure = failureText(error);
      }
    }
    const { errors: _errors, ...empty } = emptyFileReport(file.report.fileId, file.report.file);
    const report: LoadedFile['report'] = {
      ...empty,
      kind: file.report.kind, encoding: file.report.encoding, delimiter: file.report.delimiter,
      rowsRead: file.report.rowsRead, rowsRejected: file.report.rowsRead,
      fileError: { code: 'internal_error', params: { message: failure } },
    };
    await loadFile(this.db, { report, payload: EMPTY_PAYLOAD, wards: null, replaces: NOTHING_REPLACED, ratingParts: 0, ratingGroups: null }, origin);
    return report;
  }

  /** Undoes the parts written (the load stopped, or the file was refused). */
  async abandon(): Promise<void> {
    if (this.parts === 0) return;
    this.parts = 0;
    // A failed ROLLBACK must not hide why the file is being undone.
    await this.db.exec('ROLLBACK').catch(() => undefined);
  }
}

/** Why a write failed, as the refused file's report keeps it. */
const failureText = (error: unknown) => clipText(errorMessage(error));

const EMPTY_PAYLOAD = Object.fromEntries(Object.keys(BATCH_TABLES).map((name) => [name, null])) as BatchPayload;
const NOTHING_REPLACED: FileBatch['replaces'] = { ratings: false, narratives: false, centers: false };

/** Writes a file's records (those of its ratings not written before, in parts). */
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
  if (file.replaces.ratings) await regroupFileWardYears(db, id);
  else if (file.ratingGroups) await db.appendArrow(RATING_GROUPS, file.ratingGroups);
}

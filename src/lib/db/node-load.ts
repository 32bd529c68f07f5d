import { ratingsPart, toLoadedFile } from './arrow.ts';
import type { Database } from './database.ts';
import { createNodeDatabase } from './duckdb-node.ts';
import { createSchema, FileWrite, type FileOrigin } from './load.ts';
import { IngestSession, type IngestOptions } from '../ingest/session.ts';
import type { FileReport } from '../ingest/types.ts';
import type { SourceFile } from './ingest-protocol.ts';
import { DEFAULT_THEMES, type Theme } from '../text/themes.ts';

/**
 * Node's version of the browser's load path (worker → Arrow → DuckDB), in one process: used by
 * `npm run validate`, the build-time first-view snapshot and the tests.
 */
export async function loadIntoNodeDatabase(
  files: SourceFile[],
  origin: FileOrigin = 'user',
  themes: readonly Theme[] = DEFAULT_THEMES,
): Promise<{ db: Database; session: IngestSession; reports: FileReport[] }> {
  return loadInto(await createNodeDatabase(), files, origin, themes);
}

/** The same into any `Database` (the native build too): schema, then each file through ingest. */
export async function loadInto(
  db: Database,
  files: SourceFile[],
  origin: FileOrigin = 'user',
  themes: readonly Theme[] = DEFAULT_THEMES,
): Promise<{ db: Database; session: IngestSession; reports: FileReport[] }> {
  const session = new IngestSession();
  await createSchema(db, session.registry.wards, themes);
  const reports: FileReport[] = [];
  for (const file of files) reports.push(...(await loadOne(db, session, file, { origin, themes })));
  return { db, session, reports };
}

/**
 * One source through ingest into the database, as the page does it: parts of a long file's ratings are
 * written while it is read. A file that fails to write is recorded as refused, never thrown; a
 * cancelled one leaves nothing. A text of several reports is a file per report.
 */
export async function loadOne(
  db: Database,
  session: IngestSession,
  file: SourceFile,
  { origin = 'user', themes = DEFAULT_THEMES, ...options }: IngestOptions & { origin?: FileOrigin; themes?: readonly Theme[] } = {},
): Promise<FileReport[]> {
  const write = new FileWrite(db);
  let batches;
  try {
    batches = await session.ingestSource(file.name, file.bytes, { ...options, onRatingsPart: (ratings, fileId) => write.appendRatings(ratingsPart(ratings, fileId)) });
  } catch (error) {
    await write.abandon();
    throw error;
  }
  const reports: FileReport[] = [];
  for (const [k, batch] of batches.entries()) {
    const stored = await (k === 0 ? write : new FileWrite(db)).finish(toLoadedFile(batch, themes), origin);
    reports.push(stored.fileError === batch.report.fileError ? batch.report : { ...stored, errors: [] });
  }
  return reports;
}

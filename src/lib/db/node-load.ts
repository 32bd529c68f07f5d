import { toLoadedFile } from './arrow.ts';
import type { Database } from './database.ts';
import { createNodeDatabase } from './duckdb-node.ts';
import { createSchema, loadFileOrRefuse, type FileOrigin } from './load.ts';
import { IngestSession, type IngestOptions } from '../ingest/session.ts';
import type { FileReport } from '../ingest/types.ts';
import type { SourceFile } from './ingest-protocol.ts';

/**
 * Node's version of the browser's load path (worker → Arrow → DuckDB), in one process: used by
 * `npm run validate`, the build-time first-view snapshot and the tests.
 */
export async function loadIntoNodeDatabase(files: SourceFile[], origin: FileOrigin = 'user'): Promise<{ db: Database; session: IngestSession; reports: FileReport[] }> {
  const db = await createNodeDatabase();
  const session = new IngestSession();
  await createSchema(db, session.registry.wards);
  const reports: FileReport[] = [];
  for (const file of files) reports.push(await loadOne(db, session, file, origin));
  return { db, session, reports };
}

/** One file through ingest into the database; a file that fails to write is recorded as refused, never thrown. */
export async function loadOne(db: Database, session: IngestSession, file: SourceFile, origin: FileOrigin = 'user', options: IngestOptions = {}): Promise<FileReport> {
  const batch = await session.ingestFile(file.name, file.bytes, options);
  const stored = await loadFileOrRefuse(db, toLoadedFile(batch), origin);
  return stored.fileError === batch.report.fileError ? batch.report : { ...stored, errors: [] };
}

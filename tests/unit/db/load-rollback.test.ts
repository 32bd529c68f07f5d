import { describe, expect, it } from 'vitest';
import { toLoadedFile } from '../../../src/lib/db/arrow.ts';
import { createNodeDatabase } from '../../../src/lib/db/duckdb-node.ts';
import { createSchema, FileWrite, loadFile } from '../../../src/lib/db/load.ts';
import { IngestSession } from '../../../src/lib/ingest/session.ts';
import { DEFAULT_THEMES } from '../../../src/lib/text/themes.ts';
import { LONG_HEADER } from './helpers.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

async function setUp() {
  const db = await createNodeDatabase();
  const session = new IngestSession();
  await createSchema(db, session.registry.wards, DEFAULT_THEMES);
  const first = toLoadedFile(await session.ingestFile('first.csv', bytes(`${LONG_HEADER}中区,2024,planning,1,ward,A\n中区,2024,planning,2,ward,B\n`)), DEFAULT_THEMES);
  await loadFile(db, first, 'user');
  // The second file re-delivers 中区 planning 1 with another value, so writing it first deletes the first file's row.
  const second = toLoadedFile(await session.ingestFile('second.csv', bytes(`${LONG_HEADER}中区,2024,planning,1,ward,D\n西区,2024,planning,1,ward,C\n`)), DEFAULT_THEMES);
  expect(second.payload.ratings, 'the second file has ratings to write').not.toBeNull();
  // Bytes that are not Arrow, in a table written after the ratings: the write fails half-way.
  const broken = { ...second, payload: { ...second.payload, centers: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]) } };
  const state = async () => ({
    ratings: await db.query<{ ward: string; q: number; rating: string }>('SELECT ward, question_no AS q, rating FROM ratings ORDER BY ward, q'),
    files: (await db.query<{ file: string }>('SELECT file FROM files ORDER BY file')).map((r) => r.file),
    staging: (await db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE 'staging_%'"))[0].n,
  });
  return { db, broken, state };
}

describe('a file whose write fails half-way leaves nothing half-loaded', () => {
  it('loadFile rolls back: the earlier file’s value is back, no row of the failed file stays, no staging table is left', async () => {
    const { db, broken, state } = await setUp();
    const before = await state();
    expect(before.ratings.map((r) => r.rating)).toEqual(['A', 'B']);
    await expect(loadFile(db, broken, 'user')).rejects.toThrow();
    expect(await state()).toEqual(before);
    await db.close();
  });

  it('a file write that fails records the file as refused with the database’s reason, every row counted as rejected', async () => {
    const { db, broken, state } = await setUp();
    const report = await new FileWrite(db).finish(broken, 'user');
    expect(report.fileError?.code).toBe('internal_error');
    expect(String(report.fileError?.params?.message)).not.toBe('');
    expect(report).toMatchObject({ rowsRead: 2, rowsLoaded: 0, rowsRejected: 2 });
    const after = await state();
    expect(after.ratings.map((r) => `${r.ward}${r.q}${r.rating}`)).toEqual(['中区1A', '中区2B']);
    expect(after.files).toEqual(['first.csv', 'second.csv']);
    const [stored] = await db.query<{ code: string; rejected: number }>("SELECT file_error AS code, rows_rejected AS rejected FROM files WHERE file = 'second.csv'");
    expect(stored).toEqual({ code: 'internal_error', rejected: 2 });
    await db.close();
  });
});

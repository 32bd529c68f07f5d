import { describe, expect, it } from 'vitest';
import { ratingsPart, toLoadedFile } from '../../../src/lib/db/arrow.ts';
import type { Database } from '../../../src/lib/db/database.ts';
import { createNativeDatabase } from '../../../src/lib/db/duckdb-native.ts';
import { createNodeDatabase } from '../../../src/lib/db/duckdb-node.ts';
import { createSchema, FileWrite } from '../../../src/lib/db/load.ts';
import { loadOne } from '../../../src/lib/db/node-load.ts';
import { ALL_TABLES } from '../../../src/lib/db/tables.ts';
import { refusedBatch } from '../../../src/lib/ingest/batch.ts';
import type { RatingColumns } from '../../../src/lib/ingest/rating-columns.ts';
import { IngestCancelled, IngestSession } from '../../../src/lib/ingest/session.ts';
import { DEFAULT_THEMES } from '../../../src/lib/text/themes.ts';

const HEADER = 'ward,fiscal_year,stage,question_no,rater,rating';
const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode([HEADER, ...lines].join('\n')) });

/** Files whose later rows replace keys after earlier rows could already have been written in parts. */
const FILES = [
  file('first.csv', ['西区,2024,planning,1,ward,A', '西区,2024,planning,2,ward,B', '西区,2024,planning,3,ward,C', '西区,2024,planning,4,ward,D', '中区,2024,review,1,joint,A']),
  // Line 6 supersedes line 2 of the same file (the later line wins), after lines 2–3 went out as a part.
  file('superseding.csv', ['南区,2023,planning,1,center,A', '南区,2023,planning,2,center,B', '南区,2023,planning,3,center,C', '南区,2023,planning,4,center,D', '南区,2023,planning,1,center,D', '南区,2023,review,2,ward,']),
  // Line 3 supersedes line 2 before any part went out: the line it supersedes must never be written.
  file('early.csv', ['港北区,2021,planning,1,ward,A', '港北区,2021,planning,1,ward,B', '港北区,2021,planning,2,ward,C', '港北区,2021,planning,3,ward,D', '港北区,2021,planning,4,ward,A']),
  // New keys, then one re-delivered with another rating (a conflict with first.csv), one exact duplicate, then new keys again.
  file('replacing.csv', ['港南区,2022,planning,1,ward,A', '港南区,2022,planning,2,ward,A', '港南区,2022,planning,3,ward,B', '西区,2024,planning,1,ward,D', '西区,2024,planning,2,ward,B', '港南区,2022,review,1,joint,C', '港南区,2022,review,2,joint,']),
];

const GROUPS = `SELECT ward, fiscal_year, stage, rater, provenance, sum(a)::INTEGER AS a, sum(b)::INTEGER AS b, sum(c)::INTEGER AS c,
  sum(d)::INTEGER AS d, sum(unrated)::INTEGER AS unrated, sum(n)::INTEGER AS n`;

/**
 * Every table, every row, in a total order; `rating_groups` summed per group (a file written in parts
 * adds a row per part), and beside it the same counts made afresh from `ratings`.
 */
async function contents(db: Database): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of ALL_TABLES.map((t) => t.name)) out[name] = await db.query(`SELECT * FROM ${name} ORDER BY ALL`);
  out.rating_groups = await db.query(`${GROUPS} FROM rating_groups GROUP BY ALL ORDER BY ALL`);
  const counted = await db.query(`${GROUPS} FROM (SELECT r.*, coalesce(score = 4, false)::INTEGER AS a, coalesce(score = 3, false)::INTEGER AS b,
    coalesce(score = 2, false)::INTEGER AS c, coalesce(score = 1, false)::INTEGER AS d, (score IS NULL)::INTEGER AS unrated, 1 AS n FROM ratings r) GROUP BY ALL ORDER BY ALL`);
  expect(out.rating_groups).toEqual(counted);
  return out;
}

/** A database whose rating parts are counted as they are appended. */
async function countingDatabase(create: () => Promise<Database> = createNodeDatabase): Promise<{ db: Database; parts: () => number }> {
  const db = await create();
  await createSchema(db, new IngestSession().registry.wards, DEFAULT_THEMES);
  let parts = 0;
  const appendArrow = db.appendArrow.bind(db);
  db.appendArrow = async (table, ipc) => {
    if (table === 'ratings') parts++;
    return appendArrow(table, ipc);
  };
  return { db, parts: () => parts };
}

async function loadAll(partRows: number, create?: () => Promise<Database>) {
  const { db, parts } = await countingDatabase(create);
  const session = new IngestSession();
  const reports = [];
  for (const f of FILES) reports.push(...(await loadOne(db, session, f, { checkpointEvery: 1, ratingPartRows: partRows })));
  return { db, parts: parts(), reports, tables: await contents(db) };
}

describe('a file written in parts while it is read', () => {
  it.each([
    ['DuckDB-WASM', createNodeDatabase],
    ['native DuckDB (build-dataset)', createNativeDatabase],
  ])('leaves every table exactly as the file written whole does, when later rows supersede or replace rows already written (%s)', async (_engine, create) => {
    const whole = await loadAll(1_000_000, create);
    const inParts = await loadAll(2, create);
    expect(inParts.reports).toEqual(whole.reports);
    expect(inParts.tables).toEqual(whole.tables);
    // Whole: every file but replacing.csv is appended as it is; replacing.csv goes through staging.
    expect(whole.parts).toBe(3);
    // In parts of 2: first.csv 2 parts + its rest; superseding.csv 2 parts before line 6, its rest through
    // staging (it deletes line 2, already written); early.csv none (a line was superseded before its
    // first part could go), written whole; replacing.csv 1 part before its conflict.
    expect(inParts.parts).toBe(3 + 2 + 1 + 1);
    expect(whole.tables.ratings).toHaveLength(5 + 5 + 4 + 5);
    expect(whole.tables.ratings).toContainEqual(expect.objectContaining({ ward: '南区', stage: 'planning', question_no: 1, rater: 'center', rating: 'D', line: 6 }));
    expect(whole.tables.ratings).toContainEqual(expect.objectContaining({ ward: '西区', question_no: 1, rater: 'ward', rating: 'D', file_id: 3 }));
    await whole.db.close();
    await inParts.db.close();
  });

  it('each part brings its own counts for rating_groups, and they add up to the file counted once', async () => {
    const { db } = await countingDatabase();
    // first.csv: lines 2–3 and 4–5 go out as parts (one group each), line 6 with the rest (another group).
    await loadOne(db, new IngestSession(), FILES[0], { checkpointEvery: 1, ratingPartRows: 2 });
    const tables = await contents(db);
    expect(tables.rating_groups).toEqual([
      { ward: '中区', fiscal_year: 2024, stage: 'review', rater: 'joint', provenance: 'real', a: 1, b: 0, c: 0, d: 0, unrated: 0, n: 1 },
      { ward: '西区', fiscal_year: 2024, stage: 'planning', rater: 'ward', provenance: 'real', a: 1, b: 1, c: 1, d: 1, unrated: 0, n: 4 },
    ]);
    expect(await db.query('SELECT count(*)::INTEGER AS rows FROM rating_groups')).toEqual([{ rows: 3 }]);
    await db.close();
  });

  it('a file cancelled after parts were written leaves nothing, and the same file loads whole afterwards', async () => {
    const { db, parts } = await countingDatabase();
    const session = new IngestSession();
    const cancelAt = (rows: number) => async (rowsDone: number) => {
      if (rowsDone >= rows) throw new IngestCancelled();
    };
    await expect(loadOne(db, session, FILES[0], { checkpointEvery: 1, ratingPartRows: 2, checkpoint: cancelAt(4) })).rejects.toBeInstanceOf(IngestCancelled);
    expect(parts()).toBeGreaterThan(0);
    expect(await contents(db)).toEqual(await contents(await emptyDatabase()));
    const [report] = await loadOne(db, session, FILES[0], { checkpointEvery: 1, ratingPartRows: 2 });
    expect(report.rowsLoaded).toBe(5);
    expect(await db.query('SELECT count(*)::INTEGER AS n FROM ratings')).toEqual([{ n: 5 }]);
    await db.close();
  });

  it('a file that comes back refused after parts were written keeps only its refusal', async () => {
    const { db } = await countingDatabase();
    const session = new IngestSession();
    const write = new FileWrite(db);
    const taken: RatingColumns[] = [];
    const batch = await session.ingestFile(FILES[0].name, FILES[0].bytes, { checkpointEvery: 1, ratingPartRows: 2, onRatingsPart: (part) => void taken.push(part) });
    for (const part of taken) await write.appendRatings(ratingsPart(part, batch.report.fileId));
    expect(await db.query('SELECT count(*)::INTEGER AS n FROM ratings')).toEqual([{ n: 4 }]);
    const refused = refusedBatch(batch, { code: 'accounting_mismatch', params: {} });
    const report = await write.finish(toLoadedFile(refused, DEFAULT_THEMES), 'user');
    expect(report.fileError?.code).toBe('accounting_mismatch');
    expect(await db.query('SELECT count(*)::INTEGER AS n FROM ratings')).toEqual([{ n: 0 }]);
    expect(await db.query('SELECT file, rows_rejected FROM files')).toEqual([{ file: 'first.csv', rows_rejected: 5 }]);
    await db.close();
  });
});

async function emptyDatabase(): Promise<Database> {
  return (await countingDatabase()).db;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledFiles, prepareBundledData } from '../../../scripts/build/bundled-data.ts';
import { loadBundle } from '../../../src/lib/db/bundle.ts';
import type { Database } from '../../../src/lib/db/database.ts';
import { createNodeDatabase } from '../../../src/lib/db/duckdb-node.ts';
import { loadIntoNodeDatabase, loadOne } from '../../../src/lib/db/node-load.ts';
import { queryKey, ratingDistributionByWardQuery, runQuery } from '../../../src/lib/db/queries/index.ts';
import { NO_FILTERS } from '../../../src/lib/db/sql.ts';
import { ALL_TABLES } from '../../../src/lib/db/tables.ts';
import { IngestSession } from '../../../src/lib/ingest/session.ts';
import { VIEWS } from '../../../src/lib/state/filters.svelte.ts';

const files = bundledFiles(new URL('../../../data', import.meta.url).pathname);
let userPath: Database;
let prebuilt: Database;
let prepared: Awaited<ReturnType<typeof prepareBundledData>>;

beforeAll(async () => {
  prepared = await prepareBundledData(files);
  ({ db: userPath } = await loadIntoNodeDatabase(files, 'bundled'));
  prebuilt = await createNodeDatabase();
  await loadBundle(prebuilt, prepared.bundle);
}, 120_000);
afterAll(async () => {
  await userPath.close();
  await prebuilt.close();
});

const everyRow = (db: Database, table: string) => db.query(`SELECT * FROM ${table} ORDER BY ALL`);

describe('the prebuilt bundled data', () => {
  it('holds every table exactly as the user path makes it from the same CSVs, text index included', async () => {
    const [{ ratings }] = await userPath.query<{ ratings: number }>('SELECT count(*)::INTEGER AS ratings FROM ratings');
    expect(ratings).toBeGreaterThan(6000);
    for (const { name } of ALL_TABLES) {
      const [expected, actual] = [await everyRow(userPath, name), await everyRow(prebuilt, name)];
      expect(actual, name).toEqual(expected);
    }
    const [{ words }] = await prebuilt.query<{ words: number }>('SELECT count(*)::INTEGER AS words FROM narrative_words');
    expect(words).toBeGreaterThan(1000);
  });

  it('carries rating_groups counted as the user path counts them, one row per group', async () => {
    const groups = (db: Database) =>
      db.query(`SELECT ward, fiscal_year, stage, rater, provenance, sum(a)::INTEGER AS a, sum(b)::INTEGER AS b, sum(c)::INTEGER AS c,
        sum(d)::INTEGER AS d, sum(unrated)::INTEGER AS unrated, sum(n)::INTEGER AS n FROM rating_groups GROUP BY ALL ORDER BY ALL`);
    const expected = await groups(userPath);
    expect(expected.length).toBeGreaterThan(100);
    expect(await groups(prebuilt)).toEqual(expected);
    const [{ rows }] = await prebuilt.query<{ rows: number }>('SELECT count(*)::INTEGER AS rows FROM rating_groups');
    expect(rows).toBe(expected.length);
  });

  it('a worker that has read the bundled CSVs judges a later file as the user path does: same file id, same conflict', async () => {
    const conflicting = { name: 'late.csv', bytes: new TextEncoder().encode('ward,fiscal_year,stage,question_no,rater,rating\n鶴見区,2025,planning,1,ward,D\n') };
    const primed = new IngestSession();
    for (const file of files) await primed.ingestFile(file.name, file.bytes);
    const [{ last }] = await prebuilt.query<{ last: number }>('SELECT max(file_id) AS last FROM files');
    const [onPrebuilt] = await loadOne(prebuilt, primed, conflicting);
    const { db: fresh, session } = await loadIntoNodeDatabase(files, 'bundled');
    const [onUserPath] = await loadOne(fresh, session, conflicting);
    expect(onPrebuilt.fileId).toBe(last + 1);
    expect(onPrebuilt).toEqual(onUserPath);
    for (const table of ['files', 'ratings', 'conflicts']) expect(await everyRow(prebuilt, table), table).toEqual(await everyRow(fresh, table));
    expect((await everyRow(prebuilt, 'conflicts')).length).toBeGreaterThan(0);
    await fresh.close();
  });

  it('records, for every view, what its default state asks, with the answers the database gives', async () => {
    expect(Object.keys(prepared.snapshots).sort()).toEqual([...VIEWS].sort());
    for (const view of VIEWS) expect(Object.keys(prepared.snapshots[view]).length, view).toBeGreaterThan(1);
    const distribution = ratingDistributionByWardQuery(NO_FILTERS);
    expect(prepared.snapshots.distribution[queryKey(distribution)]).toEqual(await runQuery(userPath, distribution));
    expect(Object.keys(prepared.snapshots.heatmap).some((key) => key.startsWith('wardQuestionHeatmap:'))).toBe(true);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inBundledOrder } from '../../../src/lib/db/bundle.ts';
import { createNodeDatabase } from '../../../src/lib/db/duckdb-node.ts';
import { loadIntoNodeDatabase, loadOne } from '../../../src/lib/db/node-load.ts';
import { RATING_GROUPS_VIEW } from '../../../src/lib/db/rating-groups.ts';
import { SCHEMA } from '../../../src/lib/db/schema.ts';
import { schemaSql } from '../../../src/lib/db/tables.ts';
import { ratingDistributionByWardQuery, runQuery } from '../../../src/lib/db/queries/index.ts';
import type { Database } from '../../../src/lib/db/database.ts';
import type { RatingFilters } from '../../../src/lib/db/sql.ts';
import { QUESTIONS_PER_STAGE, STAGES } from '../../../src/lib/ingest/fields.ts';

const DATA = join(import.meta.dirname, '../../../data');
const bundled = inBundledOrder(readdirSync(DATA).filter((f) => f.endsWith('.csv')).map((name) => ({ name }))).map(({ name }) => ({
  name,
  bytes: new Uint8Array(readFileSync(join(DATA, name))),
}));
const ALL_QUESTIONS = STAGES.flatMap((stage) => Array.from({ length: QUESTIONS_PER_STAGE[stage] }, (_, i) => ({ stage, questionNo: i + 1 })));
const NONE: RatingFilters = { fiscalYears: null, wards: null, stages: null, raters: null, questions: null, includeSample: true };

/** The distribution by ward from `rating_groups` (no question chosen) and from `ratings` (every question chosen): the same rows. */
async function expectGroupsAgree(db: Database, filters: RatingFilters = NONE) {
  const fromGroups = await runQuery(db, ratingDistributionByWardQuery(filters));
  const fromRatings = await runQuery(db, ratingDistributionByWardQuery({ ...filters, questions: ALL_QUESTIONS }));
  expect(fromGroups.length).toBeGreaterThan(0);
  expect(fromGroups).toEqual(fromRatings);
}

/** The columns of `rating_groups` as DuckDB describes them. */
async function columnsOf(db: Database) {
  return db.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'rating_groups' ORDER BY ordinal_position`);
}

describe('rating_groups', () => {
  it('declares exactly the columns and types its count produces', async () => {
    const declared = await createNodeDatabase();
    await declared.exec(SCHEMA);
    // The count itself, as a dataset has it: a view over `ratings`.
    const counted = await createNodeDatabase();
    await counted.exec(schemaSql());
    await counted.exec(RATING_GROUPS_VIEW);
    const columns = await columnsOf(counted);
    expect(columns).toHaveLength(11);
    expect(await columnsOf(declared)).toEqual(columns);
    await declared.close();
    await counted.close();
  });

  it('agrees with the ratings for a wide CP932 file and a published report, counted where they were read', async () => {
    const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures', name))) });
    const { db } = await loadIntoNodeDatabase([fixture('ratings_wide_cp932.csv'), fixture('report_seed.txt')], 'user');
    const [{ n }] = await db.query<{ n: number }>('SELECT count(DISTINCT ward)::INTEGER AS n FROM ratings');
    expect(n).toBe(2);
    await expectGroupsAgree(db);
    await expectGroupsAgree(db, { ...NONE, raters: ['center'] });
    await expectGroupsAgree(db, { ...NONE, stages: ['review'], includeSample: false });
    await db.close();
  });

  it('agrees with the ratings after the bundled data, after a file that replaces some keys, and under filters', async () => {
    const { db, session } = await loadIntoNodeDatabase(bundled, 'bundled');
    await expectGroupsAgree(db);
    // A later file re-delivers two keys with other ratings (a conflict: the later file wins) and adds a ward-year.
    const csv = ['ward,fiscal_year,stage,question_no,rater,rating', '西区,2024,planning,1,ward,D', '西区,2024,review,3,joint,', '中区,2030,planning,1,ward,A'].join('\n');
    const [report] = await loadOne(db, session, { name: 'later.csv', bytes: new TextEncoder().encode(csv) });
    expect(report.rowsLoaded).toBe(3);
    await expectGroupsAgree(db);
    await expectGroupsAgree(db, { ...NONE, raters: ['ward'], fiscalYears: [2024, 2030] });
    await expectGroupsAgree(db, { ...NONE, stages: ['review'], includeSample: false });
    const [west] = await runQuery(db, ratingDistributionByWardQuery({ ...NONE, wards: ['西区'], fiscalYears: [2024], raters: ['ward'], stages: ['planning'] }));
    expect(west.d).toBeGreaterThanOrEqual(1);
    await db.close();
  });
});

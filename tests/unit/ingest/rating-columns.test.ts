import { tableFromIPC } from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratingGroupsIpc, tableIpc } from '../../../src/lib/db/arrow.ts';
import { RATING_GROUP_COLUMNS } from '../../../src/lib/db/rating-groups.ts';
import { RATINGS } from '../../../src/lib/db/tables.ts';
import { RATERS, RATING_SCORE, RATINGS as LETTERS, STAGES } from '../../../src/lib/ingest/fields.ts';
import { RatingColumns } from '../../../src/lib/ingest/rating-columns.ts';
import type { RatingRecord } from '../../../src/lib/ingest/types.ts';

const record: fc.Arbitrary<RatingRecord> = fc.record({
  ward: fc.constantFrom('鶴見区', '中区', '青葉区'),
  fiscalYear: fc.integer({ min: 1990, max: 2100 }),
  stage: fc.constantFrom(...STAGES),
  questionNo: fc.integer({ min: 1, max: 7 }),
  question: fc.option(fc.constantFrom('目的や理念を話し合えたか', 'Q"2', ''), { nil: null }),
  rater: fc.constantFrom(...RATERS),
  rating: fc.option(fc.constantFrom(...LETTERS), { nil: null }),
  provenance: fc.constantFrom('real' as const, 'sample' as const),
  line: fc.integer({ min: 1, max: 2 ** 26 - 1 }),
});

const rowsOf = (ipc: Uint8Array | null) => (ipc ? tableFromIPC(ipc).toArray().map((row) => row.toJSON()) : []);

describe('RatingColumns', () => {
  it('gives back what was pushed, in order, past its first growth', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 1500 }), (records) => {
        const columns = new RatingColumns();
        for (const r of records) columns.push(r);
        expect(columns.length).toBe(records.length);
        expect(columns.toArray()).toEqual(records);
        expect(columns.at(records.length)).toBeUndefined();
        expect(columns.at(-1)).toBeUndefined();
      }),
      { numRuns: 30 },
    );
  });

  it('keeps what `retain` accepts, in order', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 200 }), (records) => {
        const columns = new RatingColumns();
        for (const r of records) columns.push(r);
        columns.retain((r) => r.line % 3 !== 0);
        expect(columns.toArray()).toEqual(records.filter((r) => r.line % 3 !== 0));
      }),
    );
  });

  it('counts its ratings per ward, year, stage, rater and provenance as rating_groups holds them, groups in first-seen order', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 400 }), (records) => {
        const columns = new RatingColumns();
        for (const r of records) columns.push(r);
        // The count written out plainly: score 4 is `a` … score 1 is `d`.
        const expected = new Map<string, Record<string, unknown>>();
        for (const r of records) {
          const id = JSON.stringify([r.ward, r.fiscalYear, r.stage, r.rater, r.provenance]);
          let group = expected.get(id);
          if (!group) {
            group = { ward: r.ward, fiscal_year: r.fiscalYear, stage: r.stage, rater: r.rater, provenance: r.provenance, a: 0, b: 0, c: 0, d: 0, unrated: 0, n: 0 };
            expected.set(id, group);
          }
          const level = r.rating === null ? 'unrated' : ['d', 'c', 'b', 'a'][RATING_SCORE[r.rating] - 1];
          group[level] = (group[level] as number) + 1;
          group.n = (group.n as number) + 1;
        }
        const ipc = ratingGroupsIpc(columns);
        expect(rowsOf(ipc)).toEqual([...expected.values()]);
        expect(tableFromIPC(ipc!).schema.fields.map((f) => f.name)).toEqual(RATING_GROUP_COLUMNS.map((c) => c.name));
      }),
      { numRuns: 50 },
    );
    expect(ratingGroupsIpc(new RatingColumns())).toBeNull();
  });

  it('becomes the same Arrow rows as the records would, every column of the ratings table included', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 300 }), fc.integer({ min: 0, max: 5000 }), (records, fileId) => {
        const columns = new RatingColumns();
        for (const r of records) columns.push(r);
        const fromColumns = tableIpc(RATINGS, columns, fileId);
        expect(rowsOf(fromColumns)).toEqual(rowsOf(tableIpc(RATINGS, records, fileId)));
        expect(tableFromIPC(fromColumns!).schema.fields.map((f) => f.name)).toEqual(RATINGS.columns.map((c) => c.name));
      }),
      { numRuns: 50 },
    );
  });
});

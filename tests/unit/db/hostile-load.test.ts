import { describe, expect, it } from 'vitest';
import { loadIntoNodeDatabase } from '../../../src/lib/db/node-load.ts';
import { runQuery, fileReportsQuery } from '../../../src/lib/db/queries/index.ts';
import { parseReport } from '../../../src/lib/ingest/report.ts';
import { large } from '../../fixtures/hostile/large.ts';

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

describe('a batch with hostile files, through ingest into a real DuckDB', () => {
  it('every file gets its report, and the good file loads, whatever the others hold', async () => {
    const { db, reports } = await loadIntoNodeDatabase([
      file('header.csv', large.megabyteHeader()),
      file('columns.csv', large.manyColumns()),
      file('ward.csv', large.hugeWardName()),
      file('junk-report.txt', large.reportJunkLines()),
      file('good.csv', 'ward,fiscal_year,stage,question_no,rater,rating\n中区,2024,2,1,拠点,A\n'),
    ]);
    expect(reports.map((r) => [r.file, r.rowsRead, r.rowsLoaded, r.rowsRejected, r.fileError?.code ?? null])).toEqual([
      ['header.csv', 2, 2, 0, null],
      ['columns.csv', 1, 1, 0, null],
      ['ward.csv', 2, 1, 1, null],
      ['junk-report.txt', 130_001, 1, 130_000, null],
      ['good.csv', 1, 1, 0, null],
    ]);
    // Messages quote a bounded value; the lists of unknown columns are capped with their count.
    expect(reports[0].ignoredColumns[0].length).toBeLessThanOrEqual(61);
    expect(reports[1]).toMatchObject({ ignoredColumnsTotal: 200_000 });
    expect(reports[1].ignoredColumns).toHaveLength(20);
    expect(reports[2].errors[0]).toMatchObject({ line: 2, code: 'unknown_ward', params: { valueLength: 700_000 } });
    expect(reports[2].errors[0].value).toHaveLength(201);
    expect(reports[3].errors).toHaveLength(10_000);
    expect(reports[3].errorCount).toBe(130_000);
    const stored = await runQuery(db, fileReportsQuery());
    expect(stored.map((f) => f.file)).toEqual(['header.csv', 'columns.csv', 'ward.csv', 'junk-report.txt', 'good.csv']);
    const [{ n }] = await db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM ratings WHERE ward = '中区'");
    expect(n).toBe(1);
    await db.close();
  });

  it('a file of bad cells lists 10,000 of them and counts all, by reason and column', async () => {
    const { db, reports } = await loadIntoNodeDatabase([file('bad.csv', large.allBadCells(20_000))]);
    const [report] = reports;
    expect(report).toMatchObject({ rowsRead: 20_000, rowsRejected: 20_000, errorCount: 120_000 });
    expect(report.errors).toHaveLength(10_000);
    expect(report.errorSummary.map((s) => [s.code, s.column, s.count, s.firstLine])).toEqual([
      ['unknown_ward', 'ward', 20_000, 2],
      ['invalid_fiscal_year', 'fiscal_year', 20_000, 2],
      ['invalid_stage', 'stage', 20_000, 2],
      ['invalid_question_no', 'question_no', 20_000, 2],
      ['invalid_rater', 'rater', 20_000, 2],
      ['invalid_rating', 'rating', 20_000, 2],
    ]);
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM rejected_rows');
    expect(n).toBe(10_000);
    await db.close();
  });
});

describe('report parsing stays linear on pathological pages', () => {
  it('80,000 list lines in one section become 80,000 items', () => {
    const parsed = parseReport(large.reportManyItems());
    expect(parsed.ok && parsed.reports[0].narratives.length).toBe(80_000);
    expect(parsed.ok && parsed.reports[0].narratives.at(-1)).toMatchObject({ itemNo: 80_000, text: '取組79999' });
  });

  it('30,000 titles of reports, each with a section, become 30,000 reports (its time is in the bench: npm run bench, titles30000Reports)', () => {
    const parsed = parseReport(large.reportManyTitles());
    expect(parsed.ok && parsed.reports.length).toBe(30_000);
    expect(parsed.ok && parsed.reports.at(-1)!.narratives).toMatchObject([{ section: 'action', text: '取組29999' }]);
  });

  it('a page of a million "<" and one of 50,000 unclosed comments are read as not a report', () => {
    expect(parseReport(large.htmlOfLessThan())).toEqual({ ok: false, code: 'not_a_report' });
    expect(parseReport(large.unclosedComments())).toEqual({ ok: false, code: 'not_a_report' });
  });
});

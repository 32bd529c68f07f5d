import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rejectedRowsQuery, reportChecksQuery, reportGridQuery, reportItemsQuery, reportSkippedLinesQuery, runQuery } from '../../../src/lib/db/queries/index.ts';
import { pdfLayoutWithBadRating } from '../../fixtures/reports/layouts.ts';
import { textPdf } from '../ingest/pdf-writer.ts';
import { databaseWith } from './helpers.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));

describe('report check queries over a real DuckDB', () => {
  it('say what each report was read as: ward, year, centers row, items per section, 48 ratings, lines by role', async () => {
    const { db } = await databaseWith([
      ['report_seed.txt', fixture('report_seed.txt')],
      ['report_damaged.txt', fixture('report_damaged.txt')],
      ['ratings.csv', 'ward,fiscal_year,stage,question_no,rater,rating\n西区,2024,1,1,区,A\n'],
    ]);
    const checks = await runQuery(db, reportChecksQuery(0));
    expect(checks.map((c) => [c.file, c.ward, c.fiscalYear, c.ratings, c.operator, c.contractYear, c.contractLength, c.periodStart, c.periodEnd])).toEqual([
      ['report_seed.txt', '鶴見区', 2025, 48, '社会福祉法人青い鳥', 3, 5, '2025-04-01', '2026-03-31'],
      ['report_damaged.txt', '鶴見区', 2025, 45, '社会福祉法人青い鳥', 3, 5, '2025-04-01', '2026-03-31'],
    ]);
    // The damaged report repeats the seed (the same ward and year, read later): all it said is shown, not only what was new.
    expect(checks[0].items).toEqual({ goal: 2, action: 8, effect: 6, challenge: 3, next_goal: 2, next_action: 5 });
    const damaged = checks[1];
    expect(damaged.items).toEqual({ goal: 2, action: 8, effect: 6, next_goal: 2, next_action: 5 });
    expect(damaged.rowsRejected).toBe(2);
    expect(damaged.lines).toMatchObject({ title: 2, center: 2, rejected: 2 });
    expect(damaged.purpose).toContain('地域力の創出に寄与することを目的とします。');
    const grid = await runQuery(db, reportGridQuery(damaged.fileId));
    expect(grid).toHaveLength(15);
    expect(grid[0]).toMatchObject({ stage: 'planning', questionNo: 2, ward: 'A', center: 'A', joint: 'A', given: 3 });
    const items = await runQuery(db, reportItemsQuery(damaged.fileId));
    expect(items.map((i) => i.section)).toEqual([...Array(2).fill('goal'), ...Array(8).fill('action'), ...Array(6).fill('effect'), ...Array(2).fill('next_goal'), ...Array(5).fill('next_action')]);
    const skipped = await runQuery(db, reportSkippedLinesQuery(damaged.fileId));
    expect(skipped.filter((l) => l.role === 'rejected').map((l) => l.line)).toEqual([19, 31]);
    expect(skipped.filter((l) => l.role === 'context').map((l) => l.section)).toContain('purpose');
    expect(skipped.every((l) => l.page === null)).toBe(true);
    await db.close();
  });

  it('give a PDF report\'s lines with the page each is on', async () => {
    const { db } = await databaseWith([['report.pdf', fixture('reports/pdf/report-chromium.pdf')]]);
    const [check] = await runQuery(db, reportChecksQuery(0));
    expect([check.ward, check.ratings]).toEqual(['港南区', 48]);
    const skipped = await runQuery(db, reportSkippedLinesQuery(check.fileId));
    const title = skipped.find((l) => l.role === 'title');
    expect(title?.page).toBe(1);
    // Lines go down the pages in order, each on the first page or a later one.
    const pages = skipped.map((l) => l.page ?? 0);
    expect(pages.every((p, i) => p >= 1 && (i === 0 || p >= pages[i - 1]))).toBe(true);
    expect(Math.max(...pages)).toBeGreaterThan(1);
    await db.close();
  });

  it('give a rejected row of a PDF report its page; of other files none', async () => {
    // A rating written E on a later page of a PDF (50 lines a page), and the same report as text.
    const { lines, line } = pdfLayoutWithBadRating();
    const layout = lines.join('\n');
    const { db } = await databaseWith([
      ['report.pdf', textPdf(layout)],
      ['report.txt', new TextEncoder().encode(layout.replaceAll('港南区', '西区'))],
    ]);
    const rejected = await runQuery(db, rejectedRowsQuery(0, 10));
    expect(rejected.map((r) => [r.file, r.line, r.page, r.value])).toEqual([
      ['report.pdf', line, Math.floor((line - 1) / 50) + 1, lines[line - 1]],
      ['report.txt', line, null, lines[line - 1]],
    ]);
    expect(rejected[0].page).toBeGreaterThan(1);
    await db.close();
  });
});

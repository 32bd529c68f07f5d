import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IngestSession } from '../../../src/lib/ingest/session.ts';
import type { FileBatch } from '../../../src/lib/ingest/types.ts';
import {
  CENTER, excelCopyLayout, excelCsvLayout, excelWorkbookLayout, FISCAL_YEAR, fullWidthLayout, htmlBytes, htmlPage, pdfLayout, ITEMS, lineLayout, markdownLayout, mhtml, QUESTIONS, RATINGS, spaceLayout, tabLayout, WARD,
} from '../../fixtures/reports/layouts.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const pdfFixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/reports/pdf/${name}`, import.meta.url)));
const LABEL_OF: Record<string, string> = { A: 'よくできた', B: 'できた', C: 'あまりできなかった', D: 'まったくできなかった' };
const LAYOUTS: Array<[string, string, () => Uint8Array]> = [
  ['copied text, tab-separated cells (the seed\'s layout)', 'report.txt', () => utf8(tabLayout())],
  ['copied text, label and value separated by spaces, CRLF', 'report.txt', () => utf8(spaceLayout())],
  ['full-width spaces, colons, numbers and letters; 令和元年度; a heading before the title', 'report.txt', () => utf8(fullWidthLayout())],
  ['labels and values on separate lines, a wrapped question, a table a cell per line, CR only', 'report.txt', () => utf8(lineLayout())],
  ['copied from the PDF: lines cut at the page width, page footers and a running head inside a list', 'report.txt', () => utf8(pdfLayout())],
  ['copied from the PDF, each question wrapped below its ratings (one across the page break, one with its ratings on its second line)', 'report.txt', () => utf8(pdfLayout(true))],
  ['saved page, UTF-8, with header, breadcrumbs, 17 links to other reports and a footer', 'report.html', () => htmlBytes('utf-8')],
  ['saved page in Shift_JIS (<meta charset>)', 'report.htm', () => htmlBytes('Shift_JIS')],
  ['saved as a single file (.mhtml, quoted-printable)', 'report.mhtml', () => mhtml()],
  ['saved as a single file (.mhtml, 8bit: the UTF-8 bytes as they are)', 'report.mhtml', () => mhtml('8bit')],
  // Made by Python's plistlib from htmlBytes('Shift_JIS') (tests/fixtures/README.md): another program's writing of the format.
  ['saved by Safari (.webarchive, Shift_JIS)', 'report.webarchive', () => new Uint8Array(readFileSync(new URL('../../fixtures/reports/report-sjis.webarchive', import.meta.url)))],
  ['its sheet saved from Excel as CSV: merged cells padded with empty ones, lists in quoted cells, a No./設問 header, Shift_JIS', 'report.csv', excelCsvLayout],
  ['its sheet as the Excel workbook (.xlsx): values merged over columns, lists in cells with line breaks, shared strings', 'report.xlsx', excelWorkbookLayout],
  // Made by python-docx (tests/fixtures/reports/word/make.py): another program's writing of the format.
  ['written in Word (.docx): label and value tables, goals in Word’s own numbering, a furigana and a deleted tracked change in the purpose', 'report.docx', () => new Uint8Array(readFileSync(new URL('../../fixtures/reports/word/report.docx', import.meta.url)))],
  // Saved by LibreOffice Writer from the Word document (tests/fixtures/reports/word/make.py).
  ['saved as Word 97–2003 (.doc) by Writer: the text through its piece table, tables by their paragraphs’ properties, the furigana an EQ field, the deletion a revision mark', 'report.doc', () => new Uint8Array(readFileSync(new URL('../../fixtures/reports/word/report.doc', import.meta.url)))],
  ['written in Writer (.odt): its list styles number the goals, the deleted change kept apart, the furigana a ruby', 'report.odt', () => new Uint8Array(readFileSync(new URL('../../fixtures/reports/word/report.odt', import.meta.url)))],
  ['the same with one rating table, each stage a cell spanning its rows', 'report.odt', () => new Uint8Array(readFileSync(new URL('../../fixtures/reports/word/report-stage-column.odt', import.meta.url)))],
  ['its sheet copied from Excel and pasted: tab-separated, a cell with line breaks quoted', '貼り付け.txt', () => utf8(excelCopyLayout())],
  ['its sheet with an empty column A (the template starts in column B), saved as CSV', 'report.csv', () => excelCsvLayout(true)],
  ['the same sheet copied from column A and pasted', '貼り付け.txt', () => utf8(excelCopyLayout(true))],
  ['converted to Markdown: # headings, pipe tables with their rules, lists in cells on one line', 'report.md', () => utf8(markdownLayout())],
  ['a Markdown note: **bold** labels over - / * / 1. lists, an item wrapped onto two lines', 'report.md', () => utf8(markdownLayout(true))],
  ['labels as other years and templates word them: 今年度の重点目標, 取組の内容, 取組の成果, 来年度の重点目標, 来年度の取組内容', 'report.txt', () =>
    utf8(
      tabLayout()
        .replace('1 平成31年度重点目標の評価', '1 今年度の重点目標の評価')
        .replace('平成31年度重点目標\t', '今年度の重点目標\t')
        .replace('取組内容\t', '取組の内容\t')
        .replace('取組の効果\t', '取組の成果\t')
        .replace('2 次年度重点目標', '2 来年度の重点目標')
        .replace('令和2年度重点目標\t', '来年度重点目標\t')
        .replace(/\n取組内容\t(?=.*\n\n3 )/, '\n来年度の取組内容\t'),
    ),
  ],
  ['labels cut over two lines by a narrow label column (平成31年度 / 重点目標, 取組の / 効果, 令和2年度 / 重点目標)', 'report.txt', () =>
    utf8(
      lineLayout()
        .replace('\r平成31年度重点目標\r', '\r平成31年度\r重点目標\r')
        .replace('\r取組の効果\r', '\r取組の\r効果\r')
        .replace('\r令和2年度重点目標\r', '\r令和2年度\r重点目標\r'),
    ),
  ],
  ['copied from a PDF whose rating cells print the letter and its label, split by a space (A よくできた, B (できた))', 'report.txt', () =>
    utf8(spaceLayout().replace(/ ([A-D]) ([A-D－]) ([A-D－])\r\n/g, (_, a: string, b: string, c: string) => ` ${a} ${LABEL_OF[a]} ${b} (${LABEL_OF[b] ?? ''}) ${c}\r\n`).replace(/ \(\)/g, ''))],
  ['its sheet with one rating table, each stage in a first column merged down its rows, saved as CSV (empty below the merge)', 'report.csv', () => excelCsvLayout(false, true)],
  ['the same sheet as the workbook (.xlsx): the stage merged down column A', 'report.xlsx', () => excelWorkbookLayout(true)],
  // Made by LibreOffice Calc (tests/fixtures/workbook/ods/make.py): another program's writing of the format.
  ['the same sheet saved by LibreOffice Calc (.ods): values merged over columns, the stage merged down column A', 'report.ods', () => new Uint8Array(readFileSync(new URL('../../fixtures/workbook/ods/report-stage-column.ods', import.meta.url)))],
  ['the same sheet in the Excel 97–2003 format (.xls), saved by LibreOffice Calc', 'report.xls', () => new Uint8Array(readFileSync(new URL('../../fixtures/workbook/xls/report-stage-column.xls', import.meta.url)))],
  ['the same table copied and pasted (as from Excel or a Word table with merged cells): the stage cell empty below its first row', '貼り付け.txt', () => utf8(excelCopyLayout(false, true))],
  ['the same saved as Word 97–2003 (.doc): the stage cell empty below its first row', 'report.doc', () => new Uint8Array(readFileSync(new URL('../../fixtures/reports/word/report-stage-column.doc', import.meta.url)))],
  ['written in Word with one rating table, each stage a cell merged down its rows (vMerge)', 'report.docx', () => new Uint8Array(readFileSync(new URL('../../fixtures/reports/word/report-stage-column.docx', import.meta.url)))],
  ['a saved page with one rating table, each stage a cell spanning its rows (rowspan)', 'report.html', () => new TextEncoder().encode(htmlPage('utf-8', true))],
  ['copied text, tab-separated, with an empty first column on every line', 'report.txt', () => utf8(tabLayout().split('\n').map((l) => (l === '' ? l : `\t${l}`)).join('\n'))],
  // Made by Chromium and LibreOffice (tests/fixtures/reports/pdf/make.py): other programs' writing of the format.
  ['the saved page printed to PDF by Chromium: Type 3 fonts, Kangxi radicals for ideographs, cells a quarter character apart', 'report.pdf', () => pdfFixture('report-chromium.pdf')],
  ['written in Word and saved as PDF by LibreOffice: subset fonts, spaces drawn apart, furigana above a word, questions wrapped over seven lines', 'report.pdf', () => pdfFixture('report-writer.pdf')],
  ['the same PDF with its objects in object streams (PDF 1.5)', 'report.pdf', () => pdfFixture('report-writer-objstm.pdf')],
  ['the one-table Word report as PDF: the narrow stage column wraps its names (①事業計画 / 段階)', 'report.pdf', () => pdfFixture('report-stage-column-writer.pdf')],
];

/** What the invented report says, written out from its parts (not from any parse). */
const expectedItems = Object.entries(ITEMS).flatMap(([section, items]) => items.map((text, i) => [section, i + 1, text]));
const expectedRatings = Object.entries(RATINGS).flatMap(([stage, rows]) =>
  rows.flatMap((row, q) => [...row].map((r, k) => [stage, q + 1, QUESTIONS[stage][q], ['ward', 'center', 'joint'][k], r === '-' ? null : r])),
);

function content(batch: FileBatch) {
  return {
    wards: [...new Set([...batch.ratings.toArray(), ...batch.narratives, ...batch.centers].map((r) => `${r.ward} ${r.fiscalYear}`))],
    centers: batch.centers.map(({ line: _l, ward: _w, fiscalYear: _y, provenance: _p, ...c }) => c),
    items: batch.narratives.map((n) => [n.section, n.itemNo, n.text]),
    ratings: batch.ratings.toArray().map((r) => [r.stage, r.questionNo, r.question, r.rater, r.rating]),
  };
}

describe('a report, however it was saved or copied, reads to the same ward, year, center, items and 48 ratings', () => {
  it.each(LAYOUTS)('%s', async (_, name, bytes) => {
    const batch = await new IngestSession().ingestFile(name, bytes());
    expect(batch.report).toMatchObject({ kind: 'report', fileError: null, rowsRejected: 0, missingParts: [], errors: [] });
    const read = content(batch);
    expect(read.wards).toEqual([`${WARD} ${FISCAL_YEAR}`]);
    expect(read.centers).toEqual([
      {
        centerName: null, operator: CENTER.operator, contractYear: CENTER.contractYear, contractLength: CENTER.contractLength,
        periodStart: CENTER.periodStart, periodEnd: CENTER.periodEnd, purpose: CENTER.purpose,
      },
    ]);
    expect(read.items).toEqual(expectedItems);
    expect(read.ratings).toHaveLength(48);
    expect(read.ratings).toEqual(expectedRatings);
    // Rows read: 48 ratings in 16 table rows, 17 items, the centers row; nothing of the preamble or the page around it.
    expect(batch.report).toMatchObject({ rowsRead: 16 + 17 + 1, rowsLoaded: 16 + 17 + 1 });
  });
});

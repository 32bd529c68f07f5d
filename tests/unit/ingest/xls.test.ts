import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../../src/lib/ingest/ods.ts';
import { IngestSession } from '../../../src/lib/ingest/session.ts';
import { readExcel97 } from '../../../src/lib/ingest/xls.ts';
import { readWorkbook } from '../../../src/lib/ingest/xlsx.ts';
import { cell, chars, compoundFile, excel97OfCsv, f64, label, labelSst, number, record, u16, u32, workbookStream, xlString } from '../../fixtures/workbook/xls/build.ts';
import { expectDamageAccountedFor } from './damaged-files.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/workbook/${name}`, import.meta.url)));
const workbook = (...args: Parameters<typeof workbookStream>) => compoundFile({ Workbook: workbookStream(...args) });
const csvOf = (bytes: Uint8Array) => readExcel97(bytes)?.map((s) => s.csv);
const LONG = [label(0, 0, 'ward'), label(0, 1, 'fiscal_year'), label(0, 2, 'stage'), label(0, 3, 'question_no'), label(0, 4, 'rater'), label(0, 5, 'rating')];
const longRow = (row: number, ward: string, rating: string) => [label(row, 0, ward), number(row, 1, 2025), label(row, 2, 'planning'), number(row, 3, row), label(row, 4, 'ward'), label(row, 5, rating)];

/** The texts tests/fixtures/workbook/xls/make.py wrote, one a row. */
const stringsText = (i: number) => (i % 2 ? `row ${i} ${'x'.repeat(i % 23)}` : `${i}番目の記述：${'子育て支援'[i % 5].repeat(i % 37)}`);

describe('Excel 97–2003 workbooks (.xls) saved by LibreOffice Calc', () => {
  it('read each sheet to the same CSV as the .xlsx it was saved from, the hidden list sheet marked', async () => {
    const fromXlsx = await readWorkbook(fixture('workbook.xlsx'));
    const sheets = readExcel97(fixture('xls/workbook.xls'));
    expect(sheets?.map((s) => [s.name, s.hidden])).toEqual([['評価', false], ['取組', false], ['拠点', false], ['リスト', true]]);
    expect(sheets?.map((s) => s.csv)).toEqual(fromXlsx?.map((s) => s.csv));
  });

  it('show each value as Excel shows it: numbers to 15 digits, dates as dates, a year-only format as written, formulas by their results', async () => {
    const fromOds = await readSpreadsheet(fixture('ods/values.ods'));
    expect(csvOf(fixture('xls/values.xls'))).toEqual(fromOds?.map((s) => s.csv));
    expect(csvOf(fixture('xls/values.xls'))?.[0]).toContain('\n年度（和暦）,令和7年度\n');
  });

  it('read a shared string table that runs over many records, its strings cut between them', () => {
    const [sheet] = readExcel97(fixture('xls/strings.xls'))!;
    // A text ending in a space is quoted, as a CSV keeps it.
    const expected = Array.from({ length: 1200 }, (_, k) => stringsText(k + 1)).map((text) => (text.endsWith(' ') ? `"${text}"` : text));
    expect(sheet.csv.split('\n').slice(0, -1)).toEqual(expected);
  });

  it('load through the session as the .xlsx does: a file per sheet, the format named, the rejected row by its row number', async () => {
    const batches = await new IngestSession().ingestSource('評価.xls', fixture('xls/workbook.xls'));
    const excel = await new IngestSession().ingestSource('評価.xls', fixture('workbook.xlsx'));
    expect(batches.map((b) => [b.report.file, b.report.kind, b.report.encoding, b.report.hiddenSheets, b.report.delimiter])).toEqual([
      ['評価.xls [評価]', 'ratings_wide', 'xls', ['リスト'], null],
      ['評価.xls [取組]', 'narratives', 'xls', [], null],
      ['評価.xls [拠点]', 'centers', 'xls', [], null],
    ]);
    const counts = (b: (typeof batches)[number]) => [b.report.rowsRead, b.report.rowsLoaded, b.report.rowsRejected, b.report.errors.map((e) => [e.line, e.column, e.value, e.code])];
    expect(batches.map(counts)).toEqual(excel.map(counts));
    expect(batches[0].ratings.toArray().map((r) => [r.ward, r.fiscalYear, r.stage, r.questionNo, r.rater, r.rating, r.line])).toEqual(
      excel[0].ratings.toArray().map((r) => [r.ward, r.fiscalYear, r.stage, r.questionNo, r.rater, r.rating, r.line]),
    );
  });

  it('a workbook damaged anywhere is refused or read, never throws, and every row read is accounted for', () => expectDamageAccountedFor(fixture('xls/workbook.xls'), 'x.xls', 100));
});

describe('Excel 97–2003 records, written one by one', () => {
  it('a string cut between the shared string table and its CONTINUE goes on in the width the next record says; runs and furigana are not text', () => {
    const sst = record(
      0x00fc,
      u32(3),
      u32(3),
      // "abc" as one byte each, its last three characters (日本語) in the next record, as two bytes each.
      [...u16(6), 0, ...chars('abc', false)],
    );
    const next = record(
      0x003c,
      [1, ...chars('日本語', true)],
      // 鶴見区 with a formatting run and its reading (ExtRst), neither of them text.
      [...u16(3), 0x0d, ...u16(1), ...u32(10), ...chars('鶴見区', true), ...u16(0), ...u16(1), ...[0x04, 0, 6, 0, 0, 0, 0, 0, 0, 0]],
      [...u16(2), 0, ...chars('ok', false)],
    );
    const bytes = workbook([sst, next], [{ name: 'S', cells: [labelSst(0, 0, 0), labelSst(1, 0, 1), labelSst(2, 0, 2)] }]);
    expect(csvOf(bytes)).toEqual(['abc日本語\n鶴見区\nok\n']);
  });

  it('numbers stored as RK (integers, hundredths, doubles cut short), in runs (MULRK), and as doubles; booleans, errors and text of formulas, under any of the formula record numbers', () => {
    const rk = (value: number, kind: 'int' | 'int100' | 'float' | 'float100') => {
      if (kind === 'int' || kind === 'int100') return ((value << 2) | 2 | (kind === 'int100' ? 1 : 0)) >>> 0;
      const high = new DataView(new Uint8Array(f64(value)).buffer).getUint32(4, true);
      return ((high & ~3) | (kind === 'float100' ? 1 : 0)) >>> 0;
    };
    const formula = (row: number, value: number[]) => record(0x0006, cell(row, 0), value, u16(0), u32(0), u16(0));
    const special = (type: number, value = 0) => [type, 0, value, 0, 0, 0, 0xff, 0xff];
    const cells = [
      record(0x027e, cell(0, 0), u32(rk(-7, 'int'))),
      record(0x027e, cell(0, 1), u32(rk(123, 'int100'))),
      record(0x027e, cell(0, 2), u32(rk(0.5, 'float'))),
      record(0x027e, cell(0, 3), u32(rk(150, 'float100'))),
      record(0x00bd, cell(1, 1).slice(0, 4), [...u16(15), ...u32(rk(1, 'int')), ...u16(15), ...u32(rk(2, 'int')), ...u16(15), ...u32(rk(3, 'int'))], u16(3)),
      number(2, 0, 0.1 + 0.2),
      formula(3, special(0)),
      record(0x04bc, [0, 0, 0, 0]),
      record(0x0207, xlString('式の文字列')),
      formula(4, special(1, 1)),
      formula(5, special(2, 0x07)),
      formula(6, special(3)),
      formula(7, f64(42)),
      record(0x0205, cell(8, 0), [0, 0]),
      record(0x0205, cell(8, 1), [0x2a, 1]),
    ];
    expect(csvOf(workbook([], [{ name: 'S', cells }]))).toEqual(['-7,1.23,0.5,1.5\n,1,2,3\n0.3\n式の文字列\nTRUE\n#DIV/0!\n\n42\nFALSE,#N/A\n']);
    // Apple Numbers' export writes its formulas under BIFF4's and BIFF3's record numbers, a text result as usual after them.
    const numbers = [
      record(0x0406, cell(0, 0), f64(3), u16(0), u32(0), u16(0)),
      record(0x0206, cell(0, 1), special(0), u16(0), u32(0), u16(0)),
      record(0x0207, xlString('合計')),
    ];
    expect(csvOf(workbook([], [{ name: 'N', cells: numbers }]))).toEqual(['3,合計\n']);
  });

  it('dates and times by their cell’s format (built-in, a custom era format, a date without its day, Japanese “G/標準” is none), in the 1900 or the 1904 system; merged cells down their rows', () => {
    const xf = (format: number) => record(0x00e0, u16(0), u16(format), new Array(16).fill(0));
    const globals = (epoch1904: boolean) => [
      ...(epoch1904 ? [record(0x0022, u16(1))] : []),
      record(0x041e, u16(180), xlString('[$-411]ggge"年度"')),
      record(0x041e, u16(181), xlString('G/標準"件"')),
      xf(0),
      xf(14),
      xf(180),
      xf(181),
      xf(20),
      xf(32),
    ];
    const cells = [number(0, 0, 45748, 1), number(0, 1, 45748, 2), number(0, 2, 45748, 3), number(0, 3, 45748, 0), label(1, 0, '結合'), record(0x00e5, u16(1), [...u16(1), ...u16(3), ...u16(0), ...u16(0)])];
    expect(csvOf(workbook(globals(false), [{ name: 'S', cells }]))).toEqual(['2025-04-01,令和7年度,45748,45748\n結合\n結合\n結合\n']);
    expect(csvOf(workbook(globals(true), [{ name: 'S', cells }]))?.[0].split('\n')[0]).toBe('2029-04-02,令和11年度,45748,45748');
    // A format whose code is a character shorter than its count says (as some writers save it): read as far as it goes.
    const shortFormat = [record(0x041e, u16(182), u16(11), [1], chars('yyyy"年度"', true)), xf(0), xf(182)];
    expect(csvOf(workbook(shortFormat, [{ name: 'F', cells: [number(0, 0, 45748, 1)] }]))).toEqual(['2025年度\n']);
    // Times of day by the built-in formats (h:mm, and Japanese Excel's h"時"mm"分", once read as a date).
    expect(csvOf(workbook(globals(false), [{ name: 'T', cells: [number(0, 0, 45748.3958333, 4), number(0, 1, 0.3958333, 5)] }]))).toEqual(['9:30,9時30分\n']);
    // Japanese Excel's built-in year and month (yyyy"年"m"月"): as shown, not a day it does not show.
    expect(csvOf(workbook([xf(0), xf(34)], [{ name: 'M', cells: [number(0, 0, 45748, 1)] }]))).toEqual(['2025年4月\n']);
  });

  it('merged ranges that would fill a sheet past what it can be as text are refused as too large before they are filled', async () => {
    const columns = Array.from({ length: 1000 }, (_, c) => c);
    const merges = record(0x00e5, u16(columns.length), ...columns.map((c) => [...u16(0), ...u16(65535), ...u16(c), ...u16(c)]));
    const bytes = workbook([], [{ name: 'S', cells: [...columns.map((c) => label(0, c, 'abc')), merges] }]);
    const [batch] = await new IngestSession().ingestSource('merged.xls', bytes);
    expect(batch.report.fileError).toEqual({ code: 'office_file_too_large', params: { limitMB: 128 } });
  });

  it('a workbook of several FAT sectors (the bench’s), its text shared and its numbers RK, reads back to its CSV', () => {
    const lines = ['ward,fiscal_year,question_no,rating', ...Array.from({ length: 3000 }, (_, i) => `${['鶴見区', '西区', '中区'][i % 3]},${2019 + (i % 7)},${(i % 16) + 1},${'ABCD'[i % 4]}`)];
    const bytes = excel97OfCsv(lines.join('\n'));
    expect(new DataView(bytes.buffer).getUint32(0x2c, true)).toBeGreaterThan(1);
    expect(readExcel97(bytes)?.[0].csv).toBe(`${lines.join('\n')}\n`);
  });

  it('a chart drawn on the sheet (a substream inside it, with its cached series) is not read as cells, and the merges after it are', () => {
    const chart = [record(0x0809, u16(0x0600), u16(0x20), u16(0), u16(0), u32(0), u32(0)), number(0, 5, 99), label(1, 5, '系列'), record(0x000a)];
    const merge = record(0x00e5, u16(1), [...u16(0), ...u16(1), ...u16(0), ...u16(0)]);
    const bytes = workbook([], [{ name: 'S', cells: [label(0, 0, '結合'), label(0, 1, 'x'), ...chart, merge] }]);
    expect(csvOf(bytes)).toEqual(['結合,x\n結合\n']);
  });

  it('tab order and hidden sheets marked; a stream small enough for the mini stream is read from it', () => {
    const bytes = workbook([], [
      { name: 'データ', cells: [label(0, 0, 'x')] },
      { name: 'リスト', hidden: true, cells: [label(0, 0, 'y')] },
    ]);
    expect(bytes.length).toBeLessThan(4096);
    expect(readExcel97(bytes)?.map((s) => [s.name, s.hidden, s.csv])).toEqual([
      ['データ', false, 'x\n'],
      ['リスト', true, 'y\n'],
    ]);
  });

  it('only the file’s own Workbook stream is read, not a workbook embedded in it (a storage of its own, as in a Word document)', () => {
    const embedded = workbookStream([], [{ name: '埋め込み', cells: [label(0, 0, 'x')] }]);
    expect(readExcel97(compoundFile({ WordDocument: new Uint8Array(600), 'ObjectPool/Workbook': embedded }))).toBeNull();
    const own = workbookStream([], [{ name: '本体', cells: [label(0, 0, 'y')] }]);
    expect(readExcel97(compoundFile({ 'ObjectPool/Workbook': embedded, Workbook: own }))?.map((s) => [s.name, s.csv])).toEqual([['本体', 'y\n']]);
  });

  it('a password-protected workbook is refused as such; Excel 95, an old Word file and a cut one each told for what they are', async () => {
    const session = new IngestSession();
    const refusal = async (name: string, bytes: Uint8Array) => (await session.ingestSource(name, bytes))[0].report.fileError?.code;
    expect(await refusal('鍵.xls', workbook([record(0x002f, u16(1), new Array(52).fill(0))], [{ name: 'S', cells: LONG }]))).toBe('encrypted_office_file');
    const biff5 = workbookStream([], [{ name: 'S', cells: LONG }]);
    biff5.set(u16(0x0500), 4);
    expect(await refusal('95.xls', compoundFile({ Book: biff5 }))).toBe('office_file');
    // BIFF8 records in a stream named as Excel 95's (some writers save them so) are a workbook all the same.
    expect(readExcel97(compoundFile({ BOOK: workbookStream([], [{ name: 'S', cells: [label(0, 0, 'x')] }]) }))?.map((s) => s.csv)).toEqual(['x\n']);
    expect(await refusal('97.xls', compoundFile({ Workbook: biff5 }))).toBe('office_file');
    // Another old Office file (here a Word 95 document: Word 97's mark, an older FIB version) is not taken for a damaged workbook.
    expect(await refusal('報告書.doc', compoundFile({ WordDocument: new Uint8Array(5000).fill(0xec, 0, 1).fill(0xa5, 1, 2).fill(0x68, 2, 3) }))).toBe('office_file');
    const good = workbook([], [{ name: 'S', cells: [...LONG, ...longRow(1, '鶴見区', 'A')] }]);
    expect(await refusal('ok.xls', good)).toBeUndefined();
    expect(await refusal('cut.xls', good.subarray(0, good.length - 600))).toBe('damaged_office_file');
  });

  it('a sheet’s rows load as a CSV’s would, its bad rating named by the row number Excel shows', async () => {
    const bytes = workbook([], [{ name: 'S', cells: [...LONG, ...longRow(1, '鶴見区', 'A'), ...longRow(2, '西区', 'E'), ...longRow(3, '中区', 'B')] }]);
    const [batch] = await new IngestSession().ingestSource('評価.xls', bytes);
    expect([batch.report.encoding, batch.report.rowsRead, batch.report.rowsLoaded, batch.report.rowsRejected]).toEqual(['xls', 3, 2, 1]);
    expect(batch.report.errors.map((e) => [e.line, e.column, e.value, e.code])).toEqual([[3, 'rating', 'E', 'invalid_rating']]);
  });
});

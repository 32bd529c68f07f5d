import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IngestSession } from '../../../src/lib/ingest/session.ts';
import { fileErrorText } from '../../../src/lib/i18n/messages.ts';
import { readWorkbook } from '../../../src/lib/ingest/xlsx.ts';
import { NS, workbook, workbookOfCsv, WORKSHEET, zip } from '../../fixtures/workbook/build.ts';
import { excelWorkbookLayout, sheetRows } from '../../fixtures/reports/layouts.ts';
import { expectDamageAccountedFor } from './damaged-files.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const row = (n: number, cells: string) => `<row r="${n}">${cells}</row>`;
const LONG_HEADER = row(1, ['ward', 'fiscal_year', 'stage', 'question_no', 'rater', 'rating'].map((h, k) => inline(`${'ABCDEF'[k]}1`, h)).join(''));

describe('Excel workbooks (.xlsx) written by another program (openpyxl)', () => {
  it('reads each visible sheet as the CSV it would be saved as: merged cells, number formats, line breaks, dates; rows keep their numbers', async () => {
    const batches = await new IngestSession().ingestSource('評価.xlsx', fixture('workbook/workbook.xlsx'));
    // The hidden lookup sheet (リスト) is not read.
    expect(batches.map((b) => [b.report.file, b.report.kind, b.report.encoding, b.report.delimiter])).toEqual([
      ['評価.xlsx [評価]', 'ratings_wide', 'xlsx', null],
      ['評価.xlsx [取組]', 'narratives', 'xlsx', null],
      ['評価.xlsx [拠点]', 'centers', 'xlsx', null],
    ]);
    const [ratings, narratives, centers] = batches;
    expect(batches.map((b) => b.report.hiddenSheets)).toEqual([['リスト'], [], []]);
    // The title above the header is skipped; the ward, year and stage merged down their rows are every row's.
    expect(ratings.report).toMatchObject({ rowsRead: 16, rowsLoaded: 15, rowsRejected: 1, skippedLines: [{ line: 1, text: '令和6年度 西区地域子育て支援拠点 協働評価' }] });
    const loaded = ratings.ratings.toArray();
    expect(loaded).toHaveLength(45);
    expect(new Set(loaded.map((r) => `${r.ward} ${r.fiscalYear}`))).toEqual(new Set(['西区 2024']));
    expect(loaded.filter((r) => r.rater === 'ward').map((r) => [r.stage, r.questionNo, r.line])).toEqual([
      ...[1, 2, 3, 4, 5, 6].map((n) => ['planning', n, n + 3]),
      ...[1, 2, 4, 5, 6, 7].map((n) => ['implementation', n, n + 9]),
      ...[1, 2, 3].map((n) => ['review', n, n + 16]),
    ]);
    expect(loaded.find((r) => r.questionNo === 2 && r.stage === 'planning')?.question).toBe('事業の目標やそれを達成する方法について、\n双方の考えを共有できましたか。');
    expect(loaded.find((r) => r.line === 4 && r.rater === 'ward')?.rating).toBe('A');
    // The bad rating is named by the row Excel shows, below a cell holding a line break.
    expect(ratings.report.errors.map((e) => [e.line, e.column, e.value, e.code])).toEqual([[12, '拠点', 'E', 'invalid_rating']]);
    expect(narratives.narratives.map((n) => [n.section, n.itemNo, n.text, n.line])).toEqual([
      ['goal', 1, '父親の育児参加を広げる。', 2],
      ['action', 1, 'パパの日を月に一度開いた。\n土曜日にも開けた。', 3],
      ['effect', 1, 'ピアサポートの場づくりを進めた。', 4],
    ]);
    expect(centers.centers.map((c) => [c.ward, c.fiscalYear, c.operator, c.contractYear, c.contractLength, c.periodStart, c.periodEnd])).toEqual([
      ['西区', 2024, 'NPO法人にしのわ（架空）', 2, 5, '2024-04-01', '2025-03-31'],
    ]);
  });
});

describe('Excel workbooks (.xlsx) as Excel writes them', () => {
  it('gives what the same rows give as a CSV: rows, reasons, lines', async () => {
    const csv = readFileSync(new URL('../../fixtures/bad_rows.csv', import.meta.url), 'utf8').trimEnd();
    const fromCsv = await new IngestSession().ingestFile('bad_rows', new TextEncoder().encode(csv));
    const [fromBook] = await new IngestSession().ingestSource('bad_rows', workbookOfCsv(csv));
    const { encoding: _a, delimiter: _b, ...bookReport } = fromBook.report;
    const { encoding: _c, delimiter: _d, ...csvReport } = fromCsv.report;
    expect(bookReport).toEqual(csvReport);
    expect(fromBook.report.rowsRejected).toBe(4);
    expect(fromBook.ratings.toArray()).toEqual(fromCsv.ratings.toArray());
  });

  it('reads a header in two rows, single columns merged down both and the ratings under one 評価 merged across', async () => {
    const cells = (n: number, values: string[]) => row(n, values.map((v, k) => (v === '' ? '' : inline(`${'ABCDEFGH'[k]}${n}`, v))).join(''));
    const sheet = [
      cells(1, ['区名', '年度', '段階', '設問', '', '評価', '', '']),
      cells(2, ['', '', '', '番号', '内容', '区', '拠点', '相互評価']),
      cells(3, ['鶴見区', '令和7年度', '計画', '1', '目的', 'A', 'B', 'C']),
      cells(4, ['鶴見区', '令和7年度', '計画', '2', '役割', 'B', 'E', 'D']),
    ].join('');
    const merges = '<mergeCells count="5"><mergeCell ref="A1:A2"/><mergeCell ref="B1:B2"/><mergeCell ref="C1:C2"/><mergeCell ref="D1:E1"/><mergeCell ref="F1:H1"/></mergeCells>';
    const [batch] = await new IngestSession().ingestSource('two rows.xlsx', workbook([{ name: '評価', xml: sheet, after: merges }]));
    expect(batch.report).toMatchObject({ kind: 'ratings_wide', rowsRead: 2, rowsLoaded: 1, rowsRejected: 1, ignoredColumns: [] });
    expect(batch.ratings.toArray().map((r) => [r.questionNo, r.rater, r.rating, r.question, r.line])).toEqual([
      [1, 'ward', 'A', '目的', 3], [1, 'center', 'B', '目的', 3], [1, 'joint', 'C', '目的', 3],
    ]);
    // A rejected cell is named by both header rows, as the sheet shows them over it.
    expect(batch.report.errors.map((e) => [e.line, e.column, e.value])).toEqual([[4, '評価（拠点）', 'E']]);
  });

  it('a row whose last cells are blank (Excel stores no blank cell, bordered or not) is read to the header’s width: its blanks are unrated, not a row cut short', async () => {
    const cells = (n: number, values: string[]) => row(n, values.map((v, k) => (v === '' ? `<c r="${'ABCDEFG'[k]}${n}" s="1"/>` : inline(`${'ABCDEFG'[k]}${n}`, v))).join(''));
    const xml = [cells(1, ['区名', '年度', '段階', '番号', '区', '拠点', '相互評価']), cells(2, ['港南区', '2025', '計画', '1', 'A', '', '']), row(3, inline('A3', '旭区') + inline('B3', '2025') + inline('C3', '実施') + inline('D3', '2'))].join('');
    const [batch] = await new IngestSession().ingestSource('blanks.xlsx', workbook([{ name: 'Sheet1', xml }]));
    expect(batch.report).toMatchObject({ rowsRead: 2, rowsLoaded: 2, rowsRejected: 0, notRated: 5 });
    expect(batch.ratings.toArray().map((r) => `${r.ward} ${r.stage} ${r.rater} ${r.rating}`)).toEqual([
      '港南区 planning ward A', '港南区 planning center null', '港南区 planning joint null',
      '旭区 implementation ward null', '旭区 implementation center null', '旭区 implementation joint null',
    ]);
    // The same rows as a CSV cut short are rejected: there a short row is a lost delimiter or a cut line.
    const csv = await new IngestSession().ingestFile('cut.csv', new TextEncoder().encode('区名,年度,段階,番号,区,拠点,相互評価\n港南区,2025,計画,1,A\n'));
    expect(csv.report.errors.map((e) => e.code)).toEqual(['too_few_fields']);
  });

  it('a tab per ward or per year: the sheet’s name gives the ward or year its header lacks, and the report says so', async () => {
    const sheet = (name: string, lines: string[][]) => ({
      name,
      xml: lines.map((values, i) => row(i + 1, values.map((v, k) => (v === '' ? '' : inline(`${'ABCDEF'[k]}${i + 1}`, v))).join(''))).join(''),
    });
    const book = workbook([
      sheet('鶴見区', [['年度', '段階', '番号', '評価者', '評価'], ['令和7年度', '計画', '1', '区', 'A']]),
      sheet('R6', [['区', '段階', '番号', '評価者', '評価'], ['西区', '計画', '1', '区', 'B']]),
      // A title naming another ward than the sheet's name: neither is taken.
      sheet('中区', [['西区 令和7年度'], ['段階', '番号', '評価者', '評価'], ['計画', '1', '区', 'C']]),
      // A title naming the sheet's own ward, and the year: the title's line is named for both.
      sheet('港南区 (2)', [['港南区 令和7年度'], ['段階', '番号', '評価者', '評価'], ['計画', '1', '区', 'D']]),
      sheet('Sheet5', [['段階', '番号', '評価者', '評価'], ['計画', '1', '区', 'A']]),
    ]);
    const batches = await new IngestSession().ingestSource('wards.xlsx', book);
    const summary = batches.map((b) => [b.report.file, b.report.fileError?.code ?? null, b.ratings.toArray().map((r) => `${r.ward} ${r.fiscalYear} ${r.rating}`), b.report.skippedLines]);
    expect(summary).toEqual([
      ['wards.xlsx [鶴見区]', null, ['鶴見区 2025 A'], [{ line: 0, text: '鶴見区', gives: { ward: '鶴見区' } }]],
      ['wards.xlsx [R6]', null, ['西区 2024 B'], [{ line: 0, text: 'R6', gives: { fiscalYear: 2024 } }]],
      ['wards.xlsx [中区]', 'missing_columns', [], [{ line: 1, text: '西区 令和7年度' }]],
      ['wards.xlsx [港南区 (2)]', null, ['港南区 2025 D'], [{ line: 1, text: '港南区 令和7年度', gives: { ward: '港南区', fiscalYear: 2025 } }]],
      ['wards.xlsx [Sheet5]', 'missing_columns', [], []],
    ]);
    // A sheet whose name gives nothing is told that its name could.
    const { code, params } = batches[4].report.fileError!;
    expect(params).toMatchObject({ sheeted: 1 });
    expect(fileErrorText('ja', code, params)).toContain('シート名を「鶴見区」「令和7年度」のようにするか');
    expect(fileErrorText('en', code, params)).toContain('name the sheet like “鶴見区”');
  });

  it('reads shared strings without their furigana, escapes, formulas’ values, dates in either date system, cells without references', async () => {
    const strings = [
      '<si><t>鶴見区</t><rPh sb="0" eb="3"><t>ツルミク</t></rPh><phoneticPr fontId="1"/></si>',
      '<si><r><t>計</t></r><r><rPr><b/></rPr><t xml:space="preserve">画</t></r></si>',
      '<si><t>区</t></si>',
      '<si><t>A</t></si>',
    ];
    const styles = '<styleSheet><numFmts count="1"><numFmt numFmtId="176" formatCode="[$-ja-JP]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/></cellXfs></styleSheet>';
    const sheet = [
      LONG_HEADER,
      // A formula's cached value; a prefixed namespace; cells without an `r` follow the one before.
      row(2, '<c r="A2" t="s"><v>0</v></c><c r="B2"><f>2024+1</f><v>2025</v></c><c t="s"><v>1</v></c><c><v>1</v></c><c t="s"><v>2</v></c><c t="s"><v>3</v></c>'),
      '<row><c r="A3" t="s"><v>0</v></c><c r="B3"><v>2025</v></c><c r="C3" t="s"><v>1</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="s"><v>2</v></c><c r="F3" t="e"><v>#N/A</v></c></row>',
    ].join('');
    const sheets = await readWorkbook(workbook([{ name: 'Sheet1', xml: sheet }], { 'xl/sharedStrings.xml': `<sst ${NS}>${strings.join('')}</sst>`, 'xl/styles.xml': styles }));
    expect(sheets?.[0].csv).toBe('ward,fiscal_year,stage,question_no,rater,rating\n鶴見区,2025,計画,1,区,A\n鶴見区,2025,計画,TRUE,区,#N/A\n');
    const batch = (await new IngestSession().ingestSource('x.xlsx', workbook([{ name: 'S', xml: sheet }], { 'xl/sharedStrings.xml': `<sst ${NS}>${strings.join('')}</sst>` })))[0];
    expect(batch.report.errors.map((e) => [e.line, e.column, e.value, e.code])).toEqual([
      [3, 'question_no', 'TRUE', 'invalid_question_no'],
      [3, 'rating', '#N/A', 'invalid_rating'],
    ]);

    const dated = (serial: number, style: number, pr = '') =>
      readWorkbook(workbook([{ name: 'd', xml: row(1, `<c r="A1" s="${style}"><v>${serial}</v></c><c r="B1"><v>${serial}</v></c>`) }], { 'xl/styles.xml': styles }, pr));
    expect((await dated(45383, 1))?.[0].csv).toBe('2024-04-01,45383\n');
    expect((await dated(45748.75, 2))?.[0].csv).toBe('2025-04-01,45748.75\n');
    expect((await dated(43921, 1, '<workbookPr date1904="1"/>'))?.[0].csv).toBe('2024-04-01,43921\n');
    expect((await dated(59, 1))?.[0].csv).toBe('1900-02-28,59\n');
    // Days the 1900 system counts that never were (day 0, 29 February 1900) read as Excel shows them, not as a neighbour; a negative date is the number (Excel shows ####).
    expect((await dated(0.5, 1))?.[0].csv).toBe('1900-01-00,0.5\n');
    expect((await dated(60, 1))?.[0].csv).toBe('1900-02-29,60\n');
    expect((await dated(61, 1))?.[0].csv).toBe('1900-03-01,61\n');
    expect((await dated(-5, 1))?.[0].csv).toBe('-5,-5\n');
    expect((await dated(0.30000000000000004, 0))?.[0].csv).toBe('0.3,0.3\n');
    // Japanese Excel's "General" (G/標準) with a unit is a number format, not a date (its G is no era).
    const counted = '<styleSheet><numFmts count="2"><numFmt numFmtId="176" formatCode="G/標準&quot;件&quot;"/><numFmt numFmtId="177" formatCode="General&quot; 回&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="177"/></cellXfs></styleSheet>';
    expect((await readWorkbook(workbook([{ name: 'n', xml: row(1, '<c r="A1" s="1"><v>12</v></c><c r="B1" s="2"><v>3.5</v></c>') }], { 'xl/styles.xml': counted })))?.[0].csv).toBe('12,3.5\n');
    // A date shown without its day, year and month as the format writes them (custom, and the built-in 17 and ja-JP 55).
    const monthFormats = [
      [183, 'yyyy&quot;年&quot;m&quot;月&quot;'],
      [184, '[$-411]ggge&quot;年&quot;m&quot;月&quot;'],
      [185, 'MMMM YYYY'],
      [186, 'mmm;&quot;&quot;;&quot;&quot;'],
    ];
    const monthStyles = `<styleSheet><numFmts count="4">${monthFormats.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code}"/>`).join('')}</numFmts><cellXfs count="7">${[0, 183, 184, 185, 186, 17, 55].map((id) => `<xf numFmtId="${id}"/>`).join('')}</cellXfs></styleSheet>`;
    const month = async (serial: number) =>
      (await readWorkbook(workbook([{ name: 'm', xml: row(1, [1, 2, 3, 4, 5, 6].map((s, k) => `<c r="${'ABCDEF'[k]}1" s="${s}"><v>${serial}</v></c>`).join('')) }], { 'xl/styles.xml': monthStyles })))?.[0].csv;
    expect(await month(45748)).toBe('2025年4月,令和7年4月,April 2025,Apr,Apr-25,2025年4月\n');
    // A time of day as its format shows it (built-in 20, 21, 18, ja-JP 32, 46 elapsed, a custom 時 and 分 with
    // a locale); a negative time, which Excel shows as ####, stays the number.
    // Custom codes in capitals, as a German Excel writes them (HH:MM, H:MM:SS\ AM/PM), too.
    const timeFormats = [
      [180, '[$-411]h&quot;時&quot;mm&quot;分&quot;;@'],
      [181, 'HH:MM'],
      [182, 'H:MM:SS\\ AM/PM'],
    ];
    const timeStyles = `<styleSheet><numFmts count="3">${timeFormats.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code}"/>`).join('')}</numFmts><cellXfs count="9">${[0, 20, 21, 18, 32, 46, 180, 181, 182].map((id) => `<xf numFmtId="${id}"/>`).join('')}</cellXfs></styleSheet>`;
    const timed = async (serial: number) =>
      (await readWorkbook(workbook([{ name: 't', xml: row(1, [1, 2, 3, 4, 5, 6, 7, 8].map((s, k) => `<c r="${'ABCDEFGH'[k]}1" s="${s}"><v>${serial}</v></c>`).join('')) }], { 'xl/styles.xml': timeStyles })))?.[0].csv;
    expect(await timed(0.8958449074074074)).toBe('21:30,21:30:01,9:30 PM,21時30分,21:30:01,21時30分,21:30,9:30:01 PM\n');
    expect(await timed(1.25)).toBe('6:00,6:00:00,6:00 AM,6時00分,30:00:00,6時00分,06:00,6:00:00 AM\n');
    expect(await timed(-0.5)).toBe('-0.5,-0.5,-0.5,-0.5,-0.5,-0.5,-0.5,-0.5\n');
    // A date shown as its year alone (a fiscal-year column typed as a date): as Excel shows it, not the day.
    const yearStyles = '<styleSheet><numFmts count="3"><numFmt numFmtId="177" formatCode="[$-ja-JP]ggge&quot;年度&quot;;@"/><numFmt numFmtId="178" formatCode="yyyy&quot;年度&quot;"/><numFmt numFmtId="179" formatCode="[$-411]gge\\.ee"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="177"/><xf numFmtId="178"/><xf numFmtId="179"/></cellXfs></styleSheet>';
    const shown = async (serial: number) =>
      (await readWorkbook(workbook([{ name: 'y', xml: row(1, [1, 2, 3].map((s, k) => `<c r="${'ABC'[k]}1" s="${s}"><v>${serial}</v></c>`).join('')) }], { 'xl/styles.xml': yearStyles })))?.[0].csv;
    expect(await shown(45748)).toBe('令和7年度,2025年度,令7.07\n');
    // 1 April 2019 was still 平成: the era changed on 1 May.
    expect(await shown(43556)).toBe('平成31年度,2019年度,平31.31\n');
    const [years] = await new IngestSession().ingestSource('y.xlsx', workbook([{ name: 'r', xml: LONG_HEADER + row(2, `${inline('A2', '鶴見区')}<c r="B2" s="1"><v>45748</v></c>${inline('C2', '計画')}<c r="D2"><v>1</v></c>${inline('E2', '区')}${inline('F2', 'A')}`) }], { 'xl/styles.xml': yearStyles }));
    expect(years.ratings.toArray().map((r) => [r.ward, r.fiscalYear])).toEqual([['鶴見区', 2025]]);
  });

  it('keeps a cell’s text as written: quotes, commas, entities, OOXML escapes, line breaks as CR within the field', async () => {
    const sheets = await readWorkbook(workbook([{
      name: 'n',
      xml: row(1, inline('A1', 'a &amp; &lt;b&gt; &#x5186;') + inline('B1', '"引用", 句') + inline('C1', 'x_x000D_\ny') + inline('D1', '_x005F_x0041_') + `<x:c r="E1" t="inlineStr"><x:is><x:t> 前後 </x:t></x:is></x:c>` + inline('F1', 'x_x000d_\r\ny') + inline('G1', 'x\r\ny&#13;z')),
    }]));
    // A generator's _x000d_ before the XML's own CR LF (an LF to any XML reader) is one line break; a character reference keeps its CR.
    expect(sheets?.[0].csv).toBe('a & <b> 円,"""引用"", 句","x\ry",_x0041_," 前後 ","x\ry","x\ry\rz"\n');
  });

  it('names each sheet only when several are read; skips hidden and empty sheets; refuses a damaged workbook and other zips', async () => {
    const long = LONG_HEADER + row(2, ['鶴見区', '2025', '計画', '1', '区', 'A'].map((v, k) => inline(`${'ABCDEF'[k]}2`, v)).join(''));
    const one = await new IngestSession().ingestSource('one.xlsx', workbook([{ name: '評価', xml: long }, { name: 'hidden', xml: long, state: 'hidden' }, { name: '空', xml: '' }]));
    expect(one.map((b) => [b.report.file, b.report.rowsLoaded, b.report.hiddenSheets])).toEqual([['one.xlsx', 1, ['hidden']]]);
    // Only hidden sheets hold data: refused, naming them, not called empty; an empty hidden sheet is not named.
    const hiddenOnly = await new IngestSession().ingestSource('hidden.xlsx', workbook([{ name: '空', xml: '' }, { name: '評価', xml: long, state: 'veryHidden' }, { name: '空2', xml: '', state: 'hidden' }]));
    expect(hiddenOnly.map((b) => [b.report.fileError, b.report.hiddenSheets])).toEqual([[{ code: 'hidden_sheets_only', params: { sheets: ['評価'] } }, ['評価']]]);
    // A sheet that is neither a known CSV nor a report is refused as a file would be, naming the sheet; the others load.
    const two = await new IngestSession().ingestSource('two.xlsx', workbook([{ name: '説明', xml: row(1, inline('A1', 'この表の使い方') + inline('B1', '記入例')) }, { name: '評価', xml: long }]));
    expect(two.map((b) => [b.report.file, b.report.fileError?.code ?? null, b.report.rowsLoaded])).toEqual([
      ['two.xlsx [説明]', 'unrecognised_header', 0],
      ['two.xlsx [評価]', null, 1],
    ]);
    const session = new IngestSession();
    const good = workbook([{ name: 's', xml: long }]);
    expect((await session.ingestSource('cut.xlsx', good.subarray(0, good.length - 30)))[0].report.fileError?.code).toBe('damaged_office_file');
    expect((await session.ingestSource('empty.xlsx', workbook([{ name: 's', xml: '' }])))[0].report.fileError?.code).toBe('empty_file');
    expect((await session.ingestSource('slides.pptx', zip({ 'ppt/presentation.xml': '<p:presentation/>' })))[0].report.fileError?.code).toBe('zip_file');
    // Stored (not deflated) entries read too.
    const stored = zip({ 'xl/workbook.xml': `<workbook ${NS}><sheets><sheet name="s" r:id="rId1"/></sheets></workbook>`, 'xl/_rels/workbook.xml.rels': `<Relationships><Relationship Id="rId1" Type="${WORKSHEET}" Target="/xl/worksheets/sheet1.xml"/></Relationships>`, 'xl/worksheets/sheet1.xml': `<worksheet><sheetData>${long}</sheetData></worksheet>` }, 0);
    expect((await session.ingestSource('stored.xlsx', stored))[0].report).toMatchObject({ rowsLoaded: 1, fileError: null });
  });

  it('a small workbook whose sheet would be far larger as text (one long shared string in every cell) is refused as too large, not read until memory runs out', async () => {
    const strings = `<sst ${NS}><si><t>${'x'.repeat(1 << 20)}</t></si></sst>`;
    const cells = Array.from({ length: 160 }, (_, k) => row(k + 1, `<c r="A${k + 1}" t="s"><v>0</v></c>`)).join('');
    const [batch] = await new IngestSession().ingestSource('bomb.xlsx', workbook([{ name: 's', xml: cells }], { 'xl/sharedStrings.xml': strings }));
    expect(batch.report.fileError).toEqual({ code: 'office_file_too_large', params: { limitMB: 128 } });
  });
});

describe('A published report as an Excel workbook', () => {
  it('names each line by the sheet’s row, though its cells hold line breaks', async () => {
    const [batch] = await new IngestSession().ingestSource('report.xlsx', excelWorkbookLayout());
    const rowOf = (label: string) => sheetRows().findIndex((cells) => cells[0] === label) + 1;
    expect(rowOf('取組の効果')).toBeGreaterThan(0);
    expect(new Set(batch.narratives.filter((n) => n.section === 'effect').map((n) => n.line))).toEqual(new Set([rowOf('取組の効果')]));
    expect(batch.centers[0].line).toBe(rowOf('事業実施期間'));
    expect(batch.reportLines.find((l) => l.text.startsWith('取組の課題'))?.line).toBe(rowOf('取組の課題'));
  });
});

describe('Excel workbooks (.xlsx): properties', () => {
  const WORDS = ['父親支援', 'ピアサポート', 'を実施した', '\n', '\r\n', '"', ',', '&', '<b>', '_x000D_', ' ', '①', 'ﾊﾟﾊﾟ', '=SUM(A1)'];
  /** Text as Excel writes it into XML: entities, and `_xHHHH_` written literally escaped as `_x005F_xHHHH_`. */
  const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/_x([0-9a-fA-F]{4})_/g, '_x005F_x$1_');

  it('loads every item’s text as written in its cell, shared or inline, whatever it holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), fc.boolean(), async (items, shared) => {
        const texts = items.map((words) => `項目${words.join('')}`);
        const header = row(1, ['ward', 'fiscal_year', 'section', 'item_no', 'text'].map((h, k) => inline(`${'ABCDE'[k]}1`, h)).join(''));
        const cell = (ref: string, k: number) => (shared ? `<c r="${ref}" t="s"><v>${k}</v></c>` : inline(ref, xmlText(texts[k])));
        const rows = texts.map((_, k) => row(k + 2, `${inline(`A${k + 2}`, '西区')}<c r="B${k + 2}"><v>2024</v></c>${inline(`C${k + 2}`, 'effect')}<c r="D${k + 2}"><v>${k + 1}</v></c>${cell(`E${k + 2}`, k)}`));
        const parts: Record<string, string> = shared ? { 'xl/sharedStrings.xml': `<sst ${NS}>${texts.map((t) => `<si><t xml:space="preserve">${xmlText(t)}</t></si>`).join('')}</sst>` } : {};
        const [batch] = await new IngestSession().ingestSource('n.xlsx', workbook([{ name: 's', xml: header + rows.join('') }], parts));
        expect(batch.report).toMatchObject({ rowsRead: texts.length, rowsLoaded: texts.length, rowsRejected: 0 });
        expect(batch.narratives.map((n) => [n.itemNo, n.text, n.line])).toEqual(texts.map((t, k) => [k + 1, t.replace(/\r\n/g, '\n').trim(), k + 2]));
      }),
      { numRuns: 150 },
    );
  });

  it('a damaged workbook (bytes changed or cut anywhere) is refused or read, never thrown, every row accounted for', () =>
    expectDamageAccountedFor(fixture('workbook/workbook.xlsx'), 'x.xlsx', 150));
});

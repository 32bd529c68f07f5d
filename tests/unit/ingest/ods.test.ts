import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../../src/lib/ingest/ods.ts';
import { IngestSession } from '../../../src/lib/ingest/session.ts';
import { readWorkbook } from '../../../src/lib/ingest/xlsx.ts';
import { zip } from '../../fixtures/workbook/build.ts';
import { expectDamageAccountedFor } from './damaged-files.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/workbook/${name}`, import.meta.url)));
const MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';
const NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"';

/** An OpenDocument spreadsheet of `tables` (their `table:table` XML) with `styles` among its automatic styles. */
function spreadsheet(tables: string, styles = ''): Uint8Array {
  return zip({
    mimetype: MIMETYPE,
    'content.xml': `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:automatic-styles>${styles}</office:automatic-styles><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`,
  });
}
const text = (value: string, attrs = '') => `<table:table-cell office:value-type="string"${attrs}><text:p>${value}</text:p></table:table-cell>`;

describe('OpenDocument spreadsheets (.ods) saved by LibreOffice Calc', () => {
  it('read each sheet to the same CSV as the Excel workbook Calc converted them from', async () => {
    const fromExcel = await readWorkbook(fixture('workbook.xlsx'));
    const fromCalc = await readSpreadsheet(fixture('ods/workbook.ods'));
    expect(fromCalc?.map((s) => [s.name, s.hidden])).toEqual([['評価', false], ['取組', false], ['拠点', false], ['リスト', true]]);
    expect(fromCalc?.map((s) => s.csv)).toEqual(fromExcel?.map((s) => s.csv));
  });

  it('show each value as Calc shows it, numbers to 15 digits and dates as dates, a year-only format as written', async () => {
    const [values] = (await readSpreadsheet(fixture('ods/values.ods')))!;
    expect(values.csv.split('\n')).toEqual([
      '種類,値',
      '小数,1234.5',
      '割合,0.25',
      '日付,2025-04-01',
      '日時,2025-04-01',
      '年度（和暦）,令和7年度',
      '年度（西暦）,2025年度',
      '真偽,TRUE',
      '式,3',
      '式（小数）,0.3',
      'エラー,#DIV/0!',
      '改行,"一行目\r二行目"',
      // A comment on the label is not its text; the run of spaces Calc writes as <text:s/> is kept.
      '空白,前  後',
      '結合,上下に結合',
      '結合,上下に結合',
      '',
    ]);
  });

  it('load through the session as a workbook does: a file per sheet, the format named, the rejected row by its row number', async () => {
    const batches = await new IngestSession().ingestSource('評価.ods', fixture('ods/workbook.ods'));
    const excel = await new IngestSession().ingestSource('評価.ods', fixture('workbook.xlsx'));
    expect(batches.map((b) => [b.report.file, b.report.kind, b.report.encoding, b.report.hiddenSheets])).toEqual([
      ['評価.ods [評価]', 'ratings_wide', 'ods', ['リスト']],
      ['評価.ods [取組]', 'narratives', 'ods', []],
      ['評価.ods [拠点]', 'centers', 'ods', []],
    ]);
    const counts = (b: (typeof batches)[number]) => [b.report.rowsRead, b.report.rowsLoaded, b.report.rowsRejected, b.report.errors.map((e) => [e.line, e.column, e.value, e.code])];
    expect(batches.map(counts)).toEqual(excel.map(counts));
    expect(batches[0].ratings.toArray().map((r) => [r.ward, r.fiscalYear, r.stage, r.questionNo, r.rater, r.rating, r.line])).toEqual(
      excel[0].ratings.toArray().map((r) => [r.ward, r.fiscalYear, r.stage, r.questionNo, r.rater, r.rating, r.line]),
    );
    expect(batches[1].narratives.map((n) => n.text)).toEqual(excel[1].narratives.map((n) => n.text));
  });

  it('expand repeated rows and cells that hold a value, never the empty ones running to the sheet’s end; skip covered cells and comments', async () => {
    const sheets = await readSpreadsheet(
      spreadsheet(
        `<table:table table:name="表" table:style-name="ta1">
          <table:table-column table:number-columns-repeated="16384"/>
          <table:table-row>${text('a')}${text('x', ' table:number-columns-repeated="2"')}<table:table-cell table:number-columns-repeated="16381"/></table:table-row>
          <table:table-row table:number-rows-repeated="2">${text('同じ')}<table:table-cell/>${text('行')}</table:table-row>
          <table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
          <table:table-row>${text('下', ' table:number-rows-spanned="2" table:number-columns-spanned="2"')}<table:covered-table-cell><text:p>隠れた値</text:p></table:covered-table-cell>${text('<office:annotation><text:p>メモ</text:p></office:annotation>本文')}</table:table-row>
          <table:table-row><table:covered-table-cell table:number-columns-repeated="2"/>${text('&amp;<text:s text:c="3"/>&lt;<text:tab/>&gt;<text:line-break/>末')}</table:table-row>
          <table:table-row table:number-rows-repeated="1048567"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
        </table:table>
        <table:table table:name="隠し" table:style-name="ta2"><table:table-row>${text('リスト')}</table:table-row></table:table>
        <table:table table:name="空"><table:table-row table:number-rows-repeated="1048576"><table:table-cell/></table:table-row></table:table>`,
        '<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style><style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>',
      ),
    );
    expect(sheets?.map((s) => [s.name, s.hidden, s.csv])).toEqual([
      ['表', false, 'a,x,x\n同じ,,行\n同じ,,行\n\n\n\n下,,本文\n下,,"&   <\t>\r末"\n'],
      ['隠し', true, 'リスト\n'],
      ['空', false, ''],
    ]);
  });

  it('a date whose style shows no day (year and month) as Calc shows it; a full date as its date', async () => {
    const dateCell = (style: string) => `<table:table-cell table:style-name="${style}" office:value-type="date" office:date-value="2025-04-01"><text:p>${style === 'ce1' ? '2025年4月' : '2025/04/01'}</text:p></table:table-cell>`;
    const styles =
      '<number:date-style style:name="N1"><number:year number:style="long"/><number:text>年</number:text><number:month/><number:text>月</number:text></number:date-style>' +
      '<number:date-style style:name="N2"><number:year number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:day number:style="long"/></number:date-style>' +
      '<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/><style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>';
    const sheets = await readSpreadsheet(spreadsheet(`<table:table table:name="d"><table:table-row>${dateCell('ce1')}${dateCell('ce2')}</table:table-row></table:table>`, styles));
    expect(sheets?.[0].csv).toBe('2025年4月,2025-04-01\n');
  });

  it('a row written once and repeated past what a sheet can be as text is refused as too large, not expanded until memory runs out', async () => {
    // A value in every cell of Calc's 1,048,576 × 16,384 cells, in a few hundred bytes.
    const bomb = spreadsheet(`<table:table table:name="爆弾"><table:table-row table:number-rows-repeated="1048576">${text('x', ' table:number-columns-repeated="16384"')}</table:table-row></table:table>`);
    const [batch] = await new IngestSession().ingestSource('bomb.ods', bomb);
    expect(batch.report.fileError).toEqual({ code: 'office_file_too_large', params: { limitMB: 128 } });
  });

  it('are told from other zips by their mimetype; a spreadsheet without its content is damaged', async () => {
    expect(await readSpreadsheet(zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' }))).toBeNull();
    expect(await readSpreadsheet(new TextEncoder().encode('a,b\n1,2\n'))).toBeNull();
    const session = new IngestSession();
    // A presentation is a zip the app does not read: refused as such, not as an old Excel file.
    expect((await session.ingestSource('slides.odp', zip({ mimetype: 'application/vnd.oasis.opendocument.presentation', 'content.xml': '<x/>' })))[0].report.fileError?.code).toBe('zip_file');
    expect((await session.ingestSource('cut.ods', zip({ mimetype: MIMETYPE })))[0].report.fileError?.code).toBe('damaged_office_file');
    const good = fixture('ods/workbook.ods');
    expect((await session.ingestSource('cut.ods', good.subarray(0, good.length - 100)))[0].report.fileError?.code).toBe('damaged_office_file');
  });

  it('a spreadsheet damaged anywhere is refused or read, never throws, and every row it read is accounted for', () =>
    expectDamageAccountedFor(fixture('ods/workbook.ods'), 'x.ods', 100));
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IngestCancelled, IngestSession } from '../../../src/lib/ingest/session.ts';
import type { FileBatch } from '../../../src/lib/ingest/types.ts';
import { fileErrorText } from '../../../src/lib/i18n/messages.ts';
import { zip } from '../../fixtures/workbook/build.ts';
import { tableToCsv } from '../../../src/lib/export/table.ts';
import { compoundFile } from '../../fixtures/workbook/xls/build.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));
const LONG = 'ward,fiscal_year,stage,question_no,rater,rating\n';

async function ingest(text: string, session = new IngestSession(), name = 'test.csv'): Promise<FileBatch> {
  return session.ingestFile(name, utf8(text));
}

function accounted(batch: FileBatch) {
  const r = batch.report;
  return r.rowsLoaded + r.rowsDuplicate + r.rowsRejected === r.rowsRead;
}

describe('IngestSession.ingestFile: accepted forms', () => {
  it('reads a rater cell that copies a wide form’s column name (区の評価, 拠点評価, 相互の評価)', async () => {
    const batch = await ingest(`${LONG}鶴見区,2025,1,1,区の評価,A\n鶴見区,2025,1,1,拠点評価,B\n鶴見区,2025,1,1,相互の評価,B\n鶴見区,2025,1,2,区長,B\n`);
    expect(batch.ratings.toArray().map((r) => r.rater)).toEqual(['ward', 'center', 'joint']);
    expect(batch.report.errors.map((e) => [e.line, e.column, e.value, e.code])).toEqual([[5, 'rater', '区長', 'invalid_rater']]);
  });

  it('reads a year written twice (年度（西暦）, 年度（和暦）) when the two agree, in every kind; a row where they do not is rejected, naming the second', async () => {
    const ratings = await ingest('区名,年度（西暦）,年度（和暦）,段階,番号,区,拠点,相互評価\n鶴見区,2025,令和7年度,計画,1,A,B,A\n鶴見区,2025,令和6年度,計画,2,A,B,A\n鶴見区,2025,,計画,3,C,B,A\n鶴見区,2025,れいわ,計画,4,A,B,A\n');
    expect(ratings.report).toMatchObject({ kind: 'ratings_wide', rowsRead: 4, rowsLoaded: 2, rowsRejected: 2, ignoredColumns: [] });
    expect(ratings.ratings.toArray().filter((r) => r.rater === 'ward').map((r) => [r.fiscalYear, r.questionNo, r.rating])).toEqual([[2025, 1, 'A'], [2025, 3, 'C']]);
    expect(ratings.report.errors.map((e) => [e.line, e.column, e.value, e.code, e.params])).toEqual([
      [3, '年度（和暦）', '令和6年度', 'fiscal_years_disagree', { year: 2025 }],
      [5, '年度（和暦）', 'れいわ', 'invalid_fiscal_year', {}],
    ]);
    const narratives = await ingest('区,年度（和暦）,年度（西暦）,区分,内容\n鶴見区,R7,2025,重点目標,孤立を防ぐ\n鶴見区,R7,2024,重点目標,父親支援\n');
    expect(narratives.report).toMatchObject({ kind: 'narratives', rowsLoaded: 1, rowsRejected: 1 });
    expect(narratives.report.errors.map((e) => [e.line, e.column, e.code])).toEqual([[3, '年度（西暦）', 'fiscal_years_disagree']]);
    const centers = await ingest('区,年度（西暦）,年度（和暦）,運営法人\n鶴見区,2025,令和7年度,法人A\n');
    expect(centers.report).toMatchObject({ kind: 'centers', rowsLoaded: 1, rowsRejected: 0 });
  });

  it('reads a header wrapped inside its cell (区の⏎評価), in a CSV as in a workbook; an English one keeps the break as a space', async () => {
    const batch = await ingest('区名,年度,段階,番号,"区の\n評価","拠点の\r\n評価","相互\n　評価"\n鶴見区,2025,計画,1,A,B,C\n');
    expect(batch.report).toMatchObject({ kind: 'ratings_wide', rowsLoaded: 1 });
    expect(batch.ratings.toArray().map((r) => [r.rater, r.rating])).toEqual([['ward', 'A'], ['center', 'B'], ['joint', 'C']]);
    const english = await ingest('ward,"fiscal\nyear",stage,"question\nno",rater,rating\n鶴見区,2025,1,1,ward,A\n');
    expect(english.report).toMatchObject({ kind: 'ratings_long', rowsLoaded: 1 });
  });

  it('reads a CSV written as a Markdown table (a note app, a chat answer), every line keeping its number', async () => {
    const ratings = await ingest(
      ['', '| 区 | 年度 | 段階 | 設問番号 | 評価者 | 評価 |', '| --- | --- | --- | ---: | --- | :-: |', '| 鶴見区 | 令和7年度 | 計画 | 1 | 区 | A |', '| 鶴見区 | 令和7年度 | 計画 | 2 | 拠点 | E |'].join('\n'),
      new IngestSession(),
      'table.md',
    );
    expect(ratings.report).toMatchObject({ kind: 'ratings_long', delimiter: '|', rowsRead: 2, rowsLoaded: 1, rowsRejected: 1 });
    expect(ratings.ratings.toArray().map((r) => [r.ward, r.fiscalYear, r.stage, r.questionNo, r.rater, r.rating, r.line])).toEqual([['鶴見区', 2025, 'planning', 1, 'ward', 'A', 4]]);
    expect(ratings.report.errors.map((e) => [e.line, e.column, e.value, e.code])).toEqual([[5, '評価', 'E', 'invalid_rating']]);
    // A quote is text in a Markdown cell; `\|` is a pipe in it.
    const narratives = await ingest('| ward | fiscal_year | section | text |\n|---|---|---|---|\n| 西区 | 2024 | 取組の課題 | "パパの日" の参加が少ない \\| 周知が課題 |\n');
    expect(narratives.report).toMatchObject({ kind: 'narratives', delimiter: '|', rowsLoaded: 1, rowsRejected: 0 });
    expect(narratives.narratives.map((n) => n.text)).toEqual(['"パパの日" の参加が少ない | 周知が課題']);
  });

  it('reads the long form, every alias of stage, rater and year', async () => {
    const batch = await ingest(
      LONG +
        ['鶴見区,2025,計画,1,区,A', 'Tsurumi,令和7年度,①事業計画段階,2,拠点,b', '14101,R7,implementation,7,相互評価,Ｃ',
         '141011,ＦＹ２０２５,③,3,joint,-'].join('\n'),
    );
    expect(batch.report).toMatchObject({ kind: 'ratings_long', encoding: 'utf-8', rowsRead: 4, rowsLoaded: 4, rowsRejected: 0, notRated: 1 });
    expect(batch.ratings.toArray().map((r) => [r.ward, r.fiscalYear, r.stage, r.questionNo, r.rater, r.rating])).toEqual([
      ['鶴見区', 2025, 'planning', 1, 'ward', 'A'],
      ['鶴見区', 2025, 'planning', 2, 'center', 'B'],
      ['鶴見区', 2025, 'implementation', 7, 'joint', 'C'],
      ['鶴見区', 2025, 'review', 3, 'joint', null],
    ]);
  });

  it('melts the wide form into three ratings per row, keeping the question text as written', async () => {
    const batch = await ingest('区名,年度,段階,番号,設問,区,拠点,相互評価\n鶴見区,令和7年度,事業計画段階,5,役割分担を①決めた,B,A,B\n');
    expect(batch.report).toMatchObject({ kind: 'ratings_wide', rowsRead: 1, rowsLoaded: 1, records: { ratings: 3 } });
    expect(batch.ratings.toArray().map((r) => [r.rater, r.rating, r.question])).toEqual([
      ['ward', 'B', '役割分担を①決めた'],
      ['center', 'A', '役割分担を①決めた'],
      ['joint', 'B', '役割分担を①決めた'],
    ]);
  });

  it('decodes CP932 with CRLF, 保土ヶ谷 spelling, full-width values and not-rated marks', async () => {
    const batch = await new IngestSession().ingestFile('sjis.csv', fixture('ratings_wide_cp932.csv'));
    expect(batch.report).toMatchObject({ encoding: 'shift_jis', kind: 'ratings_wide', rowsRead: 2, rowsLoaded: 2, notRated: 2 });
    expect(batch.ratings.toArray().map((r) => [r.ward, r.fiscalYear, r.stage, r.questionNo, r.rater, r.rating])).toEqual([
      ['保土ケ谷区', 2024, 'planning', 1, 'ward', 'A'],
      ['保土ケ谷区', 2024, 'planning', 1, 'center', 'B'],
      ['保土ケ谷区', 2024, 'planning', 1, 'joint', 'B'],
      ['保土ケ谷区', 2024, 'implementation', 2, 'ward', 'C'],
      ['保土ケ谷区', 2024, 'implementation', 2, 'center', null],
      ['保土ケ谷区', 2024, 'implementation', 2, 'joint', null],
    ]);
    expect(batch.ratings.at(0)?.question).toBe('目的や理念を話し合えたか');
  });

  it('reads UTF-8 with a BOM and reports it', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`${LONG}鶴見区,2025,1,1,区,A\n`)]);
    const batch = await new IngestSession().ingestFile('bom.csv', bytes);
    expect(batch.report).toMatchObject({ encoding: 'utf-8-bom', kind: 'ratings_long', rowsLoaded: 1 });
  });

  it('skips blank lines but keeps line numbers, also across quoted newlines', async () => {
    const batch = await ingest(`${LONG}\n鶴見区,2025,1,1,区,A\n\n"鶴見\n町",2025,1,2,区,A\n鶴見区,2025,1,3,区,Z\n`);
    expect(batch.report.rowsRead).toBe(3);
    expect(batch.report.errors.map((e) => [e.line, e.column])).toEqual([
      [5, 'ward'],
      [7, 'rating'],
    ]);
  });

  it('accepts trailing empty columns and ignores unknown columns', async () => {
    const batch = await ingest('ward,year,stage,no,rater,rating,memo,,\n鶴見区,2025,1,1,区,A,メモ,,\n');
    expect(batch.report).toMatchObject({ rowsLoaded: 1, ignoredColumns: ['memo'] });
  });

  it('reads narratives; item numbers follow file order when absent; text is kept as written', async () => {
    const batch = await ingest('区,年度,区分,内容\n鶴見区,令和7年度,取組の課題,父親支援の充実 ①\n鶴見区,令和7年度,取組の課題, ピアサポート\n鶴見区,令和7年度,令和8年度重点目標,孤立防止\n');
    expect(batch.report).toMatchObject({ kind: 'narratives', rowsLoaded: 3, records: { narratives: 3 } });
    expect(batch.narratives.map((n) => [n.section, n.itemNo, n.text])).toEqual([
      ['challenge', 1, '父親支援の充実 ①'],
      ['challenge', 2, 'ピアサポート'],
      ['next_goal', 1, '孤立防止'],
    ]);
  });

  it('reads a cell holding a section’s whole list as its items when no item_no numbers the rows; a wrapped sentence stays one', async () => {
    const rows = [
      '鶴見区,2025,取組内容,"・A を行った。\n・B を行った。\n・C を行った。"',
      '鶴見区,2025,取組内容,D を行った。',
      '鶴見区,2025,重点目標,"1. 目標一\n2. 目標二"',
      '鶴見区,2025,取組の効果,"年 2 回の講座を開き、\n参加者が増えた。"',
      '鶴見区,2025,取組の課題,・ひとつだけ',
      '鶴見区,2025,次年度重点目標,①目標三②目標四',
      '鶴見区,2025,次年度取組内容,"◆E を行う。\n◆F を行う。"',
    ];
    const batch = await ingest(`区,年度,区分,内容\n${rows.join('\n')}\n`);
    expect(batch.report).toMatchObject({ rowsRead: 7, rowsLoaded: 7, rowsRejected: 0, records: { narratives: 12 } });
    expect(batch.narratives.map((n) => [n.section, n.itemNo, n.text, n.line])).toEqual([
      ['action', 1, 'A を行った。', 2], ['action', 2, 'B を行った。', 2], ['action', 3, 'C を行った。', 2], ['action', 4, 'D を行った。', 5],
      ['goal', 1, '目標一', 6], ['goal', 2, '目標二', 6],
      ['effect', 1, '年 2 回の講座を開き、\n参加者が増えた。', 8],
      ['challenge', 1, '・ひとつだけ', 10],
      ['next_goal', 1, '目標三', 11], ['next_goal', 2, '目標四', 11],
      ['next_action', 1, 'E を行う。', 12], ['next_action', 2, 'F を行う。', 12],
    ]);
    // With item_no the row is one item, as numbered.
    const numbered = await ingest('区,年度,区分,番号,内容\n鶴見区,2025,取組内容,3,"・A\n・B"\n');
    expect(numbered.narratives.map((n) => [n.itemNo, n.text])).toEqual([[3, '・A\n・B']]);
  });

  it('reads centers rows with 3年度目 / 5か年度, Japanese dates and the purpose (事業目的)', async () => {
    const batch = await ingest('区,年度,拠点名,事業の実施者,年度目,か年度,period_start,period_end,事業目的\n鶴見区,R7,どろっぷ,社会福祉法人青い鳥,3年度目,5か年度,令和7年4月1日,令和8年3月31日,地域で子育てを支える\n');
    expect(batch.centers).toEqual([
      {
        ward: '鶴見区', fiscalYear: 2025, centerName: 'どろっぷ', operator: '社会福祉法人青い鳥', contractYear: 3, contractLength: 5,
        periodStart: '2025-04-01', periodEnd: '2026-03-31', purpose: '地域で子育てを支える', provenance: 'real', line: 2,
      },
    ]);
  });

  it.each([
    ['3年目', '5年', 3, 5], ['3', '5か年', 3, 5], ['3年度目/5か年度', '', 3, 5], ['4/5', '', 4, 5], ['２年度目／５か年度', '5', 2, 5],
    ['3年目', '5年間', 3, 5], ['3年度目（5か年度中）', '', 3, 5], ['3年度目(5年間)', '5か年', 3, 5], ['1', '5ヶ年度', 1, 5],
  ])('reads a contract written %s and %j as year %i of %i', async (year, length, contractYear, contractLength) => {
    const batch = await ingest(`区,年度,年度目,か年度\n鶴見区,2025,${year},${length}\n`);
    expect(batch.report.errors).toEqual([]);
    expect(batch.centers[0]).toMatchObject({ contractYear, contractLength });
  });

  it('reads 事業実施期間 in one cell as the report writes it: both dates, and its contract note where the columns are blank', async () => {
    const rows = [
      '鶴見区,2025,令和7年4月1日～令和8年3月31日（3年度目／5か年度）,,',
      '西区,2025,2025-04-01 ～ 2026-03-31,,',
      '中区,2025,R7.4.1-R8.3.31,3,5',
      '南区,2025,2025/4/1-2026/3/31（3年度目/5か年度）,4,',
      '港南区,2025,令和7年度,,',
      '旭区,2025,R7.4.1～,,',
    ];
    const batch = await ingest(`区,年度,事業実施期間,年度目,か年度\n${rows.join('\n')}\n`);
    expect(batch.report.kind).toBe('centers');
    expect(batch.centers.map((c) => [c.ward, c.periodStart, c.periodEnd, c.contractYear, c.contractLength])).toEqual([
      ['鶴見区', '2025-04-01', '2026-03-31', 3, 5],
      ['西区', '2025-04-01', '2026-03-31', null, null],
      ['中区', '2025-04-01', '2026-03-31', 3, 5],
    ]);
    expect(batch.report.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [5, '事業実施期間', 'period_disagrees'],
      [6, '事業実施期間', 'invalid_period'],
      [7, '事業実施期間', 'invalid_period'],
    ]);
  });

  it('a wards registry replaces the default one for the files after it', async () => {
    const session = new IngestSession();
    const wards = await ingest('code,name,name_en,city\n131016,千代田区,Chiyoda,東京都\n13102,中央区,Chuo,東京都\n', session);
    expect(wards.report).toMatchObject({ kind: 'wards', rowsLoaded: 2, records: { wards: 2 } });
    expect(wards.wards?.map((w) => w.code)).toEqual(['13101', '13102']);
    const ratings = await ingest(`${LONG}Chiyoda,2025,1,1,区,A\n鶴見区,2025,1,1,区,A\n`, session);
    expect(ratings.ratings.toArray().map((r) => r.ward)).toEqual(['千代田区']);
    expect(ratings.report.errors[0]).toMatchObject({ line: 3, column: 'ward', code: 'unknown_ward' });
  });
});

describe('IngestSession.ingestFile: files other tools write', () => {
  it('reads back the app’s own download: text that starts like a formula loses the apostrophe the export put before it', async () => {
    const rows = [
      { ward: '鶴見区', fiscal_year: 2025, section: 'action', item_no: 1, text: '-講座の開催（父親向け）' },
      { ward: '鶴見区', fiscal_year: 2025, section: 'action', item_no: 2, text: '=地域との連携' },
      { ward: '鶴見区', fiscal_year: 2025, section: 'action', item_no: 3, text: "'引用符で始まる文" },
    ];
    const columns = ['ward', 'fiscal_year', 'section', 'item_no', 'text'].map((name) => ({ name, label: name, kind: name === 'text' || name === 'ward' || name === 'section' ? ('string' as const) : ('int32' as const) }));
    const csv = tableToCsv({ columns, rows });
    expect(csv).toContain(",'-講座の開催");
    const batch = await ingest(csv);
    expect(batch.report.errors).toEqual([]);
    expect(batch.narratives.map((n) => n.text)).toEqual(rows.map((r) => r.text));
    const centers = await ingest(`区,年度,拠点名,運営法人,事業目的\n鶴見区,2025,'+ひろば,'@法人,'-目的\n`);
    expect(centers.centers[0]).toMatchObject({ centerName: '+ひろば', operator: '@法人', purpose: '-目的' });
  });

  it('reads whole numbers pandas wrote as floats (an integer column holding a blank) as those numbers', async () => {
    const batch = await ingest(`${LONG}14101.0,2025.0,1.0,1.0,区,A\n鶴見区,2025,2,7.0,拠点,\n`);
    expect(batch.report).toMatchObject({ rowsLoaded: 2, rowsRejected: 0 });
    expect(batch.ratings.toArray().map((r) => [r.ward, r.fiscalYear, r.stage, r.questionNo, r.rater, r.rating])).toEqual([
      ['鶴見区', 2025, 'planning', 1, 'ward', 'A'],
      ['鶴見区', 2025, 'implementation', 7, 'center', null],
    ]);
  });

  it('still rejects a number that is not whole', async () => {
    const batch = await ingest(`${LONG}鶴見区,2025.5,1,1.5,区,A\n`);
    expect(batch.report.errors.map((e) => [e.column, e.code])).toEqual([['fiscal_year', 'invalid_fiscal_year'], ['question_no', 'invalid_question_no']]);
  });
});

describe('IngestSession.ingestFile: rejections name line, column, value and reason', () => {
  it.each([
    ['鶴身区,2025,1,1,区,A', 'ward', '鶴身区', 'unknown_ward', { suggestion: '鶴見区' }],
    ['141012,2025,1,1,区,A', 'ward', '141012', 'ward_code_check_digit', { suggestion: '141011' }],
    [',2025,1,1,区,A', 'ward', '', 'missing_value', {}],
    ['鶴見区,令和X年度,1,1,区,A', 'fiscal_year', '令和X年度', 'invalid_fiscal_year', {}],
    ['鶴見区,平成32年度,1,1,区,A', 'fiscal_year', '平成32年度', 'fiscal_year_out_of_range', {}],
    ['鶴見区,2025,4,1,区,A', 'stage', '4', 'invalid_stage', {}],
    ['鶴見区,2025,1,一,区,A', 'question_no', '一', 'invalid_question_no', {}],
    ['鶴見区,2025,review,4,区,A', 'question_no', '4', 'question_no_out_of_range', { stage: 'review', max: 3 }],
    ['鶴見区,2025,review,実施1,区,A', 'question_no', '実施1', 'question_stage_mismatch', { stage: 'review', named: 'implementation' }],
    ['鶴見区,2025,review,問4,区,A', 'question_no', '問4', 'question_no_out_of_range', { stage: 'review', max: 3 }],
    ['鶴見区,2025,1,1,市,A', 'rater', '市', 'invalid_rater', {}],
    ['鶴見区,2025,1,1,区,E', 'rating', 'E', 'invalid_rating', {}],
    ['鶴見区,2025,1,1,区,4', 'rating', '4', 'numeric_rating', {}],
    ['鶴見区,2025,1,1,区,４', 'rating', '４', 'numeric_rating', {}],
    ['鶴見区,2025,1,1,区,5', 'rating', '5', 'invalid_rating', {}],
  ])('%s → %s', async (row, column, value, code, params) => {
    const batch = await ingest(`${LONG}${row}\n`, new IngestSession(), 'bad.csv');
    expect(batch.report).toMatchObject({ rowsRead: 1, rowsRejected: 1, rowsLoaded: 0 });
    expect(batch.report.errors).toEqual([{ line: 2, column, value, code, params }]);
    expect(batch.ratings.length).toBe(0);
  });

  it('names a header row repeated inside the file (files joined end to end) for what it is, in either language', async () => {
    const joined = [
      'ward,fiscal_year,stage,question_no,rater,rating', '鶴見区,2025,計画,1,区,A',
      'ward,fiscal_year,stage,question_no,rater,rating', '西区,2025,計画,1,区,B',
      '区,年度,段階,設問番号,評価者,評価', '中区,2025,計画,1,区,C',
    ].join('\n');
    const batch = await ingest(`${joined}\n`);
    expect(batch.report).toMatchObject({ rowsRead: 5, rowsLoaded: 3, rowsRejected: 2, ignoredColumns: [], ignoredColumnsTotal: 0 });
    expect(batch.report.errors.map((e) => [e.line, e.code, e.value])).toEqual([
      [3, 'header_row', 'ward,fiscal_year,stage,question_no,rater,rating'],
      [5, 'header_row', '区,年度,段階,設問番号,評価者,評価'],
    ]);
  });

  it('reads the rows after a header row placing the columns otherwise by that header (files joined end to end)', async () => {
    const joined = ['区名,年度,段階,番号,区,拠点,相互評価', '鶴見区,2025,計画,1,A,B,C', '区名,年度,段階,番号,拠点,区,相互評価,備考', '西区,2025,計画,1,A,B,C,メモ', '中区,2025,計画,1,A,B'].join('\n');
    const batch = await ingest(`${joined}\n`);
    expect(batch.report).toMatchObject({ fileError: null, rowsRead: 4, rowsLoaded: 2, rowsRejected: 2 });
    expect(batch.report.errors.map((e) => [e.line, e.code])).toEqual([[3, 'header_row'], [5, 'too_few_fields']]);
    // The later header's unknown column is named as the first header's would be.
    expect([batch.report.ignoredColumns, batch.report.ignoredColumnsTotal]).toEqual([['備考'], 1]);
    expect(batch.ratings.toArray().map((r) => [r.ward, r.rater, r.rating, r.line])).toEqual([
      ['鶴見区', 'ward', 'A', 2], ['鶴見区', 'center', 'B', 2], ['鶴見区', 'joint', 'C', 2],
      ['西区', 'ward', 'B', 4], ['西区', 'center', 'A', 4], ['西区', 'joint', 'C', 4],
    ]);
  });

  it('names the unknown columns of every header row in the file once each, whether or not it places the columns otherwise', async () => {
    const joined = ['区名,年度,段階,番号,区,拠点,相互評価,メモ', '鶴見区,2025,計画,1,A,B,C,x', '区名,年度,段階,番号,区,拠点,相互評価,メモ,担当', '西区,2025,計画,1,A,B,C,y,z'].join('\n');
    const batch = await ingest(`${joined}\n`);
    expect(batch.report).toMatchObject({ rowsRead: 3, rowsLoaded: 2, rowsRejected: 1, ignoredColumns: ['メモ', '担当'], ignoredColumnsTotal: 2 });
  });

  it('refuses a file in which a header row names another kind of file: its rows cannot be read as this one’s', async () => {
    const joined = ['区名,年度,段階,番号,区,拠点,相互評価', '鶴見区,2025,計画,1,A,B,C', '区名,年度,項目,番号,内容', '西区,2025,取組内容,1,講座を開いた'].join('\n');
    const batch = await ingest(`${joined}\n`);
    expect(batch.report.fileError).toEqual({ code: 'header_changed', params: { line: 3 } });
    expect(batch.report).toMatchObject({ rowsRead: 3, rowsLoaded: 0, rowsRejected: 3 });
    expect(batch.ratings.length).toBe(0);
    const { code, params } = batch.report.fileError!;
    expect(fileErrorText('ja', code, params)).toContain('3 行目に、別の種類のファイルの見出しがあります');
  });

  it('names a totals row and a note row for what they are, in place of their empty or unknown cells', async () => {
    const sheet = [
      'ward,fiscal_year,stage,question_no,ward_rating,center_rating,joint_rating',
      '鶴見区,2025,1,1,A,B,A',
      '合計,,,,1,1,1',
      '※ 未評価は空欄,,,,,,',
      '（注）評価は年度末',
      '鶴身区,2025,1,2,A,A,A',
      ',2025,1,3,A,A,A',
    ].join('\r\n');
    const batch = await ingest(`${sheet}\r\n`);
    expect(batch.report).toMatchObject({ rowsRead: 6, rowsLoaded: 1, rowsRejected: 5 });
    expect(batch.report.errors.map((e) => [e.line, e.column, e.value, e.code, e.params])).toEqual([
      [3, 'ward', '合計', 'totals_row', {}],
      [4, 'ward', '※ 未評価は空欄', 'note_row', {}],
      [5, 'ward', '（注）評価は年度末', 'note_row', {}],
      [6, 'ward', '鶴身区', 'unknown_ward', { suggestion: '鶴見区' }],
      [7, 'ward', '', 'blank_as_above', {}],
    ]);
  });

  it('names a blank ward, year or stage under a filled one as a merged cell’s, not as a plain blank', async () => {
    const sheet = ['区名,年度,段階,設問番号,区,拠点,相互評価', '鶴見区,2025,計画,1,A,A,A', ',,,2,A,B,A', ',,実施,1,B,B,B', '鶴見区,2025,実施,2,A,A,', ',2025,実施,3,A,A,A'].join('\n');
    const batch = await ingest(`${sheet}\n`);
    expect(batch.report).toMatchObject({ rowsLoaded: 2, rowsRejected: 3 });
    expect(batch.report.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, '区名', 'blank_as_above'], [3, '年度', 'blank_as_above'], [3, '段階', 'blank_as_above'],
      [4, '区名', 'missing_value'], [4, '年度', 'missing_value'],
      [6, '区名', 'blank_as_above'],
    ]);
  });

  it('keeps the finding that matters on a totals row whose quote or encoding is broken', async () => {
    const batch = await ingest(`${LONG}合計,2025,1,1,区,"A\n`);
    expect(batch.report.errors.map((e) => e.code)).toEqual(['unterminated_quote']);
  });

  it('reports every bad cell of a row but counts the row once', async () => {
    const batch = await ingest(`${LONG}鶴身区,20X5,1,1,区,E\n`);
    expect(batch.report.rowsRejected).toBe(1);
    expect(batch.report.errors.map((e) => e.code)).toEqual(['unknown_ward', 'invalid_fiscal_year', 'invalid_rating']);
  });

  it('rejects rows with values beyond the header and unterminated quotes', async () => {
    const batch = await ingest(`${LONG}鶴見区,2025,1,1,区,A,extra\n鶴見区,2025,1,2,区,"A\n`);
    expect(batch.report.errors.map((e) => [e.line, e.code, e.column])).toEqual([
      [2, 'too_many_fields', null],
      [3, 'unterminated_quote', 'rating'],
    ]);
  });

  it.each([
    ['区,年度,区分,内容\n鶴見区,2025,感想,よかった\n', 'invalid_section', '区分'],
    ['区,年度,区分,番号,内容\n鶴見区,2025,goal,0,目標\n', 'invalid_item_no', '番号'],
    ['区,年度,区分,内容\n鶴見区,2025,goal,\n', 'missing_value', '内容'],
    ['区,年度,年度目,か年度\n鶴見区,2025,6年度目,5か年度\n', 'contract_year_exceeds_length', '年度目'],
    ['区,年度,年度目\n鶴見区,2025,三年目\n', 'invalid_contract_year', '年度目'],
    ['区,年度,年度目,か年度\n鶴見区,2025,3年度目/5か年度,4\n', 'contract_length_disagrees', 'か年度'],
    ['区,年度,年度目\n鶴見区,2025,6/5\n', 'contract_year_exceeds_length', '年度目'],
    ['区,年度,か年度\n鶴見区,2025,長期\n', 'invalid_contract_length', 'か年度'],
    ['区,年度,運営法人,period_start\n鶴見区,2025,青い鳥,令和7年2月30日\n', 'invalid_date', 'period_start'],
    ['code,name\n1410,鶴見区\n', 'invalid_ward_code', 'code'],
    ['code,name,tile_x\n14101,鶴見区,x\n', 'invalid_tile', 'tile_x'],
    ['code,name\n141010,鶴見区\n', 'ward_code_check_digit', 'code'],
  ])('other kinds: %j → %s', async (text, code, column) => {
    const batch = await ingest(text);
    expect(batch.report.errors).toHaveLength(1);
    expect(batch.report.errors[0]).toMatchObject({ code, column });
    expect(accounted(batch)).toBe(true);
  });

  it.each([
    ['名前,点数\n太郎,1\n', 'unrecognised_header', 1],
    ['ward,stage,question_no,rater,rating\n鶴見区,1,1,区,A\n', 'missing_columns', 1],
    ['', 'empty_file', 0],
    ['\n\n', 'empty_file', 0],
    [LONG, 'no_data_rows', 0],
  ])('file errors: %j → %s', async (text, code, rowsRejected) => {
    const batch = await ingest(text);
    expect(batch.report.fileError?.code).toBe(code);
    expect(batch.report.rowsRejected).toBe(rowsRejected);
    expect(accounted(batch)).toBe(true);
  });

  it('a ward’s own sheet with its ward and year only in a title row: the title gives them to every row, and the report says so', async () => {
    const batch = await ingest('鶴見区 令和7年度 協働のプロセスの評価,,,,,\n段階,番号,設問,区の評価,拠点,相互評価\n計画,1,テキスト,A,B,A\n計画,2,テキスト,A,E,A\n');
    expect(batch.report).toMatchObject({ kind: 'ratings_wide', fileError: null, rowsRead: 2, rowsLoaded: 1, rowsRejected: 1 });
    expect(batch.report.skippedLines).toEqual([{ line: 1, text: '鶴見区 令和7年度 協働のプロセスの評価,,,,,', gives: { ward: '鶴見区', fiscalYear: 2025 } }]);
    expect(batch.ratings.toArray().map((r) => [r.ward, r.fiscalYear, r.rater, r.rating, r.line])).toEqual([['鶴見区', 2025, 'ward', 'A', 3], ['鶴見区', 2025, 'center', 'B', 3], ['鶴見区', 2025, 'joint', 'A', 3]]);
    expect(batch.report.errors.map((e) => [e.line, e.column, e.value, e.code])).toEqual([[4, '拠点', 'E', 'invalid_rating']]);
    // On two lines, in 港南区 (not the 南区 inside it), in a title typed in one cell; a date's year is not a fiscal year.
    const split = await ingest('港南区地域子育て支援拠点\n作成日 令和8年3月31日\n対象 令和7年度\n\n段階,番号,区,拠点,相互評価\n1,1,A,B,C\n');
    expect(split.report.skippedLines).toEqual([
      { line: 1, text: '港南区地域子育て支援拠点', gives: { ward: '港南区' } },
      { line: 2, text: '作成日 令和8年3月31日' },
      { line: 3, text: '対象 令和7年度', gives: { fiscalYear: 2025 } },
    ]);
    expect(split.ratings.toArray().map((r) => `${r.ward} ${r.fiscalYear}`)).toEqual(['港南区 2025', '港南区 2025', '港南区 2025']);
    // A column the header has is read from the column: only the lacking year comes from the title.
    const column = await ingest('西区 令和7年度\n区名,段階,番号,区の評価,拠点,相互評価\n中区,計画,1,A,B,A\n');
    expect(column.report.skippedLines).toEqual([{ line: 1, text: '西区 令和7年度', gives: { fiscalYear: 2025 } }]);
    expect(column.ratings.toArray()[0]).toMatchObject({ ward: '中区', fiscalYear: 2025 });
  });

  it('a ratings sheet laid out as the published table: a heading row names the stage of the rows under it, and the report lists it', async () => {
    const batch = await ingest(
      ['令和7年度 鶴見区 協働評価', '番号,設問,区,拠点,相互評価', '①事業計画段階,,,,', '1,目的,A,A,B', '2,,,,', '', '②事業実施段階,,,,', '7,第7問,C,C,C',
       '③事業の振り返り段階,,,,', '1,振り返り,A,A,A', '4,範囲外,A,A,A'].join('\n') + '\n',
    );
    expect(batch.report).toMatchObject({ kind: 'ratings_wide', fileError: null, rowsRead: 5, rowsLoaded: 4, rowsRejected: 1, notRated: 3 });
    expect(batch.report.skippedLines).toEqual([
      { line: 1, text: '令和7年度 鶴見区 協働評価', gives: { ward: '鶴見区', fiscalYear: 2025 } },
      { line: 3, text: '①事業計画段階', gives: { stage: 'planning' } },
      { line: 7, text: '②事業実施段階', gives: { stage: 'implementation' } },
      { line: 9, text: '③事業の振り返り段階', gives: { stage: 'review' } },
    ]);
    const ward = batch.ratings.toArray().filter((r) => r.rater === 'ward');
    expect(ward.map((r) => [r.ward, r.fiscalYear, r.stage, r.questionNo, r.rating, r.line])).toEqual([
      ['鶴見区', 2025, 'planning', 1, 'A', 4], ['鶴見区', 2025, 'planning', 2, null, 5], ['鶴見区', 2025, 'implementation', 7, 'C', 8], ['鶴見区', 2025, 'review', 1, 'A', 10],
    ]);
    // The stage a heading gave is the one a question number is checked against.
    expect(batch.report.errors.map((e) => [e.line, e.value, e.code, e.params])).toEqual([[11, '4', 'question_no_out_of_range', { stage: 'review', max: 3 }]]);
    expect(accounted(batch)).toBe(true);
  });

  it('stage headings over the header (repeated under each heading), in the long form, and a number alone is no heading', async () => {
    const above = await ingest('令和7年度 鶴見区\n①事業計画段階\n番号,設問,区,拠点,相互評価\n1,目的,A,A,A\n②事業実施段階\n番号,設問,区,拠点,相互評価\n1,共有,B,B,B\n');
    expect(above.report).toMatchObject({ kind: 'ratings_wide', fileError: null, rowsRead: 3, rowsLoaded: 2, rowsRejected: 1 });
    expect(above.report.skippedLines.map((l) => [l.line, l.gives])).toEqual([[1, { ward: '鶴見区', fiscalYear: 2025 }], [2, { stage: 'planning' }], [5, { stage: 'implementation' }]]);
    expect(above.ratings.toArray().filter((r) => r.rater === 'joint').map((r) => [r.stage, r.rating])).toEqual([['planning', 'A'], ['implementation', 'B']]);
    expect(above.report.errors.map((e) => [e.line, e.code])).toEqual([[6, 'header_row']]);
    const long = await ingest('区,年度,番号,評価者,評価\n事業計画段階\n鶴見区,2025,1,区,A\n振り返り\n鶴見区,2025,3,相互,C\n');
    expect(long.report).toMatchObject({ kind: 'ratings_long', rowsRead: 2, rowsLoaded: 2 });
    expect(long.ratings.toArray().map((r) => [r.stage, r.questionNo, r.rater])).toEqual([['planning', 1, 'ward'], ['review', 3, 'joint']]);
    // A header in two rows (評価 over its raters) under the title, the stages as headings under it.
    const stacked = await ingest('令和7年度 鶴見区\n番号,設問,評価,,\n,,区,拠点,相互評価\n①事業計画段階,,,,\n1,目的,A,B,C\n②事業実施段階,,,,\n2,共有,B,B,D\n');
    expect(stacked.report).toMatchObject({ kind: 'ratings_wide', fileError: null, rowsRead: 2, rowsLoaded: 2 });
    expect(stacked.ratings.toArray().map((r) => `${r.ward} ${r.fiscalYear} ${r.stage} ${r.questionNo} ${r.rater} ${r.rating} ${r.line}`)).toEqual([
      '鶴見区 2025 planning 1 ward A 5', '鶴見区 2025 planning 1 center B 5', '鶴見区 2025 planning 1 joint C 5',
      '鶴見区 2025 implementation 2 ward B 7', '鶴見区 2025 implementation 2 center B 7', '鶴見区 2025 implementation 2 joint D 7',
    ]);
    // Heading rows numbered as a document numbers its headings, or in brackets.
    const numberedHeadings = await ingest('区名,年度,番号,設問,区,拠点,相互評価\n(1)事業計画段階\n鶴見区,2025,1,目的,A,A,A\nⅡ 事業実施段階\n鶴見区,2025,2,共有,B,B,B\n【事業の振り返り段階】\n鶴見区,2025,3,確認,C,C,C\n');
    expect(numberedHeadings.report).toMatchObject({ kind: 'ratings_wide', fileError: null, rowsRead: 3, rowsLoaded: 3 });
    expect(numberedHeadings.report.skippedLines.map((l) => [l.line, l.gives])).toEqual([[2, { stage: 'planning' }], [4, { stage: 'implementation' }], [6, { stage: 'review' }]]);
    // Under a header without a stage column, a first row that is a question's number alone heads nothing: the stage is missing.
    const numbered = await ingest('区名,年度,番号,区,拠点,相互評価\n①,,,,,\n鶴見区,2025,1,A,A,A\n');
    expect(numbered.report.fileError).toMatchObject({ code: 'unrecognised_header' });
  });

  it('a ratings sheet without a stage column whose question numbers name it (P1, 計画1, as the app labels questions): each row’s gives its stage', async () => {
    const wide = await ingest('区名,年度,設問番号,区,拠点,相互評価\n鶴見区,R7,計画1,A,A,A\n鶴見区,R7,I7,B,C,B\n鶴見区,R7,2,A,B,A\n鶴見区,R7,P9,A,B,A\n鶴見区,R7,振返3,C,C,\n');
    expect(wide.report).toMatchObject({ kind: 'ratings_wide', fileError: null, rowsRead: 5, rowsLoaded: 3, rowsRejected: 2, notRated: 1 });
    expect(wide.ratings.toArray().filter((r) => r.rater === 'center').map((r) => [r.stage, r.questionNo, r.rating, r.line])).toEqual([
      ['planning', 1, 'A', 2], ['implementation', 7, 'C', 3], ['review', 3, 'C', 6],
    ]);
    // A number that names no stage is rejected for it; a stage's range is checked as a stage column's is.
    expect(wide.report.errors.map((e) => [e.line, e.column, e.value, e.code])).toEqual([
      [4, '設問番号', '2', 'question_no_without_stage'], [5, '設問番号', 'P9', 'question_no_out_of_range'],
    ]);
    expect(wide.report.skippedLines).toEqual([]);
    expect(accounted(wide)).toBe(true);
    const long = await ingest('区,年度,番号,評価者,評価\n鶴見区,2025,R2,相互,B\n鶴見区,2025,実施 問3,区,A\n');
    expect(long.ratings.toArray().map((r) => [r.stage, r.questionNo, r.rater, r.rating])).toEqual([['review', 2, 'joint', 'B'], ['implementation', 3, 'ward', 'A']]);
    // A first row that is a plain number: the file lacks its stage, and the message says where else it can come from.
    const plain = await ingest('区,年度,番号,評価者,評価\n鶴見区,2025,1,区,A\n鶴見区,2025,P2,区,A\n');
    expect(plain.report.fileError).toMatchObject({ code: 'missing_columns', params: { kind: 'ratings_long', stageless: 1 } });
    const { code, params } = plain.report.fileError!;
    expect(fileErrorText('ja', code, params)).toContain('「計画1」「P1」のような設問番号、報告書の設問文からも読めます');
    expect(fileErrorText('en', code, params)).toContain('from question numbers such as “P1”');
  });

  it('a ratings sheet without a stage column whose questions are in the report’s words: each wording gives its stage and number', async () => {
    const seedRows = new TextDecoder().decode(fixture('report_seed.txt')).split('\n').filter((l) => /^\d\t/.test(l)).map((l) => l.split('\t'));
    const real = await ingest(new TextDecoder().decode(fixture('../../data/real_tsurumi_2025_ratings.csv')));
    const key = (batch: FileBatch) => batch.ratings.toArray().map((r) => `${r.stage} ${r.questionNo} ${r.rater} ${r.rating}`).sort();
    // The published table without its stage headings: 設問 holds the wording, no number.
    const worded = await ingest(['区名,年度,設問,区,拠点,相互評価', ...seedRows.map(([, q, w, c, j]) => `鶴見区,R7,${q},${w},${c},${j}`)].join('\n'));
    expect(worded.report).toMatchObject({ kind: 'ratings_wide', fileError: null, rowsRead: 16, rowsLoaded: 16, rowsRejected: 0 });
    expect(key(worded)).toEqual(key(real));
    expect(worded.ratings.toArray()[0].question).toBe(seedRows[0][1]);
    // Numbered within each stage, or 1–16 straight through: the wording beside the number names the question.
    const perStage = await ingest(['区名,年度,設問番号,設問,区,拠点,相互評価', ...seedRows.map(([n, q, w, c, j]) => `鶴見区,2025,${n},${q},${w},${c},${j}`)].join('\n'));
    expect(key(perStage)).toEqual(key(real));
    const through = await ingest(['区,年度,番号,設問,評価者,評価', ...seedRows.map(([, q, , , j], i) => `鶴見区,2025,${i + 1},${q},相互評価,${j}`)].join('\n'));
    expect(through.report).toMatchObject({ kind: 'ratings_long', fileError: null, rowsRead: 16, rowsLoaded: 16 });
    expect(key(through)).toEqual(key(real).filter((k) => k.includes(' joint ')));
    // A number that is neither the question’s within its stage nor its place in 16, a wording of no
    // question, and a plain number without a wording are each rejected for it.
    const bad = await ingest([
      '区名,年度,番号,設問,区,拠点,相互評価',
      `鶴見区,2025,1,${seedRows[0][1]},A,A,A`,
      `鶴見区,2025,5,${seedRows[6][1]},A,A,A`,
      '鶴見区,2025,2,利用者アンケートを実施しましたか,A,A,A',
      `鶴見区,2025,計画3,${seedRows[2][1]},B,B,B`,
      `鶴見区,2025,,${seedRows[7][1]},B,B,B`,
    ].join('\n'));
    expect(bad.report).toMatchObject({ kind: 'ratings_wide', rowsRead: 5, rowsLoaded: 2, rowsRejected: 3 });
    expect(bad.report.errors.map((e) => [e.line, e.column, e.value, e.code, e.params])).toEqual([
      [3, '番号', '5', 'question_wording_mismatch', { stage: 'implementation', questionNo: 1, position: 7 }],
      [4, '番号', '2', 'question_no_without_stage', {}],
      [6, '番号', '', 'missing_value', {}],
    ]);
    expect(accounted(bad)).toBe(true);
    const unknown = await ingest(['区名,年度,設問,区,拠点,相互評価', `鶴見区,2025,${seedRows[0][1]},A,A,A`, '鶴見区,2025,利用者アンケートを実施しましたか,A,A,A'].join('\n'));
    expect(unknown.report.errors.map((e) => [e.line, e.column, e.code])).toEqual([[3, '設問', 'unknown_question_wording']]);
    // A stage column and the wording where the number goes: the two must agree.
    const staged = await ingest(['区名,年度,段階,設問,区,拠点,相互評価', `鶴見区,2025,実施,${seedRows[6][1]},A,B,C`, `鶴見区,2025,計画,${seedRows[7][1]},A,B,C`].join('\n'));
    expect(staged.ratings.toArray().map((r) => [r.stage, r.questionNo, r.rater, r.rating])).toEqual([['implementation', 1, 'ward', 'A'], ['implementation', 1, 'center', 'B'], ['implementation', 1, 'joint', 'C']]);
    expect(staged.report.errors.map((e) => [e.line, e.code])).toEqual([[3, 'question_stage_mismatch']]);
    // A first row that is a short label names no stage: the file lacks its stage column, as before.
    const label = await ingest('区名,年度,設問,区,拠点,相互評価\n鶴見区,2025,目的の共有,A,A,A\n');
    expect(label.report.fileError).toMatchObject({ code: 'unrecognised_header' });
  });

  it('a ratings sheet whose only question column is headed 設問 (or 質問, question) reads it as the question’s number; with a number column, 設問 is the text', async () => {
    const wide = await ingest('区名\t年度\t段階\t設問\t区\t拠点\t相互評価\n港南区\tR7\t計画\t1\tA\tB\tA\n港南区\tR7\t実施\t問7\tC\tC\tD\n港南区\tR7\t実施\t目的を話し合えたか\tA\tA\tA\n');
    expect(wide.report).toMatchObject({ kind: 'ratings_wide', fileError: null, rowsRead: 3, rowsLoaded: 2, rowsRejected: 1, ignoredColumns: [] });
    expect(wide.ratings.toArray().filter((r) => r.rater === 'joint').map((r) => [r.stage, r.questionNo, r.question, r.rating])).toEqual([['planning', 1, null, 'A'], ['implementation', 7, null, 'D']]);
    // A question's text where its number should be is rejected, naming the column as the sheet heads it.
    expect(wide.report.errors.map((e) => [e.line, e.column, e.value, e.code])).toEqual([[4, '設問', '目的を話し合えたか', 'invalid_question_no']]);
    const long = await ingest('ward,fiscal_year,stage,question,rater,rating\n鶴見区,2025,review,3,joint,B\n');
    expect(long.ratings.toArray().map((r) => [r.stage, r.questionNo, r.rater, r.rating])).toEqual([['review', 3, 'joint', 'B']]);
    // Without a stage column, too, its number may name the stage (the app's labels).
    const staged = await ingest('区名,年度,質問,区,拠点,相互評価\n港南区,2025,P2,A,A,B\n');
    expect(staged.ratings.toArray().map((r) => [r.stage, r.questionNo, r.rating])).toEqual([['planning', 2, 'A'], ['planning', 2, 'A'], ['planning', 2, 'B']]);
    const numbered = await ingest('区名,年度,段階,番号,設問,区,拠点,相互評価\n港南区,2025,計画,1,目的,A,A,B\n');
    expect(numbered.ratings.toArray()[0]).toMatchObject({ questionNo: 1, question: '目的' });
  });

  it('a narratives sheet with a column per section, as a city compiles its wards’ reports: each cell is that section’s list, a blank cell none', async () => {
    const sheet = await ingest(
      '区,年度,重点目標,取組内容,取組の効果,取組の課題,次年度重点目標\n' +
      '鶴見区,2025,"・孤立を防ぐ\n・父親支援","・パパの日\n・ピア相談",参加が増えた,,"1. 切れ目のない支援\n2. 父親の参加"\n' +
      '西区,R7,,,,,\n中区,2025,目標,,,,\n',
    );
    expect(sheet.report).toMatchObject({ kind: 'narratives', fileError: null, rowsRead: 3, rowsLoaded: 2, rowsRejected: 1, ignoredColumns: [] });
    expect(sheet.narratives.map((n) => [n.ward, n.section, n.itemNo, n.text, n.line])).toEqual([
      ['鶴見区', 'goal', 1, '孤立を防ぐ', 2], ['鶴見区', 'goal', 2, '父親支援', 2], ['鶴見区', 'action', 1, 'パパの日', 2], ['鶴見区', 'action', 2, 'ピア相談', 2],
      ['鶴見区', 'effect', 1, '参加が増えた', 2], ['鶴見区', 'next_goal', 1, '切れ目のない支援', 2], ['鶴見区', 'next_goal', 2, '父親の参加', 2],
      ['中区', 'goal', 1, '目標', 7],
    ]);
    // A row of nothing but blank sections is rejected, named at the first section's column.
    expect(sheet.report.errors.map((e) => [e.line, e.column, e.code])).toEqual([[6, '重点目標', 'no_section_items']]);
    expect(accounted(sheet)).toBe(true);
    // Under a title, numbered rows, the goals' columns named by their years: read by the row's year, one of neither year rejects its row.
    const titled = await ingest('令和7年度 港南区\n番号,令和7年度重点目標,取組内容,令和8年度重点目標,令和9年度重点目標\n1,孤立,交流会,切れ目,\n2,父親,講座,,先の話\n');
    expect(titled.report).toMatchObject({ kind: 'narratives', rowsRead: 2, rowsLoaded: 1, rowsRejected: 1 });
    expect(titled.narratives.map((n) => [n.ward, n.fiscalYear, n.section, n.itemNo, n.text])).toEqual([
      ['港南区', 2025, 'goal', 1, '孤立'], ['港南区', 2025, 'action', 1, '交流会'], ['港南区', 2025, 'next_goal', 1, '切れ目'],
    ]);
    expect(titled.report.errors.map((e) => [e.line, e.column, e.value, e.code, e.params])).toEqual([[4, '令和9年度重点目標', '先の話', 'section_column_year', { year: 2025 }]]);
    // With a 区分 column the sheet is one item per row, and a column headed 課題 is no section of it.
    const long = await ingest('区,年度,区分,内容,課題\n鶴見区,2025,効果,参加が増えた,メモ\n');
    expect(long.narratives.map((n) => [n.section, n.text])).toEqual([['effect', '参加が増えた']]);
    expect(long.report.ignoredColumns).toEqual(['課題']);
  });

  it('a narratives sheet with the section as heading rows: each gives its section to the items under it, a year noted read by the title’s', async () => {
    const batch = await ingest(
      ['令和7年度 鶴見区 事業評価', '番号,内容', '【重点目標】', '1,孤立を防ぐ', '2,父親支援を進める', '取組内容', '1,パパの日を開いた', '令和8年度重点目標', '1,ピアサポートを広げる', '令和9年度重点目標', '1,先の話'].join('\n') + '\n',
    );
    expect(batch.report).toMatchObject({ kind: 'narratives', fileError: null, rowsRead: 5, rowsLoaded: 4, rowsRejected: 1 });
    expect(batch.narratives.map((n) => [n.ward, n.fiscalYear, n.section, n.itemNo, n.text])).toEqual([
      ['鶴見区', 2025, 'goal', 1, '孤立を防ぐ'], ['鶴見区', 2025, 'goal', 2, '父親支援を進める'], ['鶴見区', 2025, 'action', 1, 'パパの日を開いた'], ['鶴見区', 2025, 'next_goal', 1, 'ピアサポートを広げる'],
    ]);
    expect(batch.report.skippedLines.slice(1).map((l) => [l.line, l.gives])).toEqual([[3, { section: 'goal' }], [6, { section: 'action' }], [8, { section: 'next_goal' }], [10, { section: 'goal' }]]);
    // A heading of a year that is neither this one nor the next heads its items, and they are rejected for it, not filed under the heading before.
    expect(batch.report.errors.map((e) => [e.line, e.value, e.code])).toEqual([[11, '令和9年度重点目標', 'invalid_section']]);
    // A heading just over the header names its year, and is no title: the title's year is the sheet's, and the heading is read by it.
    const over = await ingest('令和7年度 鶴見区\n令和8年度重点目標\n番号,内容\n1,次の目標\n');
    expect(over.narratives.map((n) => [n.fiscalYear, n.section, n.text])).toEqual([[2025, 'next_goal', '次の目標']]);
    expect(over.report.skippedLines.map((l) => [l.line, l.gives])).toEqual([[1, { ward: '鶴見区', fiscalYear: 2025 }], [2, { section: 'next_goal' }]]);
  });

  it('a title naming two wards or two years, or none, gives nothing: the header is named as lacking them, and why', async () => {
    for (const title of ['鶴見区・港北区 令和7年度', '鶴見区 令和6年度・令和7年度', '協働のプロセスの評価']) {
      const batch = await ingest(`${title},,,,,\n段階,番号,設問,区の評価,拠点,相互評価\n計画,1,テキスト,A,B,A\n`);
      expect(batch.report.skippedLines).toEqual([{ line: 1, text: `${title},,,,,` }]);
      expect(batch.report.fileError).toMatchObject({ code: 'missing_columns', params: { kind: 'ratings_wide', found: ['段階', '番号', '設問', '区の評価', '拠点', '相互評価'], titled: 1 } });
      const { code, params } = batch.report.fileError!;
      expect(fileErrorText('ja', code, params)).toContain('タイトルを「令和7年度 鶴見区」のようにするか、各行に「区名」「年度」の列を加えてください');
      expect(fileErrorText('en', code, params)).toContain('only when it names exactly one of each');
      expect(batch.report.fileError?.params).not.toHaveProperty('wideWard');
    }
    // Without a title row nothing is said of one.
    const untitled = await ingest('段階,番号,設問,区の評価,拠点,相互評価\n計画,1,テキスト,A,B,A\n');
    expect(untitled.report.fileError?.params).not.toHaveProperty('titled');
  });

  it('refuses an old Office file no reader takes and a cut-off workbook with a reason', async () => {
    const session = new IngestSession();
    expect((await session.ingestFile('x.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).report.fileError?.code).toBe('office_file');
    expect((await session.ingestFile('x.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).report.fileError?.code).toBe('damaged_office_file');
  });

  it('tells an Excel binary workbook (.xlsb) and an Ichitaro document (.jtd) chosen alone for what they are; in a zip they are named as skipped', async () => {
    const xlsb = zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.bin': '\x83\x01\x00', 'xl/worksheets/sheet1.bin': '\x81\x01\x00' });
    // Ichitaro saves a compound file, as Word 97–2003 did.
    const jtd = compoundFile({ DocumentText: new Uint8Array(5000).fill(0x41) });
    const codes = async (name: string, bytes: Uint8Array) => (await new IngestSession().ingestSource(name, bytes)).map((b) => [b.report.file, b.report.fileError?.code]);
    expect(await codes('評価.xlsb', xlsb)).toEqual([['評価.xlsb', 'xlsb_file']]);
    expect(await codes('報告書.jtd', jtd)).toEqual([['報告書.jtd', 'ichitaro_file']]);
    const folder = await new IngestSession().ingestSource('一式.zip', zip({ '評価.xlsb': xlsb, '報告書.jtd': jtd, '評価.csv': `${LONG}鶴見区,2025,計画,1,区,A\n` }));
    expect(folder.map((b) => [b.report.file, b.report.fileError?.code, b.report.skippedEntries])).toEqual([['一式.zip/評価.csv', undefined, ['報告書.jtd', '評価.xlsb']]]);
    for (const code of ['xlsb_file', 'ichitaro_file'] as const) expect(fileErrorText('ja', code, {})).toMatch(/保存し直/);
  });
});

describe('IngestSession: duplicates and conflicts', () => {
  it('merges exact duplicates within and across files', async () => {
    const session = new IngestSession();
    const first = await ingest(`${LONG}鶴見区,2025,1,1,区,A\n鶴見,R7,計画,1,区,ａ\n`, session, 'a.csv');
    expect(first.report).toMatchObject({ rowsLoaded: 1, rowsDuplicate: 1 });
    const second = await ingest(`${LONG}14101,2025,1,1,ward,A\n14101,2025,1,2,ward,-\n`, session, 'b.csv');
    expect(second.report).toMatchObject({ rowsLoaded: 1, rowsDuplicate: 1, notRated: 1 });
    expect(second.conflictValues).toEqual([]);
  });

  it('lists a conflict across files with both values, files and lines; the later file wins', async () => {
    const session = new IngestSession();
    await session.ingestFile('conflict_a.csv', fixture('conflict_a.csv'));
    const b = await session.ingestFile('conflict_b.csv', fixture('conflict_b.csv'));
    expect(b.report).toMatchObject({ rowsRead: 2, rowsLoaded: 1, rowsDuplicate: 1 });
    expect(b.ratings.toArray().map((r) => [r.questionNo, r.rating])).toEqual([[1, 'C']]);
    expect(b.conflictValues).toEqual([
      { ward: '西区', fiscalYear: 2024, stage: 'review', questionNo: 1, rater: 'ward', file: 'conflict_a.csv', line: 2, rating: 'A', seq: 0 },
      { ward: '西区', fiscalYear: 2024, stage: 'review', questionNo: 1, rater: 'ward', file: 'conflict_b.csv', line: 2, rating: 'C', seq: 1 },
    ]);
  });

  it('a conflict inside one file keeps only the later line in the batch', async () => {
    const batch = await ingest(`${LONG}鶴見区,2025,1,1,区,-\n鶴見区,2025,1,1,区,B\n`);
    expect(batch.report).toMatchObject({ rowsLoaded: 2, notRated: 0, records: { ratings: 1 } });
    expect(batch.ratings.toArray().map((r) => [r.line, r.rating])).toEqual([[3, 'B']]);
    expect(batch.conflictValues.map((c) => [c.line, c.rating, c.seq])).toEqual([
      [2, null, 0],
      [3, 'B', 1],
    ]);
  });

  it('a third value on the same key continues the conflict', async () => {
    const session = new IngestSession();
    await ingest(`${LONG}鶴見区,2025,1,1,区,A\n`, session, 'a.csv');
    await ingest(`${LONG}鶴見区,2025,1,1,区,B\n`, session, 'b.csv');
    const c = await ingest(`${LONG}鶴見区,2025,1,1,区,C\n`, session, 'c.csv');
    expect(c.conflictValues.map((v) => [v.file, v.rating, v.seq])).toEqual([['c.csv', 'C', 2]]);
  });

  it('narratives: same text merges, other text replaces and is listed', async () => {
    const session = new IngestSession();
    const header = 'ward,fiscal_year,section,item_no,text\n';
    await ingest(`${header}鶴見区,2025,goal,1,孤立を防ぐ\n`, session, 'a.csv');
    const b = await ingest(`${header}鶴見区,2025,goal,1,孤立を防ぐ\n鶴見区,2025,goal,1,孤立を防ぎ、つなぐ\n`, session, 'b.csv');
    expect(b.report).toMatchObject({ rowsDuplicate: 1, rowsLoaded: 1 });
    expect(b.textConflictValues.map((v) => [v.file, v.line, v.text])).toEqual([
      ['a.csv', 2, '孤立を防ぐ'],
      ['b.csv', 3, '孤立を防ぎ、つなぐ'],
    ]);
  });
});

describe('IngestSession: provenance', () => {
  const header = 'ward,fiscal_year,stage,question_no,rater,rating,provenance\n';

  it('real data replaces sample data for the same key without a conflict, and says how much', async () => {
    const session = new IngestSession();
    await ingest(`${header}鶴見区,2024,1,1,区,B,sample\n鶴見区,2024,1,2,区,A,sample\n`, session, 'sample.csv');
    const real = await ingest(`${LONG}鶴見区,2024,1,1,区,A\n鶴見区,2024,1,2,区,A\n`, session, 'real.csv');
    expect(real.report).toMatchObject({ rowsLoaded: 2, rowsDuplicate: 0, sampleReplaced: 2 });
    expect(real.conflictValues).toEqual([]);
    expect(real.ratings.toArray().map((r) => [r.rating, r.provenance])).toEqual([
      ['A', 'real'],
      ['A', 'real'],
    ]);
  });

  it('sample data arriving after real data for the same key is a listed conflict', async () => {
    const session = new IngestSession();
    await ingest(`${LONG}鶴見区,2024,1,1,区,A\n`, session, 'real.csv');
    const sample = await ingest(`${header}鶴見区,2024,1,1,区,C,sample\n`, session, 'sample.csv');
    expect(sample.conflictValues.map((c) => [c.file, c.rating])).toEqual([
      ['real.csv', 'A'],
      ['sample.csv', 'C'],
    ]);
  });

  it('reads real/sample in Japanese and English and rejects anything else', async () => {
    const batch = await ingest(`${header}鶴見区,2024,1,1,区,A,実データ\n鶴見区,2024,1,2,区,A,サンプル\n鶴見区,2024,1,3,区,A,maybe\n`);
    expect(batch.ratings.toArray().map((r) => r.provenance)).toEqual(['real', 'sample']);
    expect(batch.report.errors).toEqual([{ line: 4, column: 'provenance', value: 'maybe', code: 'invalid_provenance', params: {} }]);
  });
});

describe('IngestSession: cancel', () => {
  it('a cancelled file leaves the session as it was', async () => {
    const session = new IngestSession();
    await ingest(`${LONG}鶴見区,2025,1,1,区,A\n`, session, 'a.csv');
    const rows = Array.from({ length: 50 }, (_, i) => `鶴見区,2025,2,${(i % 7) + 1},区,B`).join('\n');
    await expect(
      session.ingestFile('big.csv', utf8(`${LONG}鶴見区,2025,1,1,区,C\n${rows}\n`), {
        checkpointEvery: 10,
        checkpoint: async (done) => {
          if (done >= 20) throw new IngestCancelled();
        },
      }),
    ).rejects.toBeInstanceOf(IngestCancelled);
    const again = await ingest(`${LONG}鶴見区,2025,1,1,区,A\n鶴見区,2025,2,1,区,B\n`, session, 'b.csv');
    expect(again.report).toMatchObject({ rowsDuplicate: 1, rowsLoaded: 1 });
    expect(again.conflictValues).toEqual([]);
    expect(again.report.fileId).toBe(1);
  });
});

describe('IngestSession: every row is accounted for', () => {
  /** Mulberry32: a small seeded PRNG, so a failing case can be replayed. */
  function random(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const pick = <T,>(rand: () => number, items: T[]) => items[Math.floor(rand() * items.length)];

  it('rowsRead = rowsLoaded + rowsDuplicate + rowsRejected over 200 generated files', async () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = random(seed);
      const session = new IngestSession();
      for (let f = 0; f < 3; f++) {
        const wide = rand() < 0.4;
        const header = wide ? '区名,年度,段階,番号,区,拠点,相互評価' : 'ward,year,stage,no,rater,rating';
        const lines = [header];
        const count = Math.floor(rand() * 30);
        for (let i = 0; i < count; i++) {
          const ward = pick(rand, ['鶴見区', '西', 'Naka', '14104', '鶴身区', '', '141011']);
          const year = pick(rand, ['2024', 'R6', '令和7年度', 'H40', 'x']);
          const stage = pick(rand, ['1', '実施', 'review', '4']);
          const q = pick(rand, ['1', '2', '3', '7', '0']);
          const rating = () => pick(rand, ['A', 'b', 'Ｃ', '-', '', 'E']);
          lines.push(
            wide
              ? [ward, year, stage, q, rating(), rating(), rating()].join(',')
              : [ward, year, stage, q, pick(rand, ['区', '拠点', '相互', '市']), rating()].join(','),
          );
          if (rand() < 0.1) lines.push('');
        }
        const batch = await ingest(lines.join(rand() < 0.5 ? '\n' : '\r\n'), session, `f${f}.csv`);
        const r = batch.report;
        expect(r.rowsLoaded + r.rowsDuplicate + r.rowsRejected, `seed ${seed} file ${f}`).toBe(r.rowsRead);
        expect(r.rowsRead, `seed ${seed} file ${f}`).toBe(count);
        expect(new Set(batch.ratings.toArray().map((x) => `${x.ward}|${x.fiscalYear}|${x.stage}|${x.questionNo}|${x.rater}`)).size).toBe(batch.ratings.length);
      }
    }
  });
});

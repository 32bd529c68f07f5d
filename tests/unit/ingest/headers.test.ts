import { describe, expect, it } from 'vitest';
import { expectedHeaders, locateHeader, resolveHeader } from '../../../src/lib/ingest/headers.ts';

const kind = (header: string[]) => {
  const r = resolveHeader(header);
  return r.ok ? r.kind : r.code;
};
const columnOf = (header: string[], field: string) => {
  const r = resolveHeader(header);
  if (!r.ok) throw new Error(r.code);
  return r.columns.get(field as never);
};

describe('resolveHeader', () => {
  it.each([
    [['ward', 'fiscal_year', 'stage', 'question_no', 'rater', 'rating'], 'ratings_long'],
    [['区', '年度', '段階', '設問番号', '評価者', '評価'], 'ratings_long'],
    [['区名', 'year', '段階', '番号', '設問', '評価者', '評価'], 'ratings_long'],
    [['WARD_NAME', 'Year', 'Stage', 'No', 'Rater', 'Rating'], 'ratings_long'],
    [['ｗａｒｄ', ' fiscal year ', 'stage', 'question-no', 'rater', 'rating'], 'ratings_long'],
    [['区名', '年度', '段階', '番号', '設問', '区', '拠点', '相互評価'], 'ratings_wide'],
    [['ward', 'year', 'stage', 'no', 'ward_rating', 'center_rating', 'joint_rating'], 'ratings_wide'],
    [['区名', '年度', '段階', '番号', '拠点', '相互'], 'ratings_wide'],
    [['ward', 'fiscal_year', 'section', 'item_no', 'text'], 'narratives'],
    [['区', '年度', '区分', '番号', '内容'], 'narratives'],
    [['区名', '年度', '項目', '本文'], 'narratives'],
    [['ward', 'fiscal_year', 'center_name', 'operator', 'contract_year', 'contract_length'], 'centers'],
    [['区', '年度', '拠点名', '運営法人', '年度目', 'か年度'], 'centers'],
    [['区', '年度', '事業の実施者'], 'centers'],
    [['code', 'name', 'name_en', 'city', 'tile_x', 'tile_y'], 'wards'],
    [['団体コード', '区名', 'romaji', '市'], 'wards'],
    [['市区町村コード', '区名', 'ローマ字'], 'wards'],
    [['全国地方公共団体コード', '区名', '英語表記', '市'], 'wards'],
  ])('%j is %s', (header, expected) => expect(kind(header)).toBe(expected));

  it('in the wide form `区` is the ward office rating and the ward comes from `区名`', () => {
    const header = ['区名', '年度', '段階', '番号', '設問', '区', '拠点', '相互評価'];
    expect(columnOf(header, 'ward')).toBe(0);
    expect(columnOf(header, 'ward_rating')).toBe(5);
  });

  it.each([
    [['区名', '年度', '段階', 'No.', '設問', '区', '拠点', '相互評価'], { ward: 0, question_no: 3, question: 4, ward_rating: 5, center_rating: 6, joint_rating: 7 }],
    [['区名', '年度', '段階', '設問番号', '設問内容', '区評価', '拠点評価', '相互評価'], { ward: 0, question_no: 3, question: 4, ward_rating: 5, center_rating: 6, joint_rating: 7 }],
    [['区', '年度', '段階', '番号', '設問', '区の評価', '拠点の評価', '相互の評価'], { ward: 0, question_no: 3, question: 4, ward_rating: 5, center_rating: 6, joint_rating: 7 }],
    [['区', '対象年度', '評価段階', '問', '質問', '区役所', '拠点', '相互'], { ward: 0, fiscal_year: 1, stage: 2, question_no: 3, question: 4, ward_rating: 5, center_rating: 6, joint_rating: 7 }],
  ])('reads a wide sheet headed %j, every rating column placed (`区` is the ward once another column is its rating)', (header, placed) => {
    const r = resolveHeader(header);
    expect(r.ok && r.kind).toBe('ratings_wide');
    expect(r.ok && r.ignored).toEqual([]);
    for (const [field, index] of Object.entries(placed)) expect(columnOf(header, field), field).toBe(index);
  });

  it.each([
    [['区名', '年度（西暦）', '段階', '設問番号（1～7）', '評価者', '評価（A～D）'], 'ratings_long', { ward: 0, fiscal_year: 1, question_no: 3, rater: 4, rating: 5 }],
    [['区名', '年度', '段階', '番号', '区（区役所）', '拠点（NPO法人）', '相互評価（区・拠点）'], 'ratings_wide', { ward: 0, ward_rating: 4, center_rating: 5, joint_rating: 6 }],
    [['区名', '年度', '段階', '番号', '区の評価 [A-D]', '拠点の評価【A～D】', '相互評価 (A-D)'], 'ratings_wide', { ward_rating: 4, center_rating: 5, joint_rating: 6 }],
    [['区', '年度 (fiscal year)', '区分（重点目標・取組内容…）', '内容（原文のまま）'], 'narratives', { ward: 0, fiscal_year: 1, section: 2, text: 3 }],
  ])('reads headers annotated in brackets %j as their names', (header, expected, placed) => {
    const r = resolveHeader(header);
    expect(r.ok && r.kind).toBe(expected);
    expect(r.ok && r.ignored).toEqual([]);
    for (const [field, index] of Object.entries(placed)) expect(columnOf(header, field), field).toBe(index);
  });

  it.each([
    [['区', '年度', '段階', '番号', '評価（区）', '評価（拠点）', '評価（相互評価）']],
    [['区名', '年度', '段階', '番号', '評価_区', '評価_拠点', '評価_相互']],
    [['区名', '年度', '段階', '番号', '区・評価', '拠点・評価', '相互・評価']],
    [['区名', '年度', '段階', '番号', '評価/区役所', '評価/法人', '評価/相互']],
    [['ward', 'fiscal_year', 'stage', 'question_no', 'rating (ward)', 'Rating-Center', 'rating_joint']],
  ])('reads a rating column named by the word for rating and its rater, either way round: %j', (header) => {
    const r = resolveHeader(header);
    expect(r.ok && r.kind).toBe('ratings_wide');
    expect(r.ok && r.ignored).toEqual([]);
    expect(['ward', 'ward_rating', 'center_rating', 'joint_rating'].map((field) => columnOf(header, field))).toEqual([0, 4, 5, 6]);
  });

  it('a rating column whose note is no single rater is not guessed: `評価（A～D）` is the rating, `評価（区・拠点）` too', () => {
    expect(columnOf(['区', '年度', '段階', '番号', '評価者', '評価（A～D）'], 'rating')).toBe(5);
    expect(resolveHeader(['区名', '年度', '段階', '番号', '評価（区・拠点）', '拠点'])).toMatchObject({ ok: true, kind: 'ratings_wide', ignored: ['評価（区・拠点）'] });
    expect(resolveHeader(['区名', '年度', '段階', '番号', '備考_区', '拠点'])).toMatchObject({ ok: true, ignored: ['備考_区'] });
  });

  it('an annotation does not make an unknown name known, and two annotated names of one field are two columns for it', () => {
    const r = resolveHeader(['区', '年度', '段階', '番号', '評価者', '評価', '備考（区）']);
    expect(r.ok && r.ignored).toEqual(['備考（区）']);
    const twice = resolveHeader(['区', '段階（計画・実施）', '段階（振り返り）', '番号', '評価者', '評価']);
    expect(twice).toMatchObject({ ok: false, code: 'duplicate_column', field: 'stage', found: ['段階（計画・実施）', '段階（振り返り）'] });
  });

  it('a second year column (年度（和暦） beside 年度（西暦）) is read to be checked; a third is one too many', () => {
    expect(columnOf(['区', '年度（西暦）', '年度（和暦）', '段階', '番号', '評価者', '評価'], 'fiscal_year_also')).toBe(2);
    expect(resolveHeader(['区', '年度（西暦）', '年度（和暦）', 'year', '段階', '番号', '評価者', '評価'])).toMatchObject({
      ok: false, code: 'duplicate_column', field: 'fiscal_year', found: ['年度（西暦）', '年度（和暦）', 'year'],
    });
  });

  it('`番号` is the question number in ratings and the item number in narratives', () => {
    expect(columnOf(['区', '年度', '段階', '番号', '評価者', '評価'], 'question_no')).toBe(3);
    expect(columnOf(['区', '年度', '区分', '番号', '内容'], 'item_no')).toBe(3);
  });

  it('lists unknown columns as ignored', () => {
    const r = resolveHeader(['ward', 'fiscal_year', 'stage', 'question_no', 'rater', 'rating', '備考', '']);
    expect(r).toMatchObject({ ok: true, ignored: ['備考'] });
  });

  it('rejects a header it cannot place, naming what it found and what it expects', () => {
    const r = resolveHeader(['名前', '点数']);
    expect(r).toMatchObject({ ok: false, code: 'unrecognised_header', found: ['名前', '点数'], foundTotal: 2 });
    expect(expectedHeaders('en')[0]).toEqual({ kind: 'ratings_long', headers: ['ward', 'fiscal_year', 'stage', 'question_no', 'rater', 'rating'] });
    expect(expectedHeaders('ja')[1]).toEqual({ kind: 'ratings_wide', headers: ['区名', '年度', '段階', '設問番号'] });
  });

  it('names the missing columns of a recognised kind', () => {
    expect(resolveHeader(['ward', 'stage', 'question_no', 'rater', 'rating'])).toMatchObject({
      ok: false, code: 'missing_columns', kind: 'ratings_long', missing: ['fiscal_year / year / 年度 / 対象年度 / 評価年度'],
    });
    expect(resolveHeader(['区', '年度', '段階', '番号', '拠点'])).toMatchObject({ ok: false, code: 'missing_columns', kind: 'ratings_wide' });
  });

  it('rejects two columns for one field', () => {
    expect(resolveHeader(['ward', '区名', 'year', 'stage', 'no', 'rater', 'rating'])).toMatchObject({
      ok: false, code: 'duplicate_column', field: 'ward', found: ['ward', '区名'],
    });
  });
});

describe('resolveHeader: every alias of the data contract', () => {
  const base: Record<string, string[]> = {
    ratings_long: ['ward', 'fiscal_year', 'stage', 'question_no', 'question', 'rater', 'rating'],
    ratings_wide: ['ward', 'fiscal_year', 'stage', 'question_no', 'question', 'ward_rating', 'center_rating', 'joint_rating'],
    narratives: ['ward', 'fiscal_year', 'section', 'item_no', 'text'],
    centers: ['ward', 'fiscal_year', 'center_name', 'operator', 'contract_year', 'contract_length'],
    wards: ['code', 'name', 'name_en', 'city', 'tile_x', 'tile_y'],
  };
  const aliases: Array<[kind: string, field: string, alias: string]> = [
    ...['ward', '区', '区名', 'ward_name'].map((a) => ['ratings_long', 'ward', a] as [string, string, string]),
    ...['fiscal_year', 'year', '年度'].map((a) => ['ratings_long', 'fiscal_year', a] as [string, string, string]),
    ...['stage', '段階'].map((a) => ['ratings_long', 'stage', a] as [string, string, string]),
    ...['question_no', 'no', '設問番号', '番号'].map((a) => ['ratings_long', 'question_no', a] as [string, string, string]),
    ...['question', '設問', '質問'].map((a) => ['ratings_long', 'question', a] as [string, string, string]),
    ...['rater', '評価者'].map((a) => ['ratings_long', 'rater', a] as [string, string, string]),
    ...['rating', '評価'].map((a) => ['ratings_long', 'rating', a] as [string, string, string]),
    ...['区', 'ward_rating'].map((a) => ['ratings_wide', 'ward_rating', a] as [string, string, string]),
    ...['拠点', 'center_rating'].map((a) => ['ratings_wide', 'center_rating', a] as [string, string, string]),
    ...['相互評価', '相互', 'joint_rating'].map((a) => ['ratings_wide', 'joint_rating', a] as [string, string, string]),
    ...['section', '区分', '項目'].map((a) => ['narratives', 'section', a] as [string, string, string]),
    ...['item_no', 'no', '番号'].map((a) => ['narratives', 'item_no', a] as [string, string, string]),
    ...['text', '内容', '本文'].map((a) => ['narratives', 'text', a] as [string, string, string]),
    ...['center_name', '拠点名'].map((a) => ['centers', 'center_name', a] as [string, string, string]),
    ...['operator', '運営法人', '事業の実施者'].map((a) => ['centers', 'operator', a] as [string, string, string]),
    ...['contract_year', '年度目'].map((a) => ['centers', 'contract_year', a] as [string, string, string]),
    ...['contract_length', 'か年度'].map((a) => ['centers', 'contract_length', a] as [string, string, string]),
    ...['code', '団体コード'].map((a) => ['wards', 'code', a] as [string, string, string]),
    ...['name', '区名'].map((a) => ['wards', 'name', a] as [string, string, string]),
    ...['name_en', 'romaji'].map((a) => ['wards', 'name_en', a] as [string, string, string]),
    ...['city', '市'].map((a) => ['wards', 'city', a] as [string, string, string]),
  ];
  it.each(aliases)('%s: %s as %s', (kind, field, alias) => {
    const header = base[kind].map((f) => (f === field ? alias : f));
    const r = resolveHeader(header);
    expect(r).toMatchObject({ ok: true, kind });
    expect(r.ok && r.columns.get(field as never)).toBe(header.indexOf(alias));
  });
});

describe('locateHeader: a header in two rows', () => {
  const located = (text: string) => {
    const found = locateHeader(text)!;
    const next = found.reader.next();
    return { header: found.header, fields: found.record.fields, lines: [found.record.line, found.record.endLine], next: next?.line, preamble: found.preamble.map((p) => p.line) };
  };
  const columns = (header: ReturnType<typeof resolveHeader>) => (header.ok ? Object.fromEntries(header.columns) : header);

  it('reads a group label over its columns, as a CSV keeps a label merged across them (in its first column only)', () => {
    const r = located('区名,年度,段階,設問,,評価,,\n,,,番号,内容,区,拠点,相互評価\n鶴見区,2025,計画,1,目的,A,B,A\n');
    expect(r.fields).toEqual(['区名', '年度', '段階', '設問番号', '設問内容', '評価（区）', '評価（拠点）', '評価（相互評価）']);
    expect(r.header).toMatchObject({ ok: true, kind: 'ratings_wide', ignored: [] });
    expect(columns(r.header)).toMatchObject({ ward: 0, fiscal_year: 1, stage: 2, question_no: 3, question: 4, ward_rating: 5, center_rating: 6, joint_rating: 7 });
    expect(r.lines).toEqual([1, 2]);
    expect(r.next).toBe(3);
  });

  it('reads a sheet whose single columns are merged down both rows (the name in each), under a title', () => {
    const r = located('令和7年度 評価表\n区名,年度,段階,番号,評価結果,,\n区名,年度,段階,番号,区,拠点,相互評価\n鶴見区,2025,計画,1,A,B,A\n');
    expect(r.fields).toEqual(['区名', '年度', '段階', '番号', '区', '拠点', '相互評価']);
    expect(columns(r.header)).toMatchObject({ ward: 0, ward_rating: 4, center_rating: 5, joint_rating: 6 });
    expect(r.preamble).toEqual([1]);
    expect(r.lines).toEqual([2, 3]);
    expect(r.next).toBe(4);
  });

  it('never takes a row of data, or a title over a header, as half of a header', () => {
    // A long file lacking its rater column: its first row has a rater's name in it, but data beside it.
    const lacking = located('区,年度,段階,番号,評価\n鶴見区,2025,計画,1,区,A\n');
    expect(lacking.header).toMatchObject({ ok: false, code: 'missing_columns' });
    expect(lacking.lines).toEqual([1, 1]);
    expect(lacking.next).toBe(2);
    const titled = located('鶴見区 評価表\n区名,年度,段階,番号,区,拠点,相互評価\n鶴見区,2025,計画,1,A,B,A\n');
    expect(titled.lines).toEqual([2, 2]);
    expect(titled.preamble).toEqual([1]);
  });
});

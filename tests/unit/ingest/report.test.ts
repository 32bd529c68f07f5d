import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport, splitItems, type ParsedReport } from '../../../src/lib/ingest/report.ts';
import { excelCopyLayout, pdfLayout, spaceLayout, tabLayout } from '../../fixtures/reports/layouts.ts';
import { STAGES } from '../../../src/lib/ingest/fields.ts';
import { textToReportLines } from '../../../src/lib/ingest/report-text.ts';
import { extractWebArchive } from '../../../src/lib/ingest/webarchive.ts';
import { IngestSession } from '../../../src/lib/ingest/session.ts';
import type { FileBatch } from '../../../src/lib/ingest/types.ts';

const fixtureBytes = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));
const ingest = (name: string) => new IngestSession().ingestFile(name, fixtureBytes(name));

/** The seed's three tables as printed: question number → 区 拠点 相互評価. */
const SEED_TABLES = {
  planning: ['AAA', 'AAA', 'AAA', 'AAA', 'BAB', 'AAA'],
  implementation: ['AAA', 'AAA', 'AAA', 'ABA', 'BAA', 'BBB', 'AAA'],
  review: ['BBB', 'AAA', 'AAA'],
};

/** Every list item of the seed, read off the page. */
const SEED_ITEMS: Array<[string, string]> = [
  ['goal', '妊娠期からの継続的な支援と地域をつなぐを通して、安心して子育てできる地域づくりを推進していく。'],
  ['goal', '子育て家庭が地域で孤立することがないように、ネットワークで築いた関係を活かし、地域ぐるみで子育て支援体制の基盤強化を目指していく。'],
  ['action', '産前産後の交流イベントの内容や周知方法を見直し、イベントの充実を図る。'],
  ['action', '家庭や地域での孤立感の解消のため、地域との連携イベントを検討する。'],
  ['action', '地域ケアプラザで「プレママプレパパの会」を継続開催し、地域の子育て資源や情報を伝える。'],
  ['action', '親と子のつどいの広場、保育園、一時保育事業者、地域ケアプラザ、療育センターとの連絡会を通じて、地域での困りごとや情報を共有し、より協力体制を深める。'],
  ['action', '図書館、国際交流ラウンジ、地域ケアプラザ、プレイパーク等とのイベント開催について検討する。'],
  ['action', 'スタッフを地区担当制にし、より担当地域との協力体制を強化していく。'],
  ['action', '拠点の周知と地域とのつながりのため、ネットワークを活用したアウトリーチ事業を展開していく。'],
  ['action', '横浜子育てサポートシステム入会説明会においてアクセスが難しい地域でも開催を継続し、広く参加の機会を提供する。'],
  ['effect', '先輩母親との交流を通して出産後の生活を具体的にイメージすることができ、妊娠期の不安軽減につながった。'],
  ['effect', '連携イベントの実施により地域との接点が増え、参加者が地域とつながるきっかけづくりにつながった。'],
  ['effect', '「つるみ子育て支え合いの会」を通じて地域の課題や情報を共有したことで関係機関の連携が深まり、地域課題に迅速かつ包括的に対応できる体制づくりが進んだ。'],
  ['effect', '他機関連携イベントにより地域資源理解が深まり、地域との関係性構築が進んだ。'],
  ['effect', 'アウトリーチ事業を通じて拠点の認知が増え、地域の中で支援につながる機会の拡充につながった。'],
  ['effect', '拠点にアクセスが難しい地域での開催を継続したことで、参加機会の拡充と制度周知の向上につながった。'],
  ['challenge', '妊娠期の交流イベントの周知方法を見直したが参加者数の増加には至らず、ニーズを踏まえた内容の再検討を行い、参加しやすい形へ改善していく。'],
  ['challenge', '父親の利用や関わりは一定程度見られるものの、気軽に参加できる交流や体験の機会はまだまだ十分とはいえず、父親支援のさらなる充実が求められている。'],
  ['challenge', '連携や周知の広がりは見られたものの、当事者同士が継続的につながり支え合えるピアサポートの仕組みをさらに充実させていくことが今後の課題である。'],
  ['next_goal', '切れ目のない一体的な支援体制のもと、保護者の孤立防止と父親支援の強化を図り、居場所づくりの推進と参加機会の拡充、相談支援体制の整備を行う。'],
  ['next_goal', '関係機関とのネットワークを活かし、協働による事業の推進及び地域への理解促進に取り組む。'],
  ['next_action', '父親が気軽に参加できる交流や体験型プログラムを企画し、仲間づくりや情報共有の機会を設ける。'],
  ['next_action', '関係機関との連携及び情報共有の強化を図り、継続支援につながる相談支援体制の整備を進める。'],
  ['next_action', '妊娠期から安心して拠点や地域につながる仕組みを整え、切れ目のない参加機会の拡充を図る。'],
  ['next_action', '関係機関と協働でピアサポート事業を実施し、当事者同士が交流できる機会を広げていく。'],
  ['next_action', '横浜子育てサポートシステムにおいて、地域の理解促進を図り、ネットワークを活かして提供会員の増加に向けた周知活動を強化する。'],
];

/** A batch without line numbers, so layouts can be compared. */
function content(batch: FileBatch) {
  return {
    ratings: batch.ratings.toArray().map(({ line: _line, ...r }) => r),
    narratives: batch.narratives.map(({ line: _line, ...n }) => n),
    centers: batch.centers.map(({ line: _line, ...c }) => c),
  };
}

/**
 * The seed with each rating row rewritten, read as one report that must have no problems: its
 * ratings as `stage` + number → the row's letters, in order; every question keeps its text.
 */
function seedRowsRewritten(rewrite: (no: string, question: string, ratings: string[]) => string): Map<string, string> {
  const seed = readFileSync(new URL('../../fixtures/report_seed.txt', import.meta.url), 'utf8');
  const questions: string[] = [];
  const text = seed.replace(/^(\d+)\t([^\t]+)\t([A-D])\t([A-D])\t([A-D])$/gm, (_, no: string, q: string, ...ratings: string[]) => {
    questions.push(q);
    return rewrite(no, q, ratings.slice(0, 3));
  });
  const parsed = parseReport(text);
  if (!parsed.ok) throw new Error(parsed.code);
  const [report] = parsed.reports;
  expect(report.problems).toEqual([]);
  expect([...new Set(report.ratings.map((r) => r.question))]).toEqual(questions);
  const rows = new Map<string, string>();
  for (const r of report.ratings) rows.set(`${r.stage}${r.questionNo}`, (rows.get(`${r.stage}${r.questionNo}`) ?? '') + r.rating);
  return rows;
}

describe('the seed report (鶴見区, 令和7年度)', () => {
  it('imports to exactly its content: 48 ratings, 26 items, the centers row', async () => {
    const batch = await ingest('report_seed.txt');
    expect(batch.report).toMatchObject({
      kind: 'report', encoding: 'utf-8', rowsRead: 43, rowsLoaded: 43, rowsDuplicate: 0, rowsRejected: 0, notRated: 0,
      records: { ratings: 48, narratives: 26, centers: 1 }, fileError: null, missingParts: [], errors: [],
    });
    const tables = Object.fromEntries(
      Object.keys(SEED_TABLES).map((stage) => {
        const rows = batch.ratings.toArray().filter((r) => r.stage === stage);
        const byQuestion = new Map<number, string>();
        for (const r of rows) byQuestion.set(r.questionNo, (byQuestion.get(r.questionNo) ?? '') + r.rating);
        return [stage, [...byQuestion.values()]];
      }),
    );
    expect(tables).toEqual(SEED_TABLES);
    expect(new Set(batch.ratings.toArray().map((r) => `${r.ward} ${r.fiscalYear}`))).toEqual(new Set(['鶴見区 2025']));
    expect(batch.ratings.toArray().map((r) => r.rater).slice(0, 3)).toEqual(['ward', 'center', 'joint']);
    expect(batch.ratings.toArray().find((r) => r.stage === 'planning' && r.questionNo === 2)?.question).toBe(
      'お互いの立場や組織の違いを話し合っよく理解することができましたか。',
    );
    expect(batch.narratives.map((n) => [n.section, n.text])).toEqual(SEED_ITEMS);
    expect(batch.narratives.filter((n) => n.section === 'action').map((n) => n.itemNo)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(batch.centers).toEqual([
      {
        ward: '鶴見区', fiscalYear: 2025, centerName: null, operator: '社会福祉法人青い鳥', contractYear: 3, contractLength: 5, periodStart: '2025-04-01', periodEnd: '2026-03-31',
        purpose: '市民が安心して子どもを産み育て、子育てに喜びを感じることができる社会環境を形成し、子育てを地域全体で支援する地域力の創出に寄与することを目的とします。',
        provenance: 'real', line: 6,
      },
    ]);
  });

  it('a variant with full-width numbers, extra blank lines and CRLF imports identically', async () => {
    const [seed, variant] = await Promise.all([ingest('report_seed.txt'), ingest('report_variant.txt')]);
    expect(readFileSync(new URL('../../fixtures/report_variant.txt', import.meta.url), 'utf8')).toMatch(/\r\n１\t/);
    expect(content(variant)).toEqual(content(seed));
    expect(variant.report).toMatchObject({ rowsRead: 43, rowsLoaded: 43, missingParts: [] });
  });

  it('its text copied from a PDF Chromium made (radicals for the ideographs that share their glyphs) imports identically', async () => {
    const seed = readFileSync(new URL('../../fixtures/report_seed.txt', import.meta.url), 'utf8');
    // What a viewer that ignores ActualText copies: 市⺠ for 市民, ⻘ for 青 (社会福祉法人⻘い鳥), ⻑ for 長, ⼦ for 子.
    const copied = seed.replaceAll('民', '⺠').replaceAll('青', '⻘').replaceAll('長', '⻑').replaceAll('子', '⼦');
    expect(copied).not.toBe(seed);
    const [original, pasted] = await Promise.all([ingest('report_seed.txt'), new IngestSession().ingestFile('copied.txt', new TextEncoder().encode(copied))]);
    expect(content(pasted)).toEqual(content(original));
  });

  it('the page saved by Safari (.webarchive: the HTML inside a binary property list, beside an image) imports identically', async () => {
    const [seed, archive] = await Promise.all([ingest('report_seed.txt'), ingest('report.webarchive')]);
    expect(content(archive)).toEqual(content(seed));
    expect(archive.report).toMatchObject({ kind: 'report', encoding: 'utf-8', rowsRead: 43, rowsRejected: 0, missingParts: [] });
    // Cut short, or a property list without a page: not read as a web archive, and no exception.
    const bytes = fixtureBytes('report.webarchive');
    expect(extractWebArchive(bytes.subarray(0, bytes.length - 40))).toBeNull();
    expect(extractWebArchive(bytes.map((b, i) => (i >= bytes.length - 32 && i < bytes.length - 24 ? 0xff : b)))).toBeNull();
    expect(extractWebArchive(new TextEncoder().encode(`bplist00${'x'.repeat(64)}`))).toBeNull();
  });

  it('the saved HTML page (tables, <ol>, <ul>, site navigation around it) imports identically', async () => {
    const [seed, page] = await Promise.all([ingest('report_seed.txt'), ingest('report.html')]);
    expect(content(page)).toEqual(content(seed));
    expect(page.report).toMatchObject({ kind: 'report', rowsRead: 43, rowsRejected: 0, missingParts: [] });
  });
});

describe('the seed’s rating tables without their stage headings (captions lost in a copy)', () => {
  const seed = readFileSync(new URL('../../fixtures/report_seed.txt', import.meta.url), 'utf8');
  const headless = seed.replace(/^[①②③]事業.*段階\n/gm, '');
  const read = (text: string) => {
    const result = parseReport(text);
    if (!result.ok) throw new Error(result.code);
    return result.reports[0];
  };
  const ratingsOf = (r: ParsedReport) => r.ratings.map(({ stage, questionNo, rater, rating }) => `${stage} ${questionNo} ${rater} ${rating}`);
  const seedReport = read(seed);
  /** The seed's rows, in order: number, question, three ratings. */
  const rows = seed.split('\n').filter((l) => /^\d\t/.test(l)).map((l) => l.split('\t'));

  it('each question’s wording names its stage: the same 48 ratings, every part found', () => {
    expect(headless).not.toContain('事業計画段階');
    const report = read(headless);
    expect(report.problems).toEqual([]);
    expect(report.missing).toEqual([]);
    expect(report.ratings.map(({ line: _line, ...r }) => r)).toEqual(seedReport.ratings.map(({ line: _line, ...r }) => r));
    // Each row's lines are listed under the stage its wording named.
    expect(report.lines.filter((l) => l.role === 'rating').map((l) => l.section)).toEqual(seedReport.lines.filter((l) => l.role === 'rating').map((l) => l.section));
  });

  it('numbered 1–16 straight through, its rater columns in another order, or a PDF’s copy with each question wrapped below its ratings: the same ratings', () => {
    let n = 0;
    const through = headless.replace(/^\d(?=\t)/gm, () => String(++n));
    expect(n).toBe(16);
    expect(ratingsOf(read(through))).toEqual(ratingsOf(seedReport));
    const swapped = headless.replaceAll('\t\t区\t拠点\t相互評価', '\t\t拠点\t区\t相互評価').replace(/^(\d\t[^\t]+\t)([A-D])\t([A-D])/gm, '$1$3\t$2');
    expect(ratingsOf(read(swapped)).sort()).toEqual(ratingsOf(seedReport).sort());
    // Cut at 8 characters, not even the first question's first line names it.
    for (const width of [14, 8]) {
      const table = rows.map(([no, question, ...ratings]) => {
        const [first, ...rest] = question.match(new RegExp(`.{1,${width}}`, 'gu'))!;
        return [`${no} ${first} ${ratings.join(' ')}`, ...rest].join('\n');
      });
      const start = headless.indexOf('3 協働のプロセスの評価');
      const pdf = `${headless.slice(0, start)}3 協働のプロセスの評価\n区 拠点 相互評価\n${table.join('\n')}\n評価基準\nA よくできた B できた C あまりできなかった D まったくできなかった\n`;
      const wrapped = read(pdf);
      expect(wrapped.problems).toEqual([]);
      expect(ratingsOf(wrapped)).toEqual(ratingsOf(seedReport));
      expect(Object.keys(wrapped.ratings[0]).sort()).toEqual(Object.keys(seedReport.ratings[0]).sort());
      expect(wrapped.ratings.find((r) => r.stage === 'review' && r.questionNo === 1)?.question).toBe(rows[13][1]);
    }
  });

  it('a number that is not its wording’s question, and a row whose wording is no question’s, are named; the rest load', async () => {
    const lines = headless.split('\n');
    const at = (question: string) => lines.findIndex((l) => l.includes(question));
    const [renumbered, reworded] = [at(rows[4][1]), at(rows[8][1])];
    lines[renumbered] = lines[renumbered].replace(/^5/, '4');
    lines[reworded] = lines[reworded].replace(rows[8][1], '利用者アンケートを実施しましたか。');
    const [batch] = await new IngestSession().ingestSource('headless.txt', new TextEncoder().encode(lines.join('\n')));
    expect(batch.report.errors.map((e) => [e.line, e.column, e.value, e.code, e.params])).toEqual([
      [renumbered + 1, '設問番号', '4', 'question_wording_mismatch', { stage: 'planning', questionNo: 5, position: 5 }],
      [reworded + 1, '設問', '利用者アンケートを実施しましたか。', 'unknown_question_wording', {}],
    ]);
    expect(batch.report).toMatchObject({ rowsRead: 43, rowsLoaded: 41, rowsRejected: 2, records: { ratings: 42 } });
    expect(batch.report.missingParts).toEqual(['事業計画段階 設問5', '事業実施段階 設問3']);
    // The check lists the two rows under no stage: their wording did not settle it.
    expect(batch.reportLines.filter((l) => l.role === 'rejected').map((l) => [l.line, l.section])).toEqual([[renumbered + 1, null], [reworded + 1, null]]);
  });

  it('a table of other questions under no stage heading: its rows are rejected for their unknown stage, not passed over', async () => {
    const other = tabLayout().replace(/^[①②③]事業.*段階\n/gm, '');
    const [batch] = await new IngestSession().ingestSource('other.txt', new TextEncoder().encode(other));
    expect(batch.report.errors.map((e) => e.code)).toEqual(Array(16).fill('unknown_question_wording'));
    expect(batch.report).toMatchObject({ rowsRejected: 16, records: { ratings: 0, narratives: expect.any(Number) } });
    expect(new Set(batch.reportLines.filter((l) => l.role === 'rejected').map((l) => l.section))).toEqual(new Set([null]));
  });
});

describe('damaged reports', () => {
  it('name the table row with two ratings and the unknown section, and load the rest', async () => {
    const batch = await ingest('report_damaged.txt');
    expect(batch.report.errors.map((e) => [e.line, e.code, e.column])).toEqual([
      [19, 'report_unknown_section', '取組の感想'],
      [31, 'report_rating_cells', null],
    ]);
    expect(batch.report.errors[1].params).toEqual({ expected: 3, found: 2 });
    expect(batch.report).toMatchObject({ rowsRejected: 2, rowsLoaded: 41 - 2, records: { ratings: 45, narratives: 23, centers: 1 } });
    expect(batch.report.missingParts).toEqual(['取組の課題', '事業計画段階 設問1']);
  });

  it('a letter printed with another letter’s label (A できた) is not joined into a rating: the row is named, not guessed', async () => {
    const text = spaceLayout().replace(/^1 (.+。) A B A\r$/m, '1 $1 A できた B A\r');
    expect(text).toContain('A できた B A');
    const [batch] = await new IngestSession().ingestSource('r.txt', new TextEncoder().encode(text));
    expect(batch.report.errors.map((e) => [e.code, e.params])).toEqual([['report_rating_cells', { expected: 3, found: 2 }]]);
  });

  it('without a title, the file is rejected: its ward and year are unknown', async () => {
    const batch = await ingest('report_no_title.txt');
    expect(batch.report.fileError?.code).toBe('report_missing_title');
    expect(batch.ratings.length).toBe(0);
  });

  it('without rating tables, loads the text and names the missing tables', async () => {
    const batch = await ingest('report_no_ratings.txt');
    expect(batch.report).toMatchObject({ rowsRejected: 0, records: { ratings: 0, narratives: 26, centers: 1 } });
    expect(batch.report.missingParts).toEqual([
      '協働のプロセスの評価: 事業計画段階', '協働のプロセスの評価: 事業実施段階', '協働のプロセスの評価: 事業の振り返り段階',
    ]);
  });

  it('a text that is not a report is rejected as a whole, saying what a report needs', async () => {
    const batch = await ingest('not_a_report.txt');
    expect(batch.report.fileError).toMatchObject({ code: 'not_a_report' });
    expect(batch.report.rowsRead).toBe(0);
  });

  it('a title naming a ward outside the registry is rejected with a suggestion', () => {
    const text = readFileSync(new URL('../../fixtures/report_seed.txt', import.meta.url), 'utf8').replace('鶴見区地域', '鶴身区地域');
    return new IngestSession().ingestFile('x.txt', new TextEncoder().encode(text)).then((batch) => {
      expect(batch.report.fileError).toEqual({ code: 'report_unknown_ward', params: { ward: '鶴身区', suggestion: '鶴見区' } });
    });
  });

  it('a rating the table cannot read is named with its rater column', () => {
    const text = readFileSync(new URL('../../fixtures/report_seed.txt', import.meta.url), 'utf8').replace('できましたか。\tB\tA\tB', 'できましたか。\tB\tX\tB');
    const parsed = parseReport(text);
    expect(parsed.ok && parsed.reports[0].problems).toEqual([{ line: 35, row: 5, column: '拠点', value: 'X', code: 'invalid_rating', params: {} }]);
  });
});

describe('the title, as wards and years write it', () => {
  const seed = readFileSync(new URL('../../fixtures/report_seed.txt', import.meta.url), 'utf8');
  const SEED_TITLE = '**鶴見区地域子育て支援拠点事業\n令和7年度重点目標評価結果・次年度重点目標**';
  it.each([
    ['without 事業', '鶴見区地域子育て支援拠点 令和7年度 重点目標評価結果・次年度重点目標', '鶴見区', 2025],
    ['the ward in brackets after the words', '地域子育て支援拠点事業（港南区）\n令和元年度重点目標評価結果', '港南区', 2019],
    ['the year before the ward', '令和7年度 鶴見区地域子育て支援拠点事業 重点目標評価結果', '鶴見区', 2025],
    ['a Western year, full width', '西区地域子育て支援拠点事業\n２０２４年度　重点目標評価結果', '西区', 2024],
    ['the year alone on the line above', '**令和7年度**\n鶴見区地域子育て支援拠点事業 重点目標評価結果', '鶴見区', 2025],
    ['a breadcrumb with another year before the title', 'ホーム > 令和6年度 > 鶴見区地域子育て支援拠点事業 令和7年度重点目標評価結果', '鶴見区', 2025],
  ])('%s', (_, title, ward, year) => {
    expect(seed).toContain(SEED_TITLE);
    const parsed = parseReport(seed.replace(SEED_TITLE, title));
    if (!parsed.ok) throw new Error(parsed.code);
    expect(parsed.reports.map((r) => [r.wardText, r.fiscalYear, r.ratings.length, r.narratives.length])).toEqual([[ward, year, 48, 26]]);
  });
});

describe('a running head', () => {
  it('is the title again, not an item naming the ward’s center (鶴見区地域子育て支援拠点の…)', () => {
    const seed = readFileSync(new URL('../../fixtures/report_seed.txt', import.meta.url), 'utf8');
    const parsed = parseReport(seed.replace('・先輩母親との交流を通して', '・鶴見区地域子育て支援拠点の先輩母親との交流を通して'));
    if (!parsed.ok) throw new Error(parsed.code);
    const effects = parsed.reports[0].narratives.filter((n) => n.section === 'effect');
    expect(effects).toHaveLength(6);
    expect(effects[0].text.startsWith('鶴見区地域子育て支援拠点の先輩母親')).toBe(true);
  });
});

describe('the rating tables’ header', () => {
  it('names the columns as a wide CSV’s header does (区の評価, 拠点評価, 相互の評価), in its own order', () => {
    const seed = readFileSync(new URL('../../fixtures/report_seed.txt', import.meta.url), 'utf8');
    // The center's column first: each row's first two ratings swap places with the header.
    const text = seed
      .replaceAll('\t\t区\t拠点\t相互評価', 'No.\t設問\t拠点の評価\t区評価\t相互の評価')
      .replace(/^(\d+\t[^\t]+)\t([A-D])\t([A-D])\t([A-D])$/gm, '$1\t$3\t$2\t$4');
    const parsed = parseReport(text);
    if (!parsed.ok) throw new Error(parsed.code);
    const [report] = parsed.reports;
    expect(report.problems).toEqual([]);
    const byQuestion = (stage: string) => {
      const rows = new Map<number, string>();
      for (const r of report.ratings.filter((x) => x.stage === stage)) rows.set(r.questionNo, (rows.get(r.questionNo) ?? '') + `${r.rater[0]}${r.rating}`);
      return [...rows.values()];
    };
    // Read back in 区 拠点 相互 order, they are the seed's table.
    const standard = (row: string) => ['w', 'c', 'j'].map((k) => row[row.indexOf(k) + 1]).join('');
    expect(Object.fromEntries(Object.keys(SEED_TABLES).map((stage) => [stage, byQuestion(stage).map(standard)]))).toEqual(SEED_TABLES);
  });
});

describe('the rating cells', () => {
  it.each([
    ['in brackets, tab-separated', (r: string) => `（${r}）`, '\t'],
    ['in brackets, space-separated (a PDF copy)', (r: string) => `(${r})`, ' '],
    ['with 評価, space-separated', (r: string) => `${r}評価`, ' '],
  ])('%s read as the letter', (_, mark, separator) => {
    const rows = seedRowsRewritten((no, q, ratings) => [no, q, ...ratings.map(mark)].join(separator));
    expect([...rows.values()]).toEqual(Object.values(SEED_TABLES).flat());
  });
});

describe('the stage headings', () => {
  // The invented report's questions are no standard wording: only the headings can give the stages.
  it.each([
    ['(1) 事業計画段階', ['(1)事業計画段階', '(2)事業実施段階', '(3)事業の振り返り段階']],
    ['第1 事業計画段階', ['第1 事業計画段階', '第2 事業実施段階', '第3 事業の振り返り段階']],
    ['Ⅰ 事業計画段階', ['Ⅰ 事業計画段階', 'Ⅱ 事業実施段階', 'Ⅲ 事業の振り返り段階']],
    ['一、事業計画段階', ['一、事業計画段階', '二、事業実施段階', '三、事業の振り返り段階']],
    ['計画段階, without 事業', ['計画段階', '実施段階', '振り返り段階']],
    ['【事業計画段階】, 振返り', ['【事業計画段階】', '【事業実施段階】', '【事業の振返り段階】']],
  ])('written %s, head their tables', (_, headings) => {
    const text = tabLayout().replace('①事業計画段階', headings[0]).replace('②事業実施段階', headings[1]).replace('③事業の振り返り段階', headings[2]);
    for (const heading of headings) expect(text).toContain(`\n${heading}\n`);
    const parsed = parseReport(text);
    if (!parsed.ok) throw new Error(parsed.code);
    const [report] = parsed.reports;
    expect(report.problems).toEqual([]);
    expect(STAGES.map((s) => report.ratings.filter((r) => r.stage === s).length)).toEqual([18, 21, 9]);
    expect(report.missing).toEqual([]);
  });
});

describe('the rating rows’ question numbers', () => {
  it.each([
    ['問1', (n: string) => `問${n}`, '\t'],
    ['Q1, space-separated (a PDF copy)', (n: string) => `Q${n}`, ' '],
    ['（1）', (n: string) => `（${n}）`, '\t'],
    ['1)', (n: string) => `${n})`, ' '],
    ['No.1', (n: string) => `No.${n}`, '\t'],
    ['設問1', (n: string) => `設問${n}`, '\t'],
    ['第1問', (n: string) => `第${n}問`, '\t'],
    ['①', (n: string) => String.fromCodePoint(0x2460 + Number(n) - 1), '\t'],
  ])('written %s, read as the number', (_, mark, separator) => {
    const rows = seedRowsRewritten((no, q, ratings) => [mark(no), q, ...ratings].join(separator));
    expect([...rows.keys()]).toEqual(STAGES.flatMap((stage) => SEED_TABLES[stage].map((_, i) => `${stage}${i + 1}`)));
    expect([...rows.values()]).toEqual(Object.values(SEED_TABLES).flat());
  });
});

describe('quotes in copied text', () => {
  const items = (text: string) => {
    const result = parseReport(text);
    if (!result.ok) throw new Error(result.code);
    return result.reports[0].narratives.map((n) => `${n.section} ${n.text}`);
  };
  it.each([
    ['a quoted phrase starting a cell', '"パパの日"に父親向けの遊びの講座を開いた。'],
    ['a quote left open', '"パパの日に父親向けの遊びの講座を開いた。'],
  ])('%s stays as written and moves nothing else', (_, first) => {
    const original = tabLayout();
    const line = original.split('\n').find((l) => l.startsWith('取組内容\t<ul>'))!;
    const quoted = original.replace(line, `取組内容\t${first}`);
    const read = items(quoted);
    expect(read.filter((t) => t.startsWith('action '))[0]).toBe(`action ${first}`);
    expect(read.filter((t) => !t.startsWith('action '))).toEqual(items(original).filter((t) => !t.startsWith('action ')));
  });
});

describe('a report sheet saved as CSV', () => {
  it('is told from copied text by labels ending at a comma: commas inside a copied text’s sentences change nothing', () => {
    const withCommas = spaceLayout().replaceAll('、', ', ');
    const result = parseReport(withCommas);
    expect(result.ok && result.reports[0].problems).toEqual([]);
    expect(result.ok && result.reports[0].narratives.map((n) => n.text)).toEqual(
      (parseReport(spaceLayout()) as { ok: true; reports: ParsedReport[] }).reports[0].narratives.map((n) => n.text.replaceAll('、', ', ')),
    );
  });
});

describe('several reports in one text (copied or pasted together)', () => {
  const seed = readFileSync(new URL('../../fixtures/report_seed.txt', import.meta.url), 'utf8');
  const reportsOf = (text: string) => {
    const result = parseReport(text);
    if (!result.ok) throw new Error(result.code);
    return result.reports;
  };
  const [seedAlone] = reportsOf(seed);
  const lineOf = (text: string, part: string) => text.slice(0, text.indexOf(part)).split('\n').length;
  /** What a report read, without its line numbers (the same report sits lower in a longer text). */
  const content = (r: ParsedReport) => ({
    ward: r.wardText, fiscalYear: r.fiscalYear, problems: r.problems.length, missing: r.missing,
    ratings: r.ratings.map(({ stage, questionNo, question, rater, rating }) => ({ stage, questionNo, question, rater, rating })),
    narratives: r.narratives.map(({ section, itemNo, text }) => ({ section, itemNo, text })),
    center: r.center && { ...r.center, line: 0 },
  });

  it.each([
    ['after the first report’s legend', seed],
    ['where the first report has no legend (its rows were once read into the first report’s ward)', seed.slice(0, seed.indexOf('評価基準'))],
  ])('reads each report on its own, from its title to the next: %s', (_, first) => {
    const konan = tabLayout();
    const text = `${first}\n${konan}`;
    const [tsurumi, second] = reportsOf(text);
    expect(tsurumi.ratings).toEqual(seedAlone.ratings);
    expect(tsurumi.narratives).toEqual(seedAlone.narratives);
    expect(tsurumi.problems).toEqual([]);
    const start = lineOf(text, konan.trimStart().slice(0, 10));
    expect(tsurumi.lines.every((l) => l.line < start) && second.lines.every((l) => l.line >= start)).toBe(true);
    expect(second.titleLine).toBe(start);
    expect(second.lines[0]).toMatchObject({ line: start, role: 'title' });
    expect(content(second)).toEqual(content(reportsOf(konan)[0]));
  });

  it('a year’s reports copied from one PDF: each page’s running head stays in its report', () => {
    const nishi = pdfLayout().replaceAll('港南区', '西区');
    const reports = reportsOf(`${seed}\n${pdfLayout()}\n${nishi}`);
    expect(reports.map((r) => [r.wardText, r.fiscalYear])).toEqual([['鶴見区', 2025], ['港南区', 2019], ['西区', 2019]]);
    const [konanAlone] = reportsOf(pdfLayout());
    expect(konanAlone.problems).toEqual([]);
    expect(content(reports[1])).toEqual(content(konanAlone));
    expect(content(reports[2])).toEqual({ ...content(konanAlone), ward: '西区' });
  });

  it('a combined PDF’s contents page before the reports is the page around the first', () => {
    const nishi = pdfLayout().replaceAll('港南区', '西区');
    const contents = ['令和7年度 地域子育て支援拠点事業 評価結果', '目次', '鶴見区地域子育て支援拠点事業 令和7年度重点目標評価結果 …… 1', '港南区地域子育て支援拠点事業 平成31年度重点目標評価結果 …… 4', '西区地域子育て支援拠点事業 平成31年度重点目標評価結果 …… 7'];
    const text = `${contents.join('\n')}\n${seed}\n${pdfLayout()}\n${nishi}`;
    const reports = reportsOf(text);
    expect(reports.map((r) => r.wardText)).toEqual(['鶴見区', '港南区', '西区']);
    expect(reports[0].lines.slice(0, contents.length).map((l) => l.role)).toEqual(contents.map(() => 'outside'));
    expect(reports[0].titleLine).toBe(lineOf(text, '**鶴見区'));
    expect(reports.every((r) => r.problems.length === 0)).toBe(true);
  });

  it('the same ward’s report of another year is another report; the same report twice is read twice', () => {
    const lastYear = seed.replace('令和7年度重点目標評価結果', '令和6年度重点目標評価結果');
    expect(reportsOf(`${seed}\n${lastYear}\n${tabLayout()}`).map((r) => [r.wardText, r.fiscalYear])).toEqual([['鶴見区', 2025], ['鶴見区', 2024], ['港南区', 2019]]);
    expect(reportsOf(`${tabLayout()}\n${seed}\n${tabLayout()}`).map((r) => r.wardText)).toEqual(['港南区', '鶴見区', '港南区']);
  });

  it('the same report pasted twice in a row, or a corrected version after it, is a report of its own once the first has ended', async () => {
    const konan = tabLayout();
    const twice = reportsOf(`${konan}\n${konan}`);
    expect(twice.map((r) => [r.wardText, r.fiscalYear])).toEqual([['港南区', 2019], ['港南区', 2019]]);
    expect(content(twice[1])).toEqual(content(twice[0]));
    // Loaded, the copy merges as duplicates; a corrected rating in the second wins and is listed as a conflict.
    const corrected = konan.replace(/^(1\t[^\t\n]+\t)A/m, '$1D');
    expect(corrected).not.toBe(konan);
    const batches = await new IngestSession().ingestSource('二度.txt', new TextEncoder().encode(`${konan}\n${corrected}`));
    expect(batches.map((b) => [b.report.file, b.report.rowsRead, b.report.rowsLoaded, b.report.rowsDuplicate])).toEqual([
      ['二度.txt #1', 34, 34, 0],
      ['二度.txt #2', 34, 1, 33],
    ]);
    expect(batches[1].conflictValues.map((c) => [c.stage, c.questionNo, c.rater, c.rating])).toContainEqual(['planning', 1, 'ward', 'D']);
  });

  it('a stage column under a 段階 header may name the stages as a CSV does (計画, 実施段階, 振り返り)', () => {
    const short = excelCopyLayout(false, true).replace('①事業計画段階', '計画').replace('②事業実施段階', '実施段階').replace('③事業の振り返り段階', '振り返り');
    const [report] = reportsOf(short);
    expect(report.problems).toEqual([]);
    const byStage = (r: ParsedReport) => STAGES.map((s) => r.ratings.filter((x) => x.stage === s).length);
    expect(byStage(report)).toEqual([18, 21, 9]);
    expect(report.ratings).toEqual(reportsOf(excelCopyLayout(false, true))[0].ratings);
  });

  it('a running head without a legend before it stays in its report, however many pages', () => {
    // The PDF copy repeats the title at each page's top; its report has not ended there.
    expect(reportsOf(pdfLayout()).map((r) => r.wardText)).toEqual(['港南区']);
  });

  it('links to other wards’ reports after a report (a saved page’s list) are not reports', () => {
    const links = ['港南区地域子育て支援拠点事業 令和7年度重点目標評価結果', '西区地域子育て支援拠点事業 令和7年度重点目標評価結果', 'ページトップへ'].join('\n');
    const reports = reportsOf(`${seed}\n${links}\n`);
    expect(reports).toHaveLength(1);
    expect(reports[0].problems).toEqual([]);
  });

  it('a loaded text gives a file per report, named after the text, each counted on its own', async () => {
    const session = new IngestSession();
    const batches = await session.ingestSource('two.txt', new TextEncoder().encode(`${seed}\n${tabLayout()}`));
    const [tsurumi, konan] = [await ingest('report_seed.txt'), await new IngestSession().ingestFile('konan.txt', new TextEncoder().encode(tabLayout()))];
    expect(batches.map((b) => [b.report.file, b.report.fileId, b.report.reportWard, b.report.reportYear])).toEqual([['two.txt #1', 0, '鶴見区', 2025], ['two.txt #2', 1, '港南区', 2019]]);
    for (const [batch, alone] of [[batches[0], tsurumi], [batches[1], konan]]) {
      expect(batch.report).toMatchObject({ kind: 'report', encoding: 'utf-8', errors: [], rowsRejected: 0, rowsLoaded: alone.report.rowsLoaded, rowsRead: alone.report.rowsRead });
    }
    expect(session.fileCount).toBe(2);
    // Loaded again, every row of both merges with the files before.
    const again = await session.ingestSource('two again.txt', new TextEncoder().encode(`${seed}\n${tabLayout()}`));
    expect(again.map((b) => [b.report.file, b.report.rowsLoaded, b.report.rowsDuplicate])).toEqual([
      ['two again.txt #1', 0, tsurumi.report.rowsRead],
      ['two again.txt #2', 0, konan.report.rowsRead],
    ]);
  });

  it('a report of an unknown ward in the text is refused alone; the others load', async () => {
    const batches = await new IngestSession().ingestSource('three.txt', new TextEncoder().encode(`${seed}\n${tabLayout().replaceAll('港南区', '港湾区')}\n${pdfLayout().replaceAll('港南区', '西区')}`));
    expect(batches.map((b) => [b.report.file, b.report.fileError?.code ?? null, b.report.rowsLoaded > 0])).toEqual([
      ['three.txt #1', null, true],
      ['three.txt #2', 'report_unknown_ward', false],
      ['three.txt #3', null, true],
    ]);
  });
});

describe('a Markdown copy’s lines', () => {
  it('a pipe table row is its cells, `\\|` a pipe inside one; its rule is blank; a heading loses its #', () => {
    const text = ['| 取組内容 | A \\| B の連携 |', '| --- | :---: |', '## 3 協働のプロセスの評価 ##', '父親 | 母親 の参加', '#タグ'].join('\n');
    expect(textToReportLines(text).map((l) => l.cells)).toEqual([['取組内容', 'A | B の連携'], [''], ['3 協働のプロセスの評価'], ['父親 | 母親 の参加'], ['#タグ']]);
  });
});

describe('splitItems(cell)', () => {
  it.each([
    [' ・一つ目 ・二つ目', ['一つ目', '二つ目']],
    ['1. 目標A 2. 目標B', ['目標A', '目標B']],
    ['１．目標A ２．目標B', ['目標A', '目標B']],
    ['1 乳幼児の遊び 2 子育て相談', ['乳幼児の遊び', '子育て相談']],
    ['1. 年 2 回の講座を開く 2. 相談を受ける', ['年 2 回の講座を開く', '相談を受ける']],
    ['\u241E一つ目\u241E二つ目', ['一つ目', '二つ目']],
    ['A・B 連携を進める', ['A・B 連携を進める']],
    ['ひとつだけの目標', ['ひとつだけの目標']],
    // Bullets of a Word or PDF copy, and a Markdown list's marks at the start of each line.
    ['• 一つ目\n• 二つ目', ['一つ目', '二つ目']],
    ['● 一つ目 ● 二つ目', ['一つ目', '二つ目']],
    ['- 一つ目\n- 二つ目が\n  続く行\n* 三つ目', ['一つ目', '二つ目が続く行', '三つ目']],
    ['平日 - 土日の講座\n- で始まる行', ['平日 - 土日の講座', '- で始まる行']],
    // Circled and parenthesised numbers, glued to the item before or not; other bullets where the list starts with one.
    ['①一つ目②二つ目 ③三つ目', ['一つ目', '二つ目', '三つ目']],
    ['①地域の①番目の課題 ②二つ目', ['地域の①番目の課題', '二つ目']],
    ['⑴一つ目\n⑵二つ目', ['一つ目', '二つ目']],
    ['◆一つ目\n◆二つ目', ['一つ目', '二つ目']],
    ['○一つ目 ○二つ目', ['一つ目', '二つ目']],
    ['○○地区で ○○を開く', ['○○地区で ○○を開く']],
    ['地区の○○と■■の連携', ['地区の○○と■■の連携']],
    // Numbers carried on from a list before it (a PDF prints Word's 3., 4. where the cell's list goes on): each begins a line.
    ['3. 一つ目の目標が\n続く行\n4. 二つ目の目標', ['一つ目の目標が続く行', '二つ目の目標']],
    ['(3) 一つ目\n(4) 二つ目', ['一つ目', '二つ目']],
    ['③一つ目\n④二つ目', ['一つ目', '二つ目']],
    // One number alone, or numbers inside a line, are the text's own.
    ['20 名が参加した', ['20 名が参加した']],
    ['3. だけの行', ['3. だけの行']],
    ['3 回目と 4 回目の講座', ['3 回目と 4 回目の講座']],
  ])('%j → %j', (cell, items) => expect(splitItems(cell)).toEqual(items));
});

describe('a rating table as a PDF lays it out', () => {
  const rows = (report: ParsedReport) => report.ratings.map((r) => `${r.stage} ${r.questionNo} ${r.rater} ${r.rating ?? '-'}`);
  const parsed = (text: string) => {
    const result = parseReport(text);
    if (!result.ok) throw new Error(result.code);
    return result.reports[0];
  };

  it('a stage named in a narrow first column, cut over two lines (①事業計画 / 段階), heads its rows', () => {
    const cut = pdfLayout().replace('①事業計画段階', '①事業計画\n段階').replace('②事業実施段階', '②事業\n実施段階');
    const whole = parsed(pdfLayout());
    const report = parsed(cut);
    expect(report.problems).toEqual([]);
    expect(rows(report)).toEqual(rows(whole));
    expect(report.ratings).toHaveLength(48);
  });

  it('a question wrapped over up to eleven lines of a narrow column, its ratings on the line after, is one row', () => {
    const text = pdfLayout().replace(/^1 (事業の目的や目指す姿について、互いに十分に話し合えましたか。) ([A-D－]) ([A-D－]) ([A-D－])$/m, (_, q: string, a: string, b: string, c: string) => `1 ${q.match(/.{1,3}/gu)!.join('\n')}\n${a} ${b} ${c}`);
    expect(text.split('\n').filter((l) => /^[^\s]{1,3}$/u.test(l)).length).toBeGreaterThanOrEqual(9);
    const report = parsed(text);
    expect(report.problems).toEqual([]);
    expect(rows(report)).toEqual(rows(parsed(pdfLayout())));
    expect(report.ratings.find((r) => r.stage === 'planning' && r.questionNo === 1)?.question).toBe('事業の目的や目指す姿について、互いに十分に話し合えましたか。');
  });
});

import { describe, expect, it } from 'vitest';
import { parseItemNo, parseQuestionNo, parseRater, parseRating, parseSection, parseStage } from '../../../src/lib/ingest/fields.ts';
import { parseFiscalYear } from '../../../src/lib/ingest/fiscal-year.ts';

describe('parseStage', () => {
  it.each([
    ...['計画', '事業計画段階', '①事業計画段階', 'plan', 'planning', 'Planning', '1', '①', '１'].map((v) => [v, 'planning']),
    ...['実施', '事業実施段階', '②事業実施段階', 'implementation', '2', '②'].map((v) => [v, 'implementation']),
    ...['振り返り', '事業の振り返り段階', '③事業の振り返り段階', 'review', '3', '③'].map((v) => [v, 'review']),
    // As hand-made sheets write them: の, its number before, after or alone, the English in brackets.
    ...['事業の計画段階', '1.計画', '①計画', '第1段階', '計画(Plan)', '事業計画段階（①）', 'Planning stage'].map((v) => [v, 'planning']),
    ...['事業の実施段階', '実施（Do）', 'implementation stage', '2、実施'].map((v) => [v, 'implementation']),
    ...['事業振り返り段階', '事業の振返り段階', 'ふりかえり段階', 'Review stage', '第3段階'].map((v) => [v, 'review']),
    // Numbered as a document numbers its headings.
    ...['(1)事業計画段階', '（１）計画', '第1 事業計画段階', 'Ⅰ 事業計画段階', 'I.計画', '一、事業計画段階', '【事業計画段階】', '【①事業計画段階】'].map((v) => [v, 'planning']),
    ...['(2) 実施', '第2　事業実施段階', 'Ⅱ 事業実施段階', '二、実施段階'].map((v) => [v, 'implementation']),
    ...['(3)事業の振り返り段階', '第三 振り返り', 'Ⅲ．振り返り', '三、事業の振り返り段階'].map((v) => [v, 'review']),
  ])('reads %s as %s', (raw, stage) => expect(parseStage(raw)).toBe(stage));

  // A number and a word naming different stages are not guessed between.
  it.each(['4', '④', 'evaluation', '', '評価段階', '2計画', '計画(実施)', '12', '第4段階', '(2)計画', 'Ⅲ 実施', '二、計画', '第1 実施', 'iv計画', '【】'])('rejects %s', (raw) => expect(parseStage(raw)).toBeUndefined());
});

describe('parseRater', () => {
  it.each([
    ['区', 'ward'], ['ward', 'ward'], ['Ward', 'ward'],
    ['拠点', 'center'], ['center', 'center'],
    ['相互', 'joint'], ['相互評価', 'joint'], ['joint', 'joint'], ['mutual', 'joint'],
    // The center's rating is its operator's: sheets name it so.
    ['拠点（法人）', 'center'], ['法人', 'center'], ['運営法人', 'center'], ['双方', 'joint'],
    // A note in brackets that names the same rater, or none, or for the joint rating the two who rate.
    ['拠点（NPO法人）', 'center'], ['区（区役所）', 'ward'], ['区役所(区)', 'ward'], ['拠点【運営法人】', 'center'], ['区[区役所]', 'ward'],
    ['相互評価（区・拠点）', 'joint'], ['相互（区と拠点）', 'joint'], ['相互評価 (区, 拠点)', 'joint'], ['joint (ward & center)', 'joint'],
  ])('reads %s as %s', (raw, rater) => expect(parseRater(raw)).toBe(rater));

  it.each(['市', '区（拠点）', '拠点(区)', '相互評価（区）', '相互（拠点）', '（区）', '区拠点'])('rejects %s', (raw) => expect(parseRater(raw)).toBeUndefined());
});

describe('parseRating', () => {
  it.each([['A', 'A'], ['a', 'A'], ['Ａ', 'A'], ['ｂ', 'B'], [' C ', 'C'], ['d', 'D'], ['よくできた', 'A'], ['まったくできなかった', 'D'], ['全くできなかった', 'D'], ['余りできなかった', 'C'], ['できました', 'B'], ['あまりできませんでした', 'C'], ['D：全くできなかった', 'D'], ['よく出来た', 'A'], ['C：あまり出来なかった', 'C'], ['全く出来ませんでした', 'D']])(
    'reads %s as %s',
    (raw, rating) => expect(parseRating(raw)).toEqual({ ok: true, rating }),
  );

  it.each(['', ' ', '-', '－', '未評価', 'ー'])('reads %j as not rated', (raw) => expect(parseRating(raw)).toEqual({ ok: true, rating: null }));

  it.each([['A：よくできた', 'A'], ['A よくできた', 'A'], ['B（できた）', 'B'], ['Ｃ(あまりできなかった)', 'C'], ['D.まったくできなかった', 'D'], ['B評価', 'B'], ['A:', 'A'], ['（A）', 'A'], ['(b)', 'B'], ['【Ｃ】', 'C'], ['[D]', 'D'], ['「A」', 'A']])(
    'reads a letter with its own label, %s, as %s',
    (raw, rating) => expect(parseRating(raw)).toEqual({ ok: true, rating }),
  );

  it.each(['E', 'AB', '4', 'A+', 'A（できた）', 'B：よくできた', 'C-', 'D(可)', '(E)', '(A', '(AB)', 'AA', 'ａａ', 'B:b', 'C(c)', 'A：全くできなかった'])('rejects %s', (raw) => expect(parseRating(raw)).toEqual({ ok: false }));
});

describe('parseQuestionNo', () => {
  it.each([
    ['1', 1, null], ['１', 1, null], ['Q3', 3, null], ['q3', 3, null], ['問4', 4, null], ['設問 5', 5, null], ['第2問', 2, null], ['No.6', 6, null],
    ['計画1', 1, 'planning'], ['事業計画段階 2', 2, 'planning'], ['実施7', 7, 'implementation'], ['実施 問3', 3, 'implementation'],
    ['振返1', 1, 'review'], ['振り返り3', 3, 'review'], ['事業の振り返り段階 2', 2, 'review'],
    ['1（計画）', 1, 'planning'], ['問3(実施段階)', 3, 'implementation'], ['振返2（振り返り）', 2, 'review'], ['4【実施】', 4, 'implementation'],
    // The app's English labels.
    ['P1', 1, 'planning'], ['ｉ７', 7, 'implementation'], ['r3', 3, 'review'], ['P-2', 2, 'planning'], ['R 1', 1, 'review'],
  ])('reads %s as question %i (stage %s)', (raw, questionNo, stage) => expect(parseQuestionNo(raw)).toEqual({ questionNo, stage }));

  it.each(['', '0', '一', '1-1', 'Q', '計画', '評価1', '1.5', '計画1（実施）', '(計画)', '2(1)', '1（備考）', 'P', 'PP1', 'X1', 'R-', 'P1.5'])('rejects %j', (raw) => expect(parseQuestionNo(raw)).toBeUndefined());
});

describe('parseSection', () => {
  const year = (v: string) => {
    const r = parseFiscalYear(v);
    return r.ok ? r.fiscalYear : undefined;
  };
  it.each([
    ['goal', 'goal'], ['重点目標', 'goal'], ['取組内容', 'action'], ['取組の効果', 'effect'], ['取組の課題', 'challenge'],
    ['次年度重点目標', 'next_goal'], ['next_action', 'next_action'], ['次年度取組内容', 'next_action'],
    ['令和7年度重点目標', 'goal'], ['令和8年度重点目標', 'next_goal'],
  ])('reads %s (report of FY2025) as %s', (raw, section) => expect(parseSection(raw, 2025, year)).toEqual({ ok: true, section }));

  it.each([
    ['今年度の重点目標', 'goal'], ['本年度重点目標', 'goal'], ['令和7年度の重点目標', 'goal'],
    ['取り組み内容', 'action'], ['取組み内容', 'action'], ['取り組みの内容', 'action'],
    ['取り組みの効果', 'effect'], ['取組の成果', 'effect'], ['成果', 'effect'], ['取組みの課題', 'challenge'],
    ['次年度の重点目標', 'next_goal'], ['来年度重点目標', 'next_goal'],
    ['次年度の取り組み内容', 'next_action'], ['次年度取り組み内容', 'next_action'],
    // Every label a report takes (report.ts reads the same SECTION_LABELS), in a cell of its own.
    ['来年度の取組の内容', 'next_action'], ['次年度の取り組みの内容', 'next_action'], ['当年度の重点目標', 'goal'], ['来年度の重点目標', 'next_goal'],
  ])('reads %s, as sheets write it, as %s', (raw, section) => expect(parseSection(raw, 2025, year)).toEqual({ ok: true, section }));

  it.each([
    ['1 重点目標', 'goal'], ['①取組内容', 'action'], ['(3)取組の効果', 'effect'], ['⑷取組の課題', 'challenge'], ['2.次年度重点目標', 'next_goal'],
    ['【取組の効果】', 'effect'], ['[課題]', 'challenge'], ['「取組内容」', 'action'], ['1【令和8年度重点目標】', 'next_goal'],
    ['重点目標（令和7年度）', 'goal'], ['重点目標（令和8年度）', 'next_goal'], ['取組内容(2026年度)', 'next_action'], ['取組の課題（R7）', 'challenge'], ['取組内容[次年度]', 'next_action'],
    ['次年度重点目標（令和8年度）', 'next_goal'], ['取組内容（次年度）', 'next_action'], ['重点目標（今年度）', 'goal'], ['令和7年度重点目標（2025年度）', 'goal'],
  ])('reads %s, numbered, enclosed or with a note, as %s', (raw, section) => expect(parseSection(raw, 2025, year)).toEqual({ ok: true, section }));

  it.each([
    '令和3年度重点目標', '前年度重点目標', '目標', '取組の方針',
    // A note naming another year than the list's, or no year: not guessed.
    '重点目標（令和6年度）', '取組の効果（令和8年度）', '次年度重点目標（令和7年度）', '取組内容（まとめ）', '2025重点目標',
  ])('rejects %s', (raw) => expect(parseSection(raw, 2025, year)).toEqual({ ok: false }));
});

describe('parseItemNo', () => {
  it.each([['1', 1], ['１', 1], ['①', 1], ['(2)', 2], ['（2）', 2], ['3.', 3], ['3、', 3], ['4)', 4], ['No.5', 5], ['№6', 6], ['第7項', 7], ['8番', 8], ['2025.0', 2025]])(
    'reads %s as %i',
    (raw, itemNo) => expect(parseItemNo(raw)).toBe(itemNo),
  );

  it.each(['', '0', '一', '1-2', '(3', 'a', '1.5'])('rejects %j', (raw) => expect(parseItemNo(raw)).toBeUndefined());
});

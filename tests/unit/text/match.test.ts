import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IngestSession } from '../../../src/lib/ingest/session.ts';
import { findThemeSpans, normalizeWithMap, toHighlightedPieces } from '../../../src/lib/text/match.ts';
import { DEFAULT_THEMES } from '../../../src/lib/text/themes.ts';

/** The seed's 26 items, in report order, with the themes a reader gives them. */
const SEED_THEMES: string[][] = [
  ['pregnancy'], // goal: 妊娠期からの継続的な支援…
  ['isolation', 'network'], // goal: 孤立することがないように、ネットワーク…
  ['pregnancy', 'information'], // action: 産前産後の交流イベントの…周知方法
  ['isolation', 'network'], // action: 孤立感の解消…連携イベント
  ['father', 'pregnancy', 'network'], // action: 地域ケアプラザで「プレママプレパパの会」
  ['network'], // action: …療育センターとの連絡会
  ['network'], // action: 図書館、国際交流ラウンジ、地域ケアプラザ…とのイベント
  ['network'], // action: 地区担当制…協力体制
  ['network', 'outreach', 'information'], // action: 拠点の周知…ネットワーク…アウトリーチ
  ['support_system'], // action: 横浜子育てサポートシステム入会説明会
  ['peer', 'pregnancy'], // effect: 先輩母親との交流…出産後…妊娠期
  ['network'], // effect: 連携イベント
  ['network'], // effect: 関係機関の連携が深まり
  ['network'], // effect: 他機関連携イベント
  ['outreach'], // effect: アウトリーチ事業を通じて
  ['information'], // effect: 参加機会の拡充と制度周知
  ['pregnancy', 'information'], // challenge: 妊娠期の交流イベントの周知方法
  ['father'], // challenge: 父親の利用…父親支援
  ['network', 'information', 'peer'], // challenge: 連携や周知…当事者同士…ピアサポート
  ['seamless', 'isolation', 'father', 'place', 'consultation'], // next goal: 切れ目のない…孤立防止と父親支援…居場所づくり…相談支援
  ['network'], // next goal: 関係機関とのネットワーク…協働
  ['father', 'peer'], // next action: 父親が気軽に…仲間づくり
  ['network', 'consultation'], // next action: 関係機関との連携…相談支援体制
  ['pregnancy', 'seamless'], // next action: 妊娠期から…切れ目のない
  ['network', 'peer'], // next action: 関係機関と協働でピアサポート…当事者同士
  ['support_system', 'network', 'information'], // next action: 横浜子育てサポートシステム…ネットワーク…提供会員…周知
];

const themeOrder = DEFAULT_THEMES.map((t) => t.id);
const themesOf = (text: string) => [...new Set(findThemeSpans(text, DEFAULT_THEMES).map((s) => s.themeId))].sort((a, b) => themeOrder.indexOf(a) - themeOrder.indexOf(b));

describe('findThemeSpans with the default dictionary', () => {
  it('tags the seed’s items as a reader would', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/report_seed.txt', import.meta.url)));
    const { narratives } = await new IngestSession().ingestFile('seed.txt', bytes);
    const sort = (ids: string[]) => [...ids].sort((a, b) => themeOrder.indexOf(a) - themeOrder.indexOf(b));
    expect(narratives.map((n) => themesOf(n.text))).toEqual(SEED_THEMES.map(sort));
  });

  it.each([
    ['父親の参加', 'father'],
    ['パパと子どもの遊び', 'father'],
    ['プレパパ講座', 'father'],
    ['当事者同士の交流', 'peer'],
    ['ピアサポートの仕組み', 'peer'],
  ])('%s → %s', (text, theme) => expect(themesOf(text)).toContain(theme));

  it('matches full-width and case variants on a normalised copy, reporting spans in the original text', () => {
    const text = '①ＳＮＳで発信';
    const spans = findThemeSpans(text, DEFAULT_THEMES).filter((s) => s.keyword === 'sns');
    expect(spans).toEqual([{ start: 1, end: 4, keyword: 'sns', themeId: 'information' }]);
    expect(text.slice(1, 4)).toBe('ＳＮＳ');
    expect(normalizeWithMap('㈱A').normalized).toBe('(株)a');
  });

  it('reads the radicals a PDF’s text map wrote for ideographs as those ideographs (text copied from a Chromium PDF)', () => {
    const themes = [{ id: 'outreach', ja: '訪問', en: 'Visits', keywords: ['市民', '戸別訪問'] }];
    const text = '市⺠向けの⼾別訪問と戶別訪問';
    expect(findThemeSpans(text, themes).map((s) => [s.keyword, text.slice(s.start, s.end)])).toEqual([
      ['市民', '市⺠'],
      ['戸別訪問', '⼾別訪問'],
      ['戸別訪問', '戶別訪問'],
    ]);
  });
});

describe('toHighlightedPieces(text, spans)', () => {
  it('splits into plain and matched pieces, merging overlaps', () => {
    expect(toHighlightedPieces('横浜子育てサポートシステムの周知', [{ start: 0, end: 13 }, { start: 2, end: 13 }, { start: 14, end: 16 }])).toEqual([
      { text: '横浜子育てサポートシステム', match: true },
      { text: 'の', match: false },
      { text: '周知', match: true },
    ]);
  });
});

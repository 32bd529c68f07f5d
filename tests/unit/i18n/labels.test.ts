import { describe, expect, it } from 'vitest';
import { joinList, parenthetical, shortYearLabel, wardNamer, yearSpanLabel } from '../../../src/lib/i18n/labels.ts';

describe('yearSpanLabel', () => {
  it('writes a range within one era with the era once, and the western years beside it', () => {
    expect(yearSpanLabel('ja', 2020, 2023, 'range')).toBe('令和2〜5年度（2020〜2023年度）');
    expect(yearSpanLabel('ja', 2019, 2020, 'range')).toBe('令和元〜2年度（2019〜2020年度）');
    expect(yearSpanLabel('en', 2020, 2023, 'range')).toBe('FY2020–FY2023');
  });

  it('writes both eras when a range crosses into 令和', () => {
    expect(yearSpanLabel('ja', 2017, 2019, 'range')).toBe('平成29年度〜令和元年度（2017〜2019年度）');
  });

  it('writes a step from one year to the next with an arrow, each year in full', () => {
    expect(yearSpanLabel('ja', 2024, 2025, 'step')).toBe('令和6年度 → 令和7年度（2024 → 2025年度）');
    expect(yearSpanLabel('en', 2024, 2025, 'step')).toBe('FY2024 → FY2025');
  });
});

describe('parenthetical', () => {
  it('sets an aside in full-width parentheses in Japanese and after a space in plain ones in English', () => {
    expect(parenthetical('ja', 'DROP')).toBe('（DROP）');
    expect(parenthetical('en', 'DROP')).toBe(' (DROP)');
  });
});

describe('joinList', () => {
  it('joins with 、 in Japanese and a comma in English', () => {
    expect(joinList('ja', ['鶴見区', '西区'])).toBe('鶴見区、西区');
    expect(joinList('en', ['鶴見区', '西区'])).toBe('鶴見区, 西区');
    expect(joinList('en', [])).toBe('');
  });
});

describe('shortYearLabel', () => {
  it('writes a year as its era year in Japanese and as FY in English', () => {
    expect(shortYearLabel('ja', 2019)).toBe('令和元年度');
    expect(shortYearLabel('en', 2026)).toBe('FY2026');
  });
});

describe('wardNamer', () => {
  it('names a ward in romaji in English when the registry gives it, else by its name', () => {
    const romaji = new Map([['鶴見区', 'Tsurumi'], ['西区', '']]);
    expect(wardNamer('en', romaji)('鶴見区')).toBe('Tsurumi');
    expect(wardNamer('ja', romaji)('鶴見区')).toBe('鶴見区');
    expect(wardNamer('en', romaji)('札幌市')).toBe('札幌市');
    expect(wardNamer('en', romaji)('西区')).toBe('西区');
  });
});

import { describe, expect, it } from 'vitest';
import { dictionaryFromCsv, dictionaryToCsv } from '../../../src/lib/text/dictionary-csv.ts';
import { segmentWords } from '../../../src/lib/text/segment.ts';
import { DEFAULT_THEMES } from '../../../src/lib/text/themes.ts';

describe('segmentWords(text)', () => {
  it('keeps the listed compounds whole', () => {
    const words = segmentWords('横浜子育てサポートシステムにおいて、父親支援とピアサポートの充実を図る。');
    expect(words).toContain('横浜子育てサポートシステム');
    expect(words).toContain('父親支援');
    expect(words).toContain('ピアサポート');
    expect(words).not.toContain('父親');
  });

  it('drops stop words, punctuation and single characters', () => {
    const words = segmentWords('連携を図り、周知を行う。');
    expect(words).not.toContain('を');
    expect(words).not.toContain('、');
    expect(words).toContain('連携');
    expect(words).toContain('周知');
  });
});

describe('dictionary CSV', () => {
  it('round-trips the default dictionary', () => {
    const csv = dictionaryToCsv(DEFAULT_THEMES);
    expect(csv.startsWith('\ufefftheme_id,theme_ja,theme_en,keyword\n')).toBe(true);
    expect(dictionaryFromCsv(csv)).toEqual({ ok: true, themes: DEFAULT_THEMES });
  });

  it('neutralises formula-looking keywords on export and restores them on import', () => {
    const themes = [{ id: 'x', ja: 'テスト', en: 'Test', keywords: ['=HYPERLINK("x")'] }];
    const csv = dictionaryToCsv(themes);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(dictionaryFromCsv(csv)).toEqual({ ok: true, themes });
  });

  it('names the line of a row it cannot use', () => {
    expect(dictionaryFromCsv('theme_id,theme_ja,theme_en,keyword\nbad id,名前,,語\n')).toEqual({ ok: false, line: 2, reason: 'bad id,名前,,語' });
  });
});

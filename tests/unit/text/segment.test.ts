import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { dictionaryFromCsv as fromBytes, dictionaryToCsv } from '../../../src/lib/text/dictionary-csv.ts';
import { segmentWords } from '../../../src/lib/text/segment.ts';
import { DEFAULT_THEMES } from '../../../src/lib/text/themes.ts';

const dictionaryFromCsv = (text: string) => fromBytes(new TextEncoder().encode(text));

describe('segmentWords(text)', () => {
  it('keeps the listed compounds whole', () => {
    const words = segmentWords('横浜子育てサポートシステムにおいて、父親支援とピアサポートの充実を図る。');
    expect(words).toContain('横浜子育てサポートシステム');
    expect(words).toContain('父親支援');
    expect(words).toContain('ピアサポート');
    expect(words).not.toContain('父親');
  });

  it('takes the earliest compound, the longest of those starting there, and reads between them', () => {
    expect(segmentWords('子育てサポートシステムと横浜子育てサポートシステム、地域子育て支援拠点の子育て支援')).toEqual([
      '子育てサポートシステム', '横浜子育てサポートシステム', '地域子育て支援拠点', '子育て支援',
    ]);
    expect(segmentWords('プレママプレパパ父親支援ピアサポート')).toEqual(['プレママ', 'プレパパ', '父親支援', 'ピアサポート']);
  });

  it('counts an item copied from a PDF whose map wrote radicals for ideographs by the words as typed', () => {
    expect(segmentWords('市⺠への周知と⺟親の交流')).toEqual(segmentWords('市民への周知と母親の交流'));
    expect(segmentWords('市⺠への周知と⺟親の交流')).toContain('市民');
  });

  it('drops stop words, punctuation and single characters', () => {
    const words = segmentWords('連携を図り、周知を行う。');
    expect(words).not.toContain('を');
    expect(words).not.toContain('、');
    expect(words).toContain('連携');
    expect(words).toContain('周知');
  });

  it.each([
    ['安心して過ごせる場を設ける', ['安心', '過ごせる', '設ける']],
    ['見守りとつながりを支え合える地域ぐるみで', ['見守り', 'つながり', '支え合える', '地域ぐるみ']],
    ['民生委員・主任児童委員と母子健康手帳交付時に', ['民生委員', '主任児童委員', '母子健康手帳', '交付']],
    ['孤立しがちな家庭は利用しやすい場にとどまり、相談しにくい', ['孤立', '家庭', '利用', '相談']],
    ['ライフステージに応じた、やさしい日本語での声かけ', ['ライフステージ', 'やさしい日本語', '声かけ']],
  ])('keeps words the segmenter would cut, and drops its auxiliaries: %s', (text, expected) => {
    expect(segmentWords(text)).toEqual(expected);
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

  it('names the line of a row it cannot use, as an editor counts it (blank lines, quoted line breaks)', () => {
    expect(dictionaryFromCsv('theme_id,theme_ja,theme_en,keyword\nbad id,名前,,語\n')).toEqual({ ok: false, line: 2, reason: 'bad id,名前,,語' });
    // A file that is no text is said to be what it is, not a line of it.
    expect(fromBytes(new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< >>\nendobj\n'))).toEqual({ ok: false, notText: 'pdf_file' });
    expect(dictionaryFromCsv('theme_id,theme_ja,theme_en,keyword\n\nok,"名\n前",,語\nbad id,名前,,語\n')).toMatchObject({ ok: false, line: 5 });
    expect(dictionaryFromCsv('theme_id,theme_ja,theme_en,keyword\nx,"名"前,,語\n')).toMatchObject({ ok: false, line: 2 });
  });

  it('reads a dictionary Excel saved in CP932', () => {
    const bytes = new Uint8Array(iconv.encode('theme_id,theme_ja,theme_en,keyword\r\nfather,父親支援,Father support,パパ\r\n', 'cp932'));
    expect(fromBytes(bytes)).toEqual({ ok: true, themes: [{ id: 'father', ja: '父親支援', en: 'Father support', keywords: ['パパ'] }] });
  });
});

import { describe, expect, it } from 'vitest';
import { checkDigit, defaultWards, kanaSearch, WardRegistry } from '../../../src/lib/ingest/registry.ts';
import { kanaToRomaji } from '../../../src/lib/ingest/normalize.ts';

const registry = WardRegistry.yokohama();
const nameOf = (raw: string) => {
  const match = registry.resolve(raw);
  return match.ok ? match.ward.name : match;
};

describe('WardRegistry.yokohama()', () => {
  it('holds the 18 wards in code order 14101 鶴見区 … 14118 都筑区', () => {
    const wards = defaultWards();
    expect(wards).toHaveLength(18);
    expect(wards.map((w) => w.code)).toEqual(Array.from({ length: 18 }, (_, i) => String(14101 + i)));
    expect(wards[0].name).toBe('鶴見区');
    expect(wards[5].name).toBe('保土ケ谷区');
    expect(wards[17].name).toBe('都筑区');
  });

  it.each([
    ['鶴見区', '鶴見区'],
    ['鶴見', '鶴見区'],
    [' 鶴見区 ', '鶴見区'],
    ['横浜市鶴見区', '鶴見区'],
    ['Tsurumi', '鶴見区'],
    ['tsurumi-ku', '鶴見区'],
    ['TSURUMI KU', '鶴見区'],
    ['Kōhoku', '港北区'],
    ['Kouhoku-ku', '港北区'],
    ['14101', '鶴見区'],
    ['１４１０１', '鶴見区'],
    ['141011', '鶴見区'],
    ['14118', '都筑区'],
    ['保土ヶ谷区', '保土ケ谷区'],
    ['保土ケ谷', '保土ケ谷区'],
    ['保土が谷区', '保土ケ谷区'],
    ['hodogaya', '保土ケ谷区'],
    ['西', '西区'],
    ['Nishi-ku', '西区'],
    // Kana readings (a フリガナ column), through the registry's romaji.
    ['つるみ', '鶴見区'],
    ['つるみく', '鶴見区'],
    ['ツルミク', '鶴見区'],
    ['ﾂﾙﾐｸ', '鶴見区'],
    ['こうほく', '港北区'],
    ['コウホクク', '港北区'],
    ['こうなんく', '港南区'],
    ['ほどがやく', '保土ケ谷区'],
    ['ﾂﾂﾞｷｸ', '都筑区'],
    ['かなざわ', '金沢区'],
    ['よこはましせやく', '瀬谷区'],
    ['ヨコハマシ アオバク', '青葉区'],
    ['にしく', '西区'],
    // The reading with 区 in kanji, as a name typed in kana before its kanji was looked up.
    ['ツルミ区', '鶴見区'],
    ['こうほく区', '港北区'],
    ['ｾﾔ区', '瀬谷区'],
    // The ward office for the ward, and a reading or code noted in brackets beside the name.
    ['鶴見区役所', '鶴見区'],
    ['横浜市鶴見区役所', '鶴見区'],
    ['鶴見区（つるみく）', '鶴見区'],
    ['鶴見区 (Tsurumi)', '鶴見区'],
    ['鶴見区(14101)', '鶴見区'],
    ['鶴見区【つるみ】', '鶴見区'],
    ['鶴見区[Tsurumi-ku]', '鶴見区'],
    ['保土ヶ谷区（ほどがやく）', '保土ケ谷区'],
    ['鶴見区（拠点: わっくんひろば）', '鶴見区'],
  ])('resolves %s to %s', (raw, name) => expect(nameOf(raw)).toBe(name));

  it.each(['鶴見区（神奈川区）', '鶴見区(14102)', '（鶴見区）', '鶴見区役所役所', '新宿区（つるみく）'])('rejects %s: the note names another ward, or the name none', (raw) =>
    expect(registry.resolve(raw)).toMatchObject({ ok: false, code: 'unknown_ward' }),
  );

  it('reads every ward’s kana reading, in code order', () => {
    const readings = 'つるみ かながわ にし なか みなみ ほどがや いそご かなざわ こうほく とつか こうなん あさひ みどり せや さかえ いずみ あおば つづき';
    expect(readings.split(' ').map((r) => nameOf(`${r}く`))).toEqual(defaultWards().map((w) => w.name));
  });

  it('writes kana in Hepburn: small kana join, っ doubles, ー drops', () => {
    expect(kanaToRomaji('きょうと')).toBe('kyouto');
    expect(kanaToRomaji('さっぽろ')).toBe('sapporo');
    expect(kanaToRomaji('はっちょうぼり')).toBe('hatchoubori');
    expect(kanaToRomaji('センター')).toBe('senta');
    expect(kanaToRomaji('ｼﾞｮｳﾅﾝ')).toBe('jounan');
  });

  // The 18 wards' codes as published (総務省 全国地方公共団体コード), written out: never computed here.
  const PUBLISHED = [
    '141011', '141020', '141038', '141046', '141054', '141062', '141071', '141089', '141097',
    '141101', '141119', '141127', '141135', '141143', '141151', '141160', '141178', '141186',
  ];

  it('accepts every ward by its published 6-digit code, 磯子区 141071 and 戸塚区 141101 included', () => {
    expect(PUBLISHED.map((code) => nameOf(code))).toEqual(defaultWards().map((w) => w.name));
    expect(nameOf('141071')).toBe('磯子区');
    expect(nameOf('141101')).toBe('戸塚区');
  });

  it('computes the JIS X 0402 check digit, 1 where Σ mod 11 is 0 and 0 where it is 1', () => {
    expect(PUBLISHED.map((code) => checkDigit(code.slice(0, 5)))).toEqual(PUBLISHED.map((code) => Number(code[5])));
    expect(checkDigit('13101')).toBe(6); // 千代田区 131016
    expect(checkDigit('01100')).toBe(2); // 札幌市 011002
  });

  it('rejects every wrong check digit of every ward', () => {
    for (const code of PUBLISHED) {
      for (let digit = 0; digit <= 9; digit++) {
        if (digit === Number(code[5])) continue;
        expect(registry.resolve(`${code.slice(0, 5)}${digit}`)).toEqual({ ok: false, code: 'ward_code_check_digit', suggestion: code });
      }
    }
  });

  it('resolves a name copied from a PDF whose text map wrote look-alike radicals for its ideographs', () => {
    // Chromium's PDFs with the Noto/Source Han fonts: 西 as ⻄ (CJK Radicals Supplement), 戸 as the Kangxi radical ⼾ or as 戶.
    for (const [copied, name] of [['⻄区', '西区'], ['⻘葉区', '青葉区'], ['⼾塚区', '戸塚区'], ['戶塚区', '戸塚区'], ['横浜市⻄区', '西区']]) {
      expect(registry.resolve(copied)).toMatchObject({ ok: true, ward: { name } });
    }
  });

  it('rejects a 6-digit code with a wrong check digit and names the right one', () => {
    expect(registry.resolve('141012')).toEqual({ ok: false, code: 'ward_code_check_digit', suggestion: '141011' });
  });

  it('suggests the nearest ward for a typo, and nothing for a stranger', () => {
    expect(registry.resolve('鶴身区')).toEqual({ ok: false, code: 'unknown_ward', suggestion: '鶴見区' });
    expect(registry.resolve('Tsurami')).toEqual({ ok: false, code: 'unknown_ward', suggestion: '鶴見区' });
    expect(registry.resolve('新宿区')).toEqual({ ok: false, code: 'unknown_ward', suggestion: undefined });
    expect(registry.resolve('つるまく')).toEqual({ ok: false, code: 'unknown_ward', suggestion: '鶴見区' });
    expect(registry.resolve('しんじゅくく')).toEqual({ ok: false, code: 'unknown_ward', suggestion: undefined });
    expect(registry.resolve('14119')).toEqual({ ok: false, code: 'unknown_ward' });
  });

  it('a kana search matches units by their romaji, in part or whole, 区 or not', () => {
    const romaji = ['Kohoku', 'Konan', 'Tsurumi', 'Chiyoda', 'Minami', 'Hodogaya'];
    const found = (query: string) => {
      const test = kanaSearch(query);
      return test ? romaji.filter(test) : null;
    };
    expect(found('こう')).toEqual(['Kohoku', 'Konan']);
    expect(found('こうほく')).toEqual(['Kohoku']);
    expect(found('ツルミ')).toEqual(['Tsurumi']);
    expect(found('ﾂﾙﾐｸ')).toEqual(['Tsurumi']);
    expect(found('ちよだく')).toEqual(['Chiyoda']);
    expect(found('みなみく')).toEqual(['Minami']);
    expect(found('よこはまし ほどがや')).toEqual(['Hodogaya']);
    expect(found('く')).toEqual(['Kohoku']);
    expect(found('tsuru')).toBeNull();
    expect(found('鶴見')).toBeNull();
  });

  it('a loaded registry replaces the default one', () => {
    const other = new WardRegistry(
      [{ code: '13101', name: '千代田区', nameEn: 'Chiyoda', city: '東京都', tileX: null, tileY: null }],
      false,
    );
    expect(other.resolve('千代田')).toMatchObject({ ok: true, ward: { code: '13101' } });
    expect(other.resolve('131016')).toMatchObject({ ok: true });
    expect(other.resolve('鶴見区')).toMatchObject({ ok: false, code: 'unknown_ward' });
  });
});

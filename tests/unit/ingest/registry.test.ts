import { describe, expect, it } from 'vitest';
import { checkDigit, defaultWards, WardRegistry } from '../../../src/lib/ingest/registry.ts';

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
  ])('resolves %s to %s', (raw, name) => expect(nameOf(raw)).toBe(name));

  it('computes check digits of local government codes (modulus 11)', () => {
    expect(checkDigit('14101')).toBe(1);
    expect(checkDigit('13101')).toBe(6);
    for (const ward of defaultWards()) {
      expect(registry.resolve(`${ward.code}${checkDigit(ward.code)}`)).toMatchObject({ ok: true, ward: { name: ward.name } });
    }
  });

  it('rejects a 6-digit code with a wrong check digit and names the right one', () => {
    expect(registry.resolve('141012')).toEqual({ ok: false, code: 'ward_code_check_digit', suggestion: '141011' });
  });

  it('suggests the nearest ward for a typo, and nothing for a stranger', () => {
    expect(registry.resolve('鶴身区')).toEqual({ ok: false, code: 'unknown_ward', suggestion: '鶴見区' });
    expect(registry.resolve('Tsurami')).toEqual({ ok: false, code: 'unknown_ward', suggestion: '鶴見区' });
    expect(registry.resolve('新宿区')).toEqual({ ok: false, code: 'unknown_ward', suggestion: undefined });
    expect(registry.resolve('14119')).toEqual({ ok: false, code: 'unknown_ward' });
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

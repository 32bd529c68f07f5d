import { memoize } from './memo.ts';
import { editDistance, foldLookAlikes, isKana, kanaToRomaji, normalizeCode, noteAfter } from './normalize.ts';

export interface Ward {
  /** 5-digit local government code without check digit, e.g. `14101`. */
  code: string;
  /** Canonical name, e.g. `鶴見区`. */
  name: string;
  nameEn: string;
  city: string;
  tileX: number | null;
  tileY: number | null;
}

export type WardMatch =
  | { ok: true; ward: Ward }
  | { ok: false; code: 'unknown_ward' | 'ward_code_check_digit'; suggestion?: string };

/** Yokohama's 18 wards in the standard code order (14101 鶴見区 … 14118 都筑区). */
const YOKOHAMA: Array<[string, string, string]> = [
  ['14101', '鶴見区', 'Tsurumi'],
  ['14102', '神奈川区', 'Kanagawa'],
  ['14103', '西区', 'Nishi'],
  ['14104', '中区', 'Naka'],
  ['14105', '南区', 'Minami'],
  ['14106', '保土ケ谷区', 'Hodogaya'],
  ['14107', '磯子区', 'Isogo'],
  ['14108', '金沢区', 'Kanazawa'],
  ['14109', '港北区', 'Kohoku'],
  ['14110', '戸塚区', 'Totsuka'],
  ['14111', '港南区', 'Konan'],
  ['14112', '旭区', 'Asahi'],
  ['14113', '緑区', 'Midori'],
  ['14114', '瀬谷区', 'Seya'],
  ['14115', '栄区', 'Sakae'],
  ['14116', '泉区', 'Izumi'],
  ['14117', '青葉区', 'Aoba'],
  ['14118', '都筑区', 'Tsuzuki'],
];

/** Rough geographic grid (west→east, north→south) for a tile map. */
const YOKOHAMA_TILES: Record<string, [number, number]> = {
  '14117': [0, 0], '14118': [1, 0], '14109': [2, 0], '14101': [3, 0],
  '14113': [0, 1], '14112': [1, 1], '14106': [2, 1], '14102': [3, 1],
  '14114': [0, 2], '14110': [1, 2], '14105': [2, 2], '14103': [3, 2],
  '14116': [0, 3], '14111': [1, 3], '14107': [2, 3], '14104': [3, 3],
  '14115': [1, 4], '14108': [2, 4],
};

/** Spellings NFKC does not unify (ヶ/ケ/が in 保土ケ谷) and other common variants. */
const YOKOHAMA_ALIASES: Record<string, string> = {
  保土ヶ谷区: '14106',
  保土ヶ谷: '14106',
  保土が谷区: '14106',
  保土が谷: '14106',
  都築区: '14118',
  都築: '14118',
};

export function defaultWards(): Ward[] {
  return YOKOHAMA.map(([code, name, nameEn]) => ({
    code,
    name,
    nameEn,
    city: '横浜市',
    tileX: YOKOHAMA_TILES[code][0],
    tileY: YOKOHAMA_TILES[code][1],
  }));
}

/**
 * Check digit of a 5-digit local government code (JIS X 0402, modulus 11 with weights 6…2):
 * (11 − Σ mod 11) mod 10, so a remainder of 0 gives 1 and a remainder of 1 gives 0.
 */
export function checkDigit(code5: string): number {
  const weights = [6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(code5[i]), 0);
  return (11 - (sum % 11)) % 10;
}

function romajiKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_-]+(ku|ward)$/, '')
    .replace(/[\s_-]+/g, '')
    .replace(/ou|oo/g, 'o')
    .replace(/uu/g, 'u');
}

/**
 * A name written in kana (spaces aside, 区 as kanji or not: ツルミ区) as Hepburn romaji without
 * 横浜市's reading; null for any other text.
 */
function readingOf(value: string): string | null {
  const kana = value.replace(/\s/g, '').replace(/区$/, 'く');
  return isKana(kana) ? kanaToRomaji(kana).replace(/^yokohamashi/, '') : null;
}

/**
 * A search typed in kana (こう, ツルミ, つるみく) as a test on a unit's romaji, for the filter bar's
 * search over hundreds of units; null when the search is not kana. Read as `resolve` reads a whole name.
 */
export function kanaSearch(query: string): ((romaji: string) => boolean) | null {
  const reading = readingOf(query);
  if (!reading) return null;
  const keys = [romajiKey(reading), ...(reading.endsWith('ku') && reading.length > 2 ? [romajiKey(reading.slice(0, -2))] : [])];
  return (romaji) => {
    const key = romajiKey(romaji);
    return keys.some((k) => key.includes(k));
  };
}

/** A ward name's key: also a name copied from a PDF whose text map wrote a look-alike (⻄区, ⼾塚区). */
function nameKey(value: string): string {
  return foldLookAlikes(normalizeCode(value)).replace(/\s/g, '').replace(/ヶ/g, 'ケ').replace(/ヵ/g, 'カ');
}

export class WardRegistry {
  readonly wards: readonly Ward[];
  readonly isDefault: boolean;
  private byKey = new Map<string, Ward>();
  private byCode = new Map<string, Ward>();
  /** Bounded, so a column of free text in place of ward names cannot exhaust memory. */
  private cached = memoize((raw: string) => this.resolveUncached(raw));

  constructor(wards: Ward[], isDefault: boolean) {
    this.wards = wards;
    this.isDefault = isDefault;
    for (const ward of wards) {
      this.byCode.set(ward.code, ward);
      const bare = ward.name.replace(/区$/, '');
      for (const key of [ward.name, bare, `${ward.city}${ward.name}`]) this.byKey.set(nameKey(key), ward);
      if (ward.nameEn) this.byKey.set(romajiKey(ward.nameEn), ward);
    }
    const aliases = Object.entries(YOKOHAMA_ALIASES);
    for (const [alias, code] of aliases) {
      const ward = this.byCode.get(code);
      if (ward && ward.city === '横浜市') this.byKey.set(nameKey(alias), ward);
    }
  }

  static yokohama(): WardRegistry {
    return new WardRegistry(defaultWards(), true);
  }

  /** Resolves a name, romaji, 5-digit code or 6-digit code with check digit; results are memoised. */
  resolve(raw: string): WardMatch {
    return this.cached(raw);
  }

  private resolveUncached(raw: string): WardMatch {
    const value = normalizeCode(raw);
    if (/^\d{5}$/.test(value)) {
      const ward = this.byCode.get(value);
      return ward ? { ok: true, ward } : { ok: false, code: 'unknown_ward' };
    }
    if (/^\d{6}$/.test(value)) {
      const code5 = value.slice(0, 5);
      const ward = this.byCode.get(code5);
      if (!ward) return { ok: false, code: 'unknown_ward' };
      if (checkDigit(code5) !== Number(value[5])) {
        return { ok: false, code: 'ward_code_check_digit', suggestion: `${code5}${checkDigit(code5)}` };
      }
      return { ok: true, ward };
    }
    const withoutCity = value.replace(/^横浜市/, '');
    const ward = this.byName(withoutCity) ?? this.byName(withoutCity.replace(/役所$/, '')) ?? this.byNoted(value);
    if (ward) return { ok: true, ward };
    return { ok: false, code: 'unknown_ward', suggestion: this.suggest(withoutCity) };
  }

  private byName(value: string): Ward | undefined {
    return this.byKey.get(nameKey(value)) ?? this.byKey.get(romajiKey(value)) ?? this.byReading(value);
  }

  /**
   * A name with a note in brackets after it, as sheets write a reading or a code beside the name
   * (`鶴見区（つるみく）`, `鶴見区(14101)`): the name's ward, if the note names no other.
   */
  private byNoted(value: string): Ward | undefined {
    const noted = noteAfter(value);
    if (!noted) return undefined;
    const named = this.resolveUncached(noted.base);
    const note = this.resolveUncached(noted.note);
    return named.ok && (!note.ok || note.ward === named.ward) ? named.ward : undefined;
  }

  /**
   * A ward written as its kana reading (つるみく, ツルミ, ﾂﾙﾐｸ, よこはましこうほく: a フリガナ column
   * exported in its place), read through its romaji: the whole reading first (こうほく is Kohoku),
   * then without a final く for 区.
   */
  private byReading(value: string): Ward | undefined {
    const reading = readingOf(value);
    if (reading === null) return undefined;
    return this.byKey.get(romajiKey(reading)) ?? (reading.endsWith('ku') ? this.byKey.get(romajiKey(reading.slice(0, -2))) : undefined);
  }

  private suggest(value: string): string | undefined {
    const key = nameKey(value);
    const reading = readingOf(value);
    const roman = romajiKey(reading === null ? value : reading.replace(/ku$/, ''));
    let best: { ward: Ward; distance: number } | undefined;
    for (const ward of this.wards) {
      const distance = Math.min(
        editDistance(key, nameKey(ward.name)),
        editDistance(key, nameKey(ward.name.replace(/区$/, ''))),
        ward.nameEn ? editDistance(roman, romajiKey(ward.nameEn)) : Infinity,
      );
      if (!best || distance < best.distance) best = { ward, distance };
    }
    if (!best) return undefined;
    const limit = /^[\x00-\x7f]+$/.test(value) || reading !== null ? 2 : 1;
    return best.distance <= limit ? best.ward.name : undefined;
  }
}

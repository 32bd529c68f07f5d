/**
 * Codes, years, letters and numbers are compared after NFKC + trim; free text never is. A whole
 * number written as a decimal (`2025.0`, `14101.0`: pandas writes an integer column holding a blank
 * as floats) is that number.
 */
export function normalizeCode(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, ' ').trim().replace(/^(\d+)\.0+$/, '$1');
}

/**
 * A value and the note in brackets after it, as hand-made sheets annotate a name (`年度（西暦）`,
 * `鶴見区（つるみく）`, `拠点【NPO法人】`); null without one. The value is NFKC already: `（…）` is `(…)`.
 */
export function noteAfter(value: string): { base: string; note: string } | null {
  const m = /^(.+?)[\s_]*(?:\(([^()]*)\)|\[([^[\]]*)\]|【([^【】]*)】)$/.exec(value);
  return m ? { base: m[1], note: m[2] ?? m[3] ?? m[4] } : null;
}

/**
 * A free-text cell as stored: trimmed, and without the apostrophe a spreadsheet export puts before
 * text that starts like a formula (`'-講座の開催`: this app's own downloads write it so, and Excel
 * never shows it), so that a file the app wrote loads back as the same text.
 */
export function freeText(value: string): string {
  const text = value.trim();
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

/**
 * Header names match after NFKC, trim and case folding; inner spaces and hyphens count as `_`.
 * Zero-width characters (pasted from web pages, or a second BOM) are dropped; NFKC makes a
 * no-break space a space. A line break between two Japanese characters (a narrow column's header
 * wrapped by hand in its cell, `区の⏎評価`) joins them, as the reader reads the two lines as one word.
 */
export function normalizeHeader(value: string): string {
  const joined = value.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/(?<=[^\x00-\x7f])[^\S\r\n]*[\r\n]+\s*(?=[^\x00-\x7f])/g, '');
  return normalizeCode(joined).toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * The characters as the writer typed them where a PDF's text names a look-alike. Chromium writes a
 * glyph's text as the lowest of the characters the font draws with it, so with the Noto and Source
 * Han fonts an ideograph that shares its glyph with a radical comes out as the radical, in the PDF
 * and in whatever is copied from it: a Kangxi radical (⽂ for 文, ⼦ for 子: NFKC undoes these, ⼾
 * via 戶) or one of the CJK Radicals Supplement (⻄ for 西, ⻘ for 青, ⺠ for 民, ⺟ for 母:
 * `SUPPLEMENT_RADICALS`, measured glyph by glyph on prints of every ideograph in both fonts), 戶
 * for 戸, the hyphenation point for the katakana middle dot (‧ for ・) and the division slash for
 * the full-width one (∕ for ／). No Japanese text means any of these.
 */
export function foldLookAlikes(text: string): string {
  return text.replace(LOOK_ALIKE, (c) => {
    const ideograph = c.normalize('NFKC');
    return LOOK_ALIKES.get(ideograph) ?? ideograph;
  });
}

const LOOK_ALIKE = /[\u2e80-\u2eff\u2f00-\u2fd5\u2027\u2215\u6236]/g;
const SUPPLEMENT_RADICALS = [
  '⺂⺃⺅⺉⺎⺏⺐⺒⺓⺔⺖⺘⺙⺛⺞⺟⺠⺡⺣⺤⺦⺨⺫⺭⺯⺰⺱⺹⺺⺾⻂⻃⻄⻅⻈⻉⻋⻍⻐⻑⻒⻓⻖⻘⻙⻚⻛⻜⻟⻠⻢⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻲⻳',
  '乛乚亻刂兀尣尢巳幺彑忄扌攵旡歺母民氵灬爫丬犭罒礻糹纟罓耂肀艹衤覀西见讠贝车辶钅長镸长阝青韦页风飞飠饣马鱼鸟卤麦黄黾斉齐歯齿竜龙亀龟',
] as const;
const LOOK_ALIKES = new Map<string, string>([
  ...[...SUPPLEMENT_RADICALS[0]].map((radical, i): [string, string] => [radical, [...SUPPLEMENT_RADICALS[1]][i]]),
  ['戶', '戸'],
  ['\u2027', '・'],
  ['\u2215', '／'],
]);

/** Levenshtein distance, small inputs only (ward names). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

const KANA_SYLLABLES: Record<string, string> = Object.fromEntries(
  (
    'あa いi うu えe おo かka きki くku けke こko さsa しshi すsu せse そso たta ちchi つtsu てte とto ' +
    'なna にni ぬnu ねne のno はha ひhi ふfu へhe ほho まma みmi むmu めme もmo やya ゆyu よyo ' +
    'らra りri るru れre ろro わwa ゐi ゑe をo んn がga ぎgi ぐgu げge ごgo ざza じji ずzu ぜze ぞzo ' +
    'だda ぢji づzu でde どdo ばba びbi ぶbu べbe ぼbo ぱpa ぴpi ぷpu ぺpe ぽpo ゔvu ' +
    'ぁa ぃi ぅu ぇe ぉo ゃya ゅyu ょyo ' +
    'きゃkya きゅkyu きょkyo しゃsha しゅshu しょsho ちゃcha ちゅchu ちょcho にゃnya にゅnyu にょnyo ' +
    'ひゃhya ひゅhyu ひょhyo みゃmya みゅmyu みょmyo りゃrya りゅryu りょryo ぎゃgya ぎゅgyu ぎょgyo ' +
    'じゃja じゅju じょjo ぢゃja ぢゅju ぢょjo びゃbya びゅbyu びょbyo ぴゃpya ぴゅpyu ぴょpyo'
  )
    .split(' ')
    .map((entry) => [entry.replace(/[a-z]+$/, ''), entry.replace(/^[^a-z]+/, '')]),
);

/** True for a text written only in kana (hiragana, katakana, half-width katakana, ー): a reading. */
export function isKana(value: string): boolean {
  return /^[\p{Script=Hiragana}\p{Script=Katakana}ーｰ]+$/u.test(value);
}

/**
 * A kana reading in Hepburn romaji (つるみ → tsurumi, コウホク → kouhoku, ﾂﾂﾞｷ → tsuzuki), to be
 * matched against romaji names; ー is dropped (long vowels are folded when romaji are compared).
 */
export function kanaToRomaji(value: string): string {
  const hiragana = value.normalize('NFKC').replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
  let out = '';
  let doubled = false;
  for (let i = 0; i < hiragana.length; i++) {
    if (hiragana[i] === 'っ') {
      doubled = true;
      continue;
    }
    const pair = KANA_SYLLABLES[hiragana.slice(i, i + 2)];
    const syllable = pair ?? KANA_SYLLABLES[hiragana[i]];
    if (pair) i++;
    if (syllable === undefined) continue;
    out += doubled ? (syllable.startsWith('ch') ? 't' : syllable[0]) + syllable : syllable;
    doubled = false;
  }
  return out;
}

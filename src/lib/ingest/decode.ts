import { byteChars } from './byte-text.ts';
import { namesStream } from './cfb.ts';

export const ENCODINGS = ['utf-8', 'utf-8-bom', 'shift_jis', 'euc-jp', 'utf-16le', 'utf-16be'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface DecodedText {
  text: string;
  encoding: Encoding;
  /**
   * Editor lines (CR, LF and CRLF each end one) whose bytes are invalid in `encoding`. They are in
   * `text` with U+FFFD where the bad bytes were, so the row holding them is rejected, never guessed.
   */
  badLines: Set<number>;
}

export type DecodeResult =
  | { ok: true; decoded: DecodedText }
  | { ok: false; code: 'binary_file' | 'pdf_file' | 'office_file' | 'encrypted_office_file' | 'zip_file' | 'rtf_file' | 'undecodable'; params: Record<string, string | number> };

type Candidate = 'utf-8' | 'shift_jis' | 'euc-jp';
/** Tried in this order; on a tie the earlier wins (UTF-8 is today's default, CP932 is Excel's). */
const CANDIDATES: Candidate[] = ['utf-8', 'shift_jis', 'euc-jp'];
/** Enough text to tell the encodings apart; the chosen one then decodes the whole file. */
const SAMPLE_BYTES = 256 * 1024;
/** What one undecodable line costs a candidate, against the text score of its other lines. */
const BAD_LINE_COST = 5;

const decoders = new Map<string, TextDecoder>();
function decoder(encoding: string, fatal: boolean): TextDecoder {
  const key = `${encoding}|${fatal}`;
  let d = decoders.get(key);
  if (!d) decoders.set(key, (d = new TextDecoder(encoding, { fatal, ignoreBOM: true })));
  return d;
}

const isBreak = (b: number) => b === 0x0a || b === 0x0d;

/**
 * Decodes line by line: CR and LF bytes never occur inside a UTF-8, CP932 or EUC-JP character, so
 * each line decodes on its own and a bad byte costs only its own line.
 */
function decodeLines(bytes: Uint8Array, encoding: string): { text: string; badLines: Set<number> } {
  const strict = decoder(encoding, true);
  const lenient = decoder(encoding, false);
  const parts: string[] = [];
  const badLines = new Set<number>();
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    let end = start;
    while (end < bytes.length && !isBreak(bytes[end])) end++;
    const segment = bytes.subarray(start, end);
    try {
      parts.push(strict.decode(segment));
    } catch {
      badLines.add(line);
      parts.push(lenient.decode(segment));
    }
    if (end >= bytes.length) break;
    // CRLF is one line end; the bytes are copied as they are and normalised by the CSV reader.
    const breakLength = bytes[end] === 0x0d && bytes[end + 1] === 0x0a ? 2 : 1;
    parts.push(breakLength === 2 ? '\r\n' : String.fromCharCode(bytes[end]));
    line++;
    start = end + breakLength;
  }
  return { text: parts.join(''), badLines };
}

function decodeAll(bytes: Uint8Array, encoding: string): { text: string; badLines: Set<number> } {
  try {
    return { text: decoder(encoding, true).decode(bytes), badLines: new Set() };
  } catch {
    return decodeLines(bytes, encoding);
  }
}

const isHiragana = (c: number) => c >= 0x3041 && c <= 0x309f;
const isKatakana = (c: number) => c >= 0x30a0 && c <= 0x30ff;
const isKanji = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
const isJapanesePunct = (c: number) => c >= 0x3000 && c <= 0x303f;
const isJapanese = (c: number) => isHiragana(c) || isKatakana(c) || isKanji(c) || isJapanesePunct(c) || (c >= 0xff01 && c <= 0xff5e);
const isHalfwidthKana = (c: number) => c >= 0xff66 && c <= 0xff9f;
const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isLatinLetter = (c: number) => c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7;

/** ﾞ (voiced) and ﾟ (semi-voiced) follow only the kana that take them: ｶﾞ, ﾊﾟ, ｳﾞ; never ｻﾟ or ﾉﾞ. */
function soundMarksValid(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0xff9e && c !== 0xff9f) continue;
    const base = i > start ? text.charCodeAt(i - 1) : 0;
    const voiced = (base >= 0xff76 && base <= 0xff84) || (base >= 0xff8a && base <= 0xff8e) || base === 0xff73;
    const semiVoiced = base >= 0xff8a && base <= 0xff8e;
    if (c === 0xff9e ? !voiced : !semiVoiced) return false;
  }
  return true;
}

/**
 * How much a decoding reads like the text of a Japanese municipal file. Kana, and kanji beside other
 * Japanese characters, count for it; what a wrong decoding produces counts against it: half-width
 * kana interleaved with kanji (UTF-8 or EUC-JP read as CP932), half-width punctuation (EUC-JP's
 * hiragana read as CP932), Latin-1 symbols (CP932's half-width kana read as UTF-8), controls.
 * A run of half-width katakana standing alone (between delimiters, spaces or digits) with its sound
 * marks where they can be is a word an older system wrote (ﾂｱﾃｽ, ﾊﾟﾊﾟ), and counts a little for;
 * glued to letters or kanji (cafﾃｩ), or with a mark no kana takes (ｻﾟ), it is mojibake.
 */
export function japaneseTextScore(text: string): number {
  let score = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) score -= 3;
      continue;
    }
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    if (isHiragana(c)) score += 2;
    else if (isKatakana(c) || isJapanesePunct(c)) score += 1;
    else if (isKanji(c)) score += isJapanese(prev) || isJapanese(next) ? 1 : 0;
    else if (c >= 0xff01 && c <= 0xff5e) score += 0.5;
    else if (c >= 0xff61 && c <= 0xff65) score -= 2;
    else if (isHalfwidthKana(c)) {
      let end = i + 1;
      while (end < n && isHalfwidthKana(text.charCodeAt(end))) end++;
      const after = end < n ? text.charCodeAt(end) : 0;
      const glued = [prev, after].some((b) => isJapanese(b) || isAsciiLetter(b));
      const word = end - i >= 2 && !glued && soundMarksValid(text, i, end);
      score += (word ? 0.5 : -1) * (end - i);
      i = end - 1;
    } else if (c < 0x800) score -= isLatinLetter(c) && (isAsciiLetter(prev) || isAsciiLetter(next)) ? 0 : 3;
    else if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) score -= 3;
  }
  return score;
}

/** The first `limit` bytes, cut after a line end so no character or line is split. */
function sample(bytes: Uint8Array, limit: number): Uint8Array {
  if (bytes.length <= limit) return bytes;
  let end = limit;
  while (end > 0 && !isBreak(bytes[end - 1])) end--;
  return bytes.subarray(0, end === 0 ? limit : end);
}

/** UTF-16 without a BOM: ASCII text has a zero in every other byte. */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return null;
}

const CHARSETS: Record<string, Candidate> = {
  'utf-8': 'utf-8', utf8: 'utf-8', shift_jis: 'shift_jis', 'shift-jis': 'shift_jis', sjis: 'shift_jis', 'x-sjis': 'shift_jis',
  'windows-31j': 'shift_jis', cp932: 'shift_jis', ms932: 'shift_jis', 'euc-jp': 'euc-jp', eucjp: 'euc-jp', 'x-euc-jp': 'euc-jp',
};

/** The charset a saved HTML page declares (`<meta charset>`, or `content="…; charset=…"`), if it is one we read. */
export function declaredCharset(bytes: Uint8Array): Candidate | null {
  const head = byteChars(bytes.subarray(0, 8192));
  const declared = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
  return declared ? (CHARSETS[declared.toLowerCase()] ?? null) : null;
}

/** Whether the file begins with these bytes (a BOM, a container's signature). */
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * Bytes → text, the encoding decided rather than guessed: UTF-8 (with or without BOM), CP932 (Excel on
 * Japanese Windows), EUC-JP, or UTF-16 (Excel's "Unicode text"). A charset the file declares (a saved
 * page's `<meta charset>`, an `.mhtml` part's header) is taken when the bytes are valid in it. Else each
 * candidate decodes strictly; where several do, the one whose text reads as Japanese wins
 * (`japaneseTextScore`). Lines no candidate can decode are marked bad, so their rows are rejected,
 * not loaded as mojibake.
 */
export function decodeBytes(bytes: Uint8Array, declared: string | null = null): DecodeResult {
  const container = containerOf(bytes);
  if (container) return { ok: false, code: container, params: {} };
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return decodeUtf16(bytes.subarray(2), bytes[0] === 0xff ? 'utf-16le' : 'utf-16be');
  }
  if (bytes.subarray(0, 4096).includes(0)) {
    const order = utf16Order(bytes);
    return order ? decodeUtf16(bytes, order) : { ok: false, code: 'binary_file', params: {} };
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { ok: true, decoded: { ...decodeAll(bytes.subarray(3), 'utf-8'), encoding: 'utf-8-bom' } };
  }
  const charset = (declared ? CHARSETS[declared.toLowerCase()] : undefined) ?? declaredCharset(bytes);
  if (charset) {
    const strict = decodeAll(bytes, charset);
    if (strict.badLines.size === 0) return { ok: true, decoded: { ...strict, encoding: charset } };
  }
  const encoding = chooseEncoding(bytes);
  return { ok: true, decoded: { ...decodeAll(bytes, encoding), encoding } };
}

/**
 * A PDF (the session reads those before decoding: here for the other readers of text, such as the
 * theme dictionary's import), an old Office file no reader took (an OLE file: Excel or Word 95, a
 * slide deck), or a zip none of the readers took (.xlsx, .ods and .docx are zips; a slide deck or a
 * compressed folder are too), told apart by their first bytes so the message can say what they are;
 * a PDF need not hold a zero byte early.
 */
function containerOf(bytes: Uint8Array): 'pdf_file' | 'office_file' | 'encrypted_office_file' | 'zip_file' | 'rtf_file' | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf_file';
  // `{\rtf`: Word's and TextEdit's rich text, text in name but its Japanese in escapes (\'82\'a0).
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf_file';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // A password-protected .xlsx or .docx is an OLE file holding one stream of that name (its directory names are UTF-16LE).
    return namesStream(bytes, 'EncryptedPackage') ? 'encrypted_office_file' : 'office_file';
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip_file';
  return null;
}

function chooseEncoding(bytes: Uint8Array): Candidate {
  const head = sample(bytes, SAMPLE_BYTES);
  let best: { encoding: Candidate; score: number } | null = null;
  for (const encoding of CANDIDATES) {
    const { text, badLines } = decodeAll(head, encoding);
    // Plain UTF-8 that is ASCII or has Japanese (3-byte) characters needs no comparison: no other
    // encoding's text is also valid UTF-8 beyond short runs of 2-byte characters.
    if (encoding === 'utf-8' && badLines.size === 0 && !/[\u0080-\u07ff]/.test(text)) return 'utf-8';
    const score = japaneseTextScore(text) - BAD_LINE_COST * badLines.size;
    if (!best || score > best.score) best = { encoding, score };
  }
  return best!.encoding;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodeResult {
  try {
    return { ok: true, decoded: { text: decoder(encoding, true).decode(bytes), encoding, badLines: new Set() } };
  } catch {
    // UTF-16 cannot be cut at line-end bytes; an invalid surrogate refuses the file, naming its line.
    const text = decoder(encoding, false).decode(bytes);
    const line = text.slice(0, text.indexOf('\ufffd')).split(/\r\n|\r|\n/).length;
    return { ok: false, code: 'undecodable', params: { encoding, line } };
  }
}

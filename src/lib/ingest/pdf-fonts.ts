import { byteChars, charsOf, windows1252 } from './byte-text.ts';
import { japan1Text } from './pdf-japan1.ts';
import { isStream, Keyword, Lexer, Name, nameOf, numberOf, PdfString, type Dict, type PdfFile, type Value } from './pdf-objects.ts';

/**
 * A PDF font as far as its text goes: how a string's bytes split into character codes, the Unicode
 * text of each code and its advance width (in thousandths of the font size). The text comes from the
 * font's `ToUnicode` map where it has one (every PDF Word, LibreOffice or a browser writes does); else
 * from a Japanese CMap whose codes are themselves a known encoding (Shift_JIS, EUC-JP, JIS, UCS-2:
 * an older PDF with fonts not embedded), else from a simple font's encoding and glyph names.
 */
export interface Glyph {
  code: number;
  /** The code's bytes: one-byte codes get the word spacing of the space character. */
  length: number;
  /** '' for a code whose text the font does not say. */
  text: string;
  width: number;
}

export interface PdfFont {
  glyphs(bytes: Uint8Array): Glyph[];
  /** Width for text drawn top to bottom (a vertical CMap): the advance is down, not across. */
  vertical: boolean;
  /**
   * For a CID font with no map to text: its Adobe character collection (`Adobe-GB1`), whose CIDs a
   * viewer maps with tables this reader does not carry (of `Adobe-Japan1` it knows the common part).
   */
  collection: string | null;
}

interface CodeRange {
  length: number;
  low: number;
  high: number;
}

/** A CMap's code ranges and its code → text (or code → CID) entries. */
interface CMap {
  ranges: CodeRange[];
  map: Map<number, string | number>;
}

/**
 * The most codes a CMap's ranges, or a font's width ranges, fill: twice the glyphs a font can hold
 * (65,536), so that ranges repeated a million times in a small file cannot take minutes.
 */
const MAX_CODES = 2 ** 17;

/** Reads a CMap stream's `codespacerange`, `bfchar`/`bfrange` (to text) and `cidchar`/`cidrange` (to CIDs). */
function parseCMap(data: Uint8Array): CMap {
  const lexer = new Lexer(data, 0, false);
  const ranges: CodeRange[] = [];
  const map = new Map<number, string | number>();
  const operands: Value[] = [];
  let filled = 0;
  const code = (s: PdfString) => s.bytes.reduce((n, b) => n * 256 + b, 0);
  for (let token = lexer.token(); typeof token !== 'symbol'; token = lexer.token()) {
    if (!(token instanceof Keyword)) {
      operands.push(token);
      continue;
    }
    const word = token.word;
    if (word === 'endcodespacerange') {
      for (let i = 0; i + 1 < operands.length; i += 2) {
        const [low, high] = [operands[i], operands[i + 1]];
        if (low instanceof PdfString && high instanceof PdfString) ranges.push({ length: low.bytes.length, low: code(low), high: code(high) });
      }
    } else if (word === 'endbfchar' || word === 'endcidchar') {
      for (let i = 0; i + 1 < operands.length; i += 2) {
        const [src, dst] = [operands[i], operands[i + 1]];
        if (src instanceof PdfString) map.set(code(src), word === 'endcidchar' ? numberOf(dst, 0) : targetText(dst));
      }
    } else if (word === 'endbfrange' || word === 'endcidrange') {
      for (let i = 0; i + 2 < operands.length; i += 3) {
        const [low, high, dst] = [operands[i], operands[i + 1], operands[i + 2]];
        if (!(low instanceof PdfString) || !(high instanceof PdfString)) continue;
        const [from, to] = [code(low), code(high)];
        // A broken range must not fill memory: a CMap range spans at most 65,536 codes, a CMap at most MAX_CODES.
        for (let c = from, k = 0; c <= to && k < 0x10000 && filled++ < MAX_CODES; c++, k++) {
          if (word === 'endcidrange') map.set(c, numberOf(dst, 0) + k);
          else if (Array.isArray(dst)) map.set(c, targetText(dst[k] ?? null));
          else if (dst instanceof PdfString) map.set(c, incremented(dst.bytes, k));
        }
      }
    }
    if (word.startsWith('end') || word.startsWith('begin')) operands.length = 0;
  }
  return { ranges, map };
}

const utf16 = new TextDecoder('utf-16be');
function targetText(value: Value): string {
  if (value instanceof PdfString) return utf16.decode(value.bytes);
  if (value instanceof Name) return glyphText(value.name);
  return '';
}

/** A `bfrange` target moved on by `k`: its last UTF-16 unit counts up. */
function incremented(bytes: Uint8Array, k: number): string {
  if (bytes.length < 2) return String.fromCharCode((bytes[0] ?? 0) + k);
  const units: number[] = [];
  for (let i = 0; i + 1 < bytes.length; i += 2) units.push(bytes[i] * 256 + bytes[i + 1]);
  units[units.length - 1] += k;
  return charsOf(units);
}

/** Splits bytes into codes by a CMap's code ranges (a byte no range takes is a code of its own). */
function splitCodes(bytes: Uint8Array, ranges: CodeRange[]): Array<[number, number]> {
  const codes: Array<[number, number]> = [];
  for (let i = 0; i < bytes.length; ) {
    let taken = false;
    for (let length = 1; length <= 4 && i + length <= bytes.length && !taken; length++) {
      let code = 0;
      for (let k = 0; k < length; k++) code = code * 256 + bytes[i + k];
      if (ranges.some((r) => r.length === length && code >= r.low && code <= r.high)) {
        codes.push([code, length]);
        i += length;
        taken = true;
      }
    }
    if (!taken) {
      const length = Math.min(ranges[0]?.length ?? 1, bytes.length - i);
      let code = 0;
      for (let k = 0; k < length; k++) code = code * 256 + bytes[i + k];
      codes.push([code, length]);
      i += length;
    }
  }
  return codes;
}

const TWO_BYTES: CodeRange[] = [{ length: 2, low: 0, high: 0xffff }];
/** Every two-byte code as the character of its own code, as a map a CMap's lookups read. */
const IDENTITY_MAP = {
  get: (code: number) => (code >= 0 && code <= 0xffff ? String.fromCharCode(code) : undefined),
} as unknown as Map<number, string | number>;
/** Shift_JIS: lead bytes 0x81–0x9F and 0xE0–0xFC start two-byte codes. */
const SHIFT_JIS_RANGES: CodeRange[] = [
  { length: 1, low: 0, high: 0x80 },
  { length: 2, low: 0x8140, high: 0x9ffc },
  { length: 1, low: 0xa0, high: 0xdf },
  { length: 2, low: 0xe040, high: 0xfcfc },
];
const EUC_RANGES: CodeRange[] = [
  { length: 1, low: 0, high: 0x80 },
  { length: 2, low: 0x8ea0, high: 0x8edf },
  { length: 2, low: 0xa1a1, high: 0xfefe },
];

/** UTF-8's lead bytes: one byte, then two, three and four-byte sequences. */
const UTF8_RANGES: CodeRange[] = [
  { length: 1, low: 0, high: 0x7f },
  { length: 2, low: 0xc280, high: 0xdfbf },
  { length: 3, low: 0xe08080, high: 0xefbfbf },
  { length: 4, low: 0xf0808080, high: 0xf48fbfbf },
];

/** The Japanese predefined CMaps whose codes are an encoding of their own, and how to decode a code. */
function predefined(encoding: string): { ranges: CodeRange[]; text: (code: number, length: number) => string } | null {
  const bytesOf = (code: number, length: number) => Uint8Array.from({ length }, (_, k) => (code >>> (8 * (length - 1 - k))) & 0xff);
  if (/RKSJ/.test(encoding)) {
    const decoder = new TextDecoder('shift_jis');
    return { ranges: SHIFT_JIS_RANGES, text: (code, length) => decoder.decode(bytesOf(code, length)) };
  }
  if (/^(Uni\w+-UCS2|Uni\w+-UTF16)/.test(encoding)) return { ranges: TWO_BYTES, text: (code) => String.fromCharCode(code) };
  if (/^Uni\w+-UTF8/.test(encoding)) {
    const decoder = new TextDecoder('utf-8');
    return { ranges: UTF8_RANGES, text: (code, length) => decoder.decode(bytesOf(code, length)) };
  }
  if (/^Uni\w+-UTF32/.test(encoding)) return { ranges: [{ length: 4, low: 0, high: 0x10ffff }], text: (code) => String.fromCodePoint(Math.min(code, 0x10ffff)) };
  if (/^(78-)?EUC-[HV]$/.test(encoding)) {
    const decoder = new TextDecoder('euc-jp');
    return { ranges: EUC_RANGES, text: (code, length) => decoder.decode(bytesOf(code, length)) };
  }
  if (/^(78-)?[HV]$/.test(encoding)) {
    const decoder = new TextDecoder('iso-2022-jp');
    return { ranges: TWO_BYTES, text: (code) => decoder.decode(Uint8Array.of(0x1b, 0x24, 0x42, code >> 8, code & 0xff)) };
  }
  return null;
}

/** Reads a font dictionary; a font without text (every code unknown) still gives widths, for spacing. */
export async function readFont(pdf: PdfFile, font: Dict): Promise<PdfFont> {
  const toUnicodeStream = pdf.get(font.get('ToUnicode'));
  let toUnicode: CMap | null = null;
  // `/ToUnicode /Identity-H`: the codes are the text's UTF-16 units themselves.
  if (nameOf(toUnicodeStream) === 'Identity-H' || nameOf(toUnicodeStream) === 'Identity-V') toUnicode = { ranges: TWO_BYTES, map: IDENTITY_MAP };
  else if (isStream(toUnicodeStream)) {
    try {
      toUnicode = parseCMap(await pdf.data(toUnicodeStream));
    } catch {
      toUnicode = null;
    }
  }
  if (nameOf(font.get('Subtype')) === 'Type0') return compositeFont(pdf, font, toUnicode);
  // The font program is read only where the dictionary names no base encoding.
  const encoding = pdf.get(font.get('Encoding'));
  const named = nameOf(encoding) ?? nameOf(pdf.dict(encoding)?.get('BaseEncoding'));
  return simpleFont(pdf, font, toUnicode, named === null ? await builtInEncoding(pdf, font) : null);
}

/**
 * An embedded Type 1 font's own encoding, from its program's clear-text part (`/Encoding
 * StandardEncoding def`, or `dup 65 /A put` for each code): what a simple font's codes mean where
 * its dictionary names no base encoding (TeX's fonts, Distiller's subsets). Null for other fonts.
 */
async function builtInEncoding(pdf: PdfFile, font: Dict): Promise<string[] | null> {
  const program = pdf.get(pdf.dict(font.get('FontDescriptor'))?.get('FontFile'));
  if (!isStream(program)) return null;
  let clear: string;
  try {
    const data = await pdf.data(program);
    const length = numberOf(pdf.get(program.dict.get('Length1')), data.length);
    clear = byteChars(data.subarray(0, Math.min(length, data.length)));
  } catch {
    return null;
  }
  const end = clear.indexOf('eexec');
  const encoding = clear.slice(clear.indexOf('/Encoding'), end < 0 ? undefined : end);
  if (/^\/Encoding\s+StandardEncoding\b/.test(encoding)) return STANDARD;
  const table: string[] = [];
  for (const [, code, name] of encoding.matchAll(/dup\s+(\d+)\s*\/([^\s/[\]{}()<>]+)\s+put/g)) if (Number(code) < 256) table[Number(code)] = glyphText(name);
  // A name this reader does not know (a symbol font's own `a12`) keeps the usual fonts' meaning of its code.
  return table.length > 0 ? Array.from({ length: 256 }, (_, i) => table[i] || WINDOWS[i]) : null;
}

async function compositeFont(pdf: PdfFile, font: Dict, toUnicode: CMap | null): Promise<PdfFont> {
  const encodingValue = pdf.get(font.get('Encoding'));
  const encoding = nameOf(encodingValue) ?? '';
  let ranges = TWO_BYTES;
  let toCid: CMap | null = null;
  const known = predefined(encoding);
  if (known) ranges = known.ranges;
  else if (isStream(encodingValue)) {
    try {
      toCid = parseCMap(await pdf.data(encodingValue));
      if (toCid.ranges.length > 0) ranges = toCid.ranges;
    } catch {
      toCid = null;
    }
  } else if (toUnicode && toUnicode.ranges.length > 0 && !/^Identity-[HV]$/.test(encoding)) ranges = toUnicode.ranges;
  const descendant = pdf.dict(pdf.array(font.get('DescendantFonts'))[0]);
  const defaultWidth = numberOf(pdf.get(descendant?.get('DW')), 1000);
  const widths = cidWidths(pdf, pdf.array(descendant?.get('W')));
  const identity = /^Identity-[HV]$/.test(encoding) || (!known && toCid === null);
  // Without a ToUnicode map, a TrueType font embedded whole enough to keep its own cmap says which character each glyph is.
  const embeddedText = !toUnicode && !known && descendant ? await embeddedGlyphText(pdf, descendant) : null;
  const info = pdf.dict(descendant?.get('CIDSystemInfo'));
  const registry = pdf.get(info?.get('Registry'));
  const ordering = pdf.get(info?.get('Ordering'));
  const named = registry instanceof PdfString && ordering instanceof PdfString ? `${charsOf(registry.bytes)}-${charsOf(ordering.bytes)}` : null;
  // The Japanese collection's CIDs are text by themselves, as far as `japan1Text` knows them.
  const collectionText = named === 'Adobe-Japan1' ? japan1Text : null;
  const cidText = (cid: number) => embeddedText?.(cid) ?? collectionText?.(cid) ?? '';
  return {
    vertical: /-V$|^V$/.test(encoding),
    collection: !toUnicode && !known && !embeddedText && named !== null && /^Adobe-(Japan1|GB1|CNS1|Korea1)$/.test(named) ? named : null,
    glyphs(bytes) {
      return splitCodes(bytes, ranges).map(([code, length]) => {
        const mapped = toUnicode?.map.get(code);
        const cidEntry = toCid?.map.get(code);
        const cid = typeof cidEntry === 'number' ? cidEntry : identity ? code : null;
        const text = typeof mapped === 'string' ? mapped : known ? known.text(code, length) : cid !== null ? cidText(cid) : '';
        // Without the CMap's CIDs (a predefined Japanese CMap), a one-byte code is half a full width.
        const width = cid !== null ? (widths.get(cid) ?? defaultWidth) : length === 1 ? defaultWidth / 2 : defaultWidth;
        return { code, length, text, width };
      });
    },
  };
}

/** A CID font's `/W`: `c [w1 w2 …]` gives widths from CID c on, `c1 c2 w` one width for a range. */
function cidWidths(pdf: PdfFile, entries: Value[]): Map<number, number> {
  const widths = new Map<number, number>();
  let filled = 0;
  for (let i = 0; i < entries.length && filled < MAX_CODES; ) {
    const first = pdf.get(entries[i]);
    const next = pdf.get(entries[i + 1]);
    if (typeof first !== 'number') break;
    if (Array.isArray(next)) {
      next.forEach((w, k) => widths.set(first + k, numberOf(pdf.get(w), 0)));
      filled += next.length;
      i += 2;
    } else {
      const width = numberOf(pdf.get(entries[i + 2]), 0);
      const last = numberOf(next, first);
      for (let c = first; c <= last && c - first < 0x10000 && filled++ < MAX_CODES; c++) widths.set(c, width);
      i += 3;
    }
  }
  return widths;
}

/**
 * A CIDFontType2's embedded TrueType program read for its cmap, reversed: CID → glyph (its
 * `CIDToGIDMap`, identity or a stream of two-byte glyph ids) → the character the cmap maps to that
 * glyph. A subset font often keeps no cmap: then null.
 */
async function embeddedGlyphText(pdf: PdfFile, descendant: Dict): Promise<((cid: number) => string | undefined) | null> {
  if (nameOf(descendant.get('Subtype')) !== 'CIDFontType2') return null;
  const program = pdf.get(pdf.dict(descendant.get('FontDescriptor'))?.get('FontFile2'));
  if (!isStream(program)) return null;
  let byGlyph: Map<number, string> | null;
  let toGlyph: Uint8Array | null = null;
  try {
    byGlyph = trueTypeGlyphText(await pdf.data(program));
    const map = pdf.get(descendant.get('CIDToGIDMap'));
    if (isStream(map)) toGlyph = await pdf.data(map);
  } catch {
    return null;
  }
  if (!byGlyph || byGlyph.size === 0) return null;
  const glyphs = byGlyph;
  return (cid) => glyphs.get(toGlyph ? (toGlyph[2 * cid] ?? 0) * 256 + (toGlyph[2 * cid + 1] ?? 0) : cid);
}

/** A TrueType font's Unicode cmap (format 4 or 12) as glyph → character: of several characters, an ideograph rather than its radical look-alike. */
export function trueTypeGlyphText(font: Uint8Array): Map<number, string> | null {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  if (font.length < 12) return null;
  const tables = view.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < tables && 12 + 16 * i + 16 <= font.length; i++) {
    if (charsOf(font.subarray(12 + 16 * i, 16 + 16 * i)) === 'cmap') cmap = view.getUint32(12 + 16 * i + 8);
  }
  if (cmap < 0 || cmap + 4 > font.length) return null;
  const records = view.getUint16(cmap + 2);
  let best: { offset: number; rank: number } | null = null;
  for (let i = 0; i < records && cmap + 4 + 8 * i + 8 <= font.length; i++) {
    const platform = view.getUint16(cmap + 4 + 8 * i);
    const encoding = view.getUint16(cmap + 4 + 8 * i + 2);
    const rank = platform === 3 && encoding === 10 ? 3 : platform === 3 && encoding === 1 ? 2 : platform === 0 ? 1 : 0;
    if (rank > 0 && (!best || rank > best.rank)) best = { offset: cmap + view.getUint32(cmap + 4 + 8 * i + 4), rank };
  }
  if (!best || best.offset + 4 > font.length) return null;
  const byGlyph = new Map<number, string>();
  const add = (char: number, glyph: number) => {
    if (glyph === 0 || char > 0x10ffff) return;
    const had = byGlyph.get(glyph);
    const lookAlike = (c: number) => (c >= 0x2e80 && c <= 0x2fdf) || (c >= 0xe000 && c <= 0xf8ff) || (c >= 0xf900 && c <= 0xfaff);
    if (had === undefined || (lookAlike(had.codePointAt(0)!) && !lookAlike(char))) byGlyph.set(glyph, String.fromCodePoint(char));
  };
  const at = best.offset;
  const format = view.getUint16(at);
  if (format === 4) {
    const segments = view.getUint16(at + 6) / 2;
    const ends = at + 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const rangeOffsets = deltas + 2 * segments;
    if (rangeOffsets + 2 * segments > font.length) return null;
    for (let s = 0; s < segments; s++) {
      const end = view.getUint16(ends + 2 * s);
      const start = view.getUint16(starts + 2 * s);
      const delta = view.getUint16(deltas + 2 * s);
      const rangeOffset = view.getUint16(rangeOffsets + 2 * s);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        if (rangeOffset === 0) add(c, (c + delta) & 0xffff);
        else {
          const where = rangeOffsets + 2 * s + rangeOffset + 2 * (c - start);
          if (where + 2 > font.length) break;
          const glyph = view.getUint16(where);
          add(c, glyph === 0 ? 0 : (glyph + delta) & 0xffff);
        }
      }
    }
  } else if (format === 12) {
    const groups = view.getUint32(at + 12);
    for (let g = 0; g < groups && at + 16 + 12 * g + 12 <= font.length; g++) {
      const start = view.getUint32(at + 16 + 12 * g);
      const end = view.getUint32(at + 16 + 12 * g + 4);
      const glyph = view.getUint32(at + 16 + 12 * g + 8);
      for (let c = start; c <= end && c - start < 0x10000; c++) add(c, glyph + (c - start));
    }
  } else return null;
  return byGlyph;
}

function simpleFont(pdf: PdfFile, font: Dict, toUnicode: CMap | null, builtIn: string[] | null): PdfFont {
  const firstChar = numberOf(pdf.get(font.get('FirstChar')), 0);
  const widthList = pdf.array(font.get('Widths')).map((w) => numberOf(pdf.get(w), 0));
  // A Type 3 font's widths are in its own glyph space, scaled to text space by its matrix.
  const matrix = pdf.array(font.get('FontMatrix')).map((v) => numberOf(pdf.get(v), 0));
  const scale = nameOf(font.get('Subtype')) === 'Type3' && matrix.length === 6 ? matrix[0] * 1000 : 1;
  const descriptor = pdf.dict(font.get('FontDescriptor'));
  const missingWidth = numberOf(pdf.get(descriptor?.get('MissingWidth')), 0);
  const encoding = simpleEncoding(pdf, pdf.get(font.get('Encoding')), builtIn);
  return {
    vertical: false,
    collection: null,
    glyphs(bytes) {
      return [...bytes].map((code) => {
        const mapped = toUnicode?.map.get(code);
        const text = typeof mapped === 'string' ? mapped : (encoding[code] ?? '');
        const listed = widthList[code - firstChar];
        return { code, length: 1, text, width: (listed ?? missingWidth) * scale };
      });
    },
  };
}

/**
 * A simple font's 256 codes as text: its base encoding (named, else the font program's own, else
 * Windows for the usual fonts), then its `Differences` by glyph name.
 */
function simpleEncoding(pdf: PdfFile, value: Value, builtIn: string[] | null): string[] {
  const base = nameOf(value) ?? nameOf(pdf.dict(value)?.get('BaseEncoding'));
  const table = [...(base === 'MacRomanEncoding' ? MAC_ROMAN : base === 'StandardEncoding' ? STANDARD : base === null && builtIn ? builtIn : WINDOWS)];
  const dict = pdf.dict(value);
  let code = 0;
  for (const entry of pdf.array(dict?.get('Differences'))) {
    const v = pdf.get(entry);
    if (typeof v === 'number') code = v;
    else if (v instanceof Name && code < 256) table[code++] = glyphText(v.name);
  }
  return table;
}

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);
/** A base encoding's 256 codes as text, the control codes none. */
const withoutControls = (chars: string[]) => chars.map((c, i) => (i < 32 ? '' : c));
const WINDOWS = withoutControls([...windows1252(ALL_BYTES)]);
const MAC_ROMAN = withoutControls(macRoman());
/** Adobe's StandardEncoding: ASCII with typographic quotes, and its own upper half. */
const STANDARD = ((): string[] => {
  const table = [...WINDOWS.slice(0, 128)].map((c, i) => (i === 0x27 ? '’' : i === 0x60 ? '‘' : i === 0x7f ? '' : c));
  const upper =
    '¡¢£⁄¥ƒ§¤\'“«‹›ﬁﬂ\0–†‡·\0¶•‚„”»…‰\0¿\0`´ˆ˜¯˘˙¨\0˚¸\0˝˛ˇ—\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0Æ\0ª\0\0\0\0ŁØŒº\0\0\0\0\0æ\0\0\0ı\0\0łøœß';
  [...upper].forEach((c, k) => (table[0xa1 + k] = c === '\0' ? '' : c));
  // Ligatures as their letters, as the glyph names read.
  table[0xae] = 'fi';
  table[0xaf] = 'fl';
  return Array.from({ length: 256 }, (_, i) => table[i] ?? '');
})();

function macRoman(): string[] {
  try {
    return [...new TextDecoder('macintosh').decode(ALL_BYTES)];
  } catch {
    return [...windows1252(ALL_BYTES)];
  }
}

/** The Adobe glyph names a simple font's `Differences` use most, beside `uniXXXX` and `uXXXX`. */
const GLYPH_NAMES: Record<string, string> = {
  space: ' ', exclam: '!', quotedbl: '"', numbersign: '#', dollar: '$', percent: '%', ampersand: '&', quotesingle: "'", parenleft: '(', parenright: ')',
  asterisk: '*', plus: '+', comma: ',', hyphen: '-', period: '.', slash: '/', zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6',
  seven: '7', eight: '8', nine: '9', colon: ':', semicolon: ';', less: '<', equal: '=', greater: '>', question: '?', at: '@', bracketleft: '[',
  backslash: '\\', bracketright: ']', asciicircum: '^', underscore: '_', grave: '`', braceleft: '{', bar: '|', braceright: '}', asciitilde: '~',
  quoteleft: '‘', quoteright: '’', quotedblleft: '“', quotedblright: '”', bullet: '•', endash: '–', emdash: '—', ellipsis: '…', nbspace: ' ',
  fi: 'fi', fl: 'fl', ff: 'ff', ffi: 'ffi', ffl: 'ffl', germandbls: 'ß', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', oslash: 'ø', Oslash: 'Ø', dotlessi: 'ı',
  quotesinglbase: '‚', quotedblbase: '„', guillemotleft: '«', guillemotright: '»', guilsinglleft: '‹', guilsinglright: '›', minus: '−', multiply: '×',
  divide: '÷', plusminus: '±', degree: '°', periodcentered: '·', section: '§', paragraph: '¶', copyright: '©', registered: '®', trademark: '™',
  Euro: '€', sterling: '£', yen: '¥', cent: '¢', dagger: '†', daggerdbl: '‡', exclamdown: '¡', questiondown: '¿', mu: 'µ', perthousand: '‰',
  fraction: '⁄', florin: 'ƒ', currency: '¤', ordfeminine: 'ª', ordmasculine: 'º', Lslash: 'Ł', lslash: 'ł', dotlessj: 'ȷ',
  // The signs of mathematics fonts (TeX's among them) that running text uses.
  lessequal: '≤', greaterequal: '≥', notequal: '≠', approxequal: '≈', equivalence: '≡', similar: '∼', proportional: '∝', infinity: '∞',
  element: '∈', arrowleft: '←', arrowright: '→', arrowup: '↑', arrowdown: '↓', arrowboth: '↔', arrowdblleft: '⇐', arrowdblright: '⇒',
  arrowdblboth: '⇔', universal: '∀', existential: '∃', logicalnot: '¬', logicaland: '∧', logicalor: '∨', union: '∪', intersection: '∩',
  propersubset: '⊂', propersuperset: '⊃', reflexsubset: '⊆', reflexsuperset: '⊇', emptyset: '∅', partialdiff: '∂', nabla: '∇', radical: '√',
  summation: '∑', product: '∏', integral: '∫', asteriskmath: '∗', minusplus: '∓', prime: '′', circleplus: '⊕', circlemultiply: '⊗',
  perpendicular: '⊥', openbullet: '◦', diamondmath: '⋄', dotmath: '⋅',
  ...greekLetters(),
};

/** The Greek letters by their glyph names (`Gamma`, `alpha`, `sigma1` for the final sigma). */
function greekLetters(): Record<string, string> {
  const names = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma1 sigma tau upsilon phi chi psi omega'.split(' ');
  const letters: Record<string, string> = {};
  names.forEach((name, k) => {
    letters[name] = String.fromCharCode(0x3b1 + k);
    if (name !== 'sigma1') letters[name[0].toUpperCase() + name.slice(1)] = String.fromCharCode(0x391 + k);
  });
  // `mu` is the micro sign in the Latin fonts' names.
  delete letters.mu;
  return letters;
}

/** Accents a glyph name may add to a letter (`adieresis`, `Eacute`), composed into one character. */
const ACCENTS: Record<string, string> = {
  acute: '\u0301', grave: '\u0300', circumflex: '\u0302', dieresis: '\u0308', tilde: '\u0303', ring: '\u030a', cedilla: '\u0327', caron: '\u030c',
  macron: '\u0304', breve: '\u0306', ogonek: '\u0328', dotaccent: '\u0307', hungarumlaut: '\u030b',
};

function glyphText(name: string): string {
  const base = name.replace(/\..*$/, '');
  if (/^[A-Za-z]$/.test(base)) return base;
  if (GLYPH_NAMES[base]) return GLYPH_NAMES[base];
  const accented = /^([A-Za-z])([a-z]+)$/.exec(base);
  if (accented && ACCENTS[accented[2]]) return (accented[1] + ACCENTS[accented[2]]).normalize('NFC');
  const uni = /^uni((?:[0-9A-Fa-f]{4})+)$/.exec(base);
  if (uni) return charsOf(uni[1].match(/.{4}/g)!.map((h) => parseInt(h, 16)));
  const u = /^u([0-9A-Fa-f]{4,6})$/.exec(base);
  if (u) return String.fromCodePoint(Math.min(parseInt(u[1], 16), 0x10ffff));
  return '';
}

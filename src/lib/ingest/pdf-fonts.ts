import { charsOf, windows1252 } from './byte-text.ts';
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

/** Reads a CMap stream's `codespacerange`, `bfchar`/`bfrange` (to text) and `cidchar`/`cidrange` (to CIDs). */
function parseCMap(data: Uint8Array): CMap {
  const lexer = new Lexer(data, 0, false);
  const ranges: CodeRange[] = [];
  const map = new Map<number, string | number>();
  const operands: Value[] = [];
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
        // A broken range must not fill memory: a CMap range spans at most 65,536 codes.
        for (let c = from, k = 0; c <= to && k < 0x10000; c++, k++) {
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

/** The Japanese predefined CMaps whose codes are an encoding of their own, and how to decode a code. */
function predefined(encoding: string): { ranges: CodeRange[]; text: (code: number, length: number) => string } | null {
  const bytesOf = (code: number, length: number) => (length === 2 ? Uint8Array.of(code >> 8, code & 0xff) : Uint8Array.of(code));
  if (/RKSJ/.test(encoding)) {
    const decoder = new TextDecoder('shift_jis');
    return { ranges: SHIFT_JIS_RANGES, text: (code, length) => decoder.decode(bytesOf(code, length)) };
  }
  if (/^(Uni\w+-UCS2|Uni\w+-UTF16)/.test(encoding)) return { ranges: TWO_BYTES, text: (code) => String.fromCharCode(code) };
  if (/^EUC-[HV]$/.test(encoding)) {
    const decoder = new TextDecoder('euc-jp');
    return { ranges: EUC_RANGES, text: (code, length) => decoder.decode(bytesOf(code, length)) };
  }
  if (/^[HV]$/.test(encoding)) {
    const decoder = new TextDecoder('iso-2022-jp');
    return { ranges: TWO_BYTES, text: (code) => decoder.decode(Uint8Array.of(0x1b, 0x24, 0x42, code >> 8, code & 0xff)) };
  }
  return null;
}

/** Reads a font dictionary; a font without text (every code unknown) still gives widths, for spacing. */
export async function readFont(pdf: PdfFile, font: Dict): Promise<PdfFont> {
  const toUnicodeStream = pdf.get(font.get('ToUnicode'));
  let toUnicode: CMap | null = null;
  if (isStream(toUnicodeStream)) {
    try {
      toUnicode = parseCMap(await pdf.data(toUnicodeStream));
    } catch {
      toUnicode = null;
    }
  }
  return nameOf(font.get('Subtype')) === 'Type0' ? await compositeFont(pdf, font, toUnicode) : simpleFont(pdf, font, toUnicode);
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
  return {
    vertical: /-V$|^V$/.test(encoding),
    glyphs(bytes) {
      return splitCodes(bytes, ranges).map(([code, length]) => {
        const mapped = toUnicode?.map.get(code);
        const text = typeof mapped === 'string' ? mapped : known ? known.text(code, length) : '';
        const cidEntry = toCid?.map.get(code);
        const cid = typeof cidEntry === 'number' ? cidEntry : identity ? code : null;
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
  for (let i = 0; i < entries.length; ) {
    const first = pdf.get(entries[i]);
    const next = pdf.get(entries[i + 1]);
    if (typeof first !== 'number') break;
    if (Array.isArray(next)) {
      next.forEach((w, k) => widths.set(first + k, numberOf(pdf.get(w), 0)));
      i += 2;
    } else {
      const width = numberOf(pdf.get(entries[i + 2]), 0);
      const last = numberOf(next, first);
      for (let c = first; c <= last && c - first < 0x10000; c++) widths.set(c, width);
      i += 3;
    }
  }
  return widths;
}

function simpleFont(pdf: PdfFile, font: Dict, toUnicode: CMap | null): PdfFont {
  const firstChar = numberOf(pdf.get(font.get('FirstChar')), 0);
  const widthList = pdf.array(font.get('Widths')).map((w) => numberOf(pdf.get(w), 0));
  // A Type 3 font's widths are in its own glyph space, scaled to text space by its matrix.
  const matrix = pdf.array(font.get('FontMatrix')).map((v) => numberOf(pdf.get(v), 0));
  const scale = nameOf(font.get('Subtype')) === 'Type3' && matrix.length === 6 ? matrix[0] * 1000 : 1;
  const descriptor = pdf.dict(font.get('FontDescriptor'));
  const missingWidth = numberOf(pdf.get(descriptor?.get('MissingWidth')), 0);
  const encoding = simpleEncoding(pdf, pdf.get(font.get('Encoding')));
  return {
    vertical: false,
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

/** A simple font's 256 codes as text: its base encoding (Windows for the usual ones), then its `Differences` by glyph name. */
function simpleEncoding(pdf: PdfFile, value: Value): string[] {
  const base = nameOf(value) ?? nameOf(pdf.dict(value)?.get('BaseEncoding')) ?? 'WinAnsiEncoding';
  const table = [...(base === 'MacRomanEncoding' ? MAC_ROMAN : WINDOWS)];
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
};

function glyphText(name: string): string {
  const base = name.replace(/\..*$/, '');
  if (/^[A-Za-z]$/.test(base)) return base;
  if (GLYPH_NAMES[base]) return GLYPH_NAMES[base];
  const uni = /^uni((?:[0-9A-Fa-f]{4})+)$/.exec(base);
  if (uni) return charsOf(uni[1].match(/.{4}/g)!.map((h) => parseInt(h, 16)));
  const u = /^u([0-9A-Fa-f]{4,6})$/.exec(base);
  if (u) return String.fromCodePoint(Math.min(parseInt(u[1], 16), 0x10ffff));
  return '';
}

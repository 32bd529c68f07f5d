import { byteChars } from './byte-text.ts';
import { emptyPasswordDecrypt, NeedsPassword, type Decrypt } from './pdf-crypt.ts';
import { PartTooLarge } from './limits.ts';
import { inflate } from './zip.ts';

/**
 * A PDF's objects, as far as reading its text needs: the syntax (numbers, strings, names, arrays,
 * dictionaries, streams, references), the objects found by scanning the file rather than trusting its
 * cross-reference table (a file cut short or edited by hand still reads; a later definition of an
 * object wins, as an incremental update's does), objects packed in object streams, and a stream's
 * data through its filters.
 */

export class Name {
  constructor(readonly name: string) {}
}
export class Ref {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
/** A string as its bytes: what they mean depends on the font that shows them. */
export class PdfString {
  constructor(readonly bytes: Uint8Array) {}
}
/** A content stream's operator (`Tj`, `BT`) or another bare keyword. */
export class Keyword {
  constructor(readonly word: string) {}
}
export type Dict = Map<string, Value>;
export interface Stream {
  dict: Dict;
  raw: Uint8Array;
  /** The object it is, whose number an encrypted file's key for it is made from. */
  ref?: Ref;
}
export type Value = number | boolean | null | Name | Ref | PdfString | Value[] | Dict | Stream;

/** A stream in a filter the reader lacks (an image's: DCT, JBIG2, CCITT; LZW, which no writer of today uses). */
export class UnreadFilter extends Error {}

/** The file is encrypted with a password to open it (or in a way this reader lacks): its streams cannot be read without it. */
export class PdfEncrypted extends Error {}

const WHITE = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WHITE[c] = 1;
const DELIMITER = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIMITER[c.charCodeAt(0)] = 1;

const END = Symbol('end');
const ARRAY_END = new Keyword(']');
const DICT_END = new Keyword('>>');
type Token = Value | Keyword | typeof END;

/** Reads tokens and values from `bytes` at `pos`; `refs`: read `1 0 R` as a reference (not in content streams, which have none). */
export class Lexer {
  pos: number;
  /** Where the last token began. */
  private tokenStart = 0;
  constructor(
    readonly bytes: Uint8Array,
    pos = 0,
    private readonly refs = true,
  ) {
    this.pos = pos;
  }

  private skipSpace(): void {
    const b = this.bytes;
    while (this.pos < b.length) {
      const c = b[this.pos];
      if (WHITE[c]) this.pos++;
      else if (c === 0x25) {
        while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
      } else break;
    }
  }

  /** The next token: a value, or a keyword (an operator, `]`, `>>`, `obj`, `stream`…). */
  token(): Token {
    this.skipSpace();
    this.tokenStart = this.pos;
    const b = this.bytes;
    if (this.pos >= b.length) return END;
    const c = b[this.pos];
    if (c === 0x2f) return this.name();
    if (c === 0x28) return this.literal();
    if (c === 0x3c) {
      if (b[this.pos + 1] === 0x3c) {
        this.pos += 2;
        return this.dict();
      }
      return this.hex();
    }
    if (c === 0x3e && b[this.pos + 1] === 0x3e) {
      this.pos += 2;
      return DICT_END;
    }
    if (c === 0x5b) {
      this.pos++;
      return this.array();
    }
    if (c === 0x5d) {
      this.pos++;
      return ARRAY_END;
    }
    if (DELIMITER[c]) {
      // `{` `}` of a PostScript function, a stray `)` or `>`: nothing the text needs.
      this.pos++;
      return new Keyword(String.fromCharCode(c));
    }
    const start = this.pos;
    while (this.pos < b.length && !WHITE[b[this.pos]] && !DELIMITER[b[this.pos]]) this.pos++;
    const word = byteChars(b.subarray(start, this.pos));
    if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(word)) return this.refs && /^\d+$/.test(word) ? this.maybeRef(Number(word)) : Number(word);
    if (/^[+-]*[\d.]+[+-]?$/.test(word)) return Number.parseFloat(word.replace(/^[+-]+(?=[+-])/, '')) || 0;
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return new Keyword(word);
  }

  /** A value, or null where a keyword stands (the caller that wants keywords uses `token`). */
  value(): Value {
    const t = this.token();
    return t === END || t instanceof Keyword ? null : t;
  }

  private maybeRef(num: number): Value {
    const save = this.pos;
    const second = /^\s*(\d+)\s+R(?![^\s()<>[\]{}/%])/.exec(byteChars(this.bytes.subarray(this.pos, this.pos + 32)));
    if (second) {
      this.pos = save + second[0].length;
      return new Ref(num, Number(second[1]));
    }
    return num;
  }

  private name(): Name {
    const b = this.bytes;
    const start = ++this.pos;
    while (this.pos < b.length && !WHITE[b[this.pos]] && !DELIMITER[b[this.pos]]) this.pos++;
    const raw = byteChars(b.subarray(start, this.pos));
    return new Name(raw.includes('#') ? raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : raw);
  }

  private literal(): PdfString {
    const b = this.bytes;
    const out: number[] = [];
    let depth = 1;
    this.pos++;
    while (this.pos < b.length) {
      let c = b[this.pos++];
      if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) break;
      else if (c === 0x5c) {
        c = b[this.pos++];
        const escaped = ESCAPES[c];
        if (escaped !== undefined) out.push(escaped);
        else if (c >= 0x30 && c <= 0x37) {
          let n = c - 0x30;
          for (let k = 0; k < 2 && b[this.pos] >= 0x30 && b[this.pos] <= 0x37; k++) n = n * 8 + (b[this.pos++] - 0x30);
          out.push(n & 0xff);
        } else if (c === 13) {
          if (b[this.pos] === 10) this.pos++;
        } else if (c !== 10) out.push(c);
        continue;
      } else if (c === 13) {
        // A bare line end in a string is a line feed, whatever the file wrote.
        if (b[this.pos] === 10) this.pos++;
        c = 10;
      }
      out.push(c);
    }
    return new PdfString(Uint8Array.from(out));
  }

  private hex(): PdfString {
    const b = this.bytes;
    const digits: number[] = [];
    this.pos++;
    while (this.pos < b.length && b[this.pos] !== 0x3e) {
      const d = HEX[b[this.pos++]];
      if (d !== undefined) digits.push(d);
    }
    this.pos++;
    if (digits.length % 2) digits.push(0);
    const out = new Uint8Array(digits.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = digits[2 * i] * 16 + digits[2 * i + 1];
    return new PdfString(out);
  }

  private array(): Value[] {
    const items: Value[] = [];
    for (;;) {
      const t = this.token();
      if (t === END || t === ARRAY_END) return items;
      if (isObjectEnd(t)) return this.unread(items);
      if (!(t instanceof Keyword)) items.push(t);
    }
  }

  /** Puts back the object's end just read, so every structure open around it ends there too. */
  private unread<T>(structure: T): T {
    this.pos = this.tokenStart;
    return structure;
  }

  /** A dictionary; one left unclosed ends at its object's end, not in the objects after it. */
  private dict(): Dict {
    const dict: Dict = new Map();
    for (;;) {
      const key = this.token();
      if (key === END || key === DICT_END) return dict;
      if (isObjectEnd(key)) return this.unread(dict);
      if (!(key instanceof Name)) continue;
      const value = this.token();
      if (value === END || value === DICT_END) return dict;
      if (isObjectEnd(value)) return this.unread(dict);
      if (!(value instanceof Keyword)) dict.set(key.name, value);
    }
  }
}

/** The keywords around an object's body, which no dictionary or array inside it holds. */
const isObjectEnd = (t: Token) => t instanceof Keyword && (t.word === 'endobj' || t.word === 'stream' || t.word === 'obj');

const ESCAPES: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
const HEX: Record<number, number> = {};
for (let i = 0; i < 16; i++) {
  HEX['0123456789abcdef'.charCodeAt(i)] = i;
  HEX['0123456789ABCDEF'.charCodeAt(i)] = i;
}

export const isDict = (v: unknown): v is Dict => v instanceof Map;
export const isStream = (v: unknown): v is Stream => typeof v === 'object' && v !== null && 'raw' in v && 'dict' in v;
export const nameOf = (v: unknown): string | null => (v instanceof Name ? v.name : null);
export const numberOf = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/**
 * The most bytes a PDF's streams may inflate to, all together: past it the file is a bomb, not a
 * report (a report's text is a few hundred kilobytes at most).
 */
export const MAX_INFLATED_BYTES = 2 ** 28;

export class PdfFile {
  private readonly objects = new Map<number, Value>();
  private readonly trailers: Dict[] = [];
  private inflated = 0;
  private decrypt: Decrypt | null = null;

  private constructor(private readonly bytes: Uint8Array) {}

  /**
   * Every object of the file, those in object streams too. A file encrypted with an empty user
   * password (protected against editing or copying only) is decrypted as a viewer does; one that
   * needs a password to open throws `PdfEncrypted`.
   */
  static async open(bytes: Uint8Array): Promise<PdfFile> {
    const file = new PdfFile(bytes);
    const packed = file.scan();
    const trailer = [...file.trailers].reverse().find((t) => t.has('Encrypt'));
    if (trailer) {
      try {
        file.decrypt = await emptyPasswordDecrypt(file.security(trailer));
      } catch (error) {
        if (error instanceof NeedsPassword) throw new PdfEncrypted(error.message);
        throw error;
      }
    }
    for (const stream of packed) await file.unpack(stream);
    return file;
  }

  /** The standard security handler's entries, as the trailer's `/Encrypt` and `/ID` give them. */
  private security(trailer: Dict) {
    const encrypt = this.dict(trailer.get('Encrypt')) ?? new Map();
    const bytes = (v: Value | undefined) => {
      const s = this.get(v);
      return s instanceof PdfString ? s.bytes : new Uint8Array();
    };
    const filters = this.dict(encrypt.get('CF'));
    const streamFilter = nameOf(encrypt.get('StmF')) ?? 'Identity';
    return {
      filter: nameOf(encrypt.get('Filter')),
      v: numberOf(this.get(encrypt.get('V')), 0),
      r: numberOf(this.get(encrypt.get('R')), 0),
      lengthBits: numberOf(this.get(encrypt.get('Length')), 40),
      o: bytes(encrypt.get('O')),
      u: bytes(encrypt.get('U')),
      ue: encrypt.has('UE') ? bytes(encrypt.get('UE')) : null,
      p: numberOf(this.get(encrypt.get('P')), 0),
      id: bytes(this.array(trailer.get('ID'))[0]),
      encryptMetadata: this.get(encrypt.get('EncryptMetadata')) !== false,
      streamMethod: streamFilter === 'Identity' ? 'Identity' : (nameOf(this.dict(filters?.get(streamFilter))?.get('CFM')) ?? 'None'),
    };
  }

  /** Objects in file order: `N G obj … endobj`, a stream's data skipped by its length or its `endstream`. */
  private scan(): Stream[] {
    const text = byteChars(this.bytes);
    // Numbers start after a non-digit and are as long as PDF's (object ≤ 8,388,607, generation ≤ 65,535):
    // a long run of digits (a damaged stream's data) is then crossed once, not once per digit.
    const header = /(?<!\d)(\d{1,10})\s+(\d{1,5})\s+obj\b|trailer\s*<</g;
    const packed: Stream[] = [];
    // The last search for `endstream`: a later one starting inside the stretch it crossed ends where it did
    // (a file of many streams without their own end would be searched to its end once per stream otherwise).
    let searched = { from: Number.POSITIVE_INFINITY, at: -1 };
    const endOf = (start: number) => {
      if (start < searched.from || (searched.at >= 0 && start > searched.at)) searched = { from: start, at: text.indexOf('endstream', start) };
      return searched.at;
    };
    for (let m = header.exec(text); m; m = header.exec(text)) {
      const lexer = new Lexer(this.bytes, m.index + m[0].length);
      if (m[1] === undefined) {
        lexer.pos -= 2;
        const trailer = lexer.value();
        if (isDict(trailer)) this.trailers.push(trailer);
        header.lastIndex = lexer.pos;
        continue;
      }
      let value = lexer.value();
      const after = lexer.pos;
      if (isDict(value) && /^\s*stream\r?\n?/.test(text.slice(after, after + 16))) {
        const start = after + /^\s*stream(\r\n|\n|\r)?/.exec(text.slice(after, after + 16))![0].length;
        const declared = value.get('Length');
        let end = typeof declared === 'number' && /^\s*endstream/.test(text.slice(start + declared, start + declared + 32)) ? start + declared : -1;
        if (end < 0) {
          end = endOf(start);
          if (end < 0) end = text.length;
          while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
        }
        value = { dict: value, raw: this.bytes.subarray(start, end), ref: new Ref(Number(m[1]), Number(m[2])) };
        header.lastIndex = end;
        const type = nameOf(value.dict.get('Type'));
        if (type === 'ObjStm') packed.push(value);
        else if (type === 'XRef') this.trailers.push(value.dict);
      } else header.lastIndex = after;
      this.objects.set(Number(m[1]), value);
    }
    return packed;
  }

  /** An object stream's objects, where the file does not define them itself. */
  private async unpack(stream: Stream): Promise<void> {
    let data: Uint8Array;
    try {
      data = await this.data(stream);
    } catch {
      return;
    }
    const count = numberOf(stream.dict.get('N'), 0);
    const first = numberOf(stream.dict.get('First'), 0);
    const index = new Lexer(data, 0, false);
    const entries: Array<[number, number]> = [];
    for (let i = 0; i < count; i++) {
      const num = index.value();
      const offset = index.value();
      if (typeof num !== 'number' || typeof offset !== 'number') break;
      entries.push([num, offset]);
    }
    for (const [num, offset] of entries) {
      if (!this.objects.has(num)) this.objects.set(num, new Lexer(data, first + offset).value());
    }
  }

  /** A value with its reference followed (a chain of them too, but not a loop). */
  get(value: Value | undefined): Value {
    for (let hops = 0; value instanceof Ref && hops < 32; hops++) value = this.objects.get(value.num);
    return value instanceof Ref || value === undefined ? null : value;
  }

  dict(value: Value | undefined): Dict | null {
    const v = this.get(value);
    return isDict(v) ? v : isStream(v) ? v.dict : null;
  }

  array(value: Value | undefined): Value[] {
    const v = this.get(value);
    return Array.isArray(v) ? v : [];
  }

  /** The document catalog: the last trailer's `/Root`, else the last object that says it is one. */
  catalog(): Dict | null {
    for (const trailer of [...this.trailers].reverse()) {
      const root = this.dict(trailer.get('Root'));
      if (root) return root;
    }
    let found: Dict | null = null;
    for (const value of this.objects.values()) if (isDict(value) && nameOf(value.get('Type')) === 'Catalog') found = value;
    return found;
  }

  /** Every page object, in the order the file holds them (for a file whose page tree is lost). */
  pages(): Dict[] {
    return [...this.objects.values()].filter((v): v is Dict => isDict(v) && nameOf(v.get('Type')) === 'Page');
  }

  /** A stream's data through its filters; a filter the reader lacks throws. */
  async data(stream: Stream): Promise<Uint8Array> {
    const filters = this.get(stream.dict.get('Filter'));
    const names = (Array.isArray(filters) ? filters : [filters]).map((f) => nameOf(this.get(f))).filter((f): f is string => f !== null);
    let data = stream.raw;
    // A cross-reference stream is never encrypted; the other streams each with their own object's key.
    if (this.decrypt && stream.ref && nameOf(stream.dict.get('Type')) !== 'XRef') data = await this.decrypt(data, stream.ref.num, stream.ref.gen);
    // A writer that compressed a stream but named no filter: its zlib header says so (no text or font program starts that way).
    if (names.length === 0 && isZlibHeader(data)) names.push('FlateDecode');
    for (const filter of names) {
      if (filter === 'Crypt') continue;
      if (filter === 'FlateDecode' || filter === 'Fl') {
        const limit = MAX_INFLATED_BYTES - this.inflated;
        try {
          data = await inflate(data, 'PDF stream', limit, 'deflate');
        } catch (error) {
          if (error instanceof PartTooLarge) throw error;
          // Damaged (a writer's wrong checksum, a stream cut short): as much as inflates before the damage.
          data = await inflate(data, 'PDF stream', limit, 'deflate', true);
        }
        this.inflated += data.length;
      } else if (filter === 'ASCIIHexDecode' || filter === 'AHx') data = asciiHex(data);
      else if (filter === 'ASCII85Decode' || filter === 'A85') data = ascii85(data);
      else throw new UnreadFilter(filter);
    }
    return data;
  }
}

/** Deflate with a 32 KB window or smaller, no preset dictionary, and the header's own check (RFC 1950). */
function isZlibHeader(data: Uint8Array): boolean {
  return data.length > 2 && (data[0] & 0x8f) === 0x08 && (data[1] & 0x20) === 0 && ((data[0] << 8) | data[1]) % 31 === 0;
}

function asciiHex(data: Uint8Array): Uint8Array {
  const lexer = new Lexer(Uint8Array.from([0x3c, ...data.subarray(0, data.indexOf(0x3e) < 0 ? data.length : data.indexOf(0x3e)), 0x3e]));
  return (lexer.value() as PdfString).bytes;
}

function ascii85(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let group: number[] = [];
  const flush = (n: number) => {
    while (group.length < 5) group.push(84);
    let value = 0;
    for (const d of group) value = value * 85 + d;
    for (let k = 0; k < n - 1; k++) out.push((value >>> (24 - 8 * k)) & 0xff);
    group = [];
  };
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    if (c === 0x7e) break;
    if (c === 0x7a && group.length === 0) out.push(0, 0, 0, 0);
    else if (c >= 0x21 && c <= 0x75) {
      group.push(c - 0x21);
      if (group.length === 5) flush(5);
    }
  }
  if (group.length > 1) flush(group.length);
  return Uint8Array.from(out);
}

export type Delimiter = ',' | '\t' | ';';
/** Comma first: the contract's; tab and semicolon are what some offices' tools save. */
export const DELIMITERS: readonly Delimiter[] = [',', '\t', ';'];

export type QuoteProblem = 'unterminated_quote' | 'stray_quote';

export interface CsvRecord {
  /** Editor line (1-based) where the record starts, and where it ends (a quoted line break spans lines). */
  line: number;
  endLine: number;
  /** Offsets of the record in the text, for messages and for spotting U+FFFD. */
  start: number;
  end: number;
  fields: string[];
  /** A quote the RFC 4180 grammar does not allow: the record is rejected, the reader resumes on the next line. */
  problem: { code: QuoteProblem; field: number } | null;
}

const QUOTE = 0x22;
const EQUALS = 0x3d;
const LF = 0x0a;

/**
 * Short cells a file repeats on every row (a ward, a year, a stage, a letter) handed out as one string
 * each instead of a fresh copy per row: a million rows made six million short strings, most of a
 * load's garbage collection, and each fresh string was hashed again by every lookup of it downstream.
 * Open addressing over a fixed table, so free text cannot grow it; a miss (long, or the table full)
 * is an ordinary slice.
 */
class CellInterner {
  private static readonly SLOTS = 4096;
  private static readonly MAX_LENGTH = 24;
  private static readonly PROBES = 8;
  private readonly cells: Array<string | undefined> = new Array(CellInterner.SLOTS);

  /** The cell `text[start, end)`; `hash` is `h = imul(h, 31) + char` over its characters from 0, computed by the reader as it scans them. */
  cell(text: string, start: number, end: number, hash: number): string {
    const length = end - start;
    if (length > CellInterner.MAX_LENGTH) return text.slice(start, end);
    let slot = (hash ^ (hash >>> 13)) & (CellInterner.SLOTS - 1);
    for (let probe = 0; probe < CellInterner.PROBES; probe++) {
      const known = this.cells[slot];
      if (known === undefined) return (this.cells[slot] = text.slice(start, end));
      if (known.length === length && text.startsWith(known, start)) return known;
      slot = (slot + 1) & (CellInterner.SLOTS - 1);
    }
    return text.slice(start, end);
  }
}

/** CRLF and lone CR become LF, so line numbers are what an editor shows whatever the file mixes. */
export function normalizeLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Lines of a text whose line ends are already LF. */
export function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function isBlankRecord(fields: string[]): boolean {
  return fields.every((f) => f.trim() === '');
}

/**
 * RFC 4180 records, one at a time, from LF-only text. Strict about quotes: a quoted field must close
 * and be followed by the delimiter or the line end, and an unquoted field holds no quote (Excel's text
 * formula `="14101"` excepted: it reads as the text inside, as Excel shows it). A record
 * breaking that is returned with its problem and only its own line (never the lines after it, as a
 * lenient parser would swallow), and reading resumes on the next line. Linear in the text: each
 * character is looked at a bounded number of times.
 */
export class CsvReader {
  private pos: number;
  private lineNo: number;
  private readonly delimiterCode: number;
  /**
   * Per character searched for (line end, quote, delimiter), the last search: from where, and the first
   * occurrence found (reading mostly moves forward). Plain numbers: a search per row must not allocate.
   */
  private readonly searchedFrom = [-1, -1, -1];
  private readonly foundAt = [-1, -1, -1];
  private readonly interner = new CellInterner();

  constructor(
    readonly text: string,
    readonly delimiter: Delimiter,
    start = 0,
    line = 1,
  ) {
    this.pos = start;
    this.lineNo = line;
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** Offset of the next unread character (for progress). */
  get position(): number {
    return this.pos;
  }

  /** The line the next record starts on; after the last record, the number of lines read + 1. */
  get line(): number {
    return this.lineNo;
  }

  /**
   * `text.indexOf(char, from)`, or the text's length. The last answer holds for any `from` between the
   * search's start and the occurrence it found, so a forward read scans each character once per kind.
   */
  private indexOf(char: '\n' | '"' | Delimiter, from: number): number {
    const slot = char === '\n' ? 0 : char === '"' ? 1 : 2;
    if (this.searchedFrom[slot] !== -1 && this.searchedFrom[slot] <= from && from <= this.foundAt[slot]) return this.foundAt[slot];
    const i = this.text.indexOf(char, from);
    const at = i === -1 ? this.text.length : i;
    this.searchedFrom[slot] = from;
    this.foundAt[slot] = at;
    return at;
  }

  private lineEndFrom(from: number): number {
    return this.indexOf('\n', from);
  }

  next(): CsvRecord | null {
    const { text } = this;
    const length = text.length;
    if (this.pos >= length) return null;
    const start = this.pos;
    const line = this.lineNo;
    // One pass over the line: cells end at a delimiter, the line at LF; a quote before the line end
    // sends the record to the field-by-field reader.
    const nextQuote = this.indexOf('"', start);
    const quoteAt = nextQuote < length ? nextQuote : -1;
    const delimiter = this.delimiterCode;
    const fields: string[] = [];
    let from = start;
    let hash = 0;
    for (let i = start; ; i++) {
      if (i === quoteAt) return this.quotedRecord(start, line);
      const c = i < length ? text.charCodeAt(i) : LF;
      if (c === delimiter || c === LF) {
        fields.push(this.interner.cell(text, from, i, hash));
        if (c === LF) {
          this.pos = i + 1;
          this.lineNo++;
          return { line, endLine: line, start, end: i, fields, problem: null };
        }
        from = i + 1;
        hash = 0;
      } else {
        hash = (Math.imul(hash, 31) + c) | 0;
      }
    }
  }

  /** A record with a quote somewhere: field by field. */
  private quotedRecord(start: number, line: number): CsvRecord {
    const { text } = this;
    const length = text.length;
    const fields: string[] = [];
    let pos = start;
    let lines = 0;
    // The record ends on the line where the faulty field starts; reading resumes on the next line.
    const reject = (code: QuoteProblem): CsvRecord => {
      const end = this.lineEndFrom(pos);
      this.pos = end + 1;
      this.lineNo = line + lines + 1;
      const shown = text.slice(start, end).split(this.delimiter);
      return { line, endLine: line + lines, start, end, fields: shown, problem: { code, field: fields.length } };
    };
    for (;;) {
      // ="…" is how systems write a cell Excel must keep as text (codes with leading zeros, 2025年度):
      // Excel shows the text inside, and so does this reader.
      if (text.charCodeAt(pos) === EQUALS && text.charCodeAt(pos + 1) === QUOTE) pos++;
      if (text.charCodeAt(pos) === QUOTE) {
        let close = -1;
        for (let from = pos + 1; ; ) {
          const q = text.indexOf('"', from);
          if (q === -1) break;
          if (text.charCodeAt(q + 1) === QUOTE) {
            from = q + 2;
            continue;
          }
          close = q;
          break;
        }
        if (close === -1) return reject('unterminated_quote');
        const after = text.charCodeAt(close + 1);
        const spans = this.newlinesBetween(pos, close);
        // Text after a closing quote found on a later line means the quote never closed on its own line.
        if (close + 1 < length && after !== this.delimiterCode && after !== LF) return reject(spans > 0 ? 'unterminated_quote' : 'stray_quote');
        const raw = text.slice(pos + 1, close);
        fields.push(raw.includes('""') ? raw.replaceAll('""', '"') : raw);
        lines += spans;
        pos = close + 1;
        if (pos < length && after === this.delimiterCode) {
          pos++;
          continue;
        }
        return this.finish(start, line, lines, pos, fields);
      }
      const lineEnd = this.lineEndFrom(pos);
      const fieldEnd = Math.min(this.indexOf(this.delimiter, pos), lineEnd);
      const field = text.slice(pos, fieldEnd);
      if (field.includes('"')) return reject('stray_quote');
      fields.push(field);
      if (fieldEnd < lineEnd) {
        pos = fieldEnd + 1;
        continue;
      }
      return this.finish(start, line, lines, lineEnd, fields);
    }
  }

  private newlinesBetween(from: number, to: number): number {
    let n = 0;
    for (let i = this.indexOf('\n', from); i < to; i = this.indexOf('\n', i + 1)) n++;
    return n;
  }

  private finish(start: number, line: number, lines: number, end: number, fields: string[]): CsvRecord {
    this.pos = end + 1;
    this.lineNo = line + lines + 1;
    return { line, endLine: line + lines, start, end, fields, problem: null };
  }
}

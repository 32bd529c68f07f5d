import { charsOf } from './byte-text.ts';
import { compoundFileOf, PasswordProtected, type CompoundFile } from './cfb.ts';
import { dateShown, EPOCH_1900, EPOCH_1904, shownNumber, type DateShown } from './number-format.ts';
import { sheetCsv, type Cell, type Merge, type Sheet } from './sheet.ts';

/**
 * An Excel 97–2003 workbook (`.xls`, BIFF8 records in the `Workbook` stream of a compound file) read
 * as the CSVs its sheets would be saved as (sheet.ts), by the same rules as an `.xlsx`: what Excel
 * shows is what is read (shared strings without their furigana, a formula's last value, a
 * date-formatted number as its date, a merged cell's value in every row it spans), hidden sheets
 * named and left out. Excel 5/95 workbooks (BIFF5, a `Book` stream) are not read.
 */

const BOF = 0x0809;
const EOF = 0x000a;
const BIFF8 = 0x0600;
const CONTINUE = 0x003c;
const FILEPASS = 0x002f;
const DATEMODE = 0x0022;
const BOUNDSHEET = 0x0085;
const SST = 0x00fc;
const FORMAT = 0x041e;
const XF = 0x00e0;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const FORMULA = 0x0006;
/** BIFF3's and BIFF4's numbers for a formula, under which some writers (Apple Numbers' export) save BIFF8 formulas. */
const FORMULA_BIFF3 = 0x0206;
const FORMULA_BIFF4 = 0x0406;
const STRING = 0x0207;
const BOOLERR = 0x0205;
const MERGEDCELLS = 0x00e5;
const WORKSHEET = 0;

/** Excel's error codes as it shows them. */
const ERRORS = new Map([
  [0x00, '#NULL!'],
  [0x07, '#DIV/0!'],
  [0x0f, '#VALUE!'],
  [0x17, '#REF!'],
  [0x1d, '#NAME?'],
  [0x24, '#NUM!'],
  [0x2a, '#N/A'],
]);

interface SheetEntry {
  name: string;
  hidden: boolean;
  offset: number;
}

interface Globals {
  sheets: SheetEntry[];
  strings: string[];
  /** Per XF (a cell's `ixfe`): the date its number format shows (number-format.ts). */
  dates: DateShown[];
  epoch: number;
}

/** The workbook's sheets in tab order, or null when the bytes are not an Excel 97–2003 workbook. */
export function readExcel97(source: Uint8Array | CompoundFile): Sheet[] | null {
  // A compound file that cannot be opened is damaged, whatever it held; one without this stream is
  // another old Office file (a `.doc`, an Excel 95 `Book`), told for what it is. Some writers put
  // BIFF8 records in a `Book` stream (xlrd and Calc read them): its first record tells.
  const file = compoundFileOf(source);
  const stream = file?.stream('Workbook') ?? file?.stream('Book') ?? null;
  if (stream === null) return null;
  const records = new Records(stream);
  if (records.type(0) !== BOF || records.u16(4) !== BIFF8) return null;
  const globals = readGlobals(records);
  return globals.sheets.map(({ name, hidden, offset }) => ({ name, hidden, csv: readSheet(records, offset, globals) }));
}

/** The BIFF record stream: each record a type, a length and its body. */
class Records {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  type(at: number): number {
    return this.u16(at);
  }
  /** The end of the record at `at` (where the next one starts). */
  next(at: number): number {
    const end = at + 4 + this.u16(at + 2);
    if (end > this.bytes.length) throw new Error(`record at ${at} cut short`);
    return end;
  }
  u8(at: number): number {
    return this.view.getUint8(at);
  }
  u16(at: number): number {
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    return this.view.getUint32(at, true);
  }
  f64(at: number): number {
    return this.view.getFloat64(at, true);
  }
  /** The body of the record at `at` and of the `CONTINUE` records after it, and where the next record starts. */
  continued(at: number): { body: Continued; next: number } {
    let next = this.next(at);
    const parts = [this.bytes.subarray(at + 4, next)];
    while (next + 4 <= this.bytes.length && this.type(next) === CONTINUE) {
      parts.push(this.bytes.subarray(next + 4, this.next(next)));
      next = this.next(next);
    }
    return { body: new Continued(parts), next };
  }
}

/**
 * A record's body across its `CONTINUE` records, read in order. Where a string's characters go on
 * in the next record, that record first repeats whether they are one byte or two.
 */
class Continued {
  private part = 0;
  private at = 0;
  constructor(private readonly parts: Uint8Array[]) {}

  get done(): boolean {
    while (this.part < this.parts.length && this.at >= this.parts[this.part].length) this.nextPart();
    return this.part >= this.parts.length;
  }
  u8(): number {
    if (this.done) throw new Error('record ends early');
    return this.parts[this.part][this.at++];
  }
  u16(): number {
    return this.u8() | (this.u8() << 8);
  }
  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
  skip(count: number): void {
    while (count > 0) {
      if (this.done) throw new Error('record ends early');
      const n = Math.min(count, this.parts[this.part].length - this.at);
      this.at += n;
      count -= n;
    }
  }
  /** `XLUnicodeString`: a 16-bit length, its flags, its characters (`cutShort` as in `chars`). */
  string(cutShort: 'refuse' | 'keep' = 'refuse'): string {
    const count = this.u16();
    return this.chars(count, (this.u8() & 1) === 1, cutShort);
  }
  /**
   * `count` characters, one byte each (Latin-1) or two (UTF-16LE). A string that runs past its
   * record is damage, unless `cutShort` is 'keep': then what the record holds is the string.
   */
  chars(count: number, wide: boolean, cutShort: 'refuse' | 'keep' = 'refuse'): string {
    const units: number[] = [];
    while (units.length < count) {
      let part = this.parts[this.part];
      if (part === undefined || this.at >= part.length) {
        this.nextPart();
        part = this.parts[this.part];
        if (part === undefined && cutShort === 'keep') break;
        if (part === undefined) throw new Error('string ends early');
        wide = (part[this.at++] & 1) === 1;
      }
      const size = wide ? 2 : 1;
      const n = Math.min(count - units.length, Math.floor((part.length - this.at) / size));
      if (n === 0) throw new Error('character split between records');
      for (let i = 0; i < n; i++, this.at += size) units.push(wide ? part[this.at] | (part[this.at + 1] << 8) : part[this.at]);
    }
    return charsOf(units);
  }
  private nextPart(): void {
    this.part++;
    this.at = 0;
  }
}

function readGlobals(records: Records): Globals {
  const globals: Globals = { sheets: [], strings: [], dates: [], epoch: EPOCH_1900 };
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  for (let at = 0; at + 4 <= records.bytes.length; ) {
    const type = records.type(at);
    const body = at + 4;
    if (type === EOF) break;
    // Saved with a password to open: the records after it are encrypted.
    if (type === FILEPASS) throw new PasswordProtected();
    if (type === SST) {
      const { body: sst, next } = records.continued(at);
      globals.strings = sharedStrings(sst);
      at = next;
      continue;
    }
    if (type === BOUNDSHEET) {
      const { body: entry } = records.continued(at);
      const offset = entry.u32();
      const state = entry.u8() & 3;
      const kind = entry.u8();
      const length = entry.u8();
      const name = entry.chars(length, (entry.u8() & 1) === 1);
      if (kind === WORKSHEET) globals.sheets.push({ name, hidden: state !== 0, offset });
    } else if (type === FORMAT) {
      const { body: format } = records.continued(at);
      const id = format.u16();
      // Some writers count a format's code one character too many (xlrd and Calc read what is there);
      // a format only says how a number is shown, so it is not worth refusing the workbook for.
      formats.set(id, format.string('keep'));
    } else if (type === XF) {
      xfFormats.push(records.u16(body + 2));
    } else if (type === DATEMODE) {
      if (records.u16(body) === 1) globals.epoch = EPOCH_1904;
    }
    at = records.next(at);
  }
  globals.dates = xfFormats.map((id) => dateShown(id, formats.get(id)));
  return globals;
}

/** The shared string table: each `XLUnicodeRichExtendedString` without its formatting runs and phonetic guide (`ExtRst`). */
function sharedStrings(sst: Continued): string[] {
  sst.skip(4);
  const unique = sst.u32();
  const strings: string[] = [];
  for (let i = 0; i < unique && !sst.done; i++) {
    const count = sst.u16();
    const flags = sst.u8();
    const runs = flags & 8 ? sst.u16() : 0;
    const phonetic = flags & 4 ? sst.u32() : 0;
    strings.push(lineBreaks(sst.chars(count, (flags & 1) === 1)));
    sst.skip(runs * 4 + phonetic);
  }
  return strings;
}

const lineBreaks = (text: string) => text.replace(/\r\n?/g, '\n');

function readSheet(records: Records, offset: number, globals: Globals): string {
  if (offset + 4 > records.bytes.length || records.type(offset) !== BOF) throw new Error(`no sheet at ${offset}`);
  const rows = new Map<number, Cell[]>();
  const merges: Merge[] = [];
  const put = (row: number, column: number, text: string) => {
    if (text === '') return;
    const cells = rows.get(row + 1);
    if (cells) cells.push({ column: column + 1, text });
    else rows.set(row + 1, [{ column: column + 1, text }]);
  };
  const number = (value: number, xf: number) => shownNumber(value, globals.dates[xf], globals.epoch);
  // A formula whose value is text: the text follows in a `STRING` record.
  let pending: { row: number; column: number } | null = null;
  // A chart drawn on the sheet is a substream of its own inside the sheet's (BOF … EOF, its cached
  // series as NUMBER and LABEL records): not the sheet's cells, and the sheet goes on after it.
  let depth = 1;
  for (let at = records.next(offset); at + 4 <= records.bytes.length; at = records.next(at)) {
    const type = records.type(at);
    const body = at + 4;
    if (type === BOF) depth++;
    else if (type === EOF && --depth === 0) break;
    if (depth > 1) continue;
    switch (type) {
      case NUMBER:
        put(records.u16(body), records.u16(body + 2), number(records.f64(body + 6), records.u16(body + 4)));
        break;
      case RK:
        put(records.u16(body), records.u16(body + 2), number(rkValue(records.u32(body + 6)), records.u16(body + 4)));
        break;
      case MULRK: {
        const row = records.u16(body);
        const first = records.u16(body + 2);
        const last = records.u16(records.next(at) - 2);
        for (let column = first; column <= last; column++) {
          const cell = body + 4 + (column - first) * 6;
          put(row, column, number(rkValue(records.u32(cell + 2)), records.u16(cell)));
        }
        break;
      }
      case LABELSST: {
        const index = records.u32(body + 6);
        const text = globals.strings[index];
        if (text === undefined) throw new Error(`shared string ${index} missing`);
        put(records.u16(body), records.u16(body + 2), text);
        break;
      }
      case LABEL: {
        const { body: label } = records.continued(at);
        const row = label.u16();
        const column = label.u16();
        label.skip(2);
        put(row, column, lineBreaks(label.string()));
        break;
      }
      case FORMULA:
      case FORMULA_BIFF3:
      case FORMULA_BIFF4: {
        const row = records.u16(body);
        const column = records.u16(body + 2);
        if (records.u16(body + 12) !== 0xffff) put(row, column, number(records.f64(body + 6), records.u16(body + 4)));
        else if (records.u8(body + 6) === 0) pending = { row, column };
        else if (records.u8(body + 6) === 1) put(row, column, records.u8(body + 8) ? 'TRUE' : 'FALSE');
        else if (records.u8(body + 6) === 2) put(row, column, ERRORS.get(records.u8(body + 8)) ?? '#N/A');
        break;
      }
      case STRING:
        if (pending) put(pending.row, pending.column, lineBreaks(records.continued(at).body.string()));
        pending = null;
        break;
      case BOOLERR: {
        const value = records.u8(body + 6);
        put(records.u16(body), records.u16(body + 2), records.u8(body + 7) ? (ERRORS.get(value) ?? '#N/A') : value ? 'TRUE' : 'FALSE');
        break;
      }
      case MERGEDCELLS:
        for (let i = 0, count = records.u16(body); i < count; i++) {
          const ref = body + 2 + i * 8;
          merges.push({ column: records.u16(ref + 4) + 1, top: records.u16(ref) + 1, bottom: records.u16(ref + 2) + 1 });
        }
        break;
    }
  }
  for (const cells of rows.values()) cells.sort((a, b) => a.column - b.column);
  return sheetCsv(rows, merges);
}

const RK_BITS = new DataView(new ArrayBuffer(8));

/** An `RK` number: a 30-bit integer or a double's high 30 bits, perhaps times 100. */
function rkValue(rk: number): number {
  let value: number;
  if (rk & 2) value = rk >> 2;
  else {
    RK_BITS.setUint32(0, 0, true);
    RK_BITS.setUint32(4, (rk & ~3) >>> 0, true);
    value = RK_BITS.getFloat64(0, true);
  }
  return rk & 1 ? value / 100 : value;
}

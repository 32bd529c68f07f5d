import { compoundFileOf, PasswordProtected, type CompoundFile } from './cfb.ts';
import { ListMarks, paragraphHtml, type ListLevel } from './document-html.ts';
import { charsOf, windows1252 } from './byte-text.ts';

/**
 * A Word 97–2003 document (`.doc`: the `WordDocument` stream of a compound file) read as the HTML
 * page of its text, as a `.docx` is (docx.ts): paragraphs, and tables with each cell's paragraphs.
 * The text is found through the piece table (the `Clx`, in the `0Table` or `1Table` stream), the
 * tables through each paragraph's properties (in table, row end) in the formatted disk pages, a
 * list item's number from the list tables (`PlfLst`, `PlfLfo`) as Word shows it. Headers,
 * footnotes and text boxes are not read.
 */

const WORD_IDENT = 0xa5ec;
/** The FIB's version from Word 97 on (Word 6 and 95 wrote 101–105, with another layout). */
const WORD_97 = 0xc1;
/** The property modifiers (sprms) that place a paragraph in a table. */
const IN_TABLE = 0x2416;
const ROW_END = 0x2417;
const TABLE_DEPTH = 0x6649;
const INNER_ROW_END = 0x244c;
const LIST = 0x460b;
const LIST_LEVEL = 0x260a;
const TABLE_DEFINITION = 0xd608;
const TAB_CHANGES = 0xc615;
/** Character sprms of text Word does not show: a deletion kept as a tracked change, hidden text. */
const DELETED = 0x0800;
const HIDDEN = 0x0803;
const PAGE = 512;

interface Piece {
  cpStart: number;
  cpEnd: number;
  /** The text's byte offset in the `WordDocument` stream. */
  fc: number;
  /** One byte a character (Windows-1252) rather than two (UTF-16LE). */
  compressed: boolean;
}

interface Place {
  depth: number;
  rowEnd: boolean;
  /** The list (`ilfo`, 1-based; 0 none) and level of a list item. */
  list: number;
  level: number;
}

/** The document as HTML, or null when the bytes are not a Word 97–2003 document. */
export function readWord97(source: Uint8Array | CompoundFile): string | null {
  const file = compoundFileOf(source);
  const word = file && file.stream('WordDocument');
  if (!file || word === null) return null;
  const view = new DataView(word.buffer, word.byteOffset, word.byteLength);
  if (word.length < 0x20 || view.getUint16(0, true) !== WORD_IDENT || view.getUint16(2, true) < WORD_97) return null;
  const flags = view.getUint16(0x0a, true);
  // Saved with a password to open: the text is encrypted.
  if (flags & 0x0100) throw new PasswordProtected();
  const table = file.stream(flags & 0x0200 ? '1Table' : '0Table');
  if (table === null) throw new Error('no table stream');
  const fib = fibFields(view);
  const pieces = pieceTable(table, fib.clx);
  let styles = new Map<number, StyleList>();
  try {
    styles = styleLists(table, fib.styles);
  } catch {
    // A stylesheet it cannot read leaves the lists styles carry unnumbered, not the document unread.
  }
  const places = new ParagraphPlaces(word, table, fib.papx, styles);
  let lists: WordLists = { levels: new Map(), listOf: new Map() };
  try {
    lists = listsOf(table, fib.lists, fib.overrides);
  } catch {
    // List tables it cannot read leave the items unnumbered, not the document unread.
  }
  // Overrides of one list count on its numbers (numbered headings may each name another override).
  const marks = new ListMarks(lists.levels, (override) => lists.listOf.get(override) ?? override);
  let anchors = new Map<number, TextBox[]>();
  try {
    anchors = textBoxAnchors(table, fib);
  } catch {
    // Shape tables it cannot read leave the text boxes out, not the document unread.
  }
  return documentHtml({ word, pieces, places, unshown: unshownText(word, table, fib.chpx), marks }, fib.textLength, anchors);
}

interface Fib {
  textLength: number;
  /** Where the text boxes' stories start: after the main text, footnotes, headers, comments and endnotes. */
  textBoxesFrom: number;
  clx: [number, number];
  papx: [number, number];
  chpx: [number, number];
  lists: [number, number];
  overrides: [number, number];
  /** The stylesheet (`STSH`). */
  styles: [number, number];
  /** The main text's shapes (`PlcSpaMom`) and its text boxes' stories (`PlcftxbxTxt`). */
  shapes: [number, number];
  textBoxes: [number, number];
}

/** Where the FIB keeps the stories' lengths, the piece table, the property indexes, the lists and the shapes. */
function fibFields(view: DataView): Fib {
  const rgW = 0x22;
  const cslwAt = rgW + view.getUint16(0x20, true) * 2;
  const rgLw = cslwAt + 2;
  const fcLcbCountAt = rgLw + view.getUint16(cslwAt, true) * 4;
  const rgFcLcb = fcLcbCountAt + 2;
  const pair = (index: number): [number, number] => [view.getUint32(rgFcLcb + index * 8, true), view.getUint32(rgFcLcb + index * 8 + 4, true)];
  if (view.getUint16(fcLcbCountAt, true) < 75) throw new Error('FIB too short');
  const length = (index: number) => view.getUint32(rgLw + index * 4, true);
  return {
    textLength: length(3),
    textBoxesFrom: [3, 4, 5, 6, 7, 8].reduce((sum, index) => sum + length(index), 0),
    clx: pair(33),
    papx: pair(13),
    chpx: pair(12),
    lists: pair(73),
    overrides: pair(74),
    styles: pair(1),
    shapes: pair(40),
    textBoxes: pair(56),
  };
}

/**
 * The text boxes by the CP their shape is anchored at: a story (`PlcftxbxTxt`, its last entry a
 * dummy, reusable ones empty) goes with the shape whose id (`PlcSpaMom`'s `spid`) it names. Stories
 * no shape names (a text box in a group, named by the group's shapes) go, in order, to the first
 * anchor no story names, or before the text.
 */
function textBoxAnchors(table: Uint8Array, fib: Fib): Map<number, TextBox[]> {
  const anchors = new Map<number, TextBox[]>();
  const plc = (at: [number, number], entry: number) => {
    const [fc, lcb] = at;
    if (lcb === 0) return null;
    if (fc + lcb > table.length) throw new Error('shape table outside its stream');
    const view = new DataView(table.buffer, table.byteOffset + fc, lcb);
    const count = (lcb - 4) / (4 + entry);
    if (!Number.isInteger(count)) throw new Error('shape table cut short');
    return { view, count, cp: (i: number) => view.getInt32(4 * i, true), data: (i: number) => 4 * (count + 1) + entry * i };
  };
  const shapes = plc(fib.shapes, 26);
  const stories = plc(fib.textBoxes, 22);
  if (!stories) return anchors;
  const shapeAt = new Map<number, number>();
  for (let i = 0; shapes && i < shapes.count; i++) shapeAt.set(shapes.view.getInt32(shapes.data(i), true), shapes.cp(i));
  const named = new Set<number>();
  const unnamed: TextBox[] = [];
  for (let i = 0; i < stories.count - 1; i++) {
    const at = stories.data(i);
    if (stories.view.getUint16(at + 8, true) !== 0) continue;
    const box: TextBox = { from: fib.textBoxesFrom + stories.cp(i), to: fib.textBoxesFrom + stories.cp(i + 1) };
    const shape = stories.view.getInt32(at + 14, true);
    const cp = shapeAt.get(shape);
    if (cp === undefined) {
      unnamed.push(box);
      continue;
    }
    named.add(shape);
    anchors.set(cp, [...(anchors.get(cp) ?? []), box]);
  }
  if (unnamed.length > 0) {
    const free = [...shapeAt].find(([shape]) => !named.has(shape));
    const cp = free ? free[1] : 0;
    anchors.set(cp, [...(anchors.get(cp) ?? []), ...unnamed]);
  }
  return anchors;
}

/** The `Pcdt` of the `Clx`: which character positions come from where in the `WordDocument` stream. */
function pieceTable(table: Uint8Array, [fc, lcb]: [number, number]): Piece[] {
  if (fc + lcb > table.length) throw new Error('piece table outside its stream');
  const view = new DataView(table.buffer, table.byteOffset + fc, lcb);
  let at = 0;
  // Property runs of a fast save (`Prc`) come first.
  while (at < lcb && view.getUint8(at) === 0x01) at += 3 + view.getInt16(at + 1, true);
  if (at >= lcb || view.getUint8(at) !== 0x02) throw new Error('no piece table');
  const size = view.getUint32(at + 1, true);
  const start = at + 5;
  const count = (size - 4) / 12;
  if (!Number.isInteger(count) || start + size > lcb) throw new Error('piece table cut short');
  const pieces: Piece[] = [];
  for (let i = 0; i < count; i++) {
    const raw = view.getUint32(start + 4 * (count + 1) + 8 * i + 2, true);
    const compressed = (raw & 0x40000000) !== 0;
    const fcValue = raw & 0x3fffffff;
    pieces.push({ cpStart: view.getUint32(start + 4 * i, true), cpEnd: view.getUint32(start + 4 * (i + 1), true), fc: compressed ? fcValue / 2 : fcValue, compressed });
  }
  return pieces;
}

/**
 * Each paragraph's place in a table, read from the formatted disk pages (`PlcBtePapx` → 512-byte
 * pages of paragraph properties) by the byte offset of the paragraph's last character.
 */
class ParagraphPlaces {
  private readonly index: PageIndex;

  constructor(
    private readonly word: Uint8Array,
    table: Uint8Array,
    at: [number, number],
    private readonly styles: Map<number, StyleList>,
  ) {
    this.index = pageIndex(table, at);
  }

  of(fc: number): Place {
    const place: Place = { depth: 0, rowEnd: false, list: 0, level: 0 };
    const page = diskPage(this.word, this.index.pages[upperBound(this.index.starts, fc) - 1]);
    if (!page) return place;
    const { fkp, view, runs } = page;
    let run = -1;
    for (let i = 0; i < runs; i++) if (view.getUint32(4 * i, true) <= fc && fc < view.getUint32(4 * (i + 1), true)) run = i;
    if (run === -1) return place;
    const offset = fkp[4 * (runs + 1) + 13 * run] * 2;
    if (offset === 0) return place;
    const cb = fkp[offset];
    const from = cb === 0 ? offset + 2 : offset + 1;
    const length = cb === 0 ? fkp[offset + 1] * 2 : cb * 2 - 1;
    // The paragraph's style (2 bytes), then its sprms; a list or level it does not set is its style's.
    const styled = styleList(this.styles, view.getUint16(from, true));
    let list: number | undefined;
    let level: number | undefined;
    for (const [sprm, operand] of sprms(view, from + 2, Math.min(from + length, PAGE))) {
      if (sprm === IN_TABLE && fkp[operand]) place.depth = Math.max(place.depth, 1);
      else if (sprm === TABLE_DEPTH) place.depth = view.getInt32(operand, true);
      else if (sprm === ROW_END && fkp[operand]) place.rowEnd = true;
      else if (sprm === INNER_ROW_END && fkp[operand]) place.rowEnd = true;
      else if (sprm === LIST) list = view.getUint16(operand, true);
      else if (sprm === LIST_LEVEL) level = fkp[operand];
    }
    place.list = list ?? styled.list ?? 0;
    place.level = level ?? styled.level ?? 0;
    return place;
  }
}

/** The list and level a paragraph style sets (undefined where it sets none), and the style it is based on. */
interface StyleList {
  list?: number;
  level?: number;
  base: number;
}

const NO_STYLE = 0x0fff;

/**
 * The lists paragraph styles carry (`STSH`: each style's paragraph properties, `UpxPapx`): Word's
 * List Number, or numbered headings, number their paragraphs so, not by the paragraph's own properties.
 */
function styleLists(table: Uint8Array, [fc, lcb]: [number, number]): Map<number, StyleList> {
  const styles = new Map<number, StyleList>();
  if (lcb === 0) return styles;
  if (fc + lcb > table.length) throw new Error('stylesheet outside its stream');
  const view = new DataView(table.buffer, table.byteOffset + fc, lcb);
  const headerLength = view.getUint16(0, true);
  const count = view.getUint16(2, true);
  const baseLength = view.getUint16(4, true);
  let at = 2 + headerLength;
  for (let istd = 0; istd < count && at + 2 <= lcb; istd++) {
    const length = view.getUint16(at, true);
    const std = at + 2;
    at = std + length;
    if (length === 0 || at > lcb) continue;
    const kindAndBase = view.getUint16(std + 2, true);
    // Paragraph styles only (kind 1): their first property group is the paragraph's.
    if ((kindAndBase & 0x0f) !== 1) continue;
    const name = std + baseLength;
    let upx = name + 2 + view.getUint16(name, true) * 2 + 2;
    if ((upx - std) % 2 === 1) upx++;
    if (upx + 4 > at) continue;
    const upxLength = view.getUint16(upx, true);
    const style: StyleList = { base: kindAndBase >> 4 };
    for (const [sprm, operand] of sprms(view, upx + 4, Math.min(upx + 2 + upxLength, at))) {
      if (sprm === LIST) style.list = view.getUint16(operand, true);
      else if (sprm === LIST_LEVEL) style.level = view.getUint8(operand);
    }
    styles.set(istd, style);
  }
  return styles;
}

/** A style's list and level, each from the nearest style in its chain of bases that sets it. */
function styleList(styles: Map<number, StyleList>, istd: number): { list?: number; level?: number } {
  const found: { list?: number; level?: number } = {};
  const seen = new Set<number>();
  for (let id = istd; id !== NO_STYLE && !seen.has(id); ) {
    seen.add(id);
    const style = styles.get(id);
    if (!style) break;
    found.list ??= style.list;
    found.level ??= style.level;
    id = style.base;
  }
  return found;
}

/** A `PlcBte` (of paragraph or character properties): the byte offset each disk page starts at, and the page's number. */
interface PageIndex {
  starts: number[];
  pages: number[];
}

function pageIndex(table: Uint8Array, [fc, lcb]: [number, number]): PageIndex {
  if (fc + lcb > table.length) throw new Error('property index outside its stream');
  const view = new DataView(table.buffer, table.byteOffset + fc, lcb);
  const count = (lcb - 4) / 8;
  const index: PageIndex = { starts: [], pages: [] };
  for (let i = 0; i <= count; i++) index.starts.push(view.getUint32(4 * i, true));
  for (let i = 0; i < count; i++) index.pages.push(view.getUint32(4 * (count + 1) + 4 * i, true) & 0x3fffff);
  return index;
}

/** A 512-byte disk page of properties (an FKP) and its number of runs; null when it is not in the stream. */
function diskPage(word: Uint8Array, page: number | undefined): { fkp: Uint8Array; view: DataView; runs: number } | null {
  if (page === undefined || (page + 1) * PAGE > word.length) return null;
  const fkp = word.subarray(page * PAGE, (page + 1) * PAGE);
  return { fkp, view: new DataView(fkp.buffer, fkp.byteOffset, PAGE), runs: fkp[PAGE - 1] };
}

/** The property modifiers from `from` to `end`: each one's code and where its operand starts. */
export function* sprms(view: DataView, from: number, end: number): Generator<[number, number]> {
  for (let at = from; at + 2 <= end; ) {
    const sprm = view.getUint16(at, true);
    const operand = at + 2;
    if (operand >= end) return;
    yield [sprm, operand];
    at = operand + operandSize(view, sprm, operand);
  }
}

/** Word 97's number formats (`nfc`) by the names `.docx` gives them, for the ones written otherwise than as digits. */
const NUMBER_FORMATS: Record<number, string> = { 14: 'decimalFullWidth', 18: 'decimalEnclosedCircle', 23: 'bullet' };

/** Each list override's (`ilfo`, 1-based, as text) levels, and the list (`lsid`) it overrides. */
interface WordLists {
  levels: Map<string, ListLevel[]>;
  listOf: Map<string, string>;
}

/**
 * Each list item's list (`ilfo`, its 1-based place in `PlfLfo`) → the levels of the list it points
 * to (`PlfLst`'s LSTF by `lsid`, whose LVLs follow the PlfLst): each level's format, its text (the
 * placeholders 0–8 for the levels' numbers written `%1`…`%9`, as `.docx` writes them) and start.
 */
function listsOf(table: Uint8Array, [lstFc, lstLcb]: [number, number], [lfoFc, lfoLcb]: [number, number]): WordLists {
  const lists: WordLists = { levels: new Map(), listOf: new Map() };
  if (lstLcb === 0 || lfoLcb === 0 || lstFc + lstLcb > table.length || lfoFc + lfoLcb > table.length) return lists;
  const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const count = view.getInt16(lstFc, true);
  const definitions = new Map<number, ListLevel[]>();
  let at = lstFc + 2 + 28 * count;
  for (let i = 0; i < count; i++) {
    const lstf = lstFc + 2 + 28 * i;
    const levelCount = view.getUint8(lstf + 26) & 1 ? 1 : 9;
    const levels: ListLevel[] = [];
    for (let k = 0; k < levelCount; k++) {
      const start = view.getInt32(at, true);
      const nfc = view.getUint8(at + 4);
      at += 28 + view.getUint8(at + 25) + view.getUint8(at + 24);
      const length = view.getUint16(at, true);
      let text = '';
      for (let c = 0; c < length; c++) {
        const code = view.getUint16(at + 2 + 2 * c, true);
        text += code < 9 ? `%${code + 1}` : String.fromCharCode(code);
      }
      at += 2 + 2 * length;
      levels.push({ format: NUMBER_FORMATS[nfc] ?? 'decimal', text, start });
    }
    definitions.set(view.getInt32(lstf, true), levels);
  }
  const overrides = view.getInt32(lfoFc, true);
  for (let i = 0; i < overrides && lfoFc + 4 + 16 * (i + 1) <= table.length; i++) {
    const list = view.getInt32(lfoFc + 4 + 16 * i, true);
    const levels = definitions.get(list);
    if (!levels) continue;
    lists.levels.set(String(i + 1), levels);
    lists.listOf.set(String(i + 1), String(list));
  }
  return lists;
}

/**
 * The byte ranges of text Word does not show (deleted as a tracked change, or hidden), from the
 * character properties' disk pages (`PlcBteChpx`), in order.
 */
function unshownText(word: Uint8Array, table: Uint8Array, at: [number, number]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const number of pageIndex(table, at).pages) {
    const page = diskPage(word, number);
    if (!page) continue;
    const { fkp, view, runs } = page;
    for (let i = 0; i < runs; i++) {
      const offset = fkp[4 * (runs + 1) + i] * 2;
      if (offset === 0) continue;
      for (const [sprm, operand] of sprms(view, offset + 1, Math.min(offset + 1 + fkp[offset], PAGE))) {
        if ((sprm === DELETED || sprm === HIDDEN) && fkp[operand] & 1) {
          ranges.push([view.getUint32(4 * i, true), view.getUint32(4 * (i + 1), true)]);
          break;
        }
      }
    }
  }
  return ranges.sort((x, y) => x[0] - y[0]);
}

/** The bytes of a sprm's operand, by its size code (the top three bits) or, when variable, the operand's own length. */
function operandSize(view: DataView, sprm: number, at: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
  }
  if (at >= view.byteLength) return 1;
  if (sprm === TABLE_DEFINITION && at + 2 <= view.byteLength) return 2 + view.getUint16(at, true) - 1;
  if (sprm === TAB_CHANGES && view.getUint8(at) === 255) return tabChangesSize(view, at);
  return 1 + view.getUint8(at);
}

/**
 * A tab-change operand too long for its length byte (255): a length byte, the deleted tabs (a count,
 * two positions each) and the added ones (a count, a position and a descriptor each).
 */
function tabChangesSize(view: DataView, at: number): number {
  const deleted = at + 1 < view.byteLength ? view.getUint8(at + 1) : 0;
  const addedAt = at + 2 + deleted * 4;
  const added = addedAt < view.byteLength ? view.getUint8(addedAt) : 0;
  return 1 + 1 + deleted * 4 + 1 + added * 3;
}

/** The first index whose value is greater than `value` (the array ascending). */
function upperBound(values: number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A text box's story: its CP range in the document's text. */
interface TextBox {
  from: number;
  to: number;
}

/**
 * The main text as HTML: each paragraph (ended by a paragraph mark, or in a table by a cell mark) a
 * `<p>`, the rows of a table its `<tr>`. Field codes are left out (their results kept), and the marks
 * of pictures, drawings and notes. A text box's paragraphs come before the paragraph its shape is
 * anchored to (as docx.ts places them).
 */
function documentHtml(text: StoryText, textLength: number, anchors: Map<number, TextBox[]>): string {
  const out = ['<html><body>', ...storyHtml(text, 0, textLength, anchors), '</body></html>'];
  return out.join('\n');
}

/** What every story's text is read through: the pieces, each paragraph's place, unshown runs, list numbers. */
interface StoryText {
  word: Uint8Array;
  pieces: Piece[];
  places: ParagraphPlaces;
  unshown: Array<[number, number]>;
  marks: ListMarks;
}

/** The HTML lines of the text from CP `from` to `to`, with the text boxes anchored in it (by their anchor's CP). */
function storyHtml(text: StoryText, from: number, to: number, anchors: Map<number, TextBox[]>): string[] {
  const { word, pieces, places, unshown, marks } = text;
  const out: string[] = [];
  const unshownStarts = unshown.map((r) => r[0]);
  const isUnshown = (fc: number) => {
    const k = upperBound(unshownStarts, fc) - 1;
    return k >= 0 && fc < unshown[k][1];
  };
  let paragraph = '';
  let cell: string[] = [];
  let inTable = false;
  let rowOpen = false;
  // The text boxes anchored in the paragraph being read: written before it, where it goes.
  let boxes: string[] = [];
  // The fields open around the text: each one's code, and whether its result (what Word shows) has begun.
  const fields: Array<{ code: string; result: boolean }> = [];
  const endParagraph = (fc: number, end: number) => {
    const place = places.of(fc);
    const html = () => paragraphHtml(place.list > 0 ? marks.mark(String(place.list), place.level) : null, paragraph);
    if (place.depth === 0) {
      if (inTable) out.push('</table>');
      inTable = false;
      rowOpen = false;
      out.push(...boxes, html());
    } else if (place.depth > 1) {
      // A table inside a cell: its text joins the outer cell's, a line each.
      cell.push(...boxes, html());
    } else if (place.rowEnd) {
      if (rowOpen) out.push('</tr>');
      rowOpen = false;
    } else {
      if (!inTable) out.push('<table>');
      inTable = true;
      if (!rowOpen) out.push('<tr>');
      rowOpen = true;
      // A cell's first paragraph: its lists number from their start (as docx.ts does per cell).
      if (cell.length === 0) marks.restart();
      cell.push(...boxes, html());
      if (end === 0x07) {
        out.push('<td>', ...cell, '</td>');
        cell = [];
      }
    }
    paragraph = '';
    boxes = [];
  };
  for (const piece of pieces) {
    const start = Math.max(piece.cpStart, from);
    const end = Math.min(piece.cpEnd, to);
    if (start >= end) continue;
    const size = piece.compressed ? 1 : 2;
    const first = piece.fc + (start - piece.cpStart) * size;
    const last = first + (end - start) * size;
    if (last > word.length) throw new Error('text outside its stream');
    const chars = piece.compressed ? windows1252(word.subarray(first, last)) : utf16(word, first, last);
    for (let i = 0; i < chars.length; i++) {
      const code = chars.charCodeAt(i);
      const fc = first + i * size;
      for (const box of anchors.get(start + i) ?? []) boxes.push(...textBoxHtml(text, box));
      const field = fields.at(-1);
      if (code === 0x13) fields.push({ code: '', result: false });
      else if (code === 0x14) {
        if (field) field.result = true;
      } else if (code === 0x15) {
        fields.pop();
        // A field without a result shows what its code draws: a ruby's base text.
        if (field && !field.result && !fields.some((f) => !f.result)) paragraph += rubyBase(field.code);
      } else if (field && !field.result) field.code += chars[i];
      else if (fields.some((f) => !f.result) || (code !== 0x07 && isUnshown(fc))) continue;
      else if (code === 0x0d || code === 0x07) endParagraph(fc, code);
      else if (code === 0x0b) paragraph += '\n';
      else if (code === 0x0c) endParagraph(fc, 0x0d);
      else if (code === 0x1e) paragraph += '-';
      else if (code >= 0x20 || code === 0x09) paragraph += chars[i];
    }
  }
  out.push(...boxes);
  if (paragraph !== '') out.push(paragraphHtml(null, paragraph));
  if (inTable) out.push('</table>');
  return out;
}

/** A text box's paragraphs, without the empty one its story ends with (each story's last mark ends it). */
function textBoxHtml(text: StoryText, box: TextBox): string[] {
  const lines = storyHtml(text, box.from, box.to, new Map());
  while (lines.length > 0 && lines.at(-1) === paragraphHtml(null, '')) lines.pop();
  return lines;
}

/** The base text of a ruby Word writes as a field, `EQ \\* jc2 … \\o\\ad(\\s\\up 9(ちいき),地域)` (its alignment `\\ad`, `\\al`, …); nothing for other field codes. */
function rubyBase(code: string): string {
  return /\\o\s*\\a[a-z]*\s*\(\s*\\s\s*\\up\s*-?[\d.]+\s*\(.*?\)\s*,(.*)\)\s*$/.exec(code)?.[1] ?? '';
}

function utf16(bytes: Uint8Array, from: number, to: number): string {
  const units = new Uint16Array(Math.floor((to - from) / 2));
  for (let k = 0; k < units.length; k++) units[k] = bytes[from + 2 * k] | (bytes[from + 2 * k + 1] << 8);
  return charsOf(units);
}

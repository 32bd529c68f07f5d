import { byteChars, concatBytes } from './byte-text.ts';
import { normalizeLineEnds } from './csv.ts';
import { PartTooLarge } from './limits.ts';
import { foldLookAlikes } from './normalize.ts';
import { readFont, type PdfFont } from './pdf-fonts.ts';
import { isWide, joinWrapped } from './report.ts';
import { isStream, Keyword, Lexer, MAX_INFLATED_BYTES, nameOf, numberOf, PdfEncrypted, PdfFile, PdfString, UnreadFilter, type Dict, type Stream, type Value } from './pdf-objects.ts';

export { PdfEncrypted };

/**
 * The text of a PDF as a viewer's "select all, copy" gives it: each page's text in the order the
 * file draws it (the order its writer laid the document out: Word, LibreOffice and a browser's print
 * draw a table cell by cell, row by row), a new line where the baseline moves, a space where a gap
 * on the line is wider than the spacing between the letters. The report reader already reads text
 * copied out of a PDF (lines cut at the page's width, page numbers, running heads), so a PDF chosen
 * as a file reads as its copy would. Furigana (small kana above a word) are left out, as a copy of
 * the report's text would not want them.
 */

/**
 * A PDF with no text to read: pages scanned as images, fonts whose codes map to no text, or CID fonts
 * of an Adobe character collection (Adobe-Japan1) with no map to text, which a viewer maps with its own tables.
 */
export class PdfWithoutText extends Error {
  constructor(readonly reason: 'no_text' | 'unmapped_fonts' | 'cid_collection') {
    super(reason);
  }
}

/** A PDF that cannot be read: no pages found, or its structure broken where the reader needed it. */
export class PdfDamaged extends Error {}

export function isPdf(bytes: Uint8Array): boolean {
  const head = byteChars(bytes.subarray(0, 1024));
  if (head.startsWith('%PDF-')) return true;
  // Further into the first kilobyte (some writers put bytes before it, and viewers allow that) only
  // with its version and an object soon after: a text that quotes `%PDF-` is no PDF.
  return /%PDF-\d\.\d/.test(head) && /(?<!\d)\d{1,10}\s+\d{1,5}\s+obj\b/.test(byteChars(bytes.subarray(0, 65536)));
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** One character as placed on the page: its origin, its advance and its size, in page units. */
interface Placed {
  x: number;
  y: number;
  advance: number;
  size: number;
  text: string;
  vertical: boolean;
  /** The show operation it came from: furigana are told by the whole operation. */
  show: number;
}

interface GraphicsState {
  ctm: Matrix;
  font: PdfFont | null;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  scale: number;
  leading: number;
  rise: number;
}

/** The text state operators that set one number of the state. */
const TEXT_STATE: Record<string, (gs: GraphicsState, value: number) => void> = {
  Tc: (gs, value) => (gs.charSpacing = value),
  Tw: (gs, value) => (gs.wordSpacing = value),
  Tz: (gs, value) => (gs.scale = value / 100),
  TL: (gs, value) => (gs.leading = value),
  Ts: (gs, value) => (gs.rise = value),
};

/** How deep forms may nest in forms: a loop of them is a broken file, not a deeper page. */
const MAX_FORM_DEPTH = 8;
/** The most characters a PDF may draw in all: twenty times a year's reports of every ward; far past it, memory runs out. */
const MAX_CHARACTERS = 2_000_000;
/** How many forms a page may draw in all: a form drawing itself ten times, eight deep, would be 10^8. */
const MAX_FORMS_PER_PAGE = 10_000;

class PageReader {
  readonly placed: Placed[] = [];
  unmapped = 0;
  /** Of the unmapped characters, those of an Adobe collection's CID font. */
  inCollection = 0;
  private shows = 0;
  private forms = 0;
  private readonly fonts = new Map<Dict, PdfFont>();

  /** `drawn`: the characters the file's pages before this one drew, counted against MAX_CHARACTERS. */
  constructor(
    private readonly pdf: PdfFile,
    private drawn: number,
  ) {}

  async run(content: Uint8Array, resources: Dict | null, ctm: Matrix, depth: number): Promise<void> {
    const pdf = this.pdf;
    const lexer = new Lexer(content, 0, false);
    const stack: GraphicsState[] = [];
    let gs: GraphicsState = { ctm, font: null, fontSize: 0, charSpacing: 0, wordSpacing: 0, scale: 1, leading: 0, rise: 0 };
    let tm: Matrix = IDENTITY;
    let lineMatrix: Matrix = IDENTITY;
    const operands: Value[] = [];
    // How deep marked content is open in this stream, and the outermost open span's ActualText with
    // the depth it opened at (kept aside, not looked for: a stream may open a million spans).
    let markDepth = 0;
    let actual: ActualText | undefined;
    let actualDepth = 0;
    const num = (i: number) => numberOf(operands[i], 0);
    const moveLine = (tx: number, ty: number) => {
      lineMatrix = multiply([1, 0, 0, 1, tx, ty], lineMatrix);
      tm = lineMatrix;
    };
    const show = (s: Value) => {
      if (!(s instanceof PdfString) || !gs.font) return;
      const show = this.shows++;
      for (const glyph of gs.font.glyphs(s.bytes)) {
        const full = multiply(tm, gs.ctm);
        const rendering = multiply([gs.fontSize * gs.scale, 0, 0, gs.fontSize, 0, gs.rise], full);
        const space = glyph.length === 1 && glyph.code === 32 ? gs.wordSpacing : 0;
        const size = Math.hypot(rendering[2], rendering[3]);
        let placed: Placed;
        if (gs.font.vertical) {
          const ty = -(gs.fontSize + gs.charSpacing + space);
          placed = { x: rendering[4], y: rendering[5], advance: Math.abs(ty * Math.hypot(full[2], full[3])), size, text: glyph.text, vertical: true, show };
          tm = multiply([1, 0, 0, 1, 0, ty], tm);
        } else {
          const tx = ((glyph.width / 1000) * gs.fontSize + gs.charSpacing + space) * gs.scale;
          placed = { x: rendering[4], y: rendering[5], advance: tx * Math.hypot(full[0], full[1]), size, text: glyph.text, vertical: false, show };
          tm = multiply([1, 0, 0, 1, tx, 0], tm);
        }
        if (!actual) this.place(placed, gs.font, false);
        else if (!actual.first) {
          // The span's text stands for its glyphs: given with the first, which the others widen.
          actual.first = { ...placed, text: actual.text };
          this.place(actual.first, gs.font, true);
        } else widen(actual.first, placed);
      }
    };
    for (let token = lexer.token(); typeof token !== 'symbol'; token = lexer.token()) {
      if (!(token instanceof Keyword)) {
        operands.push(token);
        continue;
      }
      const setState = TEXT_STATE[token.word];
      if (setState) setState(gs, num(0));
      switch (token.word) {
        case 'q':
          stack.push({ ...gs });
          break;
        case 'Q':
          gs = stack.pop() ?? gs;
          break;
        case 'cm':
          gs.ctm = multiply([num(0), num(1), num(2), num(3), num(4), num(5)], gs.ctm);
          break;
        case 'BT':
          tm = lineMatrix = IDENTITY;
          break;
        case 'Tf': {
          gs.font = await this.font(pdf.dict(pdf.dict(resources?.get('Font'))?.get(nameOf(operands[0]) ?? '')));
          gs.fontSize = num(1);
          break;
        }
        case 'Td':
          moveLine(num(0), num(1));
          break;
        case 'TD':
          gs.leading = -num(1);
          moveLine(num(0), num(1));
          break;
        case 'Tm':
          tm = lineMatrix = [num(0), num(1), num(2), num(3), num(4), num(5)];
          break;
        case 'T*':
          moveLine(0, -gs.leading);
          break;
        case 'Tj':
          show(operands[0]);
          break;
        case "'":
          moveLine(0, -gs.leading);
          show(operands[0]);
          break;
        case '"':
          gs.wordSpacing = num(0);
          gs.charSpacing = num(1);
          moveLine(0, -gs.leading);
          show(operands[2]);
          break;
        case 'TJ':
          for (const part of Array.isArray(operands[0]) ? operands[0] : []) {
            if (typeof part === 'number') {
              const shift = (-part / 1000) * gs.fontSize;
              tm = multiply(gs.font?.vertical ? [1, 0, 0, 1, 0, shift] : [1, 0, 0, 1, shift * gs.scale, 0], tm);
            } else show(part);
          }
          break;
        case 'gs': {
          // A graphics state dictionary may set the font too.
          const state = pdf.dict(pdf.dict(resources?.get('ExtGState'))?.get(nameOf(operands[0]) ?? ''));
          const font = pdf.array(state?.get('Font'));
          if (font.length === 2) {
            gs.font = await this.font(pdf.dict(font[0]));
            gs.fontSize = numberOf(pdf.get(font[1]), gs.fontSize);
          }
          break;
        }
        case 'Do':
          if (depth < MAX_FORM_DEPTH && this.forms++ < MAX_FORMS_PER_PAGE) await this.form(pdf.get(pdf.dict(resources?.get('XObject'))?.get(nameOf(operands[0]) ?? '')), resources, gs.ctm, depth);
          break;
        case 'ID':
          skipInlineImage(lexer);
          break;
        case 'BMC':
          markDepth++;
          break;
        case 'BDC':
          markDepth++;
          if (!actual) {
            actual = actualTextOf(operands[1]);
            actualDepth = markDepth;
          }
          break;
        case 'EMC':
          markDepth = Math.max(0, markDepth - 1);
          if (markDepth < actualDepth) actual = undefined;
          break;
      }
      operands.length = 0;
    }
  }

  /**
   * An annotation's appearance, drawn as a viewer draws it: the form's box, through its matrix,
   * fitted to the annotation's rectangle on the page.
   */
  async annotation(appearance: Stream, rect: Box, resources: Dict | null): Promise<void> {
    // Counted with the page's forms: a page of a million fields drawing one stream is bounded as one of forms is.
    if (this.forms++ >= MAX_FORMS_PER_PAGE) return;
    const matrix = this.matrixOf(appearance);
    const box = this.pdf.array(appearance.dict.get('BBox')).map((v) => numberOf(this.pdf.get(v), 0));
    if (box.length !== 4) return;
    const corners = [[box[0], box[1]], [box[0], box[3]], [box[2], box[1]], [box[2], box[3]]].map(([x, y]) => [x * matrix[0] + y * matrix[2] + matrix[4], x * matrix[1] + y * matrix[3] + matrix[5]]);
    const [x0, x1] = [Math.min(...corners.map((c) => c[0])), Math.max(...corners.map((c) => c[0]))];
    const [y0, y1] = [Math.min(...corners.map((c) => c[1])), Math.max(...corners.map((c) => c[1]))];
    if (x1 - x0 <= 0 || y1 - y0 <= 0) return;
    const sx = (rect[2] - rect[0]) / (x1 - x0);
    const sy = (rect[3] - rect[1]) / (y1 - y0);
    await this.drawForm(appearance, resources, [sx, 0, 0, sy, rect[0] - x0 * sx, rect[1] - y0 * sy], 0);
  }

  private async form(xobject: Value, inherited: Dict | null, ctm: Matrix, depth: number): Promise<void> {
    if (isStream(xobject) && nameOf(xobject.dict.get('Subtype')) === 'Form') await this.drawForm(xobject, inherited, ctm, depth);
  }

  /** A form's content through its matrix (an appearance stream often names no `Subtype`). */
  private async drawForm(xobject: Stream, inherited: Dict | null, ctm: Matrix, depth: number): Promise<void> {
    const matrix = this.matrixOf(xobject);
    const data = await dataOrEmpty(this.pdf, xobject);
    await this.run(data, this.pdf.dict(xobject.dict.get('Resources')) ?? inherited, multiply(matrix, ctm), depth + 1);
  }

  /** A form's `Matrix` (form space to the space it is drawn in), the identity where it gives none. */
  private matrixOf(form: Stream): Matrix {
    const m = this.pdf.array(form.dict.get('Matrix')).map((v) => numberOf(this.pdf.get(v), 0));
    return m.length === 6 ? (m as Matrix) : IDENTITY;
  }

  private async font(dict: Dict | null): Promise<PdfFont | null> {
    if (!dict) return null;
    let font = this.fonts.get(dict);
    if (!font) {
      font = await readFont(this.pdf, dict);
      this.fonts.set(dict, font);
    }
    return font;
  }

  /** `spoken`: the glyph is in a span whose ActualText gives its text, so a glyph without text of its own is not unmapped. */
  private place(glyph: Placed, font: PdfFont, spoken: boolean): void {
    if (++this.drawn > MAX_CHARACTERS) throw new PartTooLarge('PDF text', MAX_INFLATED_BYTES);
    if (glyph.text === '' && glyph.advance > 0 && !spoken) {
      this.unmapped++;
      if (font.collection) this.inCollection++;
    }
    this.placed.push(glyph);
  }
}

/**
 * A marked-content span's `ActualText`: the text its glyphs stand for, as the writer typed it
 * (Chromium gives one where the font's map names a look-alike or one glyph draws two characters).
 */
interface ActualText {
  text: string;
  /** The span's first glyph, placed with its text. */
  first?: Placed;
}

/**
 * A span's ActualText from a dictionary written in the content only: one named in the resources is
 * an object, whose strings an encrypted file encrypts and this reader does not decrypt.
 */
function actualTextOf(properties: Value): ActualText | undefined {
  const value = properties instanceof Map ? properties.get('ActualText') : undefined;
  return value instanceof PdfString ? { text: textString(value.bytes) } : undefined;
}

/** A span's first glyph made to reach over a later glyph of the span on its line, so what follows is spaced from the span's end. */
function widen(first: Placed, later: Placed): void {
  if (first.vertical !== later.vertical || Math.abs(first.vertical ? later.x - first.x : later.y - first.y) > first.size / 2) return;
  first.advance = Math.max(first.advance, first.vertical ? first.y - later.y + later.advance : later.x + later.advance - first.x);
}

/** A PDF text string: UTF-16BE after its byte order mark, UTF-8 after its (PDF 2.0), else PDFDocEncoding, Latin-1 in its printable part. */
function textString(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder().decode(bytes.subarray(3));
  return byteChars(bytes);
}

/** Skips an inline image's bytes, from after `ID` to its `EI`. */
function skipInlineImage(lexer: Lexer): void {
  const b = lexer.bytes;
  let i = lexer.pos + 1;
  for (; i + 2 < b.length; i++) {
    if (b[i] === 0x45 && b[i + 1] === 0x49 && (i + 2 === b.length || b[i + 2] <= 0x20) && b[i - 1] <= 0x20) break;
  }
  lexer.pos = i + 2;
}

async function dataOrEmpty(pdf: PdfFile, stream: Stream): Promise<Uint8Array> {
  try {
    return await pdf.data(stream);
  } catch (error) {
    // A stream in a filter the reader lacks (an image's, mostly) holds no text the report needs.
    if (error instanceof UnreadFilter) return new Uint8Array();
    throw error;
  }
}

/** A page's visible area (its crop box, else its media box): x0, y0, x1, y1. */
type Box = [number, number, number, number];
interface Page {
  page: Dict;
  resources: Dict | null;
  box: Box | null;
}

/** The pages in order, each with the resources and the box it inherits. */
function pagesOf(pdf: PdfFile): Page[] {
  const pages: Page[] = [];
  const seen = new Set<Dict>();
  const rectangle = (value: Value | undefined): Box | null => {
    const box = rectangleOf(pdf, value);
    // A box of no area is a writer's mistake, as viewers take it: no box.
    return box && (box[0] === box[2] || box[1] === box[3]) ? null : box;
  };
  // The crop box as viewers show it: within the media box, or the media box where the two do not meet.
  const boxOf = (node: Dict, inherited: Box | null): Box | null => {
    const media = rectangle(node.get('MediaBox')) ?? inherited;
    const crop = rectangle(node.get('CropBox'));
    if (!crop || !media) return crop ?? media;
    const shown: Box = [Math.max(crop[0], media[0]), Math.max(crop[1], media[1]), Math.min(crop[2], media[2]), Math.min(crop[3], media[3])];
    return shown[0] < shown[2] && shown[1] < shown[3] ? shown : media;
  };
  const walk = (node: Dict | null, resources: Dict | null, box: Box | null) => {
    if (!node || seen.has(node)) return;
    seen.add(node);
    const own = pdf.dict(node.get('Resources')) ?? resources;
    const ownBox = boxOf(node, box);
    const kids = node.get('Kids');
    if (kids !== undefined && nameOf(node.get('Type')) !== 'Page') for (const kid of pdf.array(kids)) walk(pdf.dict(kid), own, ownBox);
    else pages.push({ page: node, resources: own, box: ownBox });
  };
  walk(pdf.dict(pdf.catalog()?.get('Pages')), null, null);
  // A file cut short or with its page tree broken: its pages as the file holds them, each with its own resources.
  if (pages.length === 0) for (const page of pdf.pages()) pages.push({ page, resources: pdf.dict(page.get('Resources')), box: boxOf(page, null) });
  return pages;
}

/** A rectangle as PDF writes one (any two opposite corners) with its low corner first; null if it is not four numbers. */
function rectangleOf(pdf: PdfFile, value: Value | undefined): Box | null {
  const values = pdf.array(value).map((v) => pdf.get(v));
  if (values.length !== 4 || !values.every((v) => typeof v === 'number')) return null;
  const [a, b, c, d] = values as number[];
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}

/** Annotation flags (PDF 32000-1, 12.5.3): not drawn at all, or not on screen. */
const HIDDEN = 0x2 | 0x20;

/**
 * What was filled in on a page: the appearances of its form fields (text and choices; a check box's
 * tick is a symbol, not text) and of text typed onto it (Acrobat's text box, the usual way a PDF that
 * is no form gets filled in), with their rectangles. A viewer's copy leaves these out; the report's
 * ratings or items may be in them. A field without an appearance (one its viewer was asked to draw)
 * is not read.
 */
function filledIn(pdf: PdfFile, page: Dict): Array<[Stream, Box]> {
  const filled: Array<[Stream, Box]> = [];
  for (const entry of pdf.array(page.get('Annots'))) {
    const annotation = pdf.dict(entry);
    const subtype = nameOf(annotation?.get('Subtype'));
    if (!annotation || (subtype !== 'Widget' && subtype !== 'FreeText')) continue;
    if (numberOf(pdf.get(annotation.get('F')), 0) & HIDDEN) continue;
    if (subtype === 'Widget' && fieldType(pdf, annotation) === 'Btn') continue;
    const appearance = pdf.get(pdf.dict(annotation.get('AP'))?.get('N'));
    const rect = rectangleOf(pdf, annotation.get('Rect'));
    if (isStream(appearance) && rect) filled.push([appearance, rect]);
  }
  return filled;
}

/** A field's type, which a widget may inherit from the fields above it. */
function fieldType(pdf: PdfFile, field: Dict): string | null {
  const seen = new Set<Dict>();
  for (let node: Dict | null = field; node && !seen.has(node); node = pdf.dict(node.get('Parent'))) {
    seen.add(node);
    const type = nameOf(pdf.get(node.get('FT')));
    if (type) return type;
  }
  return null;
}

/** Baselines within this many points of each other are looked up as one when placing what was filled in. */
const BASELINE_STEP = 0.5;

/**
 * What was filled in, each annotation's characters where a reader would read them among the page's
 * own: after the last character drawn on the same baseline (a field beside its label: the line's
 * characters are then ordered across it), else after the last one drawn above it. The page's
 * characters are indexed once by baseline and by height, so a page of many fields costs little.
 */
function inReadingPlace(page: Placed[], filled: Placed[][]): Placed[] {
  const blocks = filled.filter((block) => block.length > 0);
  if (blocks.length === 0) return page;
  const lastOnBaseline = new Map<number, number>();
  page.forEach((p, i) => {
    if (!p.vertical) lastOnBaseline.set(Math.round(p.y / BASELINE_STEP), i);
  });
  // Highest first, each with the last index drawn at that height or higher.
  const byHeight = page.map((p, i) => ({ y: p.y, i })).sort((a, b) => b.y - a.y);
  const lastAbove: number[] = [];
  byHeight.forEach(({ i }, k) => lastAbove.push(Math.max(i, lastAbove[k - 1] ?? -1)));
  const placeOf = (first: Placed) => {
    const reach = Math.min(Math.round((Math.max(first.size, 1) * 0.5) / BASELINE_STEP), 200);
    const key = Math.round(first.y / BASELINE_STEP);
    let at = -1;
    for (let k = key - reach + 1; k < key + reach; k++) at = Math.max(at, lastOnBaseline.get(k) ?? -1);
    if (at >= 0) return at;
    let [low, high] = [0, byHeight.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (byHeight[middle].y > first.y) low = middle + 1;
      else high = middle;
    }
    return low > 0 ? lastAbove[low - 1] : -1;
  };
  const placed = blocks.map((block, order) => ({ block, order, after: placeOf(block[0]) })).sort((a, b) => a.after - b.after || a.order - b.order);
  const merged: Placed[] = [];
  let next = 0;
  for (let i = -1; i < page.length; i++) {
    if (i >= 0) merged.push(page[i]);
    for (; next < placed.length && placed[next].after === i; next++) for (const p of placed[next].block) merged.push(p);
  }
  return merged;
}

/** Characters drawn off the page (a writer's leftovers, text moved out of view) are not on it: a viewer neither shows nor copies them. */
function onPage(placed: Placed[], box: Box | null): Placed[] {
  if (!box) return placed;
  return placed.filter((p) => p.x >= box[0] - p.size && p.x <= box[2] + p.size && p.y >= box[1] - p.size && p.y <= box[3] + p.size);
}

const KANA = /^[\u3040-\u30ff]+$/u;
const SPACE = Uint8Array.of(0x20);

/** One page's characters as lines of text, in the order drawn. */
function pageText(placed: Placed[]): string {
  const shown = placed.filter((p) => p.text !== '');
  if (shown.length === 0) return '';
  // The page's body size: the size most of its characters are drawn at.
  const counts = new Map<number, number>();
  for (const p of shown) counts.set(Math.round(p.size), (counts.get(Math.round(p.size)) ?? 0) + 1);
  const body = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const byShow = new Map<number, string>();
  for (const p of shown) byShow.set(p.show, (byShow.get(p.show) ?? '') + (p.size <= body * 0.6 ? p.text : '\0'));
  // Furigana: a show of kana alone, drawn at most 0.6 of the body size.
  const ruby = new Set([...byShow].filter(([, text]) => KANA.test(text)).map(([show]) => show));
  return runOnWrapped(linesOf(shown.filter((p) => !ruby.has(p.show))).map(lineOf))
    .map((line) => line.text)
    .join('\n');
}

/** A line as text, with where it starts and ends across the page and where its last cell (after a gap of a character or more) starts. */
interface Line {
  text: string;
  x: number;
  column: number;
  end: number;
  y: number;
  size: number;
  vertical: boolean;
  /** No gap of a character or more: one cell's text. */
  single: boolean;
}

function lineOf(glyphs: Placed[]): Line {
  let text = '';
  let column = glyphs[0].x;
  let single = true;
  glyphs.forEach((p, i) => {
    const last = glyphs[i - 1];
    // An ideographic space drawn narrower than a character is a word space (LibreOffice maps its spaces so).
    const own = p.text === '\u3000' && p.advance < p.size * 0.6 ? ' ' : p.text;
    if (last) {
      const size = Math.max(p.size, last.size, 1);
      const gap = p.vertical ? last.y - last.advance - p.y : p.x - (last.x + last.advance);
      if (gap > size) {
        column = p.x;
        single = false;
      }
      // A writer's own spacing stays under these, a space or a table's cell padding above them:
      // between Japanese characters (justified text), between Japanese and Latin (LibreOffice's
      // gap between them, a fifth of a character; a browser's cell padding is a quarter) and
      // between Latin letters.
      const mixed = isWide(own) !== isWide(last.text.at(-1));
      if (!/\s$/.test(text) && !/^\s/.test(own) && gap > size * (mixed ? 0.22 : isWide(own) ? 0.2 : 0.15)) text += ' ';
    }
    text += own;
  });
  const last = glyphs[glyphs.length - 1];
  return { text, x: glyphs[0].x, column, end: last.x + last.advance, y: glyphs[0].y, size: glyphs.reduce((n, g) => Math.max(n, g.size), 0), vertical: last.vertical, single };
}

/** A line ending a sentence: the widest line of a list's column is often a whole item, not a wrapped one. */
const SENTENCE_END = /[。．.！？!?]$/;
/** A line that starts a list item, a numbered row or a note: never the rest of the line above. */
const ITEM_START = /^(?:[・•●○◆◇■□◎▶►▷★☆※\-*+]|[(（]?[0-9０-９]{1,2}[.．、)）\s\u3000]|[\u2460-\u2487])/;

/**
 * Lines cut by the width of their column joined again, as the report's reader wants a wrapped
 * sentence (an operator's name cut before its last character reads as two names otherwise): a line
 * that reaches its column's right edge (the widest line drawn from the same left edge on the page,
 * less a character and a half for line-breaking rules) and ends no sentence runs on into the next
 * line when that line is one cell starting at the same left edge, one line pitch lower, at the same
 * size, and starts no list item.
 */
function runOnWrapped(lines: Line[]): Line[] {
  const key = (x: number) => Math.round(x);
  const widest = new Map<number, number>();
  for (const line of lines) if (!line.vertical) widest.set(key(line.column), Math.max(widest.get(key(line.column)) ?? 0, line.end));
  const edge = (x: number) => Math.max(widest.get(key(x) - 1) ?? 0, widest.get(key(x)) ?? 0, widest.get(key(x) + 1) ?? 0);
  const joined: Line[] = [];
  for (const line of lines) {
    const above = joined.at(-1);
    const size = line.size;
    const runsOn =
      above !== undefined && !above.vertical && !line.vertical && line.single && Math.abs(line.x - above.column) < size * 0.5 &&
      above.y - line.y > size * 0.8 && above.y - line.y < size * 2.2 && Math.abs(above.size - size) < size * 0.1 &&
      edge(above.column) - above.column > size * 5 && above.end >= edge(above.column) - size * 1.5 && !SENTENCE_END.test(above.text) && !ITEM_START.test(line.text);
    if (!runsOn) {
      joined.push({ ...line });
      continue;
    }
    above.text = joinWrapped([above.text, line.text]);
    above.y = line.y;
    above.end = line.end;
  }
  return joined;
}

/**
 * Lines in the order drawn: characters drawn one after another on one baseline are a line, in their
 * order across it (LibreOffice draws a line's spaces apart from its letters); a line drawn down the
 * page (a vertical font) runs top to bottom.
 */
function linesOf(placed: Placed[]): Placed[][] {
  const lines: Placed[][] = [];
  let line: Placed[] = [];
  for (const p of placed) {
    const last = line.at(-1);
    const size = Math.max(p.size, last?.size ?? 0, 1);
    const same = last !== undefined && (p.vertical && last.vertical ? Math.abs(p.x - last.x) < size * 0.5 : !p.vertical && !last.vertical && Math.abs(p.y - last.y) < size * 0.5);
    if (!same && line.length > 0) {
      lines.push(line);
      line = [];
    }
    line.push(p);
  }
  if (line.length > 0) lines.push(line);
  return lines.map((l) => l.sort((a, b) => (a.vertical ? b.y - a.y : a.x - b.x)));
}

/** A PDF's text, and the line of that text each page starts on (1 for the first), for saying where a line is. */
export interface PdfText {
  text: string;
  pageStarts: number[];
}

/**
 * The text of every page, a line break between pages. Throws `PdfEncrypted`, `PdfWithoutText`,
 * `PartTooLarge` (streams inflating past the limit) or, for anything else wrong, `PdfDamaged`.
 */
export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  try {
    return await pdfText(bytes);
  } catch (error) {
    if (error instanceof PdfEncrypted || error instanceof PdfWithoutText || error instanceof PartTooLarge || error instanceof PdfDamaged) throw error;
    throw new PdfDamaged(error instanceof Error ? error.message : String(error));
  }
}

async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  const pdf = await PdfFile.open(bytes);
  const pages: string[] = [];
  let placed = 0;
  let unmapped = 0;
  let inCollection = 0;
  const tree = pagesOf(pdf);
  if (tree.length === 0) throw new PdfDamaged('no pages');
  for (const { page, resources, box } of tree) {
    // A page dictionary whose resources were left unclosed holds its contents inside them.
    const contents = pdf.get(page.get('Contents') ?? pdf.dict(page.get('Resources'))?.get('Contents'));
    const streams = (Array.isArray(contents) ? contents.map((c) => pdf.get(c)) : [contents]).filter(isStream);
    const parts = await Promise.all(streams.map((s) => dataOrEmpty(pdf, s)));
    // The parts of a page's content are one stream, split anywhere: joined with a space between.
    const content = concatBytes(parts.flatMap((part) => [part, SPACE]));
    const reader = new PageReader(pdf, placed);
    await reader.run(content, resources, IDENTITY, 0);
    const filled: Placed[][] = [];
    for (const [appearance, rect] of filledIn(pdf, page)) {
      const before = reader.placed.length;
      await reader.annotation(appearance, rect, resources);
      filled.push(onPage(reader.placed.splice(before), box));
    }
    placed += reader.placed.length + filled.reduce((n, block) => n + block.length, 0);
    unmapped += reader.unmapped;
    inCollection += reader.inCollection;
    pages.push(pageText(inReadingPlace(onPage(reader.placed, box), filled)));
  }
  // A line end a font maps a glyph to (a carriage return) ends a line as LF does, page by page.
  const shown = pages.map((page) => normalizeLineEnds(page));
  const text = foldLookAlikes(shown.join('\n'));
  const pageStarts: number[] = [];
  let line = 1;
  for (const page of shown) {
    pageStarts.push(line);
    line += page.split('\n').length;
  }
  const unmappedReason = inCollection > unmapped / 2 ? 'cid_collection' : 'unmapped_fonts';
  if (text.trim() === '') throw new PdfWithoutText(placed > 0 && unmapped > 0 ? unmappedReason : 'no_text');
  if (unmapped > placed / 2) throw new PdfWithoutText(unmappedReason);
  return { text, pageStarts };
}

/** The page (1 for the first) a line of a PDF's text is on. */
export function pageOfLine(pageStarts: readonly number[], line: number): number {
  let [low, high] = [0, pageStarts.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (pageStarts[middle] <= line) low = middle + 1;
    else high = middle;
  }
  return Math.max(low, 1);
}

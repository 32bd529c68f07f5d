import { decodeEntities } from './report-text.ts';
import { ListMarks, paragraphHtml, type ListLevel } from './document-html.ts';
import { attributes, elements, leavesOut, tokens } from './xml.ts';
import { isZip, ZipArchive } from './zip.ts';

/**
 * A report written in Word (`.docx`) as the HTML the report reader already reads: paragraphs as
 * `<p>`, tables as `<table>` with each cell's paragraphs, in document order, a text box's paragraphs
 * (a title is often one) before the paragraph it is anchored to. What Word shows is what is read: a
 * list's numbers or bullets, which Word keeps out of the text (in its numbering, set on the paragraph
 * or its style), are written before the item, numbered from the list's start in each table cell; a
 * tab and a line break are kept; a deleted tracked change, a furigana (ruby) reading and a field's
 * code are not text. The page header and footer (a running head) are other parts, not read. Null for
 * anything that is not a Word document.
 */
export async function readWordDocument(bytes: Uint8Array): Promise<string | null> {
  if (!isZip(bytes)) return null;
  const zip = new ZipArchive(bytes);
  const document = await zip.text('word/document.xml');
  if (document === null) return null;
  const numbering = new Numbering((await zip.text('word/numbering.xml')) ?? '', (await zip.text('word/styles.xml')) ?? '');
  return documentHtml(document, numbering);
}

/**
 * Elements whose text is not the document's: a deletion, a reading over a word, a field's code, and
 * the older copy of a text box Word writes beside the new one (`mc:Fallback`).
 */
const HIDDEN = new Set(['del', 'delText', 'rt', 'instrText', 'fldData', 'Fallback']);

interface Paragraph {
  text: string;
  numId: string | null;
  level: number;
}

function documentHtml(xml: string, numbering: Numbering): string {
  const out: string[] = ['<html><body>'];
  // A text box's paragraphs sit inside a run of the paragraph it is anchored to: they come out before it.
  const paragraphs: Paragraph[] = [];
  let inText = false;
  let inProperties = 0;
  const hidden = leavesOut(HIDDEN);
  for (const token of tokens(xml)) {
    if (hidden(token)) continue;
    const paragraph = paragraphs.at(-1);
    if ('text' in token) {
      if (paragraph && inText) paragraph.text += decodeEntities(token.text);
      continue;
    }
    const { tag, closing, empty } = token;
    if (tag === 'pPr' || tag === 'rPr') {
      if (!empty) inProperties += closing ? -1 : 1;
      continue;
    }
    if (closing) {
      if (tag === 't') inText = false;
      else if (tag === 'p' && paragraph) {
        out.push(paragraphHtml(paragraph.numId === null ? null : numbering.mark(paragraph.numId, paragraph.level), paragraph.text));
        paragraphs.pop();
      } else if (tag === 'tc') out.push('</td>');
      else if (tag === 'tr') out.push('</tr>');
      else if (tag === 'tbl') out.push('</table>');
      continue;
    }
    const value = () => attributes(token.attrs)['w:val'] ?? attributes(token.attrs).val ?? null;
    switch (tag) {
      case 'p':
        if (empty) out.push('<p></p>');
        else paragraphs.push({ text: '', numId: null, level: 0 });
        break;
      case 'pStyle': {
        const style = value();
        const styled = paragraph && style !== null ? numbering.ofStyle(style) : null;
        if (paragraph && styled && paragraph.numId === null) Object.assign(paragraph, styled);
        break;
      }
      case 'numId':
        if (paragraph && inProperties > 0) paragraph.numId = value();
        break;
      case 'ilvl':
        if (paragraph && inProperties > 0) paragraph.level = Number(value() ?? 0);
        break;
      case 't':
        inText = !empty;
        break;
      case 'tab':
        // A run's tab, not a paragraph's tab stop (those are inside its properties).
        if (paragraph && inProperties === 0) paragraph.text += '\t';
        break;
      case 'br':
      case 'cr':
        if (paragraph && inProperties === 0) paragraph.text += '\n';
        break;
      case 'tbl':
        out.push('<table>');
        break;
      case 'tr':
        out.push('<tr>');
        break;
      case 'tc':
        // Each cell holds one section's list: its numbers start again, where Word may carry a list on from an earlier cell.
        numbering.restart();
        out.push('<td>');
        break;
    }
  }
  out.push('</body></html>');
  return out.join('\n');
}

/**
 * Word's list numbering: `numId` → its abstract definition's levels (format, text such as `%1.`,
 * start), counted as document-html.ts counts them, and the lists paragraph styles carry
 * (`List Number`), through the styles they are based on.
 */
class Numbering extends ListMarks {
  private readonly styles = new Map<string, { numId: string | null; level: number; basedOn: string | null }>();

  constructor(numbering: string, styles: string) {
    super(listsOf(numbering));
    for (const { attrs, inner } of elements(styles, 'style')) {
      const id = attributes(attrs)['w:styleId'];
      const val = (name: string) => valueOf(inner ?? '', name) ?? null;
      if (id) this.styles.set(id, { numId: val('numId'), level: Number(val('ilvl') ?? 0), basedOn: val('basedOn') });
    }
  }

  /** The list a paragraph style numbers its paragraphs with, through the styles it is based on. */
  ofStyle(styleId: string): { numId: string; level: number } | null {
    const seen = new Set<string>();
    for (let id: string | null = styleId; id !== null && !seen.has(id); ) {
      seen.add(id);
      const style = this.styles.get(id);
      if (!style) return null;
      if (style.numId !== null) return { numId: style.numId, level: style.level };
      id = style.basedOn;
    }
    return null;
  }

  /** The next mark of list `numId` at `level`; null for numId 0 (numbering removed). */
  override mark(numId: string, level: number): string | null {
    return numId === '0' ? null : super.mark(numId, level);
  }
}

/** `numId` → the levels of the abstract definition it points to. */
function listsOf(numbering: string): Map<string, ListLevel[]> {
  const abstract = new Map<string, ListLevel[]>();
  for (const { attrs, inner } of elements(numbering, 'abstractNum')) {
    const levels: ListLevel[] = [];
    for (const level of elements(inner ?? '', 'lvl')) {
      const k = Number(attributes(level.attrs)['w:ilvl'] ?? 0);
      const val = (name: string) => valueOf(level.inner ?? '', name);
      levels[k] = { format: val('numFmt') ?? 'decimal', text: val('lvlText') ?? `%${k + 1}.`, start: Number(val('start') ?? 1) };
    }
    abstract.set(attributes(attrs)['w:abstractNumId'], levels);
  }
  const lists = new Map<string, ListLevel[]>();
  for (const { attrs, inner } of elements(numbering, 'num')) {
    const levels = abstract.get(valueOf(inner ?? '', 'abstractNumId') ?? '');
    if (levels) lists.set(attributes(attrs)['w:numId'], levels);
  }
  return lists;
}

/** The `w:val` of the first `name` element in `xml`. */
function valueOf(xml: string, name: string): string | undefined {
  for (const { attrs } of elements(xml, name)) return attributes(attrs)['w:val'];
  return undefined;
}

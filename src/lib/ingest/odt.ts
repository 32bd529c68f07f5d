import { decodeEntities } from './report-text.ts';
import { circled, fullWidth, paragraphHtml } from './document-html.ts';
import { inlineText, openPackage } from './odf.ts';
import { attributes, elements, leavesOut, tokens } from './xml.ts';

/**
 * A report written in LibreOffice Writer (`.odt`, or Word's "OpenDocument Text") as the HTML the
 * report reader already reads, as a Word document is (docx.ts): paragraphs and headings as `<p>`,
 * tables as `<table>` with each cell's paragraphs, a text box's paragraphs before the paragraph it is
 * anchored in. What Writer shows is what is read: a list's numbers or bullets, which Writer keeps in
 * the list's style and not in the text, are written before each item, numbered from the list's start
 * in each table cell; a tab and a line break are kept. Not text: a deleted tracked change (kept apart
 * from the text), a furigana (ruby) reading, a comment, a footnote. Null for anything that is not an
 * OpenDocument text.
 */
export async function readWriterDocument(bytes: Uint8Array): Promise<string | null> {
  const odf = await openPackage(bytes, MIMETYPE);
  return odf && documentHtml(odf.content, new ListStyles(odf.styles));
}

const MIMETYPE = 'application/vnd.oasis.opendocument.text';
/** Elements whose text is not the document's: deleted changes, a reading, a comment, a footnote, the document's field declarations. */
const HIDDEN = new Set(['tracked-changes', 'ruby-text', 'annotation', 'note', 'sequence-decls', 'variable-decls', 'user-field-decls']);

interface Paragraph {
  text: string;
  mark: string | null;
}

function documentHtml(xml: string, styles: ListStyles): string {
  const out: string[] = ['<html><body>'];
  const paragraphs: Paragraph[] = [];
  // The lists open around the paragraph being read: their style and, per level, whether the item's mark is still to be written.
  const lists: Array<{ style: string | null; markPending: boolean; header: boolean; fresh: boolean }> = [];
  const counters = new Map<string, number[]>();
  const hidden = leavesOut(HIDDEN);
  let inBody = false;
  for (const token of tokens(xml)) {
    if (!inBody) {
      if ('tag' in token && token.tag === 'body' && !token.closing) inBody = true;
      continue;
    }
    if (hidden(token)) continue;
    const paragraph = paragraphs.at(-1);
    if ('text' in token) {
      if (paragraph) paragraph.text += decodeEntities(token.text);
      continue;
    }
    const { tag, closing, empty } = token;
    if (closing) {
      if ((tag === 'p' || tag === 'h') && paragraph) {
        out.push(paragraphHtml(paragraph.mark, paragraph.text));
        paragraphs.pop();
      } else if (tag === 'list') lists.pop();
      else if (tag === 'table-cell' || tag === 'covered-table-cell') out.push('</td>');
      else if (tag === 'table-row') out.push('</tr>');
      else if (tag === 'table') out.push('</table>');
      continue;
    }
    switch (tag) {
      case 'p':
      case 'h': {
        const item = lists.at(-1);
        let mark: string | null = null;
        // An item's first paragraph carries its mark; a list header's carries none.
        if (item && item.markPending) {
          item.markPending = false;
          const style = [...lists].reverse().find((l) => l.style !== null)?.style ?? styles.ofParagraph(attributes(token.attrs)['text:style-name'] ?? '');
          if (style && lists[0].fresh) {
            counters.delete(style);
            lists[0].fresh = false;
          }
          if (!item.header && style) mark = styles.mark(style, lists.length, counters);
        }
        if (empty) out.push(paragraphHtml(mark, ''));
        else paragraphs.push({ text: '', mark });
        break;
      }
      case 'list': {
        const a = attributes(token.attrs);
        // A new list numbers from its start, unless it says it carries an earlier one on.
        const fresh = lists.length === 0 && a['text:continue-numbering'] !== 'true' && !a['text:continue-list'];
        lists.push({ style: a['text:style-name'] ?? null, markPending: false, header: false, fresh });
        break;
      }
      case 'list-item':
      case 'list-header':
        if (lists.length > 0) Object.assign(lists[lists.length - 1], { markPending: true, header: tag === 'list-header' });
        break;
      case 's':
      case 'tab':
      case 'line-break':
        if (paragraph) paragraph.text += inlineText(tag, token.attrs);
        break;
      case 'table':
        out.push('<table>');
        break;
      case 'table-row':
        out.push('<tr>');
        break;
      case 'table-cell':
      case 'covered-table-cell':
        // Each cell holds one section's list: its numbers start again, where Writer may carry a list on from an earlier cell.
        counters.clear();
        out.push(empty ? '<td></td>' : '<td>');
        break;
    }
  }
  out.push('</body></html>');
  return out.join('\n');
}

interface Level {
  /** `style:num-format` (`1`, `a`, `i`, `①, ②, ③, ...`), or null for a bullet. */
  format: string | null;
  bullet: string;
  prefix: string;
  suffix: string;
  start: number;
  /** How many levels' numbers the mark shows (`1.2.`). */
  display: number;
}

/**
 * Writer's list styles: name → its levels (number format, prefix and suffix, start, or bullet), and
 * the list style a paragraph style carries. The counters are per list style and level; a level's
 * counter restarts when a level above it advances.
 */
class ListStyles {
  private readonly lists = new Map<string, Level[]>();
  private readonly paragraphs = new Map<string, string>();

  constructor(xml: string) {
    for (const { attrs, inner } of elements(xml, 'list-style')) {
      const levels: Level[] = [];
      for (const kind of ['list-level-style-number', 'list-level-style-bullet']) {
        for (const level of elements(inner ?? '', kind)) {
          const a = attributes(level.attrs);
          const k = Number(a['text:level'] ?? 1) - 1;
          levels[k] = {
            format: kind.endsWith('number') ? (a['style:num-format'] ?? '1') : null,
            bullet: decodeEntities(a['text:bullet-char'] ?? '・'),
            prefix: decodeEntities(a['style:num-prefix'] ?? ''),
            suffix: decodeEntities(a['style:num-suffix'] ?? ''),
            start: Number(a['text:start-value'] ?? 1),
            display: Number(a['text:display-levels'] ?? 1),
          };
        }
      }
      const name = attributes(attrs)['style:name'];
      if (name) this.lists.set(name, levels);
    }
    for (const { attrs } of elements(xml, 'style')) {
      const a = attributes(attrs);
      if (a['style:list-style-name'] && a['style:name']) this.paragraphs.set(a['style:name'], a['style:list-style-name']);
    }
  }

  ofParagraph(style: string): string | null {
    return this.paragraphs.get(style) ?? null;
  }

  /** The next mark of list style `name` at `depth` (1 = outermost) as Writer shows it; a bullet as `・`. */
  mark(name: string, depth: number, counters: Map<string, number[]>): string | null {
    const levels = this.lists.get(name);
    const level = levels?.[depth - 1];
    if (!levels || !level) return null;
    if (level.format === null) return '・';
    if (level.format === '') return null;
    const counts = counters.get(name) ?? [];
    counts[depth - 1] = (counts[depth - 1] ?? (level.start - 1)) + 1;
    counts.length = depth;
    counters.set(name, counts);
    const shown = [];
    for (let k = Math.max(0, depth - level.display); k < depth; k++) shown.push(formatNumber(counts[k] ?? levels[k]?.start ?? 1, levels[k]?.format ?? '1'));
    return `${level.prefix}${shown.join('.')}${level.suffix}`;
  }
}

function formatNumber(n: number, format: string): string {
  if (format.startsWith('①')) return circled(n);
  if (format.startsWith('１')) return fullWidth(n);
  if (format === 'a' || format === 'A') return letters(n, format === 'A');
  if (format === 'i' || format === 'I') return roman(n, format === 'I');
  return String(n);
}

function letters(n: number, upper: boolean): string {
  let out = '';
  for (let m = n; m > 0; m = Math.floor((m - 1) / 26)) out = String.fromCharCode((upper ? 65 : 97) + ((m - 1) % 26)) + out;
  return out;
}

function roman(n: number, upper: boolean): string {
  const numerals: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  let m = n;
  for (const [value, numeral] of numerals) for (; m >= value; m -= value) out += numeral;
  return upper ? out.toUpperCase() : out;
}

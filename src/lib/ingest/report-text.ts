import { CsvReader } from './csv.ts';
import { isPipeRule, pipeRowCells } from './markdown.ts';

/**
 * The published report arrives as text (cells separated by tabs, as copied from the city's page,
 * with some of the page's list markup left inside cells), as the saved HTML page, or as its sheet
 * saved from Excel as CSV. All become the same rows of cells here, so one parser reads them.
 */
export interface ReportLine {
  /** 1-based line in the source file where the row starts. */
  line: number;
  cells: string[];
}

/** Marks a list item boundary (`<li>`) inside a cell; never appears in real text. */
export const ITEM_MARK = '\u241E';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{1,12}\d{0,2});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Splits markup into tags (`<…>`) and text, in one pass: a `<` with no `>` after it is text. A regex
 * such as `/<[^>]*>|[^<]+/g` would rescan to the end from every `<` of a page of them (quadratic).
 */
export function* markupTokens(source: string): Generator<{ tag: boolean; text: string }> {
  let pos = 0;
  let nextClose = source.indexOf('>');
  while (pos < source.length) {
    const open = source.indexOf('<', pos);
    if (open === -1 || nextClose === -1) {
      yield { tag: false, text: source.slice(pos) };
      return;
    }
    if (open > pos) yield { tag: false, text: source.slice(pos, open) };
    if (nextClose < open) nextClose = source.indexOf('>', open);
    if (nextClose === -1) {
      yield { tag: false, text: source.slice(open) };
      return;
    }
    yield { tag: true, text: source.slice(open, nextClose + 1) };
    pos = nextClose + 1;
  }
}

const TAG_NAME = /^<\s*(\/?)\s*([a-z0-9]+)/i;

/** Markup inside a cell: `<li>` starts an item, `<br>`/`<p>`/`<div>` start a line, other tags are spaces. */
function cleanCell(cell: string): string {
  let plain = cell;
  if (cell.includes('<')) {
    const parts: string[] = [];
    for (const token of markupTokens(cell)) {
      if (!token.tag) parts.push(token.text);
      else {
        const name = TAG_NAME.exec(token.text);
        const tag = name ? name[2].toLowerCase() : '';
        parts.push(tag === 'li' && name![1] === '' ? ITEM_MARK : /^(br|p|div)$/.test(tag) && name![1] === '' ? '\n' : ' ');
      }
    }
    plain = parts.join('');
  }
  return decodeEntities(plain)
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n+/g, '\n')
    .trim();
}

export function isHtml(text: string): boolean {
  return /<(html|body|table|tr|td|h[1-6]|div)\b/i.test(text);
}

export function textToReportLines(text: string): ReportLine[] {
  // Cells copied from Excel: one holding a line break comes quoted ("…\n…"), as in a CSV with tabs.
  if (/(?:^|\t)"/m.test(text)) return delimitedToReportLines(text, '\t');
  return withoutMargin(text.split(/\r\n|\r|\n/).map((raw, i) => ({ line: i + 1, cells: (markdownCells(raw) ?? raw.split('\t')).map(cleanCell) })));
}

/**
 * A line of a Markdown copy (the page converted by pandoc or markitdown, a note app's export): a table
 * row is its cells, the rule under a table's first row is layout like a blank line, and a heading's
 * `##` goes. Null for any other line, read as it stands.
 */
function markdownCells(raw: string): string[] | null {
  if (isPipeRule(raw)) return [''];
  const cells = pipeRowCells(raw);
  if (cells) return cells;
  if (!/^#{1,6}[ \t]/.test(raw)) return null;
  // A closing `##` follows a space: each run of #s is tried once, from the one space before it.
  const heading = raw.replace(/^#{1,6}[ \t]+/, '').trimEnd();
  return [heading.replace(/[ \t]#+$/, '')];
}

/**
 * A report sheet saved from Excel as CSV (`,`) or copied from it (`\t`): a row per record, its cells as
 * the sheet's, a quoted cell's line breaks kept inside it. A record with a stray quote (a copied page's
 * `"…"` inside a sentence) is split at its delimiters as it stands. A lone CR is a workbook cell's line
 * break (xlsx.ts writes it so, after every other line end is LF): it stays in its cell, so a line's
 * number is the sheet's row.
 */
export function delimitedToReportLines(source: string, delimiter: ',' | '\t'): ReportLine[] {
  const text = source.replace(/\r\n/g, '\n');
  const reader = new CsvReader(text, delimiter);
  const rows: ReportLine[] = [];
  for (let record = reader.next(); record; record = reader.next()) {
    const cells = record.problem ? text.slice(record.start, record.end).split(delimiter) : record.fields;
    rows.push({ line: record.line, cells: cells.map((cell) => cleanCell(cell.replace(/\r/g, '\n'))) });
  }
  return withoutMargin(rows);
}

/** A sheet's empty left margin (its template starts in column B): the columns empty on every row go. */
function withoutMargin(rows: ReportLine[]): ReportLine[] {
  let margin = Infinity;
  for (const { cells } of rows) {
    const first = cells.findIndex((c) => c !== '');
    if (first !== -1 && first < margin) margin = first;
  }
  return margin !== Infinity && margin > 0 ? rows.map((r) => ({ ...r, cells: r.cells.slice(margin) })) : rows;
}

const BLOCK = /^(p|br|div|h[1-6]|ul|ol|section|article|header|footer|main|dl|dt|dd|caption|table|thead|tbody|tfoot|hr|title|li)$/;

/**
 * Saved HTML page → rows: each `<tr>` is a row, each `<td>`/`<th>` a cell; outside tables, block
 * elements end a line. Inside a cell, `<li>` marks an item and other blocks are spaces.
 */
export function htmlToReportLines(html: string): ReportLine[] {
  const source = blankRawText(blankComments(html));
  const rows: ReportLine[] = [];
  let line = 1;
  let rowStart = 1;
  let cells: string[] | null = null;
  let cell: string | null = null;
  let text = '';
  let textStart = 1;
  const flushText = () => {
    const value = cleanCell(text);
    if (value !== '') rows.push({ line: textStart, cells: [value] });
    text = '';
  };
  for (const { text: token } of markupTokens(source)) {
    // Source line breaks are layout, not content: inside a cell they only separate words.
    const startLine = line;
    for (let i = token.indexOf('\n'); i !== -1; i = token.indexOf('\n', i + 1)) line++;
    if (token[0] !== '<') {
      if (cell !== null) cell += token.replace(/\s+/g, ' ');
      else if (cells === null) {
        if (text.trim() === '') textStart = startLine;
        text += token;
      }
      continue;
    }
    const tag = TAG_NAME.exec(token);
    if (!tag) continue;
    const closing = tag[1] === '/';
    const name = tag[2].toLowerCase();
    if (name === 'tr') {
      if (!closing) {
        flushText();
        cells = [];
        rowStart = startLine;
      } else if (cells) {
        if (cell !== null) cells.push(cleanCell(cell));
        rows.push({ line: rowStart, cells });
        cells = null;
        cell = null;
      }
    } else if (name === 'td' || name === 'th') {
      if (!closing && cells) {
        if (cell !== null) cells.push(cleanCell(cell));
        cell = '';
      } else if (closing && cells && cell !== null) {
        cells.push(cleanCell(cell));
        cell = null;
      }
    } else if (cell !== null) {
      cell += name === 'li' && !closing ? ITEM_MARK : /^(br|p|div)$/.test(name) ? '\n' : ' ';
    } else if (BLOCK.test(name)) {
      flushText();
    } else {
      text += ' ';
    }
  }
  flushText();
  return rows;
}

/** Keeps only the line breaks of a stretch, so line numbers stay those of the file. */
const onlyBreaks = (text: string) => text.replace(/[^\n]/g, '');

/** `<!-- … -->` removed in one pass; an unclosed comment runs to the end, as in a browser. */
function blankComments(html: string): string {
  if (!html.includes('<!--')) return html;
  const parts: string[] = [];
  let pos = 0;
  for (let open = html.indexOf('<!--'); open !== -1; open = html.indexOf('<!--', pos)) {
    const close = html.indexOf('-->', open + 4);
    const end = close === -1 ? html.length : close + 3;
    parts.push(html.slice(pos, open), onlyBreaks(html.slice(open, end)));
    pos = end;
  }
  parts.push(html.slice(pos));
  return parts.join('');
}

/** `<script>`, `<style>` and `<head>` content removed; an unclosed one runs to the end. */
function blankRawText(html: string): string {
  const opening = /<(script|style|head)\b/gi;
  const parts: string[] = [];
  let pos = 0;
  for (let open = opening.exec(html); open; open = opening.exec(html)) {
    const closing = new RegExp(`</${open[1]}\\s*>`, 'gi');
    closing.lastIndex = open.index;
    const close = closing.exec(html);
    const end = close ? close.index + close[0].length : html.length;
    parts.push(html.slice(pos, open.index), onlyBreaks(html.slice(open.index, end)));
    pos = end;
    opening.lastIndex = end;
  }
  parts.push(html.slice(pos));
  return parts.join('');
}

/**
 * The published report arrives as text (cells separated by tabs, as copied from the city's page,
 * with some of the page's list markup left inside cells) or as the saved HTML page. Both become the
 * same rows of cells here, so one parser reads them.
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
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Markup inside a cell: `<li>` starts an item, `<br>`/`<p>`/`<div>` start a line, other tags are spaces. */
function cleanCell(cell: string): string {
  return decodeEntities(
    cell
      .replace(/<li\b[^>]*>/gi, ITEM_MARK)
      .replace(/<(br|p|div)\b[^>]*>/gi, '\n')
      .replace(/<[^>]*>/g, ' '),
  )
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n+/g, '\n')
    .trim();
}

export function isHtml(text: string): boolean {
  return /<(html|body|table|tr|td|h[1-6]|div)\b/i.test(text);
}

/** A file is read as a report, not a CSV, when it is HTML or its first line is not comma separated. */
export function looksLikeReport(text: string): boolean {
  if (isHtml(text)) return true;
  const first = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  return !first.includes(',');
}

export function textToReportLines(text: string): ReportLine[] {
  return text.split(/\r\n|\r|\n/).map((raw, i) => ({ line: i + 1, cells: raw.split('\t').map(cleanCell) }));
}

const BLOCK = /^(p|br|div|h[1-6]|ul|ol|section|article|header|footer|main|dl|dt|dd|caption|table|thead|tbody|tfoot|hr|title|li)$/;

/**
 * Saved HTML page → rows: each `<tr>` is a row, each `<td>`/`<th>` a cell; outside tables, block
 * elements end a line. Inside a cell, `<li>` marks an item and other blocks are spaces.
 */
export function htmlToReportLines(html: string): ReportLine[] {
  const source = html.replace(/<!--[^]*?-->/g, (c) => c.replace(/[^\n]/g, '')).replace(/<(script|style|head)\b[^]*?<\/\1\s*>/gi, (c) => c.replace(/[^\n]/g, ''));
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
  for (const match of source.matchAll(/<[^>]*>|[^<]+/g)) {
    const token = match[0];
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
    const tag = /^<\s*(\/?)\s*([a-z0-9]+)/i.exec(token);
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

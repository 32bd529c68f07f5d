/**
 * What the Word and Writer readers share: a document as the HTML the report reader reads, each
 * paragraph a `<p>`, a list item's mark (kept by the program outside the text) written before it.
 */

/** A paragraph with its list mark, if any: a bullet glued to the text, a number followed by a space. */
export function paragraphHtml(mark: string | null, text: string): string {
  const shown = mark === null ? text : `${mark}${/^[・•●○◆■]$/.test(mark) ? '' : ' '}${text}`;
  return `<p>${shown.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>')}</p>`;
}

/** ① … ⑳ (past 20, the number). */
export const circled = (n: number) => (n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n));
/** The number in full-width digits: １２. */
export const fullWidth = (n: number) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/** A list level as Word defines it: how its number is written (`decimal`, `decimalEnclosedCircle`, `bullet`, …), its text with `%1`…`%9` for the levels' numbers, its first number. */
export interface ListLevel {
  format: string;
  text: string;
  start: number;
}

/**
 * The marks Word shows before list items: a counter per list and level (a level's counter restarts
 * when a level above it advances), each item's mark its level's text with the numbers filled in.
 */
export class ListMarks {
  private readonly counters = new Map<string, number[]>();

  /** `counterOf`: whose numbers a list counts on (a Word 97 list override counts its list's). */
  constructor(
    private readonly lists: Map<string, ListLevel[]>,
    private readonly counterOf: (list: string) => string = (list) => list,
  ) {}

  /** Each table cell holds one section's list: its numbers start again, where Word may carry a list on from an earlier cell. */
  restart(): void {
    this.counters.clear();
  }

  /** The next mark of `list` at `level` as Word shows it (`1.`, `(2)`, `①`, a bullet as `・`); null for a list not defined. */
  mark(list: string, level: number): string | null {
    const levels = this.lists.get(list);
    if (!levels) return null;
    const key = this.counterOf(list);
    const counters = this.counters.get(key) ?? levels.map((l) => (l ? l.start - 1 : 0));
    counters[level] = (counters[level] ?? 0) + 1;
    for (let k = level + 1; k < counters.length; k++) counters[k] = levels[k] ? levels[k].start - 1 : 0;
    this.counters.set(key, counters);
    const own = levels[level];
    if (!own || own.format === 'bullet') return '・';
    return own.text.replace(/%(\d)/g, (_, n: string) => formatNumber(counters[Number(n) - 1] ?? 1, levels[Number(n) - 1]?.format ?? 'decimal'));
  }
}

function formatNumber(n: number, format: string): string {
  if (format === 'decimalEnclosedCircle' || format === 'decimalEnclosedCircleChinese') return circled(n);
  if (format === 'decimalFullWidth' || format === 'decimalFullWidth2') return fullWidth(n);
  return String(n);
}

import { parseRating, parseStage, QUESTIONS_PER_STAGE, SECTION_LABELS, STAGES, type Rater, type Rating, type Section, type Stage } from './fields.ts';
import { parseFiscalYear, parsePeriod } from './fiscal-year.ts';
import { raterNamed } from './headers.ts';
import { clipText } from './limits.ts';
import { foldLookAlikes } from './normalize.ts';
import { numbersWording, questionWorded } from './standard-questions.ts';
import { delimitedToReportLines, htmlToReportLines, isHtml, ITEM_MARK, textToReportLines, type ReportLine } from './report-text.ts';
import type { CenterRecord, ReasonCode } from './types.ts';

export interface ReportRating {
  line: number;
  /** The table row it came from (one row holds the three raters' ratings). */
  row: number;
  stage: Stage;
  questionNo: number;
  question: string;
  rater: Rater;
  rating: Rating | null;
}

export interface ReportNarrative {
  line: number;
  section: Section;
  itemNo: number;
  text: string;
}

/** The center's fields as a report states them (the title gives its ward and year). */
export type ReportCenter = Pick<CenterRecord, 'line' | 'operator' | 'contractYear' | 'contractLength' | 'periodStart' | 'periodEnd' | 'purpose'>;

export interface ReportProblem {
  line: number;
  /** The row at fault: one rejected row however many of its cells are listed. */
  row: number;
  column: string | null;
  value: string;
  code: ReasonCode;
  params: Record<string, string | number>;
}

/**
 * What each line of the document was read as, for the report check: data (`center`, `item`,
 * `rating`), the report's own framing (`title`, `heading`, `context`: preamble, legend), the site
 * around a saved page (`outside`), or a line inside a data section that could not be read (`rejected`).
 */
export type LineRole = 'outside' | 'title' | 'heading' | 'context' | 'center' | 'item' | 'rating' | 'rejected';

export interface ReportLineInfo {
  line: number;
  role: LineRole;
  /** The part of the report the line belongs to: a section, a stage, `period`, `operator`, `purpose`, … */
  section: string | null;
  text: string;
  /** The page of a PDF the line is on; none for other files. */
  page?: number;
}

export interface ParsedReport {
  /** The ward as the title writes it (resolved against the registry by the session). */
  wardText: string;
  fiscalYear: number;
  titleLine: number;
  ratings: ReportRating[];
  narratives: ReportNarrative[];
  center: ReportCenter | null;
  /** Lines inside a data section that could not be read: each is one rejected row. */
  problems: ReportProblem[];
  /** Parts of the report that were not found, named as the report names them. */
  missing: string[];
  lines: ReportLineInfo[];
}

/** A text holds one report or several (copied or pasted together), each read on its own, in order. */
export type ReportResult = { ok: true; reports: ParsedReport[] } | { ok: false; code: 'not_a_report' | 'report_missing_title' };

export const SECTION_TITLES: Record<Section, string> = {
  goal: '重点目標',
  action: '取組内容',
  effect: '取組の効果',
  challenge: '取組の課題',
  next_goal: '次年度重点目標',
  next_action: '次年度取組内容',
};

const RATER_TITLES: Record<Rater, string> = { ward: '区', center: '拠点', joint: '相互評価' };
const STAGE_TITLES: Record<Stage, string> = { planning: '事業計画段階', implementation: '事業実施段階', review: '事業の振り返り段階' };
/** The stage a heading's title (as `STAGE_HEADING` captures it) names. */
const stageTitled = (title: string): Stage => (title.includes('計画') ? 'planning' : title.includes('実施') ? 'implementation' : 'review');
const STANDARD_RATERS: Rater[] = ['ward', 'center', 'joint'];

/** NFKC, `**` (a Markdown copy) and `【】` gone, spaces gone: the form labels are compared in. */
function key(text: string): string {
  return text.normalize('NFKC').replace(/\*\*|＊＊|[【】]/g, '').replace(/[\s\u3000]+/g, '');
}

// The ward is the run of name characters just before 区地域子育て支援拠点(事業) (a breadcrumb's `>` or a
// space ends it), or in brackets after it (地域子育て支援拠点事業（鶴見区）).
const WARD_NAME = '[^\\s*＊【】「」<>＞|｜/／・:：、。,，()（）]{1,12}?区';
const TITLE_WARD = new RegExp(`(${WARD_NAME})\\s*地域子育て支援拠点|地域子育て支援拠点(?:事業)?\\s*[(（]\\s*(${WARD_NAME})\\s*[)）]`);
/** The evaluated year as a title writes it: 令和7年度, 平成31年度, 2025年度. */
const YEAR_WORD = '(?:令和|平成)\\s*(?:[0-9０-９]{1,2}|元)\\s*年度|[12１２][0-9０-９]{3}\\s*年度';
const TITLE_YEAR = new RegExp(`(${YEAR_WORD})`);
const YEAR_LINE = new RegExp(`^\\s*(${YEAR_WORD})\\s*$`);
/** The title's year and words together, as a PDF page's running head repeats them. */
const TITLE_YEAR_RESULT = new RegExp(`(?:${YEAR_WORD})\\s*重点目標評価結果`);

/** The labels of the report's header table and of its goal sections, each a section of the reader. */
type Label = 'period' | 'operator' | 'purpose' | 'philosophy' | 'content' | 'method' | 'criteria' | Section | 'year_goal';
const LABELS: Array<[Label, RegExp]> = [
  ['period', /^(?:事業実施期間|事業期間|実施期間)/],
  ['operator', /^(?:事業の実施者|事業実施者|実施者)/],
  ['purpose', /^事業目的/],
  ['philosophy', /^(?:事業・施設運営の基本理念|基本理念)/],
  ['method', /^事業の評価実施方法及び評価結果の公表方法/],
  ['content', /^事業の内容/],
  ...SECTION_LABELS.map(([section, source]): [Label, RegExp] => [section, new RegExp(`^(?:${source})`)]),
  ['year_goal', /^(?:令和|平成)(?:\d{1,2}|元)年度重点目標/],
  ['criteria', /^評価基準/],
];
/** Label and value on one line: after the label comes a tab, spaces, a full-width space or a colon. */
const LABEL_SEPARATOR = /^[\t \u3000]*[:：]?[\t \u3000]*/;

const PART_HEADING = /^(?:\d{1,2}[.．、]?)?((?:令和|平成)(?:\d{1,2}|元)年度重点目標の評価|(?:今年度|本年度|当年度)の?重点目標の評価|(?:次年度|来年度)の?重点目標|協働のプロセスの評価)$/;
/**
 * A stage's heading (key form): its title, with or without 事業 (`事業の振り返り段階`, `実施段階`,
 * `振返り段階`), numbered or not as a document numbers it: `①`, `1.`, `(2)`, `第3`, `Ⅰ`, `二、`.
 */
const STAGE_HEADING = /^(?:\(?[1-3][.．、)）]?|第[1-3一二三]|I{1,3}[.．、]?|[一二三][.．、])?((?:事業の?)?(?:計画|実施|振り?返り|ふりかえり)段階)$/;
const CONTEXT_SENTENCE = /^取組経過について振り返り|^[(（]?評価[)）]?$/;
/** A page's number as a PDF's text carries it between pages (`- 1 -`, `1/3`, `p.2`, `2ページ`), in the key form. */
const PAGE_NUMBER = /^(?:[-‐−―—ー]\d{1,3}[-‐−―—ー]|\d{1,3}\/\d{1,3}|[pP]\.?\d{1,3}|\d{1,3}ページ)$/;
const LEGEND = /^A\s*[:：]?\s*よく(?:でき|出来)た/;

/** A rating cell (NFKC): a letter in any case, alone, in brackets or with 評価 (`A`, `(B)`, `【C】`, `D評価`), or an unrated mark. */
const RATING_TOKEN = /^(?:[A-Da-d](?:評価)?|[(\[【「][A-Da-d][)\]】」]|[-－―—‐−ー]|未評価)$/;
/** A question's number starting a row (NFKC): `1`, `1.`, `(1)`, `①`, and as sheets write it, `問1`, `Q1`, `No.1`, `設問1`, `第1問`. */
const QUESTION_NO = /^(?:設問|問|第|q|no\.?|№)?\(?([0-9０-９]{1,2})(?:\)|[.．、]|問)?(.*)$/i;
/** A question's last character: every one of the form's questions ends its sentence (…ましたか。). */
const QUESTION_END = /[。．.？?！!」）)]$/;
/** A rating table's titles of the number and question columns, as a sheet heads them (NFKC). */
const COLUMN_TITLE = /^(?:no\.?|番号|設問番号|設問|質問|設問内容|項目)$/i;
/** The title of a rating table's stage column, where a form gives each row its stage (key form). */
const STAGE_COLUMN_TITLE = /^(?:評価)?段階$/;
/** A stage cell's word, short or long (never a bare number, which is the question's). */
const STAGE_WORD = /計画|実施|振り?返り/;

function matchLabel(text: string): { label: Label; rest: string } | null {
  // A Markdown copy's bold label (`**取組内容**`) closes its `**` where a separator or the line's end follows.
  const normalized = text.normalize('NFKC').replace(/^\*\*|^【/, '').replace(/\*\*(?=[\t \u3000:：]|$)/, '');
  for (const [label, pattern] of LABELS) {
    const m = pattern.exec(normalized.replace(/】/, ''));
    if (!m) continue;
    // The label must end where the line ends or a separator begins: 取組内容について… is not the label.
    const after = normalized.replace(/】/, '').slice(m[0].length);
    if (after !== '' && !/^[\t \u3000:：]/.test(after) && !(label === 'criteria')) continue;
    return { label, rest: after.replace(LABEL_SEPARATOR, '') };
  }
  return null;
}

/**
 * Bullets of a Word, PDF or Excel list other than `・`: each is one only where the list starts with it,
 * and never doubled (`○○地区` is a placeholder's name).
 */
const BULLET = /^\s*([•●○〇◆◇■□◎▶►▷★☆])(?!\1)/;

/** A text starting as a list does (`・`, another bullet, `1.`, `(1)`, `①`, `⑴`, a Markdown `- `): a cell that may hold a whole list. */
export function startsAsList(text: string): boolean {
  return BULLET.test(text) || /^(?:[・①⑴]|[-*+][ \t]|[(（]?[1１][.．、)）]?[\s\u3000]?)/.test(text);
}

/** A part or stage heading, as the reader's loop tells one (on the text's key). */
const isHeading = (text: string) => {
  const k = key(text);
  return PART_HEADING.test(k) || STAGE_HEADING.test(k);
};

/**
 * A label cut over two lines, as a narrow label column of the page wraps in a PDF or a copy
 * (`令和7年度` / `重点目標`, `取組の` / `効果`): the first line, short and no label of its own, is joined
 * with the next when together they start with a label that runs past the cut. The line is the first's.
 */
function joinSplitLabels(lines: ReportLine[]): ReportLine[] {
  const joined: ReportLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i].cells.filter((c) => c !== '');
    const next = lines[i + 1];
    if (head.length === 1 && head[0].length <= 10 && next && next.cells[0] !== '' && !matchLabel(head[0]) && !isHeading(head[0])) {
      const label = matchLabel(head[0] + next.cells[0]);
      // A stage's name in a narrow first column of its table wraps the same way (`①事業計画` / `段階`).
      if ((label && label.label !== 'criteria') || (next.cells.length === 1 && isHeading(head[0] + next.cells[0]))) {
        joined.push({ line: lines[i].line, cells: [head[0] + next.cells[0], ...next.cells.slice(1)] });
        i++;
        continue;
      }
    }
    joined.push(lines[i]);
  }
  return joined;
}

/**
 * Splits a list into items with the offset where each starts: `<li>`, `・` bullets, another bullet
 * (`•` `●` `○` `◆` `■` …) that starts the list, a Markdown list's `-` `*` `+` at the start of each
 * line, numbers 1, 2, 3… (`①` `⑴` too), else lines.
 */
function itemSpans(text: string): Array<{ text: string; start: number }> {
  let spans: Array<{ text: string; start: number }>;
  const bullet = BULLET.exec(text)?.[1];
  if (text.includes(ITEM_MARK)) spans = splitAt(text, new RegExp(ITEM_MARK, 'g'));
  else if (/(^|\s)・/.test(text)) spans = splitAt(text, /(?:^|\s)・/g);
  else if (bullet) spans = splitAt(text, new RegExp(`(?:^|\\s)${bullet}(?!${bullet})`, 'g'));
  // Only a list that starts with one: a dash inside a sentence or a line is not a bullet.
  else if (/^\s*[-*+][ \t]/.test(text)) spans = splitAt(text, /(?:^|\n)[ \t]*[-*+][ \t]+/g);
  else {
    spans = splitNumbered(text);
    if (spans.length === 1 && text.includes('\n')) spans = splitAt(text, /\n/g);
  }
  return spans
    .map((s) => {
      const lead = s.text.length - s.text.trimStart().length;
      return { text: joinLines(s.text), start: s.start + lead };
    })
    .filter((s) => s.text !== '');
}

/** The items of a list cell, as text. */
export function splitItems(cell: string): string[] {
  return itemSpans(cell).map((s) => s.text);
}

function splitAt(text: string, separator: RegExp): Array<{ text: string; start: number }> {
  const spans: Array<{ text: string; start: number }> = [];
  let start = 0;
  for (const m of text.matchAll(separator)) {
    spans.push({ text: text.slice(start, m.index), start });
    start = m.index + m[0].length;
  }
  spans.push({ text: text.slice(start), start });
  return spans;
}

const digits = (n: number) =>
  String(n)
    .split('')
    .map((d) => `[${d}${String.fromCharCode(0xff10 + Number(d))}]`)
    .join('');

/**
 * Numbers must run 1, 2, 3… in order and keep the first one's style (`1.`, `1 ` or `(1)`), so a
 * number inside a sentence (「年 2 回」 in a `1.` list) never splits it.
 */
function splitNumbered(cell: string): Array<{ text: string; start: number }> {
  // Circled ①–⑳ and parenthesised ⑴–⒇ numbers are marks of their own: one may follow the item before it without a space.
  const styles: Array<[(n: number) => string, string]> = [
    [(n) => `${digits(n)}[.．、)）]\\s*`, '(?:^|\\s)'],
    [(n) => `[(（]${digits(n)}[)）]\\s*`, '(?:^|\\s)'],
    [(n) => `${digits(n)}[\\s\\u3000]+`, '(?:^|\\s)'],
    [(n) => (n <= 20 ? `${String.fromCharCode(0x245f + n)}\\s*` : '(?!)'), ''],
    [(n) => (n <= 20 ? `${String.fromCharCode(0x2473 + n)}\\s*` : '(?!)'), ''],
  ];
  for (const [style, anywhere] of styles) {
    for (const from of firstNumbers(cell)) {
      // A list numbered on from an earlier one (a PDF prints Word's numbers carried over from the cell
      // before: 3., 4.) starts at its first number: then every number must begin a line, two at least.
      const before = from === 1 ? anywhere : '(?:^|\\n)[ \\t]*';
      const marker = (n: number) => new RegExp(`${before}${style(n)}`, 'g');
      const first = marker(from).exec(cell);
      if (!first || cell.slice(0, first.index).trim() !== '') continue;
      const spans: Array<{ text: string; start: number }> = [];
      let start = first.index + first[0].length;
      for (let n = from + 1; ; n++) {
        const re = marker(n);
        re.lastIndex = start;
        const next = re.exec(cell);
        if (!next) break;
        spans.push({ text: cell.slice(start, next.index), start });
        start = next.index + next[0].length;
      }
      spans.push({ text: cell.slice(start), start });
      if (from === 1 || spans.length >= 2) return spans;
    }
  }
  return [{ text: cell, start: 0 }];
}

/** The numbers a list may start at: 1, and the number the text starts with (in any of the list styles), up to 20. */
function firstNumbers(cell: string): number[] {
  const lead = /^\s*[(（]?([0-9０-９]{1,2}|[\u2460-\u2487])/.exec(cell)?.[1];
  if (lead === undefined) return [1];
  const code = lead.charCodeAt(0);
  const n = code >= 0x2474 ? code - 0x2473 : code >= 0x2460 ? code - 0x245f : Number(lead.normalize('NFKC'));
  return n > 1 && n <= 20 ? [1, n] : [1];
}

const textOf = (l: ReportLine) => l.cells.join('\t').trim();

/**
 * The report's title: ward (…区地域子育て支援拠点事業) and year (令和N年度重点目標評価結果), on one
 * line or two, anywhere in the document. A saved page can name other reports (breadcrumbs, lists of
 * links): the title taken is the last one before the report's first section, else the first one.
 */
function findTitle(lines: ReportLine[]): Title | null {
  const firstSection = lines.findIndex(isSectionLabel);
  let chosen: Title | null = null;
  for (let i = 0; i < lines.length; i++) {
    const candidate = titleAt(lines, i);
    if (!candidate) continue;
    if (firstSection !== -1 && candidate.end >= firstSection) return chosen ?? candidate;
    chosen = firstSection === -1 ? (chosen ?? candidate) : candidate;
  }
  return chosen;
}

interface Title {
  wardText: string;
  fiscalYear: number;
  start: number;
  end: number;
}

const isSectionLabel = (l: ReportLine) => {
  const m = matchLabel(l.cells[0] ?? '');
  return m !== null && m.label !== 'criteria';
};

/** A title's text without a Markdown copy's bold marks. */
const withoutBold = (text: string) => text.replace(/\*\*|＊＊/g, '');

/**
 * The ward a title line names (…区地域子育て支援拠点事業, bold marks aside), with the text before and
 * after that name. Asked of every line of a report, so the pattern runs only on lines holding the literal words.
 */
function titleWardIn(text: string): { ward: string; before: string; after: string } | undefined {
  const plain = withoutBold(text);
  const m = plain.includes('地域子育て支援拠点') ? TITLE_WARD.exec(plain) : null;
  return m ? { ward: m[1] ?? m[2], before: plain.slice(0, m.index), after: plain.slice(m.index + m[0].length) } : undefined;
}

const titleWardOf = (text: string) => titleWardIn(text)?.ward;

/**
 * A title at line `i`: the ward's line, and 重点目標評価結果 on it or within the next two. The year is
 * the first after the ward's name up to there, or else the one before the name on its line
 * (令和7年度 鶴見区地域子育て支援拠点事業 重点目標評価結果), or else a line above holding only the
 * year, where the title then starts.
 */
function titleAt(lines: ReportLine[], i: number): Title | null {
  const ward = titleWardIn(textOf(lines[i]));
  if (ward === undefined) return null;
  for (let j = i; j < Math.min(lines.length, i + 3); j++) {
    if (!textOf(lines[j]).includes('重点目標評価結果')) continue;
    const after = [ward.after, ...lines.slice(i + 1, j + 1).map(textOf)].join(' ');
    // Or the year alone on the line above (令和7年度 / 鶴見区地域子育て支援拠点事業 重点目標評価結果).
    const above = i > 0 ? YEAR_LINE.exec(withoutBold(textOf(lines[i - 1]))) : null;
    const year = TITLE_YEAR.exec(after) ?? TITLE_YEAR.exec(ward.before) ?? above;
    const fiscalYear = year ? parseFiscalYear(year[1].replace(/\s/g, '')) : null;
    return fiscalYear?.ok ? { wardText: ward.ward, fiscalYear: fiscalYear.fiscalYear, start: year === above ? i - 1 : i, end: j } : null;
  }
  return null;
}

/**
 * The reports after the first (several copied or pasted as one text): a title of another ward or year
 * than the report before it, with a section of its own before the next such title. A list of links to
 * other reports has no sections; a report's title again (a PDF page's running head) is no new report.
 */
function laterReports(lines: ReportLine[], first: Title): Title[] {
  const titles: Title[] = [];
  for (let i = first.end + 1; i < lines.length; i++) {
    const found = titleAt(lines, i);
    if (found) {
      titles.push(found);
      i = found.end;
    }
  }
  if (titles.length === 0) return [];
  // Linear however many titles a page lists: the next title of another report, from the end, and
  // the section labels counted up to each line.
  const nextOther = new Array<number>(titles.length);
  for (let k = titles.length - 1; k >= 0; k--) {
    const after = titles[k + 1];
    nextOther[k] = !after ? lines.length : sameReport(after, titles[k]) ? nextOther[k + 1] : after.start;
  }
  const sectionsBefore = new Int32Array(lines.length + 1);
  const legendsBefore = new Int32Array(lines.length + 1);
  lines.forEach((l, i) => {
    sectionsBefore[i + 1] = sectionsBefore[i] + (isSectionLabel(l) ? 1 : 0);
    legendsBefore[i + 1] = legendsBefore[i] + (isLegend(l) ? 1 : 0);
  });
  const reports: Title[] = [];
  let current = first;
  titles.forEach((t, k) => {
    // The same ward and year again is the page's running head inside the report, but a report of its
    // own (the same report pasted twice, or a corrected version after it) once the report before it
    // has ended with its legend.
    const runningHead = sameReport(t, current) && legendsBefore[t.start] === legendsBefore[current.end + 1];
    if (runningHead || sectionsBefore[nextOther[k]] - sectionsBefore[t.end + 1] === 0) return;
    reports.push(t);
    current = t;
  });
  return reports;
}

function isLegend(l: ReportLine): boolean {
  return LEGEND.test(textOf(l).normalize('NFKC')) || matchLabel(l.cells[0] ?? '')?.label === 'criteria';
}

const sameReport = (a: Title, b: Title) => a.wardText === b.wardText && a.fiscalYear === b.fiscalYear;

/**
 * The most lines one rating row may take before it is given up: a question wrapped in a PDF's narrow
 * column takes seven or eight, with its ratings on a line after them.
 */
const MAX_ROW_LINES = 12;

/** A rating row being read, possibly over several lines (a wrapped question, a cell per line). */
interface Pending {
  line: number;
  /** Indices into the report's line list, to mark them rejected if the row cannot be read. */
  entries: number[];
  /** The tokens of each line. */
  parts: string[][];
}

export const isWide = (c: string | undefined) => c !== undefined && c.charCodeAt(0) > 0x2e7f;
/** Joins a question wrapped over lines: no space between Japanese characters, a space otherwise. */
export function joinWrapped(pieces: string[]): string {
  return pieces.filter((p) => p !== '').reduce((text, p) => (text === '' ? p : isWide(text.at(-1)) && isWide(p[0]) ? text + p : `${text} ${p}`), '');
}
/** A text cut into lines (a PDF's page width, a list item's wrap) as one, joined as `joinWrapped` joins. */
const joinLines = (text: string) => joinWrapped(text.trim().split(/[\t ]*\n[\t ]*/));

/**
 * A page's running head: the report's title again at the top of a PDF's next page. The literal
 * check comes first, so the title's patterns run only on the few lines that could be one.
 */
function isRunningHead(text: string, wardText: string): boolean {
  if (!text.includes('重点目標評価結果') && !text.includes('地域子育て支援拠点事業')) return false;
  // The ward's words alone only with 事業: a list item naming the ward's center (鶴見区地域子育て支援拠点では…) is data.
  return TITLE_YEAR_RESULT.test(text) || (text.includes('地域子育て支援拠点事業') && titleWardOf(text) === wardText);
}

/** A line's first cell that is not empty (a sheet may leave its left margin column empty), up to 40 characters. */
const CSV_FIRST_CELL = /^,*([^,]{1,40}),/;

/**
 * A report sheet saved as CSV: two of its labels (事業実施期間, 取組内容, …) end their line's first
 * cell at a comma, and no line has a tab. A copied page's lines break at tabs, spaces or line ends.
 */
function isCsvSheet(text: string): boolean {
  if (text.includes('\t')) return false;
  let labels = 0;
  for (const line of text.split('\n')) {
    const first = CSV_FIRST_CELL.exec(line)?.[1].replace(/^"|"$/g, '');
    const label = first === undefined ? null : matchLabel(first);
    if (label && label.label !== 'criteria' && label.rest === '' && ++labels === 2) return true;
  }
  return false;
}

/**
 * Reads a published evaluation report, however it was saved or copied: the page's text (cells split by
 * tabs, or label and value split by spaces, a full-width space or a colon, or on separate lines) or
 * the saved HTML. Knows every part of the report: title, period, operator, 事業目的 and the rest of the
 * preamble (context, never rejected), this year's goals, actions, effects and challenges, next year's
 * goals and actions, the three rating tables (a row per question, its text wrapped or not, cells by
 * tab, space or `<td>`, or one cell per line), and the criteria legend, after which nothing is read.
 * A text of several reports (a year's reports copied from one PDF) gives each report from its title
 * to the next one's. Look-alike radicals a PDF's text map wrote for ideographs are read as those.
 */
export function parseReport(report: string): ReportResult {
  // A report's text copied from a PDF carries the radicals its map wrote for ideographs (市⺠ for 市民): read as typed.
  const text = foldLookAlikes(report);
  const lines = (isHtml(text) ? htmlToReportLines(text) : isCsvSheet(text) ? delimitedToReportLines(text, ',') : textToReportLines(text)).filter((l) => l.cells.some((c) => c !== ''));
  const title = findTitle(lines);
  if (!title) {
    const hasSections = lines.some((l) => matchLabel(l.cells[0] ?? '') !== null || STAGE_HEADING.test(key(textOf(l))));
    return { ok: false, code: hasSections ? 'report_missing_title' : 'not_a_report' };
  }
  const titles = [title, ...laterReports(lines, title)];
  return {
    ok: true,
    reports: titles.map((t, k) => readReport(lines, t, k === 0 ? 0 : t.start, titles[k + 1]?.start ?? lines.length)),
  };
}

/** One report: lines `from`–`end`, its title at `title` (the lines before it are the page around it). */
function readReport(lines: ReportLine[], title: Title, from: number, end: number): ParsedReport {
  const fy = title.fiscalYear;
  const report: ParsedReport = {
    wardText: title.wardText, fiscalYear: fy, titleLine: lines[title.start].line,
    ratings: [], narratives: [], center: null, problems: [], missing: [], lines: [],
  };
  // The check shows a line as the page shows it: list items as bullets.
  const shown = (l: ReportLine) => clipText(textOf(l).replaceAll(ITEM_MARK, ' ・').trim());
  const role = (l: ReportLine, r: LineRole, section: string | null) => report.lines.push({ line: l.line, role: r, section, text: shown(l) }) - 1;
  let rows = 0;
  const problem = (p: Omit<ReportProblem, 'row'>, row = ++rows) => report.problems.push({ ...p, row });
  for (const l of lines.slice(from, title.start)) role(l, 'outside', null);
  for (const l of lines.slice(title.start, title.end + 1)) role(l, 'title', null);

  let part: 'this' | 'next' | 'process' = 'this';
  let stage: Stage | null = null;
  let raters: Rater[] = STANDARD_RATERS;
  let section: { label: Label; section: Section | null; parts: Array<{ line: number; text: string }> } | null = null;
  let pending: Pending | null = null;
  // The rating row read last, while its question may still run on (a PDF's cell wrapped below its ratings).
  let lastRow: ReportRating[] | null = null;
  let ended = false;
  // A rating table copied without its stage headings: each question's wording names its stage (standard-questions.ts).
  let stagesWorded = false;
  const seenSections = new Set<Section>();
  const seenQuestions = new Map<Stage, Set<number>>();
  const itemCount = new Map<Section, number>();
  const center: Omit<ReportCenter, 'line'> & { line: number | null } = {
    line: null, operator: null, contractYear: null, contractLength: null, periodStart: null, periodEnd: null, purpose: null,
  };

  const closeSection = () => {
    if (!section) return;
    const { label, parts } = section;
    const joined = parts.map((p) => p.text).join('\n');
    if (section.section) {
      const target = section.section;
      const offsets: number[] = [];
      parts.reduce((offset, p) => (offsets.push(offset), offset + p.text.length + 1), 0);
      // Items come in order, so the part an item starts in is found by moving forward only.
      let at = 0;
      const lineAt = (start: number) => {
        while (at + 1 < offsets.length && offsets[at + 1] <= start) at++;
        return parts[at]?.line ?? 0;
      };
      let n = itemCount.get(target) ?? 0;
      for (const item of itemSpans(joined)) report.narratives.push({ line: lineAt(item.start), section: target, itemNo: ++n, text: item.text });
      itemCount.set(target, n);
      if (n > 0) seenSections.add(target);
    } else if (label === 'period' && joined.trim() !== '') {
      const period = parsePeriod(joined);
      Object.assign(center, { periodStart: period.start, periodEnd: period.end, contractYear: period.contractYear, contractLength: period.contractLength });
      center.line ??= parts[0].line;
    } else if (label === 'operator') {
      // The operator is the first line; the ward office (…区…課) follows it, on the next line or after a space.
      const operator = joined
        .split('\n')
        .map((s) => s.replace(/[\s\u3000]+[^\s\u3000]*区[^\s\u3000]*(?:課|係|室)$/, '').trim())
        .find((s) => s !== '');
      if (operator) {
        center.operator = operator;
        center.line ??= parts[0].line;
      }
    } else if (label === 'purpose') {
      const purpose = joinLines(joined.split(/【?事業・施設運営の基本理念】?/)[0]);
      if (purpose !== '') center.purpose = purpose;
    }
    section = null;
  };

  const flushPending = () => {
    settleWording();
    if (!pending) return;
    const p = pending;
    pending = null;
    const tokens = p.parts.flat();
    problem({ line: p.line, column: null, value: clipText(tokens.join(' ')), code: 'report_rating_cells', params: { expected: raters.length, found: trailingRatings(tokens).length } });
    markRejected(p.entries);
  };
  const tablesComplete = () => STAGES.every((s) => (seenQuestions.get(s)?.size ?? 0) === QUESTIONS_PER_STAGE[s]);
  /** Marks a rejected row's lines; one whose stage is unknown (its wording named none) is listed under no stage. */
  const markRejected = (entries: number[], stageUnknown = false) => {
    for (const i of entries) {
      report.lines[i].role = 'rejected';
      if (stageUnknown) report.lines[i].section = null;
    }
  };

  /** A rating row: the question number, its text, then one rating per rater column. */
  const readRow = (p: Pending, cells: string[] | null): void => {
    const first = cells ? cells[0] : p.parts[0][0];
    const numberMatch = QUESTION_NO.exec(first.normalize('NFKC'))!;
    let questionNo = Number(numberMatch[1]);
    const row = ++rows;
    let ratingCells: string[];
    let question: string;
    if (cells) {
      ratingCells = cells.slice(2);
      while (ratingCells.length > raters.length && ratingCells.at(-1) === '') ratingCells.pop();
      // A question merged over several columns of a sheet leaves empty cells before the ratings.
      while (ratingCells.length > raters.length && ratingCells[0] === '') ratingCells.shift();
      question = joinWrapped([numberMatch[2], cells[1]]);
    } else {
      const tokens = p.parts.flat();
      ratingCells = trailingRatings(tokens.slice(1)).slice(-raters.length);
      // The question: the rest of each line, its words joined as they were, its lines as wrapped text.
      let left = tokens.length - ratingCells.length;
      const lines = p.parts.map((part, i) => {
        const take = part.slice(i === 0 ? 1 : 0, Math.max(0, Math.min(part.length, left)));
        left -= part.length;
        return take.join(' ');
      });
      question = joinWrapped([numberMatch[2], ...lines]);
    }
    settleWording();
    const problems: Array<Omit<ReportProblem, 'row'>> = [];
    let s = stage!;
    // Without stage headings the wording names the question; one wrapped below its ratings is named once whole.
    let unnamed = false;
    let stageKnown = true;
    if (stagesWorded) {
      const named = nameByWording(question, questionNo, first, p.line);
      stageKnown = !('code' in named);
      if ('code' in named && named.code === 'unknown_question_wording' && !QUESTION_END.test(question)) unnamed = true;
      else if ('code' in named) problems.push(named);
      else {
        stage = s = named.stage;
        questionNo = named.questionNo;
      }
    }
    if (stageKnown && (questionNo < 1 || questionNo > QUESTIONS_PER_STAGE[s])) {
      problems.push({ line: p.line, column: '設問番号', value: first, code: 'question_no_out_of_range', params: { stage: s, max: QUESTIONS_PER_STAGE[s] } });
    }
    if (ratingCells.length !== raters.length) {
      problems.push({ line: p.line, column: null, value: clipText((cells ?? p.parts.flat()).slice(1).join(' | ')), code: 'report_rating_cells', params: { expected: raters.length, found: ratingCells.length } });
    }
    const parsed: ReportRating[] = [];
    if (problems.length === 0) {
      raters.forEach((rater, i) => {
        const rating = parseRating(ratingCells[i]);
        if (!rating.ok) problems.push({ line: p.line, column: RATER_TITLES[rater], value: ratingCells[i], code: 'invalid_rating', params: {} });
        else parsed.push({ line: p.line, row, stage: s, questionNo, question, rater, rating: rating.rating });
      });
    }
    if (problems.length > 0) {
      for (const x of problems) problem(x, row);
      markRejected(p.entries, !stageKnown);
    } else if (unnamed) {
      unnamedRow = { line: p.line, row, first, questionNo, entries: [...p.entries], ratings: parsed };
      lastRow = parsed;
    } else {
      keepRow(parsed, p.entries);
      lastRow = parsed;
    }
  };

  const keepRow = (parsed: ReportRating[], entries: number[]) => {
    const { stage: s, questionNo } = parsed[0];
    for (const r of parsed) report.ratings.push(r);
    for (const i of entries) report.lines[i].section = s;
    if (!seenQuestions.has(s)) seenQuestions.set(s, new Set());
    seenQuestions.get(s)!.add(questionNo);
  };
  /** The question a row's wording names (standard-questions.ts), its number counted within the stage or straight through the 16. */
  const nameByWording = (question: string, questionNo: number, first: string, line: number): { stage: Stage; questionNo: number } | Omit<ReportProblem, 'row'> => {
    const worded = questionWorded(question);
    if (!worded) return { line, column: '設問', value: clipText(question), code: 'unknown_question_wording', params: {} };
    if (!numbersWording(worded, questionNo)) {
      return { line, column: '設問番号', value: first, code: 'question_wording_mismatch', params: { stage: worded.stage, questionNo: worded.questionNo, position: worded.position } };
    }
    return worded;
  };
  /** The row whose wording named no question yet, its text still running on; named, or rejected, before whatever comes next. */
  let unnamedRow: UnnamedRow | null = null;
  const nameUnnamed = (final: boolean) => {
    if (!unnamedRow) return;
    const u = unnamedRow;
    const named = nameByWording(u.ratings[0].question, u.questionNo, u.first, u.line);
    if ('code' in named && !final) return;
    unnamedRow = null;
    if ('code' in named) {
      problem(named, u.row);
      markRejected(u.entries, true);
      return;
    }
    stage = named.stage;
    for (const r of u.ratings) Object.assign(r, { stage: named.stage, questionNo: named.questionNo });
    keepRow(u.ratings, u.entries);
  };
  const settleWording = () => nameUnnamed(true);

  // A rating table may give each row its stage in a first column (a Word or Excel form) instead of a
  // heading above each stage's table: the cell sets the stage, and a row whose stage cell a merge left
  // empty (Word, a CSV) or a span left out (a page) keeps the one above. The column is then dropped.
  let stageColumn = false;
  const withoutStageColumn = (l: ReportLine): ReportLine => {
    if (l.cells.length < 3) return l;
    const first = key(l.cells[0]);
    const second = l.cells[1].trim().normalize('NFKC');
    const rest = { line: l.line, cells: l.cells.slice(1) };
    const heading = STAGE_HEADING.exec(first);
    // Under a 段階 header the cell may name the stage as a CSV's stage column does (計画, 実施段階, 振り返り).
    const cellStage = heading
      ? stageTitled(heading[1])
      : stageColumn && STAGE_WORD.test(first) ? parseStage(first) : undefined;
    const startsRow = second !== '' && QUESTION_NO.test(second);
    if (!(STAGE_COLUMN_TITLE.test(first) || (cellStage && startsRow) || (stageColumn && first === '' && startsRow))) return l;
    if (part !== 'process' || (cellStage && cellStage !== stage)) {
      flushPending();
      closeSection();
    }
    part = 'process';
    stageColumn = true;
    if (cellStage) stage = cellStage;
    return rest;
  };

  for (const source of joinSplitLabels(lines.slice(title.end + 1, end))) {
    const l: ReportLine = ended ? source : withoutStageColumn(source);
    const whole = textOf(l);
    // `readRow` sets it: the compiler's narrowing does not see a closure's assignment.
    const afterRow = lastRow as ReportRating[] | null;
    lastRow = null;
    const normalized = key(whole);
    if (ended) {
      role(l, 'outside', null);
      continue;
    }
    // Text copied from a PDF carries each page's number and, on the next page, the title again as a
    // running head, anywhere (inside a list, a table): they belong to the page, not to the report.
    if (PAGE_NUMBER.test(normalized) || isRunningHead(whole, title.wardText)) {
      role(l, 'context', null);
      lastRow = afterRow;
      continue;
    }
    // The part and stage headings, the rater header and the legend frame the data.
    const partHeading = PART_HEADING.exec(normalized);
    const stageHeading = STAGE_HEADING.exec(normalized);
    if (partHeading || stageHeading) {
      flushPending();
      closeSection();
      if (partHeading) {
        part = /^(?:次年度|来年度)/.test(partHeading[1]) ? 'next' : partHeading[1].startsWith('協働') ? 'process' : 'this';
        if (part !== 'process') stage = null;
        stagesWorded = false;
        // 「次年度重点目標」 alone on its line heads the part and may also be the label of the goals below it.
        if (part === 'next') section = { label: 'next_goal', section: 'next_goal', parts: [] };
      } else {
        stage = stageTitled(stageHeading![1]);
        part = 'process';
        raters = STANDARD_RATERS;
        stagesWorded = false;
      }
      role(l, 'heading', stage);
      continue;
    }
    if (LEGEND.test(whole.normalize('NFKC'))) {
      flushPending();
      closeSection();
      role(l, 'context', 'criteria');
      ended = true;
      continue;
    }
    const label = matchLabel(l.cells[0] ?? '');
    if (label && label.label === 'criteria') {
      flushPending();
      closeSection();
      role(l, 'context', 'criteria');
      // The legend may follow on the same line or the next; nothing after it is the report's.
      ended = label.rest.trim() !== '' || l.cells.slice(1).some((c) => c !== '');
      continue;
    }
    const tokens = part === 'process' ? joinRatingLabels(whole.split(/[\t \u3000]+/).filter((t) => t !== '')) : [];
    // The rater header, also before any stage heading (a table without them).
    const header = part === 'process' && !pending ? raterHeader(tokens) : null;
    if (header) {
      raters = header.length >= 2 ? header : raters;
      role(l, 'heading', stage);
      continue;
    }
    if (part === 'process' && stage === null && !stageColumn) {
      // Before any stage heading, a row's ratings, or its wording (a question wrapped above its ratings), open a
      // table without them; each row's wording then names its stage (readRow), and a row whose wording names none is rejected for it.
      const ratingCount = trailingRatings(tokens).length;
      const numbered = QUESTION_NO.test((tokens[0] ?? '').normalize('NFKC'));
      const worded = numbered ? questionWorded(tokens.slice(0, tokens.length - ratingCount).join(' ')) : undefined;
      if (numbered && (ratingCount > 0 || worded)) {
        stage = worded?.stage ?? 'planning';
        stagesWorded = true;
      }
    }
    if (part === 'process' && (stage || stageColumn)) {
      const cells = l.cells.length >= 3 ? l.cells.map((c) => c.trim()) : null;
      const startsRow = stage !== null && QUESTION_NO.test((cells ? cells[0] : tokens[0] ?? '').normalize('NFKC')) && (cells ? cells[0] !== '' : true);
      if (startsRow && cells && cells.length >= 2 + raters.length - 1) {
        flushPending();
        readRow({ line: l.line, entries: [role(l, 'rating', stage)], parts: [] }, cells);
        continue;
      }
      if (startsRow) flushPending();
      if (startsRow || pending) {
        const current: Pending = pending ?? { line: l.line, entries: [], parts: [] };
        current.entries.push(role(l, 'rating', stage));
        current.parts.push(cells ? cells.filter((c) => c !== '') : tokens);
        pending = current;
        const all = current.parts.flat();
        if (trailingRatings(all.slice(1)).length >= raters.length && all.length > raters.length + 1) {
          pending = null;
          readRow(current, null);
        } else if (current.parts.length >= MAX_ROW_LINES) {
          flushPending();
        }
        continue;
      }
      if (CONTEXT_SENTENCE.test(normalized)) {
        role(l, 'context', stage);
        continue;
      }
      // Copied from a PDF, a question's cell may wrap below the line its ratings are on: the text runs
      // on while the question has not ended its sentence and the line holds no rating.
      if (afterRow && !QUESTION_END.test(afterRow[0].question) && trailingRatings(tokens).length === 0) {
        const question = joinWrapped([afterRow[0].question, tokens.join(' ')]);
        for (const r of afterRow) r.question = question;
        const entry = role(l, 'rating', stage);
        // `readRow` sets it, as `lastRow`.
        const unnamed = unnamedRow as UnnamedRow | null;
        if (unnamed?.ratings === afterRow) {
          unnamed.entries.push(entry);
          nameUnnamed(false);
        }
        lastRow = afterRow;
        continue;
      }
      settleWording();
      if (tablesComplete()) {
        // Every question is in: what follows is the page around the report (a footer without the legend).
        ended = true;
        role(l, 'outside', null);
        continue;
      }
      problem({ line: l.line, column: null, value: clipText(whole, 80), code: 'report_unknown_heading', params: {} });
      role(l, 'rejected', stage);
      continue;
    }
    if (label) {
      closeSection();
      let target: Section | null = null;
      if (label.label === 'year_goal') {
        // The year says whose goals these are: the evaluated year's, or the next one's.
        const year = parseFiscalYear(/^((?:令和|平成)(?:\d{1,2}|元)年度)/.exec(l.cells[0].normalize('NFKC').replace(/^\*\*|^【/, ''))![1]);
        if (year.ok && year.fiscalYear === fy) part = 'this';
        else if (year.ok && year.fiscalYear === fy + 1) part = 'next';
        target = part === 'next' ? 'next_goal' : 'goal';
      } else if (label.label === 'goal') {
        part = 'this';
        target = 'goal';
      } else if (label.label === 'next_goal' || label.label === 'next_action') {
        part = 'next';
        target = label.label;
      } else if (label.label === 'action') target = part === 'next' ? 'next_action' : 'action';
      else if (label.label === 'effect' || label.label === 'challenge') target = label.label;
      const inline = [label.rest, ...l.cells.slice(1)].filter((c) => c.trim() !== '').join('\n');
      section = { label: label.label, section: target, parts: inline === '' ? [] : [{ line: l.line, text: inline }] };
      const isData = target !== null || label.label === 'period' || label.label === 'operator';
      role(l, inline === '' ? 'heading' : isData ? (target ? 'item' : 'center') : 'context', target ?? label.label);
      continue;
    }
    if (CONTEXT_SENTENCE.test(normalized)) {
      role(l, 'context', null);
      continue;
    }
    if (section) {
      // A line under a label continues its value: list items, a wrapped sentence, the operator's second line.
      const current = section as { label: Label; section: Section | null; parts: Array<{ line: number; text: string }> };
      const firstCell = l.cells[0] ?? '';
      const unknownLabel = l.cells.length >= 2 && firstCell !== '' && firstCell.length <= 20 && !/^[・\d０-９(（]/.test(firstCell) && current.section !== null;
      if (unknownLabel) {
        closeSection();
        problem({ line: l.line, column: firstCell, value: clipText(l.cells.slice(1).join(' '), 80), code: 'report_unknown_section', params: { section: firstCell } });
        role(l, 'rejected', null);
        continue;
      }
      const value = l.cells.filter((c) => c !== '').join('\n');
      const secondary = current.label === 'operator' && current.parts.length > 0;
      current.parts.push({ line: l.line, text: value });
      const isData = current.section !== null || current.label === 'period' || (current.label === 'operator' && !secondary);
      role(l, isData ? (current.section ? 'item' : 'center') : 'context', current.section ?? current.label);
      continue;
    }
    role(l, 'context', null);
  }
  flushPending();
  closeSection();
  settleWording();
  if (center.line !== null) report.center = { ...center, line: center.line };
  for (const s of Object.keys(SECTION_TITLES) as Section[]) {
    if (!seenSections.has(s)) report.missing.push(SECTION_TITLES[s]);
  }
  for (const s of STAGES) {
    const seen = seenQuestions.get(s);
    if (!seen) report.missing.push(`協働のプロセスの評価: ${STAGE_TITLES[s]}`);
    else {
      for (let q = 1; q <= QUESTIONS_PER_STAGE[s]; q++) if (!seen.has(q)) report.missing.push(`${STAGE_TITLES[s]} 設問${q}`);
    }
  }
  if (!report.center) report.missing.push('事業実施期間・事業の実施者');
  return report;
}

/** A rating row whose wording named no question while its text still ran on (below its ratings, from a PDF). */
interface UnnamedRow {
  line: number;
  row: number;
  first: string;
  questionNo: number;
  entries: number[];
  ratings: ReportRating[];
}

/** The rater header, on one line or one name per line, after the number's and question's titles if a sheet has them. */
function raterHeader(tokens: string[]): Rater[] | null {
  const first = tokens.findIndex((t) => !COLUMN_TITLE.test(t.normalize('NFKC')));
  const named = first === -1 ? [] : tokens.slice(first);
  const header = named.map(raterNamed);
  return named.length >= 1 && named.length <= 3 && header.every((r) => r !== undefined) ? (header as Rater[]) : null;
}

/** The rating-looking tokens at the end of a row. */
function trailingRatings(tokens: string[]): string[] {
  let i = tokens.length;
  while (i > 0 && isRatingToken(tokens[i - 1])) i--;
  return tokens.slice(i);
}

/** A rating cell's text, or a letter with its own label (`Aよくできた`, joined by `joinRatingLabels`). */
function isRatingToken(token: string): boolean {
  const value = token.normalize('NFKC').trim();
  return RATING_TOKEN.test(value) || (/^[A-Da-d]\S/.test(value) && parseRating(value).ok);
}

/**
 * A cell that prints its letter and label (`A よくできた`, `B (できた)`) comes out of a PDF as two
 * words: a lone letter followed by that letter's own label is one rating. A letter with another
 * letter's label stays two words.
 */
function joinRatingLabels(tokens: string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const previous = out.at(-1);
    const letter = previous !== undefined && /^[A-Da-d]$/.test(previous.normalize('NFKC'));
    if (letter && !RATING_TOKEN.test(token.normalize('NFKC')) && parseRating(`${previous}${token}`).ok) out[out.length - 1] = `${previous}${token}`;
    else out.push(token);
  }
  return out;
}

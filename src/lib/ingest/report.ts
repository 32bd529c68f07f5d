import { parseRater, parseRating, parseStage, QUESTIONS_PER_STAGE, STAGES, type Rater, type Rating, type Section, type Stage } from './fields.ts';
import { parseFiscalYear, parseJapaneseDate } from './fiscal-year.ts';
import { normalizeCode } from './normalize.ts';
import { htmlToReportLines, isHtml, ITEM_MARK, textToReportLines, type ReportLine } from './report-text.ts';
import type { ReasonCode } from './types.ts';

export interface ReportRating {
  line: number;
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

export interface ReportCenter {
  line: number;
  operator: string | null;
  contractYear: number | null;
  contractLength: number | null;
  periodStart: string | null;
  periodEnd: string | null;
}

export interface ReportProblem {
  line: number;
  column: string | null;
  value: string;
  code: ReasonCode;
  params: Record<string, string | number>;
}

export interface ParsedReport {
  /** The ward as the title writes it (resolved against the registry by the session). */
  wardText: string;
  fiscalYear: number;
  titleLine: number;
  ratings: ReportRating[];
  narratives: ReportNarrative[];
  center: ReportCenter | null;
  /** Lines that held data the parser could not use: each is one rejected row. */
  problems: ReportProblem[];
  /** Rating table rows read, good or bad (each yields up to three ratings). */
  tableRows: number;
  /** Parts of the report that were not found, named as the report names them. */
  missing: string[];
}

export type ReportResult = { ok: true; report: ParsedReport } | { ok: false; code: 'not_a_report' | 'report_missing_title' };

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

/** Metadata rows of the report's header table that carry no ratings or narratives. */
const KNOWN_INFO = new Set(['事業目的', '事業の内容', '事業の評価実施方法及び評価結果の公表方法']);

const TITLE_WARD = /([^\s*＊【】「」]+?区)\s*地域子育て支援拠点事業/;
const TITLE_YEAR = /((?:令和|平成)\s*(?:[0-9０-９]+|元)\s*年度)\s*重点目標評価結果/;

const stripMarks = (value: string) => value.replace(/\*\*|＊＊/g, '').trim();

/** Splits a list cell into items: on `<li>`, else on `・` bullets, else on sequential `1.`/`1 ` numbers. */
export function splitItems(cell: string): string[] {
  let items: string[];
  if (cell.includes(ITEM_MARK)) items = cell.split(ITEM_MARK);
  else if (/(^|\s)・/.test(cell)) items = cell.split(/(?:^|\s)・/);
  else items = splitNumbered(cell);
  return items.map((item) => item.replace(/\s*\n\s*/g, ' ').trim()).filter((item) => item !== '');
}

const digits = (n: number) =>
  String(n)
    .split('')
    .map((d) => `[${d}${String.fromCharCode(0xff10 + Number(d))}]`)
    .join('');

/**
 * Numbers must run 1, 2, 3… in order and keep the first one's style (`1.` or `1 `), so a number
 * inside a sentence (「年 2 回」 in a `1.` list) never splits it.
 */
function splitNumbered(cell: string): string[] {
  const marker = (n: number, style: string) => new RegExp(`(?:^|\\s)${digits(n)}${style}`, 'g');
  const dotted = '[.．、)）]\\s*';
  const spaced = '\\s+';
  const first = marker(1, dotted).exec(cell) ?? marker(1, spaced).exec(cell);
  if (!first || cell.slice(0, first.index).trim() !== '') return [cell];
  const style = /[.．、)）]/.test(first[0]) ? dotted : spaced;
  const items: string[] = [];
  let start = first.index + first[0].length;
  for (let n = 2; ; n++) {
    const re = marker(n, style);
    re.lastIndex = start;
    const next = re.exec(cell);
    if (!next) break;
    items.push(cell.slice(start, next.index));
    start = next.index + next[0].length;
  }
  items.push(cell.slice(start));
  return items;
}

function parsePeriod(value: string): Pick<ReportCenter, 'contractYear' | 'contractLength' | 'periodStart' | 'periodEnd'> {
  const normalized = normalizeCode(value);
  const contract = /(\d+)\s*年度目\s*[/／]\s*(\d+)\s*[かヶケカ箇]?年度/.exec(normalized);
  const [start, end] = normalized.replace(/[(（].*$/, '').split(/[～〜~\-－]/);
  return {
    contractYear: contract ? Number(contract[1]) : null,
    contractLength: contract ? Number(contract[2]) : null,
    periodStart: start ? (parseJapaneseDate(start) ?? null) : null,
    periodEnd: end ? (parseJapaneseDate(end) ?? null) : null,
  };
}

function findTitle(lines: ReportLine[]): { wardText: string; fiscalYear: number; line: number } | null {
  const head = lines.slice(0, 12).filter((l) => l.cells.join('').trim() !== '');
  const joined = head.map((l) => stripMarks(l.cells.join(' '))).join('\n');
  const ward = TITLE_WARD.exec(joined);
  const year = TITLE_YEAR.exec(joined);
  if (!ward || !year) return null;
  const fiscalYear = parseFiscalYear(year[1]);
  if (!fiscalYear.ok) return null;
  const line = head.find((l) => l.cells.join(' ').includes('地域子育て支援拠点事業'))?.line ?? head[0].line;
  return { wardText: ward[1], fiscalYear: fiscalYear.fiscalYear, line };
}

/**
 * Reads a published evaluation report (text or saved HTML) in the seed's layout: the title (ward,
 * year), the header table (period, operator), this year's goal/actions/effects/challenges, next
 * year's goal and actions, and the three rating tables (区・拠点・相互評価).
 */
export function parseReport(text: string): ReportResult {
  const lines = (isHtml(text) ? htmlToReportLines(text) : textToReportLines(text)).filter((l) => l.cells.some((c) => c !== ''));
  const title = findTitle(lines);
  const hasSections = lines.some((l) => /重点目標$|^取組/.test(stripMarks(l.cells[0])) || (l.cells.length > 1 && parseStage(l.cells[0]) !== undefined));
  const hasTables = lines.some((l) => l.cells.includes('拠点') && l.cells.some((c) => c.startsWith('相互')));
  if (!title) {
    if (!hasSections && !hasTables) {
      return { ok: false, code: 'not_a_report' };
    }
    return { ok: false, code: 'report_missing_title' };
  }
  const report: ParsedReport = {
    wardText: title.wardText, fiscalYear: title.fiscalYear, titleLine: title.line,
    ratings: [], narratives: [], center: null, problems: [], tableRows: 0, missing: [],
  };
  const fy = title.fiscalYear;
  let nextYearPart = false;
  let stage: Stage | null = null;
  let raterColumns: Array<Rater | undefined> | null = null;
  let lastKey: string | null = null;
  const seenSections = new Set<Section>();
  const seenQuestions = new Map<Stage, Set<number>>();

  const itemsPerSection = new Map<Section, number>();
  const addItems = (section: Section, cell: string, line: number) => {
    seenSections.add(section);
    let itemNo = itemsPerSection.get(section) ?? 0;
    for (const text of splitItems(cell)) report.narratives.push({ line, section, itemNo: ++itemNo, text });
    itemsPerSection.set(section, itemNo);
  };

  const body = lines.filter((l) => l.line >= title.line);
  const end = body.findIndex((l) => /^A\s*よくできた/.test(stripMarks(l.cells.join(' '))));
  for (const { line, cells } of end === -1 ? body : body.slice(0, end + 1)) {
    const key = stripMarks(cells[0]);
    const keyNorm = normalizeCode(key).replace(/\s/g, '');
    const rest = cells.slice(1).filter((c) => c !== '');
    if (line <= title.line + 1 && /地域子育て支援拠点事業|重点目標評価結果/.test(key)) continue;

    // The rating tables: a stage heading, its column header, then one row per question.
    const headingStage = rest.length === 0 ? parseStage(keyNorm) : undefined;
    if (headingStage && /段階$/.test(keyNorm)) {
      stage = headingStage;
      raterColumns = null;
      continue;
    }
    const raters = cells.map((c) => (c === '' ? undefined : parseRater(c)));
    if (raters.filter(Boolean).length >= 2 && key === '') {
      raterColumns = raters;
      continue;
    }
    if (stage && raterColumns && /^\d+$/.test(keyNorm)) {
      report.tableRows++;
      const questionNo = Number(keyNorm);
      const ratingCells = cells.slice(2);
      const expected = raterColumns.filter(Boolean).length;
      while (ratingCells.length > expected && ratingCells.at(-1) === '') ratingCells.pop();
      const rowProblems: ReportProblem[] = [];
      if (questionNo < 1 || questionNo > QUESTIONS_PER_STAGE[stage]) {
        rowProblems.push({ line, column: '設問番号', value: key, code: 'question_no_out_of_range', params: { stage, max: QUESTIONS_PER_STAGE[stage] } });
      }
      if (ratingCells.length !== expected) {
        rowProblems.push({ line, column: null, value: cells.slice(1).join(' | '), code: 'report_rating_cells', params: { expected, found: ratingCells.length } });
      }
      const parsed: ReportRating[] = [];
      raterColumns.forEach((rater, index) => {
        if (!rater || index < 2 || rowProblems.length > 0) return;
        const raw = cells[index] ?? '';
        const rating = parseRating(raw);
        if (!rating.ok) rowProblems.push({ line, column: RATER_TITLES[rater], value: raw, code: 'invalid_rating', params: {} });
        else parsed.push({ line, stage: stage!, questionNo, question: cells[1] ?? '', rater, rating: rating.rating });
      });
      if (rowProblems.length > 0) for (const p of rowProblems) report.problems.push(p);
      else {
        for (const p of parsed) report.ratings.push(p);
        if (!seenQuestions.has(stage)) seenQuestions.set(stage, new Set());
        seenQuestions.get(stage)!.add(questionNo);
      }
      continue;
    }

    // Section headings between the parts (「1 令和7年度重点目標の評価」「2 次年度重点目標」…).
    if (rest.length === 0) {
      if (/^[0-9０-９]+\s*.*次年度重点目標$/.test(key) || /^[0-9０-９]+\s*次年度/.test(key)) {
        nextYearPart = true;
        continue;
      }
      if (/^[0-9０-９]+\s*.*(重点目標の評価|協働のプロセスの評価)$/.test(key)) continue;
      if (/^評価基準$|^A\s*よくできた|^取組経過について振り返り/.test(key)) continue;
      report.problems.push({ line, column: null, value: cells.join(' ').trim(), code: 'report_unknown_heading', params: {} });
      continue;
    }

    // Rows of the report's tables: a title cell and its content.
    const content = rest.join('\n');
    if (key === '' && lastKey === '事業の実施者') continue; // the ward office, on the operator's second line
    lastKey = key;
    if (keyNorm === '事業実施期間') {
      report.center = { line, operator: report.center?.operator ?? null, ...parsePeriod(content) };
      continue;
    }
    if (keyNorm === '事業の実施者') {
      const operator = content.split('\n')[0].trim() || null;
      report.center = { ...(report.center ?? { contractYear: null, contractLength: null, periodStart: null, periodEnd: null }), line: report.center?.line ?? line, operator };
      continue;
    }
    if (KNOWN_INFO.has(keyNorm)) continue;
    const titled = /^(.+年度)重点目標$/.exec(keyNorm);
    if (titled) {
      const year = parseFiscalYear(titled[1]);
      if (year.ok && year.fiscalYear === fy) {
        addItems('goal', content, line);
        continue;
      }
      if (year.ok && year.fiscalYear === fy + 1) {
        nextYearPart = true;
        addItems('next_goal', content, line);
        continue;
      }
    }
    if (keyNorm === '次年度重点目標') {
      nextYearPart = true;
      addItems('next_goal', content, line);
      continue;
    }
    if (keyNorm === '取組内容' || keyNorm === '次年度取組内容') {
      addItems(nextYearPart || keyNorm === '次年度取組内容' ? 'next_action' : 'action', content, line);
      continue;
    }
    if (keyNorm === '取組の効果') {
      addItems('effect', content, line);
      continue;
    }
    if (keyNorm === '取組の課題') {
      addItems('challenge', content, line);
      continue;
    }
    report.problems.push({ line, column: key, value: content.slice(0, 80), code: 'report_unknown_section', params: { section: key } });
  }

  for (const section of Object.keys(SECTION_TITLES) as Section[]) {
    if (!seenSections.has(section)) report.missing.push(SECTION_TITLES[section]);
  }
  for (const s of STAGES) {
    const seen = seenQuestions.get(s);
    if (!seen) report.missing.push(`協働のプロセスの評価: ${STAGE_TITLES[s]}`);
    else {
      for (let q = 1; q <= QUESTIONS_PER_STAGE[s]; q++) if (!seen.has(q)) report.missing.push(`${STAGE_TITLES[s]} 設問${q}`);
    }
  }
  if (!report.center) report.missing.push('事業実施期間・事業の実施者');
  return { ok: true, report };
}

import { normalizeCode, noteAfter } from './normalize.ts';

export const STAGES = ['planning', 'implementation', 'review'] as const;
export type Stage = (typeof STAGES)[number];
export const RATERS = ['ward', 'center', 'joint'] as const;
export type Rater = (typeof RATERS)[number];
export const RATINGS = ['A', 'B', 'C', 'D'] as const;
export type Rating = (typeof RATINGS)[number];
export const SECTIONS = ['goal', 'action', 'effect', 'challenge', 'next_goal', 'next_action'] as const;
export type Section = (typeof SECTIONS)[number];
/** Whether a record is a ward's real result or synthetic sample data (never to be presented as real). */
export type Provenance = 'real' | 'sample';

/** Number of questions per stage in the collaboration-process table (6 + 7 + 3 = 16). */
export const QUESTIONS_PER_STAGE: Record<Stage, number> = { planning: 6, implementation: 7, review: 3 };

/** A=4 … D=1, the scale the published reports use. */
export const RATING_SCORE: Record<Rating, number> = { A: 4, B: 3, C: 2, D: 1 };

/** A code cell as its words are looked up: NFKC, lower case, no spaces (`Ａ `, `計画 (Plan)`, `Ward`). */
const cellKey = (raw: string) => normalizeCode(raw).toLowerCase().replace(/\s/g, '');

function lookup<T>(table: Record<string, T>) {
  return (raw: string): T | undefined => table[cellKey(raw)];
}

/** A stage's own word, once 事業(の) and 段階 / stage are set aside. */
const STAGE_WORDS: Record<string, Stage> = {
  計画: 'planning', plan: 'planning', planning: 'planning',
  実施: 'implementation', implementation: 'implementation', do: 'implementation',
  振り返り: 'review', 振返り: 'review', ふりかえり: 'review', review: 'review', check: 'review',
};
const STAGE_ORDER: Stage[] = ['planning', 'implementation', 'review'];

/** A number 1–3 (`1`, `①`, `第1段階`) or a stage's word, `事業の…段階` or not. */
function stageOf(part: string): Stage | undefined {
  const numbered = /^第?([1-3])(?:段階)?$/.exec(part);
  if (numbered) return STAGE_ORDER[Number(numbered[1]) - 1];
  return STAGE_WORDS[part.replace(/^事業の?/, '').replace(/(?:段階|stage)$/, '')];
}

/**
 * A stage as sheets write it: `計画`, `事業計画段階`, `事業の計画段階`, `①事業計画段階` (NFKC:
 * `1事業計画段階`), `1.計画`, `第1段階`, `計画(Plan)`, `Planning stage`, `2`, and numbered as a
 * document numbers its headings: `(1)事業計画段階`, `第1 事業計画段階`, `Ⅰ 計画`, `一、計画`,
 * `【事業計画段階】`. Every part that names a stage (its number, its word, a word in brackets after
 * it) must name the same one.
 */
export function parseStage(raw: string): Stage | undefined {
  const value = cellKey(raw).replace(/^【(.*)】$/, '$1');
  const m = /^(?:\(?([1-3])[.、)]?(?=\D)|第([1-3一二三])(?=[^0-9段])|(i{1,3})[.、]?(?=[^a-z.、])|([一二三])[.、])?(.*?)(?:\(([^()]*)\))?$/.exec(value)!;
  const kanji = m[2] ?? m[4];
  const numbered = m[1] ?? (m[3] ? String(m[3].length) : kanji ? String('一二三'.indexOf(kanji) + 1 || kanji) : undefined);
  const parts = [numbered, m[5], m[6]].filter((part): part is string => part !== undefined && part !== '');
  const stages = parts.map(stageOf);
  if (stages.length === 0 || stages.some((stage) => stage === undefined || stage !== stages[0])) return undefined;
  return stages[0];
}

const RATER_WORDS: Record<string, Rater> = {
  区: 'ward', ward: 'ward', 区役所: 'ward',
  拠点: 'center', center: 'center', centre: 'center', 法人: 'center', 運営法人: 'center',
  相互: 'joint', 相互評価: 'joint', joint: 'joint', mutual: 'joint', 双方: 'joint',
};

/**
 * A rater as sheets write it: its word (`区`, `拠点`, `法人`, `相互評価`), alone or with a note in
 * brackets that names the same rater or none (`拠点（法人）`, `拠点（NPO法人）`, `区（区役所）`); the
 * joint rating's note may name the two who rate together (`相互評価（区・拠点）`). A note naming
 * another rater (`区（拠点）`) is not guessed between.
 */
export function parseRater(raw: string): Rater | undefined {
  const value = cellKey(raw);
  if (RATER_WORDS[value]) return RATER_WORDS[value];
  const noted = noteAfter(value);
  const rater = noted ? RATER_WORDS[noted.base] : undefined;
  if (!rater) return undefined;
  const named = new Set(noted!.note.split(/[・,、&/+と]|and/).flatMap((part) => RATER_WORDS[part] ?? []));
  const jointOfBoth = rater === 'joint' && named.has('ward') && named.has('center');
  return [...named].every((r) => r === rater) || jointOfBoth ? rater : undefined;
}

const NOT_RATED = new Set(['', '-', '−', '―', '—', '‐', 'ー', '未評価', 'n/a', 'na']);
const RATING_WORDS: Record<string, Rating> = {
  a: 'A', b: 'B', c: 'C', d: 'D',
  よくできた: 'A', できた: 'B', あまりできなかった: 'C', まったくできなかった: 'D',
  // As people write the labels: in kanji (出来 is read as でき above), and politely (a form's choices).
  余りできなかった: 'C', 全くできなかった: 'D',
  よくできました: 'A', できました: 'B', あまりできませんでした: 'C', まったくできませんでした: 'D', 全くできませんでした: 'D',
};

export type RatingResult = { ok: true; rating: Rating | null } | { ok: false };

/** A letter with its own label as a drop-down list or the legend writes it: `A：よくできた`, `B（できた）`, `C評価`. */
const LETTER_WITH_LABEL = /^([a-d])(?:評価)?[:.・]?(?:\((.*)\)|(.*))$/;

/**
 * `A`–`D` in any case or width, alone or in brackets, the labels よくできた…, or a letter with its own
 * label (a letter with another letter's label is not read); empty, `-`, `－`, `未評価` mean not rated.
 */
export function parseRating(raw: string): RatingResult {
  // できた is also written 出来た.
  const plain = cellKey(raw).replaceAll('出来', 'でき');
  // A letter in brackets, as a table marks the one chosen: (A), [B], 【C】.
  const value = /^[(\[【「]([a-d])[)\]】」]$/.exec(plain)?.[1] ?? plain;
  if (NOT_RATED.has(value)) return { ok: true, rating: null };
  const rating = RATING_WORDS[value];
  if (rating) return { ok: true, rating };
  const m = LETTER_WITH_LABEL.exec(value);
  const letter = m?.[1].toUpperCase() as Rating | undefined;
  const label = m?.[2] ?? m?.[3] ?? '';
  // The label is a word (よくできた): a second letter (`AA`, a key pressed twice?) is not read as the first.
  return letter && (label === '' || (label.length > 1 && RATING_WORDS[label] === letter)) ? { ok: true, rating: letter } : { ok: false };
}

export type SectionResult = { ok: true; section: Section } | { ok: false };

/**
 * Each section's label as reports and section columns word it (NFKC, no spaces): 来年度 for 次年度,
 * 成果 for 効果, okurigana (取り組み), の. A report's label is this at a line's start (the value may
 * follow on the line, report.ts); a section column's cell is this alone, or one of `SECTION_WORDS`.
 */
export const SECTION_LABELS: Array<[Section, string]> = [
  ['next_action', '(?:次年度|来年度)の?取り?組み?の?内容'],
  ['next_goal', '(?:次年度|来年度)の?重点目標'],
  ['goal', '(?:今年度|本年度|当年度)の?重点目標'],
  ['action', '取り?組み?の?内容'],
  ['effect', '取り?組み?の(?:効果|成果)'],
  ['challenge', '取り?組み?の課題'],
];
const SECTION_CELLS = SECTION_LABELS.map(([section, source]) => [section, new RegExp(`^(?:${source})$`)] as const);

/** A section column's words besides the labels: the contract's keys and the short forms a sheet uses (keys after `sectionKey`). */
const SECTION_WORDS: Record<string, Section> = {
  goal: 'goal', 重点目標: 'goal',
  action: 'action', 取組: 'action', 今年度取組内容: 'action',
  effect: 'effect', 効果: 'effect', 成果: 'effect',
  challenge: 'challenge', 課題: 'challenge',
  next_goal: 'next_goal',
  next_action: 'next_action', 次年度取組: 'next_action',
};

/** 取り組み, 取組み and 取り組 are the report's 取組; 次年度の取組 is 次年度取組. */
const sectionKey = (raw: string) =>
  cellKey(raw).replace(/取り?組み?/g, '取組').replace(/^(今年度|本年度|当年度|次年度|来年度)の/, '$1');

/**
 * Sections; `令和N年度重点目標` is `goal` when N is the evaluated year and `next_goal` when it is
 * the year after, as the published report titles both goal lists that way. Also as a sheet numbers,
 * encloses or annotates its section cells: `1 重点目標`, `(2)取組内容`, `【取組の効果】`,
 * `取組内容（次年度）`, and a year noted after the label (`重点目標（令和7年度）`), which must be the
 * evaluated year or, for a goal or action, the next one (then it is the next year's list).
 */
export function parseSection(raw: string, fiscalYear: number | undefined, parseYear: (v: string) => number | undefined): SectionResult {
  const value = sectionKey(raw).replace(LIST_NUMBER, '');
  const enclosed = ENCLOSED.exec(value);
  const label = enclosed ? (enclosed[1] ?? enclosed[2] ?? enclosed[3]) : value;
  const noted = noteAfter(label);
  if (!noted) return sectionOfLabel(label, fiscalYear, parseYear);
  const { base, note } = noted;
  if (RELATIVE_YEAR.test(note)) return sectionOfLabel(note + base, fiscalYear, parseYear);
  const year = parseYear(note);
  const section = sectionOfLabel(base, fiscalYear, parseYear);
  if (!section.ok || fiscalYear === undefined || year === undefined) return { ok: false };
  if (year === fiscalYear && !section.section.startsWith('next_')) return section;
  const next = NEXT_YEAR_SECTION[section.section];
  return year === fiscalYear + 1 && next ? { ok: true, section: next } : { ok: false };
}

/** A list's number before a label (NFKC has made ① a 1 and ⑴ a (1)); a year's digits are not one. */
const LIST_NUMBER = /^(?:\(\d{1,2}\)|\d{1,2}(?:[.、)]|(?=\D)))/;
const ENCLOSED = /^(?:【(.+)】|\[(.+)\]|「(.+)」)$/;
const RELATIVE_YEAR = /^(?:今年度|本年度|当年度|次年度|来年度)$/;
const NEXT_YEAR_SECTION: Partial<Record<Section, Section>> = { goal: 'next_goal', action: 'next_action', next_goal: 'next_goal', next_action: 'next_action' };

function sectionOfLabel(value: string, fiscalYear: number | undefined, parseYear: (v: string) => number | undefined): SectionResult {
  const direct = SECTION_WORDS[value] ?? SECTION_CELLS.find(([, pattern]) => pattern.test(value))?.[0];
  if (direct) return { ok: true, section: direct };
  const titled = /^(.+?年度?)の?重点目標$/.exec(value);
  if (titled && fiscalYear !== undefined) {
    const year = parseYear(titled[1]);
    if (year === fiscalYear) return { ok: true, section: 'goal' };
    if (year === fiscalYear + 1) return { ok: true, section: 'next_goal' };
  }
  return { ok: false };
}

/** `real`/`実データ` or `sample`/`サンプル`/`synthetic`/`架空`; an absent column means real. */
export const parseProvenance = lookup<Provenance>({
  real: 'real', 実データ: 'real', 実績: 'real',
  sample: 'sample', synthetic: 'sample', サンプル: 'sample', 架空: 'sample', ダミー: 'sample',
});

/** A positive whole number after NFKC (`１` is 1); `3年度目` and `5か年度` keep their number. */
export function parsePositiveInt(raw: string, suffix?: RegExp): number | undefined {
  let value = normalizeCode(raw).replace(/\s/g, '');
  if (suffix) value = value.replace(suffix, '');
  if (!/^\d{1,7}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 ? n : undefined;
}

/** A stage as the app's own question labels name it (`計画1`, `実施3`, `振返2`; in English `P1`, `I3`, `R2`). */
const QUESTION_STAGE: Array<[RegExp, Stage]> = [
  [/^(?:(?:事業)?計画(?:段階)?|p-?(?=\d))/, 'planning'],
  [/^(?:(?:事業)?実施(?:段階)?|i-?(?=\d))/, 'implementation'],
  [/^(?:(?:事業の)?(?:振り?返り?|ふりかえり)(?:段階)?|r-?(?=\d))/, 'review'],
];

export interface QuestionNo {
  questionNo: number;
  /** The stage the cell names with it (`計画1`), to be checked against the stage column. */
  stage: Stage | null;
}

/**
 * A question number: `1`, or as sheets and the app's own labels write it: `Q1`, `問1`, `設問1`,
 * `第1問`, `No.1`, `計画1`, `実施 問3`, `P1` (the stage then has to agree with the row's, or gives it
 * where the sheet has no stage column).
 */
export function parseQuestionNo(raw: string): QuestionNo | undefined {
  let value = cellKey(raw);
  // The stage may follow in brackets, `1（計画）`, and must agree with one named before.
  const noted = noteAfter(value);
  const notedStage = noted ? QUESTION_STAGE.find(([prefix]) => prefix.exec(noted.note)?.[0] === noted.note)?.[1] : undefined;
  if (notedStage) {
    const read = parseQuestionNo(noted!.base);
    return read && (read.stage === null || read.stage === notedStage) ? { questionNo: read.questionNo, stage: notedStage } : undefined;
  }
  let stage: Stage | null = null;
  for (const [prefix, named] of QUESTION_STAGE) {
    const m = prefix.exec(value);
    if (m) {
      stage = named;
      value = value.slice(m[0].length);
      break;
    }
  }
  const questionNo = parsePositiveInt(value.replace(/^(?:q|問|設問|第|no\.?|№)/, '').replace(/問$/, ''));
  return questionNo === undefined ? undefined : { questionNo, stage };
}

/** An item's number as a list or a sheet writes it: `1`, `①`, `(2)`, `3.`, `No.4`, `第5項`. */
export function parseItemNo(raw: string): number | undefined {
  const m = /^(?:no\.?|№|第|項目)?(?:\((\d{1,7})\)|(\d{1,7})[.、)]?)(?:番|項)?$/.exec(cellKey(raw));
  return m ? parsePositiveInt(m[1] ?? m[2]) : undefined;
}

/** One of the 16 questions: stage and number within it. */
export interface QuestionKey {
  stage: Stage;
  questionNo: number;
}

/** `planning-1`: a question as one string, for keys, URLs and chart rows. */
export function questionKeyToString(q: QuestionKey): string {
  return `${q.stage}-${q.questionNo}`;
}

export function parseQuestionKey(value: string | null): QuestionKey | null {
  const match = /^(planning|implementation|review)-(\d)$/.exec(value ?? '');
  return match ? { stage: match[1] as Stage, questionNo: Number(match[2]) } : null;
}

/** A score 1–4 (D … A) as its nearest letter. */
export function scoreLetter(score: number): Rating {
  return (['D', 'C', 'B', 'A'] as const)[Math.min(3, Math.max(0, Math.round(score) - 1))];
}

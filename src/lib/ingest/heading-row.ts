import { parseSection, parseStage, type Section } from './fields.ts';
import { fiscalYearOf } from './fiscal-year.ts';
import { normalizeCode } from './normalize.ts';
import type { TitleGives } from './types.ts';

/** The fields a heading row can give the rows under it, where the header has no column for it. */
export type HeadingField = 'stage' | 'section';

export interface Heading {
  field: HeadingField;
  /** The cell as written, read by the rows under it as their own cell. */
  text: string;
  gives: TitleGives;
}

/**
 * A row that heads the rows of one stage or section, as the published report lays them out: one
 * filled cell naming a stage by its word (`①事業計画段階`, `事業実施段階`, `振り返り`) or a section
 * by its label (`重点目標`, `【取組内容】`, `令和7年度重点目標`). A number alone (`1`, `①`) is no
 * heading: it is a question's number on a row left unrated. `field`: the one a file is headed by;
 * otherwise either. `fiscalYear` (a title's) tells a goal from the next year's in `令和8年度重点目標`.
 */
export function headingRow(fields: readonly string[], field?: HeadingField, fiscalYear?: number): Heading | null {
  let text: string | undefined;
  for (const cell of fields) {
    if (cell.trim() === '') continue;
    if (text !== undefined) return null;
    text = cell.trim();
  }
  if (text === undefined || /^\d+[.、)]?$/.test(normalizeCode(text).replace(/\s/g, ''))) return null;
  const stage = field === 'section' ? undefined : parseStage(text);
  if (stage) return { field: 'stage', text, gives: { stage } };
  const section = field === 'stage' ? undefined : sectionNamed(text, fiscalYear);
  return section ? { field: 'section', text, gives: { section } } : null;
}

/**
 * A section label, read with `fiscalYear` when known, else with the year it names itself
 * (`令和7年度重点目標` is a goal). A label of another year still heads its rows, which its year then
 * rejects. Also how a column headed by a section is told (headers.ts).
 */
export function sectionNamed(text: string, fiscalYear: number | undefined): Section | undefined {
  const named = [...normalizeCode(text).matchAll(/(?:令和|平成)(?:\d{1,2}|元)年度?|(?:19|20)\d{2}年度?|[RH]\d{1,2}年度?/gi)].flatMap((m) => fiscalYearOf(m[0]) ?? []);
  for (const year of [fiscalYear, ...named]) {
    const section = parseSection(text, year, fiscalYearOf);
    if (section.ok) return section.section;
  }
  return undefined;
}

import { toJapaneseFiscalYear } from '../ingest/fiscal-year.ts';
import type { Stage } from '../ingest/fields.ts';
import type { Lang } from './messages.ts';
import { fiscalYearLabel, STAGE_SHORT } from './ui.ts';

/** 計画1 … 振返3 (P1 … R3 in English). */
export function questionLabel(lang: Lang, stage: Stage, questionNo: number): string {
  return `${STAGE_SHORT[lang][stage]}${questionNo}`;
}

/** How the screen names a ward, in its language: `(ward) => label`. */
export type WardName = (ward: string) => string;

/**
 * Wards as the screen names them in `lang`: in English the registry's romaji where it has one
 * (`Tsurumi`), else the name itself (a ward the registry does not know, or knows only in Japanese).
 */
export function wardNamer(lang: Lang, romaji: ReadonlyMap<string, string>): WardName {
  return lang === 'en' ? (ward) => romaji.get(ward) || ward : (ward) => ward;
}

/** 令和7年度（2025年度） / FY2025 (令和7年度). */
export function yearLabel(lang: Lang, fiscalYear: number): string {
  return fiscalYearLabel(lang, fiscalYear, toJapaneseFiscalYear);
}

/** 令和7年度 / FY2025: a year where the longer label would not fit (a column heading, a line of text). */
export function shortYearLabel(lang: Lang, fiscalYear: number): string {
  return lang === 'ja' ? toJapaneseFiscalYear(fiscalYear) : `FY${fiscalYear}`;
}

/**
 * Two fiscal years as one label. `range`: 令和2〜5年度（2020〜2023年度） (the era written once when both
 * years share it) / FY2020–FY2023; `step`: 令和6年度 → 令和7年度（2024 → 2025年度） / FY2024 → FY2025.
 */
export function yearSpanLabel(lang: Lang, from: number, to: number, kind: 'range' | 'step'): string {
  const mark = kind === 'range' ? '〜' : ' → ';
  if (lang === 'en') return `FY${from}${kind === 'range' ? '–' : ' → '}FY${to}`;
  const [a, b] = [toJapaneseFiscalYear(from), toJapaneseFiscalYear(to)];
  const sameEra = kind === 'range' && a.slice(0, 2) === b.slice(0, 2);
  return `${sameEra ? a.replace(/年度$/, '') + mark + b.slice(2) : a + mark + b}（${from}${mark}${to}年度）`;
}

/** Items of a list in running text: 、 between them in Japanese, a comma in English. */
export function joinList(lang: Lang, items: readonly string[]): string {
  return items.join(lang === 'ja' ? '、' : ', ');
}

/** An aside after a label: （…） in Japanese, ` (…)` in English. */
export function parenthetical(lang: Lang, text: string): string {
  return lang === 'ja' ? `（${text}）` : ` (${text})`;
}

/** A column of the contract-year table: 3年度目 / Year 3. */
export function contractYearHeading(lang: Lang, contractYear: number): string {
  return lang === 'ja' ? `${contractYear}年度目` : `Year ${contractYear}`;
}

import { toJapaneseFiscalYear } from '../ingest/fiscal-year.ts';
import type { Stage } from '../ingest/fields.ts';
import type { Lang } from './messages.ts';
import { fiscalYearLabel, STAGE_SHORT } from './ui.ts';

/** 計画1 … 振返3 (P1 … R3 in English). */
export function questionLabel(lang: Lang, stage: Stage, questionNo: number): string {
  return `${STAGE_SHORT[lang][stage]}${questionNo}`;
}

/** 令和7年度（2025年度） / FY2025 (令和7年度). */
export function yearLabel(lang: Lang, fiscalYear: number): string {
  return fiscalYearLabel(lang, fiscalYear, toJapaneseFiscalYear);
}

/** A column of the contract-year table: 3年度目 / Year 3. */
export function contractYearHeading(lang: Lang, contractYear: number): string {
  return lang === 'ja' ? `${contractYear}年度目` : `Year ${contractYear}`;
}

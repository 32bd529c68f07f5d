import type { QuestionKey } from '../ingest/fields.ts';
import type { Rater, Stage } from '../ingest/fields.ts';
import { questionLabel } from './labels.ts';
import type { Lang } from './messages.ts';
import { RATER_LABELS, STAGE_LABELS } from './ui.ts';

/** The filters a view answers to, as `FilterState` holds them. */
export interface ActiveFilters {
  fiscalYears: number[] | null;
  wards: string[] | null;
  stages: Stage[] | null;
  raters: Rater[] | null;
  includeSample: boolean;
  selectedWard: string | null;
  selectedQuestion: QuestionKey | null;
  selectedTheme: string | null;
}

const few = (lang: Lang, items: string[]) =>
  items.length === 0 ? (lang === 'ja' ? 'なし' : 'none') : items.length <= 3 ? items.join(lang === 'ja' ? '・' : ', ') : `${items.slice(0, 3).join(lang === 'ja' ? '・' : ', ')} ${lang === 'ja' ? `ほか ${items.length - 3}` : `and ${items.length - 3} more`}`;

/**
 * Each filter that narrows the data, in words ("年度: 2019・2020", "実データのみ"): what an empty result
 * answers to, and what a printed view shows. Wards are named as the screen names them (`wardName`).
 */
export function describeFilters(lang: Lang, f: ActiveFilters, wardName: (ward: string) => string): string[] {
  const ja = lang === 'ja';
  const out: string[] = [];
  if (f.fiscalYears) out.push(`${ja ? '年度' : 'Years'}: ${few(lang, f.fiscalYears.map(String))}`);
  if (f.wards) out.push(`${ja ? '区' : 'Wards'}: ${few(lang, f.wards.map(wardName))}`);
  if (f.stages) out.push(`${ja ? '段階' : 'Stages'}: ${few(lang, f.stages.map((s) => STAGE_LABELS[lang][s]))}`);
  if (f.raters) out.push(`${ja ? '評価者' : 'Raters'}: ${few(lang, f.raters.map((r) => RATER_LABELS[lang][r]))}`);
  if (!f.includeSample) out.push(ja ? '実データのみ（サンプルを隠す）' : 'Real data only (sample hidden)');
  if (f.selectedWard) out.push(`${ja ? '選択した区' : 'Selected ward'}: ${wardName(f.selectedWard)}`);
  if (f.selectedQuestion) out.push(`${ja ? '選択した設問' : 'Selected question'}: ${questionLabel(lang, f.selectedQuestion.stage, f.selectedQuestion.questionNo)}`);
  if (f.selectedTheme) out.push(`${ja ? '選択したテーマ' : 'Selected theme'}: ${f.selectedTheme}`);
  return out;
}

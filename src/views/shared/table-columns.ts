import type { SampleYears } from '../../lib/db/queries/index.ts';
import type { TableColumn } from '../../lib/export/table.ts';
import type { Stage } from '../../lib/ingest/fields.ts';
import { questionLabel } from '../../lib/i18n/labels.ts';
import type { Lang } from '../../lib/i18n/messages.ts';
import { t } from '../../lib/i18n/ui.ts';
import type { RaterChoice } from '../../lib/state/filters.svelte.ts';

/**
 * Export columns several views share. Values are the query's own (codes, numbers, booleans), so a
 * Parquet file is the same whichever language the screen is in; only the CSV headers follow it.
 */
export function wardColumn<R extends { ward: string }>(lang: Lang): TableColumn<R> {
  return { name: 'ward', label: t(lang, 'ward'), kind: 'string', value: (r) => r.ward };
}

export function yearColumn<R extends { fiscalYear: number }>(lang: Lang): TableColumn<R> {
  return { name: 'fiscal_year', label: t(lang, 'fiscalYear'), kind: 'int32', value: (r) => r.fiscalYear };
}

/** Stage code, number, the short label on screen (計画1) and the question's wording. */
export function questionColumns<R extends { stage: Stage; questionNo: number; question?: string | null }>(lang: Lang): Array<TableColumn<R>> {
  return [
    { name: 'stage', label: t(lang, 'stage'), kind: 'string', value: (r) => r.stage },
    { name: 'question_no', label: `${t(lang, 'question')} No.`, kind: 'int32', value: (r) => r.questionNo },
    { name: 'question_label', label: t(lang, 'question'), kind: 'string', value: (r) => questionLabel(lang, r.stage, r.questionNo) },
    { name: 'question', label: t(lang, 'questionText'), kind: 'string', value: (r) => r.question ?? null },
  ];
}

/** Ward, year, the rater chosen for the view (`mean` = the mean of three), then the question. */
export function wardQuestionColumns<R extends { ward: string; fiscalYear: number; stage: Stage; questionNo: number; question?: string | null }>(
  lang: Lang,
  rater: RaterChoice,
): Array<TableColumn<R>> {
  return [
    wardColumn(lang),
    yearColumn(lang),
    { name: 'rater', label: t(lang, 'rater'), kind: 'string', value: () => rater },
    ...questionColumns<R>(lang),
  ];
}

/** Whether the row rests on sample (synthetic) data, and in which years. */
export function sampleColumns<R extends SampleYears>(lang: Lang): Array<TableColumn<R>> {
  return [
    { name: 'sample', label: t(lang, 'provenanceSample'), kind: 'boolean', value: (r) => r.sampleYears.length > 0 },
    { name: 'sample_years', label: t(lang, 'sampleYears'), kind: 'json', value: (r) => r.sampleYears },
  ];
}

export function numberColumn<R>(name: string, label: string, value: (row: R) => number | null | undefined): TableColumn<R> {
  return { name, label, kind: 'double', value };
}

export function countColumn<R>(name: string, label: string, value: (row: R) => number | null | undefined): TableColumn<R> {
  return { name, label, kind: 'int32', value };
}

import type { SampleYears } from '../../lib/db/queries/index.ts';
import type { TableColumn } from '../../lib/export/table.ts';
import type { Stage } from '../../lib/ingest/fields.ts';
import { questionLabel, yearLabel, type WardName } from '../../lib/i18n/labels.ts';
import { groupedCount, twoPlaces } from '../../lib/i18n/numbers.ts';
import type { Lang } from '../../lib/i18n/messages.ts';
import { provenanceMark, provenanceText } from '../../lib/i18n/provenance.ts';
import { t } from '../../lib/i18n/ui.ts';
import { pairedTestText, verdictText } from '../../lib/i18n/summaries.ts';
import type { PairedTest } from '../../lib/stats/change.ts';
import type { RaterChoice } from '../../lib/state/filters.svelte.ts';

/**
 * Columns several views' tables share. Values are the query's own (codes, numbers, booleans), so a
 * Parquet file is the same whichever language the screen is in; only the CSV headers and the screen's
 * text follow it.
 */
/** On screen, named as the chart beside it names the ward (`wardName`); the value, in files, is the name. */
export function wardColumn<R extends { ward: string }>(lang: Lang, wardName: WardName): TableColumn<R> {
  return { name: 'ward', label: t(lang, 'ward'), kind: 'string', value: (r) => r.ward, text: (r) => wardName(r.ward), rowHeader: true };
}

/** The ward's name in files only, where the screen names it elsewhere (a heading, the choice above). */
export function wardFileColumn<R extends { ward: string }>(lang: Lang): TableColumn<R> {
  return { name: 'ward', label: t(lang, 'ward'), kind: 'string', value: (r) => r.ward, only: 'file' };
}

/** The ward, marked on screen when its figures rest on sample data (＊ all, ※ partly). */
export function markedWardColumn<R extends { ward: string } & SampleYears>(lang: Lang, wardName: WardName): TableColumn<R> {
  return { ...wardColumn<R>(lang, wardName), text: (r) => `${wardName(r.ward)}${provenanceMark(r)}` };
}

export function yearColumn<R extends { fiscalYear: number }>(lang: Lang): TableColumn<R> {
  return { name: 'fiscal_year', label: t(lang, 'fiscalYear'), kind: 'int32', value: (r) => r.fiscalYear, text: (r) => yearLabel(lang, r.fiscalYear), align: 'text' };
}

interface QuestionOptions {
  /** The question's wording: a column of its own (default), the label's tooltip, or in files only. */
  wording?: 'column' | 'title' | 'file';
  /** The label names the row (default), or a ward column before it does. */
  rowHeader?: boolean;
}

/** Stage code and number (files), the short label on screen (計画1) and the question's wording. */
export function questionColumns<R extends { stage: Stage; questionNo: number; question?: string | null }>(
  lang: Lang,
  { wording = 'column', rowHeader = true }: QuestionOptions = {},
): Array<TableColumn<R>> {
  return [
    { name: 'stage', label: t(lang, 'stage'), kind: 'string', value: (r) => r.stage, only: 'file' },
    { name: 'question_no', label: `${t(lang, 'question')} No.`, kind: 'int32', value: (r) => r.questionNo, only: 'file' },
    {
      name: 'question_label',
      label: t(lang, 'question'),
      kind: 'string',
      value: (r) => questionLabel(lang, r.stage, r.questionNo),
      rowHeader,
      title: wording === 'title' ? (r) => r.question ?? undefined : undefined,
    },
    {
      name: 'question',
      label: t(lang, 'questionText'),
      kind: 'string',
      value: (r) => r.question ?? null,
      only: wording === 'column' ? undefined : 'file',
      cellClass: () => 'question-text',
    },
  ];
}

/** The ward, year and rater a table is about: the screen names them above it, a file in a column each. */
export function contextColumns<R extends { ward: string; fiscalYear: number }>(lang: Lang, rater?: RaterChoice): Array<TableColumn<R>> {
  return [
    wardFileColumn<R>(lang),
    { ...yearColumn<R>(lang), only: 'file' },
    ...(rater ? [{ name: 'rater', label: t(lang, 'rater'), kind: 'string' as const, value: () => rater, only: 'file' as const }] : []),
  ];
}

/** Ward (marked) naming the row, year and rater (files only), then the question, its wording as a tooltip. */
export function wardQuestionColumns<R extends { ward: string; fiscalYear: number; stage: Stage; questionNo: number; question?: string | null } & SampleYears>(
  lang: Lang,
  wardName: WardName,
  rater: RaterChoice,
): Array<TableColumn<R>> {
  return [markedWardColumn<R>(lang, wardName), ...contextColumns<R>(lang, rater).slice(1), ...questionColumns<R>(lang, { wording: 'title', rowHeader: false })];
}

/** Whether the row rests on sample (synthetic) data, and in which years (files only). */
export function sampleColumns<R extends SampleYears>(lang: Lang): Array<TableColumn<R>> {
  return [
    { name: 'sample', label: t(lang, 'provenanceSample'), kind: 'boolean', value: (r) => r.sampleYears.length > 0, only: 'file' },
    { name: 'sample_years', label: t(lang, 'sampleYears'), kind: 'json', value: (r) => r.sampleYears, only: 'file' },
  ];
}

/** The screen's word for where the row's figures come from (実データ / サンプル / 一部サンプル). */
export function provenanceColumn<R extends SampleYears>(lang: Lang): TableColumn<R> {
  return {
    name: 'provenance',
    label: t(lang, 'provenanceColumn'),
    kind: 'string',
    value: (r) => provenanceText(lang, r),
    only: 'screen',
    cellClass: (r) => (r.sampleYears.length > 0 ? 'sample' : undefined),
  };
}

export function numberColumn<R>(name: string, label: string, value: (row: R) => number | null | undefined, text?: (value: number) => string): TableColumn<R> {
  return {
    name,
    label,
    kind: 'double',
    value,
    text: text
      ? (row) => {
          const v = value(row);
          return v === null || v === undefined ? '–' : text(v);
        }
      : undefined,
  };
}

/** A count: 6,048 on screen (thousands grouped, as a clerk reads them), the plain number in the files. */
export function countColumn<R>(name: string, label: string, value: (row: R) => number | null | undefined): TableColumn<R> {
  return { name, label, kind: 'int32', value, text: (r) => countText(value(r)), cellClass: () => 'count' };
}
/** A line or item number: right-aligned as a count, but never grouped (line 1234 is looked up as written). */
export function ordinalColumn<R>(name: string, label: string, value: (row: R) => number | null | undefined): TableColumn<R> {
  return { name, label, kind: 'int32', value, cellClass: () => 'count' };
}
const countText = (n: number | null | undefined) => (n === null || n === undefined ? '–' : groupedCount(n));

/**
 * A paired test's verdict, adjusted p, effect size and number of pairs, beside the change or
 * difference it judges; `testOf` gives the row's test (undefined: not tested).
 */
export function pairedTestColumns<R>(lang: Lang, testOf: (row: R) => PairedTest | undefined, kind: 'change' | 'difference'): Array<TableColumn<R>> {
  return [
    {
      name: 'verdict', label: t(lang, 'verdictColumn'), kind: 'string',
      value: (r) => { const test = testOf(r); return test ? verdictText(lang, test, kind) : null; },
      title: (r) => { const test = testOf(r); return test ? pairedTestText(lang, test, kind) : undefined; },
      cellClass: (r) => (testOf(r)?.real ? 'verdict-real' : 'verdict-noise'),
    },
    numberColumn<R>('p_adjusted', t(lang, 'pAdjustedColumn'), (r) => testOf(r)?.pAdjusted, (p) => (p < 0.001 ? '< 0.001' : p.toFixed(3))),
    numberColumn<R>('effect_r', t(lang, 'effectColumn'), (r) => testOf(r)?.effect, twoPlaces),
    countColumn<R>('pairs', t(lang, 'pairsColumn'), (r) => testOf(r)?.n),
  ];
}

import type { SampleYears } from '../db/queries/query.ts';
import type { Lang } from './messages.ts';

/**
 * How a figure's provenance is shown, the same in every chart, table, tooltip and export: real data
 * unmarked, all-sample figures with ＊, figures mixing real and sample years with ※ and the sample
 * years named (鶴見区's FY2025 is real, its FY2019–2024 sample).
 */
export type ProvenanceKind = 'real' | 'sample' | 'mixed';

export function provenanceKind(p: SampleYears): ProvenanceKind {
  if (p.sampleYears.length === 0) return 'real';
  return p.allSample ? 'sample' : 'mixed';
}

export const PROVENANCE_MARKS: Record<ProvenanceKind, string> = { real: '', sample: '＊', mixed: '※' };

export function provenanceMark(p: SampleYears): string {
  return PROVENANCE_MARKS[provenanceKind(p)];
}

/** 2019–2024 for a run of years, 2019・2021 for apart ones (2019–2024, 2021 in English). */
export function yearsText(lang: Lang, years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(lang === 'ja' ? '・' : ', ');
}

/** 実データ / サンプル / 一部サンプル（2019–2024年度）: a table's provenance cell. */
export function provenanceText(lang: Lang, p: SampleYears): string {
  const kind = provenanceKind(p);
  if (kind === 'real') return lang === 'ja' ? '実データ' : 'Real';
  if (kind === 'sample') return lang === 'ja' ? 'サンプル' : 'Sample';
  return lang === 'ja' ? `一部サンプル（${yearsText(lang, p.sampleYears)}年度）` : `Partly sample (FY${yearsText(lang, p.sampleYears)})`;
}

/** What a tooltip adds: （サンプル） or （2019–2024年度はサンプル）; nothing for real data. */
export function provenanceNote(lang: Lang, p: SampleYears): string | undefined {
  const kind = provenanceKind(p);
  if (kind === 'real') return undefined;
  if (kind === 'sample') return lang === 'ja' ? '（サンプル）' : '(sample)';
  return lang === 'ja' ? `（${yearsText(lang, p.sampleYears)}年度はサンプル）` : `(FY${yearsText(lang, p.sampleYears)} sample)`;
}

/** A chart row's provenance: the mark after its label and the note in its tooltip. */
export function provenanceTag(lang: Lang, p: SampleYears): { mark?: string; note?: string } {
  const kind = provenanceKind(p);
  return kind === 'real' ? {} : { mark: PROVENANCE_MARKS[kind], note: provenanceNote(lang, p) };
}

/** Years that are sample data among several rows (a ward's trajectory, say). */
export function sampleYearsOf(rows: readonly SampleYears[]): SampleYears {
  const years = [...new Set(rows.flatMap((r) => r.sampleYears))].sort((a, b) => a - b);
  return { sampleYears: years, allSample: rows.length > 0 && rows.every((r) => r.allSample) };
}

/**
 * The ward report's provenance line: whether the ward's own evaluation that year is real, how many of
 * the wards it is compared with are sample, and which years of its trend are.
 */
export function reportProvenanceText(
  lang: Lang,
  own: { ward: string; year: string; provenance: SampleYears },
  comparedSampleWards: number,
  trend: SampleYears,
): string {
  const ja = lang === 'ja';
  const parts: string[] = [];
  const kind = provenanceKind(own.provenance);
  if (kind === 'real') parts.push(ja ? `${own.ward} ${own.year}の評価は実データです。` : `${own.ward}'s ${own.year} evaluation is real data.`);
  else parts.push(ja ? `${own.ward} ${own.year}の評価はサンプル（架空）です。` : `${own.ward}'s ${own.year} evaluation is synthetic sample data.`);
  if (comparedSampleWards > 0) {
    parts.push(ja ? `比較した区のうち ${comparedSampleWards} 区の値はサンプルです。` : `${comparedSampleWards} of the wards compared are sample data.`);
  }
  if (trend.sampleYears.length > 0 && !(kind === 'sample' && trend.allSample)) {
    parts.push(ja ? `推移のうち ${yearsText(lang, trend.sampleYears)}年度はサンプルです。` : `FY${yearsText(lang, trend.sampleYears)} of the trend are sample data.`);
  }
  return parts.join(ja ? '' : ' ');
}

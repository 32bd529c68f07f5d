import type {
  BenchmarkRow,
  HeatmapCellRow,
  QuestionDistributionRow,
  RaterGapRow,
  SlopeRow,
  ThemeSummaryRow,
  WardDistributionRow,
} from '../db/queries/index.ts';
import { scoreLetter } from '../ingest/fields.ts';
import { parenthetical, questionLabel, yearLabel, type WardName } from './labels.ts';
import type { Lang } from './messages.ts';
import { percentOneplace, percentWhole, twoPlaces } from './numbers.ts';
import { t } from './ui.ts';
import type { PairedTest } from '../stats/change.ts';

/**
 * The one-sentence summaries over each chart (also the chart's accessible name), in either language.
 * They pick the extremes of a query's few result rows (wards or questions); the figures themselves
 * come from SQL.
 */

/** Below this many question pairs κ is shown as indicative only. */
export const KAPPA_MIN_PAIRS = 20;

/** Every row at the extreme, in the query's order: naming one of several equal rows would mislead. */
const extremes = <R>(rows: readonly R[], value: (row: R) => number, pick: 'max' | 'min'): R[] => {
  const values = rows.map(value);
  // Folded, not spread: a national dataset's rows are more than a call takes arguments.
  const target = values.reduce((a, b) => (pick === 'max' ? Math.max(a, b) : Math.min(a, b)));
  // Shares and means of equal counts come out of SQL as the same double; the margin covers summation order.
  return rows.filter((_, i) => Math.abs(values[i] - target) < 1e-9);
};

/** At most this many tied names in a sentence; the rest are counted. */
const NAMED_TIES = 3;

/** Tied names in running text: `西区・磯子区・金沢区ほか 2 区`, `Nishi, Isogo and Kanazawa`. */
function tiedNames(lang: Lang, names: readonly string[], unit: { ja: string; en: string }, separator = '・'): string {
  const shown = names.length > NAMED_TIES + 1 ? names.slice(0, NAMED_TIES) : names;
  const rest = names.length - shown.length;
  if (lang === 'ja') {
    const list = shown.join(separator);
    return rest > 0 ? `${list}${list.endsWith('）') ? '' : ' '}ほか ${rest} ${unit.ja}` : list;
  }
  if (rest > 0) return `${shown.join(', ')} and ${rest} more ${unit.en}`;
  return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

const WARD_UNIT = { ja: '区', en: 'wards' };

/** A name given in both languages (a theme's), in the reader's. */
export const localName = (lang: Lang, named: { ja: string; en: string }) => (lang === 'ja' ? named.ja : named.en);

export function distributionByWardSummary(lang: Lang, rows: readonly WardDistributionRow[], wardName: WardName): string {
  const data = rows.filter((r): r is WardDistributionRow & { abShare: number } => r.abShare !== null);
  if (data.length === 0) return t(lang, 'noData');
  const best = extremes(data, (r) => r.abShare, 'max');
  const worst = extremes(data, (r) => r.abShare, 'min');
  const share = percentOneplace;
  if (best.length === data.length) {
    const all = share(best[0].abShare);
    return lang === 'ja'
      ? `${data.length} 区の評価の分布。A+B の割合は${data.length === 1 ? ` ${data[0].ward} ` : 'どの区も '}${all}。`
      : `Rating distribution for ${data.length} ${data.length === 1 ? 'ward' : 'wards'}. A+B share: ${data.length === 1 ? wardName(data[0].ward) : 'every ward'} ${all}.`;
  }
  const names = (tied: typeof data) => tiedNames(lang, tied.map((r) => (lang === 'ja' ? r.ward : wardName(r.ward))), WARD_UNIT);
  return lang === 'ja'
    ? `${data.length} 区の評価の分布。A+B の割合が最も高いのは ${names(best)}（${share(best[0].abShare)}）、最も低いのは ${names(worst)}（${share(worst[0].abShare)}）。`
    : `Rating distribution for ${data.length} wards. Highest A+B share: ${names(best)} (${share(best[0].abShare)}); lowest: ${names(worst)} (${share(worst[0].abShare)}).`;
}

export function distributionByQuestionSummary(lang: Lang, rows: readonly QuestionDistributionRow[]): string {
  const data = rows.filter((r): r is QuestionDistributionRow & { abShare: number } => r.abShare !== null);
  if (data.length === 0) return t(lang, 'noData');
  const worst = extremes(data, (r) => r.abShare, 'min');
  const share = percentOneplace(worst[0].abShare);
  const labels = tiedNames(lang, worst.map((r) => questionLabel(lang, r.stage, r.questionNo)), { ja: '設問', en: 'questions' });
  // One question is quoted; the wording of several would not fit one sentence.
  const wording = worst.length === 1 && worst[0].question ? `「${worst[0].question}」` : '';
  return lang === 'ja'
    ? `${data.length} 設問の評価の分布。A+B の割合が最も低いのは ${labels}（${share}）${wording}。`
    : `Rating distribution for ${data.length} questions. Lowest A+B share: ${labels} (${share}).`;
}

/** Weighted κ to two places, marked indicative on few pairs; undefined when every answer was the same. */
export function kappaText(lang: Lang, agreement: { kappa: number | null; n: number }): string {
  if (agreement.kappa === null) return t(lang, 'kappaUndefined');
  return `${twoPlaces(agreement.kappa)}${agreement.n < KAPPA_MIN_PAIRS ? ` (${t(lang, 'indicative')})` : ''}`;
}

export function ratersSummary(
  lang: Lang,
  ward: string,
  fiscalYear: number,
  gaps: readonly RaterGapRow[],
  agreement?: { agreementRate: number; kappa: number | null; n: number },
): string {
  if (gaps.length === 0) return t(lang, 'noData');
  const rated = gaps.filter((g) => g.gap !== null);
  const differ = rated.filter((g) => g.gap !== 0).length;
  const year = yearLabel(lang, fiscalYear);
  if (lang === 'ja') {
    const tail = agreement ? `一致率 ${percentWhole(agreement.agreementRate)}、重み付きκ ${kappaText(lang, agreement)}。` : '';
    return `${ward}・${year}：区と拠点の評価が異なる設問は ${rated.length} 設問中 ${differ}。${tail}`;
  }
  const tail = agreement ? ` Agreement ${percentWhole(agreement.agreementRate)}, weighted κ ${kappaText(lang, agreement)}.` : '';
  return `${ward}, ${year}: ward office and center differ on ${differ} of ${rated.length} questions.${tail}`;
}

export function slopeSummary(lang: Lang, from: number, to: number, rows: readonly SlopeRow[]): string {
  if (rows.length === 0) return t(lang, 'noData');
  const up = rows.filter((r) => r.change > 0).length;
  const down = rows.filter((r) => r.change < 0).length;
  return lang === 'ja'
    ? `${yearLabel(lang, from)} → ${yearLabel(lang, to)}：${up} 区が上がり、${down} 区が下がった。`
    : `${yearLabel(lang, from)} → ${yearLabel(lang, to)}: ${up} wards improved, ${down} declined.`;
}

export function trajectorySummary(lang: Lang, wards: number): string {
  return lang === 'ja'
    ? `${wards} 区の年度ごとの平均点。点線は市の中央値、灰色の帯は四分位範囲。`
    : `Mean score per year for ${wards} wards; dashed: city median; grey: interquartile band.`;
}

export function benchmarkSummary(lang: Lang, ward: string, fiscalYear: number, raterName: string, rows: readonly BenchmarkRow[]): string {
  if (rows.length === 0) return t(lang, 'noData');
  const top = rows.filter((r) => r.rank === 1).length;
  const above = rows.filter((r) => r.diff > 0).length;
  const year = yearLabel(lang, fiscalYear);
  return lang === 'ja'
    ? `${ward}・${year}（${raterName}）：${rows.length} 設問中 ${above} 設問で市平均を上回り、${top} 設問で 1 位（同点を含む）。`
    : `${ward}, ${year} (${raterName}): above the city mean on ${above} of ${rows.length} questions, first (ties included) on ${top}.`;
}

/** A benchmark bar's tooltip: the question, the ward's score, level and rank (ties said), the city mean. */
export function benchmarkTooltip(lang: Lang, ward: string, label: string, r: BenchmarkRow): string {
  const score = `${twoPlaces(r.score)}`;
  return lang === 'ja'
    ? `${label} ${r.question ?? ''}\n${ward}: ${score}（${scoreLetter(r.score)}）、${r.rank}/${r.wards} 位${r.ties > 1 ? `（同点 ${r.ties} 区）` : ''}、市平均 ${twoPlaces(r.cityMean)}`
    : `${label} ${r.question ?? ''}\n${ward}: ${score} (${scoreLetter(r.score)}), rank ${r.rank}/${r.wards}${r.ties > 1 ? ` (tied with ${r.ties - 1})` : ''}, city mean ${twoPlaces(r.cityMean)}`;
}

/** Said under a benchmark when some of the wards it ranks against are sample data. */
export function sampleWardsNote(lang: Lang, sampleWards: number): string {
  return lang === 'ja'
    ? `比較している区のうち最大 ${sampleWards} 区はサンプル（架空）データです。実際の順位ではありません。`
    : `Up to ${sampleWards} of the wards compared are synthetic sample data: these are not real ranks.`;
}

export function themesSummary(lang: Lang, rows: readonly ThemeSummaryRow[]): string {
  const named = rows.filter((r) => r.wards > 0);
  if (named.length === 0) return t(lang, 'noData');
  const top = extremes(named, (r) => r.wards, 'max');
  const { wards, totalWards } = top[0];
  if (top.length === 1) {
    return lang === 'ja'
      ? `最も多くの区が挙げたテーマは「${top[0].ja}」（${wards}/${totalWards} 区、${top[0].items} 件）。`
      : `The theme most wards name: “${top[0].en}” (${wards}/${totalWards} wards, ${top[0].items} items).`;
  }
  // Equal in wards, the themes with more items first: the sentence names the first few.
  const byItems = [...top].sort((a, b) => b.items - a.items);
  const unit = { ja: 'テーマ', en: 'themes' };
  if (lang === 'ja') {
    const themes = tiedNames(lang, byItems.map((r) => `「${r.ja}」（${r.items} 件）`), unit, '、');
    return wards === totalWards
      ? `すべての区（${wards} 区）が挙げたテーマは ${top.length}：${themes}。`
      : `最も多くの区（${wards}/${totalWards} 区）が挙げたテーマは ${top.length}：${themes}。`;
  }
  const themes = tiedNames(lang, byItems.map((r) => `“${r.en}” (${r.items} items)`), unit);
  return wards === totalWards
    ? `${top.length} themes are named by every ward (${wards}): ${themes}.`
    : `${top.length} themes are named by the most wards (${wards}/${totalWards}): ${themes}.`;
}

export function heatmapSummary(lang: Lang, fiscalYear: number, raterName: string, wards: number, cells: readonly HeatmapCellRow[], wardName: WardName): string {
  const scored = cells.filter((c): c is HeatmapCellRow & { score: number } => c.score !== null);
  if (scored.length === 0) return t(lang, 'noData');
  const low = extremes(scored, (c) => c.score, 'min');
  const score = twoPlaces(low[0].score);
  const year = yearLabel(lang, fiscalYear);
  const cellName = (c: HeatmapCellRow) => `${lang === 'ja' ? `${c.ward} の` : wardName(c.ward)} ${questionLabel(lang, c.stage, c.questionNo)}`;
  const named = tiedNames(lang, low.map(cellName), { ja: 'セル', en: 'cells' }, '、');
  if (lang === 'ja') {
    const lowest = low.length === 1 ? `最も低いのは ${named}（${score}）` : `最も低い ${score} は ${low.length} セル：${named}`;
    return `${year}、${raterName}の評価。${wards} 区 × 16 設問。${lowest}。`;
  }
  const lowest = low.length === 1 ? `Lowest: ${named} (${score})` : `Lowest, ${score}: ${low.length} cells, ${named}`;
  return `${year}, ${raterName}. ${wards} wards × 16 questions. ${lowest}.`;
}

/** The map's sentence: the measure, its highest and lowest ward (rank: its first and last), wards without data. */
export function mapSummary(lang: Lang, measure: string, rows: ReadonlyArray<{ ward: string; value: number | null }>, formatValue: (v: number) => string, lowIsBest = false): string {
  const measured = rows.filter((r): r is { ward: string; value: number } => r.value !== null);
  const missing = rows.length - measured.length;
  if (measured.length === 0) return lang === 'ja' ? `${measure}: 条件に合うデータがありません。` : `${measure}: no data match the filters.`;
  const top = extremes(measured, (r) => r.value, lowIsBest ? 'min' : 'max');
  const bottom = extremes(measured, (r) => r.value, lowIsBest ? 'max' : 'min');
  const none = missing > 0 ? (lang === 'ja' ? `データのない区 ${missing}。` : ` ${missing} ${missing === 1 ? 'ward' : 'wards'} without data.`) : '';
  const names = (tied: typeof measured) => tiedNames(lang, tied.map((r) => r.ward), WARD_UNIT);
  if (top.length === measured.length) {
    const all = formatValue(top[0].value);
    return lang === 'ja'
      ? `${measure}: ${measured.length === 1 ? measured[0].ward : 'どの区も'} ${all}。${none}`
      : `${measure}: ${measured.length === 1 ? measured[0].ward : 'every ward'} ${all}.${none}`;
  }
  return lang === 'ja'
    ? `${measure}: 最も高いのは${names(top)}（${formatValue(top[0].value)}）、最も低いのは${names(bottom)}（${formatValue(bottom[0].value)}）。${none}`
    : `${measure}: highest ${names(top)} (${formatValue(top[0].value)}), lowest ${names(bottom)} (${formatValue(bottom[0].value)}).${none}`;
}

/** Whether a change (or a 区–拠点 difference) is distinguishable from chance, in words. */
export function verdictText(lang: Lang, test: PairedTest, kind: 'change' | 'difference'): string {
  if (test.real) return kind === 'change' ? (lang === 'ja' ? '確かな変化' : 'Real change') : lang === 'ja' ? '確かな差' : 'Real difference';
  return lang === 'ja' ? '誤差の範囲' : 'Within noise';
}

/** `補正後 p = 0.012、対 41、r = 0.52`: what a verdict rests on. */
export function pairedTestDetail(lang: Lang, test: PairedTest): string {
  const p = pValueText(test.pAdjusted);
  const r = twoPlaces(test.effect);
  return lang === 'ja' ? `補正後 p ${p}、差のある対 ${test.n}、r = ${r}` : `adjusted p ${p}, ${test.n} pairs that differ, r = ${r}`;
}

/** `確かな変化（補正後 p = 0.012、対 41、r = 0.52）`: the verdict with what it rests on, for tooltips. */
export function pairedTestText(lang: Lang, test: PairedTest, kind: 'change' | 'difference'): string {
  return `${verdictText(lang, test, kind)}${parenthetical(lang, pairedTestDetail(lang, test))}`;
}

/** `= 0.012`, `< 0.001`. */
export function pValueText(p: number): string {
  return p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`;
}

/** How the verdicts beside a chart were reached, and for how many comparisons they were adjusted. */
export function pairedTestNote(lang: Lang, kind: 'change' | 'difference', comparisons: number): string {
  const pairs = kind === 'change' ? (lang === 'ja' ? '同じ設問・評価者の回答を2年度で対にした' : 'the same question and rater answered in both years, paired,') : lang === 'ja' ? '同じ設問への区と拠点の回答を対にした' : '区 and 拠点 on the same question, paired,';
  return lang === 'ja'
    ? `判定: ${pairs}正確な Wilcoxon 符号順位検定（差のない対は除く）。表示中の ${comparisons} 件の比較を Holm 法で補正し、補正後 p < 0.05 を「${kind === 'change' ? '確かな変化' : '確かな差'}」、それ以外を「誤差の範囲」としています。r は効果量（順位双列相関、−1〜1）。`
    : `Verdict: exact Wilcoxon signed-rank test on ${pairs} ties kept, zero differences dropped. The ${comparisons} comparisons shown are adjusted together (Holm); adjusted p < 0.05 is called ${kind === 'change' ? 'a real change' : 'a real difference'}, anything else within noise. r is the effect size (rank-biserial, −1 … 1).`;
}

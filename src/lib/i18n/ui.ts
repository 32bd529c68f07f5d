import type { Lang } from './messages.ts';

/** Interface strings, Japanese first. */
const STRINGS = {
  appTitle: { ja: '拠点ダッシュボード', en: 'Childcare Support Center Dashboard' },
  appSubtitle: { ja: '横浜市 地域子育て支援拠点 協働評価の比較', en: 'Yokohama regional childcare support centers: collaboration evaluations compared' },
  language: { ja: 'English', en: '日本語' },
  languageLabel: { ja: '表示言語を英語に切り替える', en: 'Switch the interface to Japanese' },
  distributionTitle: { ja: '区別の評価の分布（A〜D）', en: 'Rating distribution by ward (A–D)' },
  distributionByQuestionTitle: { ja: '設問別の評価の分布（A〜D）', en: 'Rating distribution by question (A–D)' },
  distributionAxis: { ja: '評価の割合（%、未評価を除く）', en: 'Share of ratings (%, unrated excluded)' },
  unratedColumn: { ja: '未評価', en: 'Unrated' },
  countColumn: { ja: '件数', en: 'n' },
  ward: { ja: '区', en: 'Ward' },
  tableCaption: { ja: '区別の評価件数（グラフと同じデータ）', en: 'Ratings per ward (the data behind the chart)' },
  shareAB: { ja: 'A+B の割合', en: 'A+B share' },
  noData: { ja: '条件に合う評価がありません', en: 'No ratings match the filters' },
  snapshotNote: {
    ja: '同梱データの集計を表示しています（データベースを準備中）。',
    en: 'Showing the bundled data, summarised at build time (the database is starting).',
  },
  dbStarting: { ja: 'データベースを準備しています…', en: 'Starting the database…' },
  filters: { ja: '絞り込み', en: 'Filters' },
  fiscalYear: { ja: '年度', en: 'Fiscal year' },
  all: { ja: 'すべて', en: 'All' },
  stage: { ja: '段階', en: 'Stage' },
  rater: { ja: '評価者', en: 'Rater' },
  loadTitle: { ja: 'データの読み込み', en: 'Load data' },
  dropHint: {
    ja: 'CSV ファイルをここにドラッグ＆ドロップ（複数可）するか、',
    en: 'Drop CSV files here (several at once), or ',
  },
  chooseFiles: { ja: 'ファイルを選ぶ', en: 'choose files' },
  privacyNote: {
    ja: 'ファイルはこのブラウザの中だけで処理され、外部へ送信されません。',
    en: 'Files are processed inside this browser only; nothing is sent anywhere.',
  },
  loading: { ja: '読み込み中', en: 'Loading' },
  cancel: { ja: '中止', en: 'Cancel' },
  cancelled: { ja: '読み込みを中止しました。中止までに読み終えたファイルは反映されています。', en: 'Loading cancelled. Files finished before the cancel are loaded.' },
  loadFailed: { ja: '読み込みに失敗しました', en: 'Loading failed' },
  reportTitle: { ja: '読み込み結果', en: 'Load report' },
  file: { ja: 'ファイル', en: 'File' },
  kind: { ja: '種類', en: 'Kind' },
  encoding: { ja: '文字コード', en: 'Encoding' },
  rowsRead: { ja: '読んだ行', en: 'Rows read' },
  rowsLoaded: { ja: '読み込み', en: 'Loaded' },
  rowsDuplicate: { ja: '重複', en: 'Duplicates' },
  rowsRejected: { ja: '不採用', en: 'Rejected' },
  notRated: { ja: '未評価', en: 'Not rated' },
  line: { ja: '行', en: 'Line' },
  column: { ja: '列', en: 'Column' },
  value: { ja: '値', en: 'Value' },
  reason: { ja: '理由', en: 'Reason' },
  rejectedTitle: { ja: '不採用の行', en: 'Rejected rows' },
  rejectedMore: { ja: '件のうち先頭を表示', en: 'rows; showing the first' },
  conflictsTitle: { ja: '評価の食い違い（後から読んだ値を使用中）', en: 'Conflicting ratings (the value read last is in use)' },
  conflictKey: { ja: '区・年度・段階・設問・評価者', en: 'Ward, year, stage, question, rater' },
  values: { ja: '値（ファイル:行）', en: 'Values (file:line)' },
  dismiss: { ja: '確認済みにする', en: 'Dismiss' },
  textConflictsTitle: { ja: '記述・拠点情報の差し替え', en: 'Replaced narrative and center rows' },
  fileError: { ja: 'ファイル全体を読み込めませんでした', en: 'The file as a whole could not be loaded' },
  ignoredColumns: { ja: '使わなかった列', en: 'Ignored columns' },
  missingParts: { ja: '報告書に見つからない部分', en: 'Parts missing from the report' },
  noRejected: { ja: '不採用の行はありません。', en: 'No rows were rejected.' },
  sampleBadge: { ja: 'サンプルデータ', en: 'Sample data' },
  sampleNotice: {
    ja: 'サンプル（架空）のデータを含みます。＊印の区の数値は実際の評価結果ではありません。',
    en: 'Includes synthetic sample data. Figures of wards marked ＊ are not real evaluation results.',
  },
  sampleHiddenNotice: { ja: 'サンプルデータを隠しています。実データだけを表示中です。', en: 'Sample data hidden: real data only.' },
  hideSample: { ja: 'サンプルを隠す', en: 'Hide sample data' },
  showSample: { ja: 'サンプルを表示', en: 'Show sample data' },
  sampleNote: { ja: '（サンプル）', en: '(sample)' },
  sampleLegend: { ja: '＊ サンプル（架空）データを含みます', en: '＊ includes synthetic sample data' },
  provenanceColumn: { ja: 'データ', en: 'Data' },
  provenanceReal: { ja: '実データ', en: 'Real' },
  provenanceSample: { ja: 'サンプル', en: 'Sample' },
  provenanceMixed: { ja: '一部サンプル', en: 'Partly sample' },
  sampleReplaced: { ja: 'サンプルを置換', en: 'Sample replaced' },
  navDistribution: { ja: '評価の分布', en: 'Distribution' },
  navHeatmap: { ja: '区×設問', en: 'Wards × questions' },
  navRaters: { ja: '区と拠点の比較', en: 'Ward vs center' },
  navBenchmark: { ja: '拠点のベンチマーク', en: 'Benchmark a center' },
  navData: { ja: 'データの読み込み', en: 'Load data' },
  navLabel: { ja: '表示の切り替え', en: 'Views' },
  wards: { ja: '区', en: 'Wards' },
  years: { ja: '年度', en: 'Years' },
  selectAll: { ja: 'すべて', en: 'All' },
  selectNone: { ja: 'なし', en: 'None' },
  noneSelected: { ja: '選択なし', en: 'None' },
  countSelected: { ja: '件を選択', en: 'selected' },
  includeSample: { ja: 'サンプルを含める', en: 'Include sample data' },
  selection: { ja: '選択中', en: 'Selected' },
  removeSelection: { ja: 'の選択を解除', en: ': remove selection' },
  selectionHint: { ja: 'グラフの棒やセルをクリックすると、他のグラフもその区・設問に絞り込まれます。', en: 'Click a bar or a cell to narrow the other charts to that ward or question.' },
  byWard: { ja: '区ごと', en: 'By ward' },
  byQuestion: { ja: '設問ごと', en: 'By question' },
  sortOrder: { ja: '並び順', en: 'Order' },
  sortQuestionnaire: { ja: '設問順・区コード順', en: 'Questionnaire / code order' },
  sortShare: { ja: 'A+B の割合順', en: 'By A+B share' },
  scaleLabel: { ja: '表示', en: 'Scale' },
  scaleDiverging: { ja: '0 を中心に分ける', en: 'Diverging' },
  scaleStacked: { ja: '100% 積み上げ', en: '100% stacked' },
  question: { ja: '設問', en: 'Question' },
  questionText: { ja: '設問文', en: 'Question text' },
  questionTableCaption: { ja: '設問別の評価件数（グラフと同じデータ）', en: 'Ratings per question (the data behind the chart)' },
  heatmapTitle: { ja: '区×設問の評価（平均点: A=4〜D=1）', en: 'Wards × questions (mean score: A=4 … D=1)' },
  heatmapLegend: { ja: '平均点', en: 'Mean score' },
  notRatedCell: { ja: '評価なし', en: 'No rating' },
  raterChoice: { ja: '評価者', en: 'Rater' },
  raterMean: { ja: '3者の平均', en: 'Mean of the three' },
  wardOrder: { ja: '区の並び', en: 'Ward order' },
  orderCode: { ja: '区コード順', en: 'By code' },
  orderScore: { ja: '平均点の高い順', en: 'By score' },
  year: { ja: '年度', en: 'Year' },
  cellDetailTitle: { ja: 'の評価の推移', en: ': ratings over the years' },
  close: { ja: '閉じる', en: 'Close' },
  heatmapTableCaption: { ja: '区×設問の平均点（ヒートマップと同じデータ）', en: 'Mean score per ward and question (the heatmap’s data)' },
  ratersTitle: { ja: '区と拠点の評価の比較', en: 'Ward office and center compared' },
  ratersAxis: { ja: '評価（A=4〜D=1）', en: 'Rating (A=4 … D=1)' },
  gap: { ja: '差（拠点−区）', en: 'Gap (center − ward)' },
  agreementTitle: { ja: '区と拠点の一致', en: 'Agreement of ward office and center' },
  agreementRate: { ja: '一致率', en: 'Agreement' },
  kappa: { ja: '重み付きκ', en: 'Weighted κ' },
  meanGap: { ja: '平均の差（拠点−区）', en: 'Mean gap (center − ward)' },
  pairs: { ja: '設問数', en: 'Questions' },
  kappaNote: {
    ja: 'κ（二次の重み付きカッパ）は偶然の一致を差し引いた一致度で、1 が完全一致、0 が偶然並みです。1 区 1 年度は最大 16 設問しかないため参考値です。20 組未満では「参考」と表示します。',
    en: 'κ (quadratically weighted kappa) is agreement beyond chance: 1 is perfect, 0 is chance level. One ward-year has at most 16 questions, so read it as indicative; fewer than 20 pairs are marked “indicative”.',
  },
  indicative: { ja: '参考', en: 'indicative' },
  kappaUndefined: { ja: '算出不可', en: 'n/a' },
  cityWide: { ja: '市全体', en: 'City-wide' },
  largestGapsTitle: { ja: '区と拠点の評価の差が大きい設問（市全体）', en: 'Largest gaps between ward office and center (city-wide)' },
  benchmarkTitle: { ja: '拠点のベンチマーク', en: 'Benchmark one center' },
  benchmarkAxis: { ja: 'その年度の各区の評価の分布（枠: この区の評価）', en: 'Wards at each level that year (outlined: this ward)' },
  rank: { ja: '順位', en: 'Rank' },
  score: { ja: '点', en: 'Score' },
  cityMean: { ja: '市平均', en: 'City mean' },
  diff: { ja: '差', en: 'Difference' },
  strengths: { ja: '強み（市平均を上回る設問）', en: 'Strengths (above the city mean)' },
  weaknesses: { ja: '課題（市平均を下回る設問）', en: 'Weaknesses (below the city mean)' },
  changesTitle: { ja: '前年度からの変化が大きい設問', en: 'Largest changes since last year' },
  previousYear: { ja: '前年度', en: 'Last year' },
  thisYear: { ja: '今年度', en: 'This year' },
  change: { ja: '変化', en: 'Change' },
  noPreviousYear: { ja: '前年度のデータがありません', en: 'No data for the year before' },
} as const satisfies Record<string, Record<Lang, string>>;

export type UiKey = keyof typeof STRINGS;

export function t(lang: Lang, key: UiKey): string {
  return STRINGS[key][lang];
}

export const RATING_LABELS: Record<Lang, Record<'A' | 'B' | 'C' | 'D', string>> = {
  ja: { A: 'よくできた', B: 'できた', C: 'あまりできなかった', D: 'まったくできなかった' },
  en: { A: 'Very well', B: 'Well', C: 'Not so well', D: 'Not at all' },
};

/** Short stage names for question labels: 計画1 … 振返3. */
export const STAGE_SHORT: Record<Lang, Record<'planning' | 'implementation' | 'review', string>> = {
  ja: { planning: '計画', implementation: '実施', review: '振返' },
  en: { planning: 'P', implementation: 'I', review: 'R' },
};

export const STAGE_LABELS: Record<Lang, Record<'planning' | 'implementation' | 'review', string>> = {
  ja: { planning: '事業計画段階', implementation: '事業実施段階', review: '振り返り段階' },
  en: { planning: 'Planning', implementation: 'Implementation', review: 'Review' },
};

export const RATER_LABELS: Record<Lang, Record<'ward' | 'center' | 'joint', string>> = {
  ja: { ward: '区', center: '拠点', joint: '相互評価' },
  en: { ward: 'Ward office', center: 'Center', joint: 'Joint' },
};

export const KIND_LABELS: Record<Lang, Record<string, string>> = {
  ja: {
    ratings_long: '評価（縦持ち）', ratings_wide: '評価（横持ち）', narratives: '記述', centers: '拠点情報',
    wards: '区の一覧', report: '評価結果の報告書', unknown: '不明',
  },
  en: {
    ratings_long: 'Ratings (long)', ratings_wide: 'Ratings (wide)', narratives: 'Narratives', centers: 'Centers',
    wards: 'Wards registry', report: 'Published report', unknown: 'Unknown',
  },
};

/** 令和7年度（2025年度） in Japanese, FY2025 in English. */
export function fiscalYearLabel(lang: Lang, fiscalYear: number, japanese: (y: number) => string): string {
  return lang === 'ja' ? `${japanese(fiscalYear)}（${fiscalYear}年度）` : `FY${fiscalYear} (${japanese(fiscalYear)})`;
}

import type { Lang } from './messages.ts';

/** Interface strings, Japanese first. */
const STRINGS = {
  appTitle: { ja: '拠点ダッシュボード', en: 'Childcare Support Center Dashboard' },
  appSubtitle: { ja: '横浜市 地域子育て支援拠点 協働評価の比較', en: 'Yokohama regional childcare support centers: collaboration evaluations compared' },
  language: { ja: 'English', en: '日本語' },
  languageLabel: { ja: '表示言語を英語に切り替える', en: 'Switch the interface to Japanese' },
  distributionTitle: { ja: '区別の評価の分布（A〜D）', en: 'Rating distribution by ward (A–D)' },
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
  records: { ja: 'レコード', en: 'Records' },
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
  bundled: { ja: '同梱データ', en: 'bundled' },
  user: { ja: '読み込んだファイル', en: 'your file' },
  noRejected: { ja: '不採用の行はありません。', en: 'No rows were rejected.' },
  summaryAll: { ja: '全体', en: 'Overall' },
  sampleBadge: { ja: 'サンプルデータ', en: 'Sample data' },
  sampleNotice: {
    ja: 'サンプル（架空）のデータを含みます。＊印の区の数値は実際の評価結果ではありません。',
    en: 'Includes synthetic sample data. Figures of wards marked ＊ are not real evaluation results.',
  },
  sampleHiddenNotice: { ja: 'サンプルデータを隠しています。実データだけを表示中です。', en: 'Sample data hidden: real data only.' },
  hideSample: { ja: 'サンプルを隠す', en: 'Hide sample data' },
  showSample: { ja: 'サンプルを表示', en: 'Show sample data' },
  sampleNote: { ja: '（サンプル）', en: '(sample)' },
  sampleLegend: { ja: '＊ サンプル（架空）データを含む区', en: '＊ ward includes synthetic sample data' },
  provenanceColumn: { ja: 'データ', en: 'Data' },
  provenanceReal: { ja: '実データ', en: 'Real' },
  provenanceSample: { ja: 'サンプル', en: 'Sample' },
  provenanceMixed: { ja: '一部サンプル', en: 'Partly sample' },
  sampleReplaced: { ja: 'サンプルを置換', en: 'Sample replaced' },
} as const satisfies Record<string, Record<Lang, string>>;

export type UiKey = keyof typeof STRINGS;

export function t(lang: Lang, key: UiKey): string {
  return STRINGS[key][lang];
}

export const RATING_LABELS: Record<Lang, Record<'A' | 'B' | 'C' | 'D', string>> = {
  ja: { A: 'よくできた', B: 'できた', C: 'あまりできなかった', D: 'まったくできなかった' },
  en: { A: 'Very well', B: 'Well', C: 'Not so well', D: 'Not at all' },
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

import type { FileErrorCode, ReasonCode } from '../ingest/types.ts';

export type Lang = 'ja' | 'en';
type Params = Record<string, string | number | string[]>;
type Message = string | ((p: Params) => string);

const STAGE_JA: Record<string, string> = { planning: '事業計画段階', implementation: '事業実施段階', review: '振り返り段階' };
const list = (v: unknown) => (Array.isArray(v) ? v.join('、') : String(v ?? ''));

/** Reasons a row was rejected, in plain words a data clerk can act on. */
export const REASONS: Record<Lang, Record<ReasonCode, Message>> = {
  ja: {
    missing_value: '値が空です（必須の項目です）',
    unknown_ward: (p) => `区が見つかりません${p.suggestion ? `。「${p.suggestion}」のことですか？` : ''}`,
    ward_code_check_digit: (p) => `団体コードの検査数字が合いません${p.suggestion ? `（正しくは ${p.suggestion}）` : ''}`,
    invalid_fiscal_year: '年度として読めません（例: 2025、令和7年度、R7）',
    fiscal_year_out_of_range: '年度が範囲外です（平成は31年度まで、1989〜2099年度）',
    invalid_stage: '段階が読めません（計画・実施・振り返り、または 1・2・3）',
    invalid_question_no: '設問番号が読めません（1 以上の整数）',
    question_no_out_of_range: (p) => `${STAGE_JA[String(p.stage)] ?? p.stage}の設問番号は 1〜${p.max} です`,
    invalid_rater: '評価者が読めません（区・拠点・相互評価）',
    invalid_rating: '評価が読めません（A・B・C・D、未評価は空欄か「-」）',
    invalid_section: '区分が読めません（重点目標・取組内容・取組の効果・取組の課題・次年度重点目標・次年度取組内容）',
    invalid_item_no: '番号が読めません（1 以上の整数）',
    invalid_contract_year: '契約の年度目が読めません（例: 3、3年度目）',
    invalid_contract_length: '契約期間が読めません（例: 5、5か年度）',
    contract_year_exceeds_length: (p) => `年度目が契約期間（${p.length}か年度）を超えています`,
    invalid_date: '日付が読めません（例: 令和7年4月1日、2025-04-01）',
    invalid_ward_code: '団体コードが読めません（5桁、または検査数字付きの6桁）',
    invalid_tile: 'タイル位置が読めません（0 以上の整数）',
    duplicate_ward_code: (p) => `同じ団体コードが別の区名（${p.name}）で既にあります`,
    too_many_fields: (p) => `列が多すぎます（見出しは ${p.expected} 列、この行は ${p.found} 列）`,
    unterminated_quote: '引用符 " が閉じられていません',
    report_rating_cells: (p) => `評価表の行には評価が ${p.expected} つ（区・拠点・相互評価）必要ですが、${p.found} つしかありません`,
    report_unknown_heading: '報告書の見出しとして分からない行です',
    report_unknown_section: (p) => `報告書の項目「${p.section}」が分かりません（重点目標・取組内容・取組の効果・取組の課題・次年度重点目標のいずれか）`,
    invalid_provenance: 'データ種別が読めません（real／実データ、sample／サンプル）',
  },
  en: {
    missing_value: 'Empty value in a required column',
    unknown_ward: (p) => `Unknown ward${p.suggestion ? `. Did you mean “${p.suggestion}”?` : ''}`,
    ward_code_check_digit: (p) => `Check digit of the local government code is wrong${p.suggestion ? ` (should be ${p.suggestion})` : ''}`,
    invalid_fiscal_year: 'Not a fiscal year (e.g. 2025, 令和7年度, R7)',
    fiscal_year_out_of_range: 'Fiscal year out of range (Heisei ends at 31; 1989–2099)',
    invalid_stage: 'Unknown stage (planning, implementation, review, or 1, 2, 3)',
    invalid_question_no: 'Question number is not a whole number ≥ 1',
    question_no_out_of_range: (p) => `Questions of the ${p.stage} stage are numbered 1–${p.max}`,
    invalid_rater: 'Unknown rater (ward, center, joint)',
    invalid_rating: 'Unknown rating (A, B, C, D; leave empty or “-” when not rated)',
    invalid_section: 'Unknown section (goal, action, effect, challenge, next_goal, next_action)',
    invalid_item_no: 'Item number is not a whole number ≥ 1',
    invalid_contract_year: 'Contract year is not a number (e.g. 3, 3年度目)',
    invalid_contract_length: 'Contract length is not a number (e.g. 5, 5か年度)',
    contract_year_exceeds_length: (p) => `Contract year exceeds the contract length (${p.length} years)`,
    invalid_date: 'Not a date (e.g. 令和7年4月1日, 2025-04-01)',
    invalid_ward_code: 'Not a ward code (5 digits, or 6 with the check digit)',
    invalid_tile: 'Tile position is not a whole number ≥ 0',
    duplicate_ward_code: (p) => `This code is already used for another ward (${p.name})`,
    too_many_fields: (p) => `Too many columns (header has ${p.expected}, this row ${p.found})`,
    unterminated_quote: 'A quote " is never closed',
    report_rating_cells: (p) => `A rating table row needs ${p.expected} ratings (ward, center, joint) but has ${p.found}`,
    report_unknown_heading: 'A line the report layout does not have',
    report_unknown_section: (p) => `Unknown report section “${p.section}” (expected 重点目標, 取組内容, 取組の効果, 取組の課題 or 次年度重点目標)`,
    invalid_provenance: 'Unknown data type (real or sample)',
  },
};

export const FILE_ERRORS: Record<Lang, Record<FileErrorCode, Message>> = {
  ja: {
    unrecognised_header: (p) => `見出し行からファイルの種類が分かりません。見つかった見出し: ${list(p.found)}。必要な見出し: ${list(p.expected)}`,
    missing_columns: (p) => `${p.kind} の見出しが足りません: ${list(p.missing)}（見つかった見出し: ${list(p.found)}）`,
    duplicate_column: (p) => `同じ項目の列が複数あります: ${list(p.found)}`,
    empty_file: 'ファイルが空です',
    no_data_rows: '見出しはありますがデータ行がありません',
    utf16_unsupported: 'UTF-16 のファイルは読めません。Excel で「CSV UTF-8」または「CSV（コンマ区切り）」で保存してください',
    binary_file: 'テキストファイルではありません（Excel の .xlsx などは CSV で保存してください）',
    not_a_report: (p) => `CSV でも評価結果の報告書でもありません。報告書なら次が必要です: ${list(p.reason)}`,
    report_missing_title: (p) => `報告書のタイトルが見つからないため、区と年度が分かりません（必要: ${list(p.reason)}）`,
    report_unknown_ward: (p) => `タイトルの区「${p.ward}」が区の一覧にありません${p.suggestion ? `。「${p.suggestion}」のことですか？` : ''}`,
    unreadable: (p) => `ファイルを開けません（${p.reason}）`,
  },
  en: {
    unrecognised_header: (p) => `Cannot tell what kind of file this is from its header. Found: ${list(p.found)}. Expected: ${list(p.expected)}`,
    missing_columns: (p) => `${p.kind} header lacks: ${list(p.missing)} (found: ${list(p.found)})`,
    duplicate_column: (p) => `Several columns mean the same field: ${list(p.found)}`,
    empty_file: 'The file is empty',
    no_data_rows: 'The file has a header but no data rows',
    utf16_unsupported: 'UTF-16 files cannot be read; save as “CSV UTF-8” or “CSV (comma delimited)” in Excel',
    binary_file: 'Not a text file (save .xlsx and the like as CSV)',
    not_a_report: (p) => `Neither a CSV nor an evaluation report. A report needs: ${list(p.reason)}`,
    report_missing_title: (p) => `The report's title is missing, so its ward and year are unknown (expected: ${list(p.reason)})`,
    report_unknown_ward: (p) => `The title's ward “${p.ward}” is not in the wards registry${p.suggestion ? `. Did you mean “${p.suggestion}”?` : ''}`,
    unreadable: (p) => `Cannot open the file (${p.reason})`,
  },
};

function render(message: Message, params: Params): string {
  return typeof message === 'function' ? message(params) : message;
}

export function reasonText(lang: Lang, code: ReasonCode, params: Params = {}): string {
  return render(REASONS[lang][code], params);
}

export function fileErrorText(lang: Lang, code: FileErrorCode, params: Params = {}): string {
  return render(FILE_ERRORS[lang][code], params);
}

import { expectedHeaders } from '../ingest/headers.ts';
import type { FileErrorCode, ReasonCode } from '../ingest/types.ts';
import { KIND_LABELS } from './ui.ts';

export type Lang = 'ja' | 'en';
type Params = Record<string, string | number | string[]>;
type Message = string | ((p: Params) => string);

const STAGE_JA: Record<string, string> = { planning: '事業計画段階', implementation: '事業実施段階', review: '振り返り段階' };
const list = (v: unknown) => (Array.isArray(v) ? v.join('、') : String(v ?? ''));
const listEn = (v: unknown) => (Array.isArray(v) ? v.join(', ') : String(v ?? ''));
/** A clipped list of columns says how many it left out. */
export function moreColumns(lang: Lang, shown: number, total: number): string {
  const n = total - shown;
  if (!(n > 0)) return '';
  return lang === 'ja' ? `（ほか ${n} 列）` : ` (and ${n} more)`;
}
const more = (lang: Lang, shown: unknown, total: unknown) => moreColumns(lang, Array.isArray(shown) ? shown.length : 0, Number(total));
const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8', shift_jis: 'Shift_JIS (CP932)', 'euc-jp': 'EUC-JP', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16', xlsx: 'Excel (.xlsx)', xls: 'Excel 97–2003 (.xls)', ods: 'OpenDocument (.ods)', docx: 'Word (.docx)', doc: 'Word 97–2003 (.doc)', odt: 'OpenDocument (.odt)', pdf: 'PDF',
};
export const encodingLabel = (encoding: unknown) => ENCODING_LABELS[String(encoding)] ?? String(encoding ?? '');
const kindLabel = (lang: Lang, kind: unknown) => KIND_LABELS[lang][String(kind)] ?? String(kind);
const expected = (lang: Lang) =>
  expectedHeaders(lang)
    .map((e) => `${kindLabel(lang, e.kind)}: ${e.headers.join(', ')}`)
    .join(lang === 'ja' ? '／' : '; ');
const UNREADABLE: Record<Lang, Record<string, string>> = {
  ja: { ENOENT: 'ファイルが見つかりません', EISDIR: 'フォルダです。ファイルを指定してください', EACCES: 'ファイルを読む権限がありません', EPERM: 'ファイルを読む権限がありません' },
  en: { ENOENT: 'no such file', EISDIR: 'it is a folder; name a file', EACCES: 'no permission to read it', EPERM: 'no permission to read it' },
};

/** Reasons a row was rejected, in plain words a data clerk can act on. */
export const REASONS: Record<Lang, Record<ReasonCode, Message>> = {
  ja: {
    missing_value: '値が空です（必須の項目です）',
    blank_as_above: '値が空です。上の行と同じ値を省いた行（Excel の結合セルなど）と思われます。各行に値を入れてください',
    unknown_ward: (p) => `区が見つかりません${p.suggestion ? `。「${p.suggestion}」のことですか？` : ''}`,
    ward_code_check_digit: (p) => `団体コードの検査数字が合いません${p.suggestion ? `（正しくは ${p.suggestion}）` : ''}`,
    invalid_fiscal_year: '年度として読めません（例: 2025、令和7年度、R7）',
    fiscal_year_out_of_range: '年度が範囲外です（平成は31年度まで、1989〜2099年度）',
    fiscal_years_disagree: (p) => `もう一つの年度の列（${p.year}年度）と合いません`,
    invalid_stage: '段階が読めません（計画・実施・振り返り、または 1・2・3）',
    invalid_question_no: '設問番号が読めません（1 以上の整数。「問1」「Q1」「計画1」「P1」とも書けます）',
    question_no_out_of_range: (p) => `${STAGE_JA[String(p.stage)] ?? p.stage}の設問番号は 1〜${p.max} です`,
    question_stage_mismatch: (p) => `設問番号は${STAGE_JA[String(p.named)] ?? p.named}の設問ですが、段階の列は${STAGE_JA[String(p.stage)] ?? p.stage}です`,
    question_no_without_stage: '段階の列がないため、設問番号に段階を書くか（「計画1」「実施3」「振返2」、または P1・I3・R2）、設問文の列に報告書の設問文を入れてください',
    unknown_question_wording: '段階が分かりません。段階の列や見出し（①事業計画段階 など）がなく、設問も「計画1」「P1」のような番号でも報告書の16設問の文言でもありません',
    question_wording_mismatch: (p) => `設問番号が、設問文の示す設問（${STAGE_JA[String(p.stage)] ?? p.stage}の${p.questionNo}、通し番号では${p.position}）と合いません`,
    invalid_rater: '評価者が読めません（区・拠点・相互評価）',
    invalid_rating: '評価が読めません（A・B・C・D、未評価は空欄か「-」）',
    numeric_rating: '評価が数値です。数値の向き（4 が A か D か）は決められないため、A・B・C・D で書いてください（報告書の点数は A=4〜D=1）',
    no_section_items: '項目ごとの列（重点目標・取組内容・取組の効果・取組の課題など）が、どれも空です',
    section_column_year: (p) => `この列の見出しの年度が、行の年度（${p.year}年度）とも次の年度とも合いません`,
    invalid_section: '区分が読めません（重点目標・取組内容・取組の効果・取組の課題・次年度重点目標・次年度取組内容）',
    invalid_item_no: '番号が読めません（1 以上の整数）',
    invalid_contract_year: '契約の年度目が読めません（例: 3、3年度目、3年度目/5か年度）',
    invalid_contract_length: '契約期間が読めません（例: 5、5か年度）',
    contract_year_exceeds_length: (p) => `年度目が契約期間（${p.length}か年度）を超えています`,
    contract_length_disagrees: (p) => `契約期間が年度目の欄（${p.length}か年度）と合いません`,
    invalid_period: '事業実施期間が読めません（例: 令和7年4月1日～令和8年3月31日、R7.4.1～R8.3.31）',
    period_disagrees: '事業実施期間が、同じ行の開始日・終了日・年度目・か年度の欄と合いません',
    invalid_date: '日付が読めません（例: 令和7年4月1日、2025-04-01）',
    invalid_ward_code: '団体コードが読めません（5桁、または検査数字付きの6桁）',
    invalid_tile: 'タイル位置が読めません（0 以上の整数）',
    duplicate_ward_code: (p) => `同じ団体コードが別の区名（${p.name}）で既にあります`,
    too_many_fields: (p) => `列が多すぎます（見出しは ${p.expected} 列、この行は ${p.found} 列）。値の中の「,」は値全体を "…" で囲んでください`,
    too_few_fields: (p) => `列が足りません（見出しは ${p.expected} 列、この行は ${p.found} 列）。途中で切れた行か、区切りが抜けています`,
    unterminated_quote: '引用符 " が閉じられていません。この行だけを読まず、次の行から読み続けました',
    stray_quote: '引用符 " の位置が正しくありません。値に " を含めるときは値全体を "…" で囲み、中の " は "" と二重にしてください',
    invalid_encoding: (p) => `この行には ${encodingLabel(p.encoding)} として読めないバイトがあります（文字化けを避けるため読み込みません）。ファイルを UTF-8 で保存し直してください`,
    replacement_character: 'この行には文字化けの印「\ufffd」があります。以前の変換で失われた文字があるため読み込みません',
    report_rating_cells: (p) => `評価表の行には評価が ${p.expected} つ（区・拠点・相互評価）必要ですが、${p.found} つしかありません`,
    report_unknown_heading: '報告書の見出しとして分からない行です',
    report_unknown_section: (p) => `報告書の項目「${p.section}」が分かりません（重点目標・取組内容・取組の効果・取組の課題・次年度重点目標のいずれか）`,
    invalid_provenance: 'データ種別が読めません（real／実データ、sample／サンプル）',
    totals_row: '合計・平均の行です（集計はこのアプリが元の行から行うので読み込みません）',
    note_row: '注記の行です（データの行ではないので読み込みません）',
    header_row: '見出しの行がもう一度あります（ファイルをつなげたときの見出しなど）。データの行ではないので読み込みません',
  },
  en: {
    missing_value: 'Empty value in a required column',
    blank_as_above: 'Empty value, as if the one above applied (a merged cell in Excel?): fill it in on every row',
    unknown_ward: (p) => `Unknown ward${p.suggestion ? `. Did you mean “${p.suggestion}”?` : ''}`,
    ward_code_check_digit: (p) => `Check digit of the local government code is wrong${p.suggestion ? ` (should be ${p.suggestion})` : ''}`,
    invalid_fiscal_year: 'Not a fiscal year (e.g. 2025, 令和7年度, R7)',
    fiscal_year_out_of_range: 'Fiscal year out of range (Heisei ends at 31; 1989–2099)',
    fiscal_years_disagree: (p) => `Disagrees with the other fiscal year column (FY${p.year})`,
    invalid_stage: 'Unknown stage (planning, implementation, review, or 1, 2, 3)',
    invalid_question_no: 'Question number is not a whole number ≥ 1 (“Q1”, “問1”, “計画1” and “P1” are read too)',
    question_no_out_of_range: (p) => `Questions of the ${p.stage} stage are numbered 1–${p.max}`,
    question_stage_mismatch: (p) => `The question number names the ${p.named} stage, but the stage column says ${p.stage}`,
    question_no_without_stage: 'The sheet has no stage column, so the question number must name its stage (P1, I3, R2, or 計画1, 実施3, 振返2), or the question column hold the report’s wording of the question',
    unknown_question_wording: 'The stage is unknown: there is no stage column or heading (such as ①事業計画段階), and the question is neither a number such as P1 or 計画1 nor the wording of one of the report’s 16 questions',
    question_wording_mismatch: (p) => `The question number does not match the question its wording names (question ${p.questionNo} of the ${p.stage} stage, ${p.position} of 16 counted straight through)`,
    invalid_rater: 'Unknown rater (ward, center, joint)',
    invalid_rating: 'Unknown rating (A, B, C, D; leave empty or “-” when not rated)',
    numeric_rating: 'The rating is a number: which way it runs (is 4 an A or a D?) cannot be told, so write A, B, C or D (the reports score A=4 … D=1)',
    no_section_items: 'Every section column (goal, action, effect, challenge, …) is empty',
    section_column_year: (p) => `This column’s heading names a year that is neither the row’s (FY${p.year}) nor the next`,
    invalid_section: 'Unknown section (goal, action, effect, challenge, next_goal, next_action)',
    invalid_item_no: 'Item number is not a whole number ≥ 1',
    invalid_contract_year: 'Contract year is not a number (e.g. 3, 3年度目, 3年度目/5か年度)',
    invalid_contract_length: 'Contract length is not a number (e.g. 5, 5か年度)',
    contract_year_exceeds_length: (p) => `Contract year exceeds the contract length (${p.length} years)`,
    contract_length_disagrees: (p) => `Contract length disagrees with the contract year cell (${p.length} years)`,
    invalid_period: 'The period is not two dates (e.g. 令和7年4月1日～令和8年3月31日, R7.4.1～R8.3.31)',
    period_disagrees: 'The period disagrees with the same row’s start, end, contract year or contract length cells',
    invalid_date: 'Not a date (e.g. 令和7年4月1日, 2025-04-01)',
    invalid_ward_code: 'Not a ward code (5 digits, or 6 with the check digit)',
    invalid_tile: 'Tile position is not a whole number ≥ 0',
    duplicate_ward_code: (p) => `This code is already used for another ward (${p.name})`,
    too_many_fields: (p) => `Too many columns (header has ${p.expected}, this row ${p.found}); enclose a value that holds a comma in "…"`,
    too_few_fields: (p) => `Too few columns (header has ${p.expected}, this row ${p.found}): the row is cut short or a delimiter is missing`,
    unterminated_quote: 'A quote " is never closed; only this line was skipped and reading went on with the next',
    stray_quote: 'A quote " in the wrong place: to put " in a value, enclose the whole value in "…" and double the inner " as ""',
    invalid_encoding: (p) => `This line has bytes that are not valid ${encodingLabel(p.encoding)} (not loaded, to avoid garbled text); save the file as UTF-8 again`,
    replacement_character: 'This line holds the replacement mark “\ufffd”: characters were lost in an earlier conversion, so it is not loaded',
    report_rating_cells: (p) => `A rating table row needs ${p.expected} ratings (ward, center, joint) but has ${p.found}`,
    report_unknown_heading: 'A line the report layout does not have',
    report_unknown_section: (p) => `Unknown report section “${p.section}” (expected 重点目標, 取組内容, 取組の効果, 取組の課題 or 次年度重点目標)`,
    invalid_provenance: 'Unknown data type (real or sample)',
    totals_row: 'A totals or average row: the app computes its own from the data rows, so it is not loaded',
    note_row: 'A note, not a data row: not loaded',
    header_row: 'The header row again (files joined end to end, each with its own): not a data row, not loaded',
  },
};

export const FILE_ERRORS: Record<Lang, Record<FileErrorCode, Message>> = {
  ja: {
    unrecognised_header: (p) =>
      `見出し行からファイルの種類が分かりません。見つかった見出し: ${list(p.found)}${more('ja', p.found, p.foundTotal)}。必要な見出し: ${expected('ja')}`,
    missing_columns: (p) =>
      `${kindLabel('ja', p.kind)}の見出しが足りません: ${list(p.missing)}${p.wideWard ? '（横持ちの表の「区」列は区の評価です。区の名前の列は「区名」としてください）' : ''}${p.stageless ? '（段階は、段階ごとの見出し行「①事業計画段階」や、「計画1」「P1」のような設問番号、報告書の設問文からも読めます）' : ''}${p.sheeted ? '（シート名と上のタイトル行からは、区と年度がひとつずつ書かれているときだけ全行に読みます。ここでは読み取れないか、複数あります。シート名を「鶴見区」「令和7年度」のようにするか、各行に「区名」「年度」の列を加えてください）' : p.titled ? '（上のタイトル行からは、区と年度がひとつずつ書かれているときだけ全行に読みます。ここでは読み取れないか、複数あります。タイトルを「令和7年度 鶴見区」のようにするか、各行に「区名」「年度」の列を加えてください）' : ''}（見つかった見出し: ${list(p.found)}${more('ja', p.found, p.foundTotal)}）`,
    duplicate_column: (p) => `同じ項目の列が複数あります: ${list(p.found)}`,
    empty_file: 'ファイルが空です',
    no_data_rows: '見出しはありますがデータ行がありません',
    binary_file: 'テキストファイルではありません（CSV か、報告書のテキスト・保存したページを選んでください）',
    pdf_file: 'PDF として開けません（ファイルが途中で切れているか、壊れています）。PDF を開けるビューアで全文をコピー（Ctrl+A → Ctrl+C）し、この画面の「テキストを貼り付けて読み込む」に貼り付けるか、元の Word・Excel・ウェブページのファイルを選んでください',
    encrypted_pdf: '開くのにパスワードが要る PDF は読めません（中身が暗号化されています）。パスワードを入れて開き、全文をコピー（Ctrl+A → Ctrl+C）して、この画面の「テキストを貼り付けて読み込む」に貼り付けるか、元の Word・Excel・ウェブページのファイルを選んでください（編集や印刷だけを制限した PDF はそのまま読めます）',
    pdf_without_text: '文字の入っていない PDF です（スキャンした画像だけのページなど）。元の Word・Excel・ウェブページのファイルを選ぶか、文字認識（OCR）をかけた PDF にしてください',
    pdf_cid_fonts: 'この PDF の文字の多くは、文字コードではなく字形の番号（Adobe の文字コレクションの CID）で書かれていて、このアプリでは文字に戻せません（日本語のふつうの文字は戻せますが、縦書き用の字形や異体字、中国語・韓国語の字形は戻せません）。Acrobat Reader やブラウザで PDF を開いて全文をコピー（Ctrl+A → Ctrl+C）し、この画面の「テキストを貼り付けて読み込む」に貼り付けてください（ビューアは番号と文字の対応表を持っています）',
    pdf_unmapped_fonts: 'この PDF の文字は、フォントに文字コードとの対応表がないため文字として取り出せません。元の Word・Excel・ウェブページのファイルを選ぶか、PDF を開けるビューアで全文をコピー（Ctrl+A → Ctrl+C）し、この画面の「テキストを貼り付けて読み込む」に貼り付けてみてください（文字化けするときは、PDF を作り直してください）',
    office_file: '古い形式の Office ファイル（Excel 95・Word 95 以前のものなど）はそのままでは読めません。Excel は「Excel ブック（.xlsx）」か「CSV UTF-8」で、Word は「Word 文書（.docx）」で保存し直すか、表を見出しの行から（報告書は全文を）選んでコピーし、この画面の「テキストを貼り付けて読み込む」に貼り付けてください',
    encrypted_office_file: 'パスワードで保護された Excel・Word のファイルは読めません（中身が暗号化されています）。Excel・Word で開いてパスワードを外して保存し直すか、CSV UTF-8 で保存してください',
    damaged_office_file: 'Excel ブック（.xlsx・.xls）・OpenDocument（.ods）・Word 文書（.docx・.doc）・zip ファイルとして開けません（ファイルが途中で切れているか、壊れています）。Excel・LibreOffice・Word で開けるか（zip は展開できるか）確かめ、保存し直してください',
    zip_file: (p) => `zip 形式のファイルですが、読めるファイル（CSV・Excel・OpenDocument・Word・PDF・テキスト・保存したページ）が入っていません${Array.isArray(p.entries) && p.entries.length > 0 ? `（入っていたもの: ${list(p.entries)}）` : ''}。PowerPoint などは、CSV UTF-8 か Word 文書で保存し直してください`,
    encrypted_zip: 'パスワード付きの zip の中のファイルは読めません。zip を展開してから、中のファイルを選んでください',
    xlsb_file: 'Excel バイナリ ブック（.xlsb）は読めません。Excel で「Excel ブック（.xlsx）」か「CSV UTF-8」として保存し直してください',
    ichitaro_file: '一太郎の文書（.jtd）はそのままでは読めません。一太郎で Word 文書（.docx）かテキスト（.txt）として保存し直すか、全文を選んでコピーし、この画面の「テキストを貼り付けて読み込む」に貼り付けてください',
    office_lock_file: 'Excel・Word がファイルを開いている間に置く一時ファイル（「~$」で始まる名前）で、データは入っていません。名前から「~$」を除いた元のファイルを選んでください',
    hidden_sheets_only: (p) => `表示されているシートがありません。非表示のシート（${list(p.sheets)}）は、入力用のリストなどのことが多いため読みません。データのシートなら、Excel で再表示（シート見出しを右クリック →「再表示」）して保存し直してください`,
    office_file_too_large: (p) => `シートか文書の中身が大きすぎて読めません（展開すると ${p.limitMB} MB を超えます）。シートを分けるか、CSV UTF-8 で保存してください`,
    rtf_file: 'リッチテキスト（RTF）はそのままでは読めません。Word やテキストエディットで開いて全文をコピーし、この画面の「テキストを貼り付けて読み込む」に貼り付けるか、テキスト形式（.txt）で保存してください',
    undecodable: (p) => `${p.line} 行目が ${encodingLabel(p.encoding)} として読めません（見出し行が文字化けしているため、ファイル全体を読みません）。ファイルを UTF-8 で保存し直してください`,
    registry_duplicate: (p) =>
      `区の一覧に同じ${p.field === 'code' ? '団体コード' : '区名'}「${p.value}」が 2 回あります（${list(p.lines)} 行目）。一覧は読み込みませんでした`,
    not_a_report: '見出し行のある CSV でも、評価結果の報告書でもありません。報告書にはタイトル（〇〇区地域子育て支援拠点事業／令和N年度重点目標評価結果）、重点目標などの項目、評価表（区・拠点・相互評価）があります',
    report_missing_title: '報告書のタイトルが見つからないため、区と年度が分かりません（「〇〇区地域子育て支援拠点事業」と「令和N年度重点目標評価結果」が必要です）',
    report_unknown_ward: (p) => `タイトルの区「${p.ward}」が区の一覧にありません${p.suggestion ? `。「${p.suggestion}」のことですか？` : ''}`,
    unreadable: (p) => `ファイルを開けません（${UNREADABLE.ja[String(p.reason)] ?? p.reason}）`,
    header_changed: (p) => `${p.line} 行目に、別の種類のファイルの見出しがあります（種類の違うファイルをつなげたもの）。その後の行はこのファイルの種類として読めないため、このファイルは読み込みませんでした。見出しごとにファイルを分けてください`,
    accounting_mismatch: (p) =>
      `読み込みの検算（読んだ行 = 読み込み + 重複 + 不採用）が合わないため、このファイルは読み込みませんでした。お手数ですがファイルを添えて連絡してください（${JSON.stringify(p)}）`,
    internal_error: (p) => `このファイルの処理中に予期しないエラーが起きたため、読み込みませんでした。ほかのファイルには影響しません（${p.message}）`,
  },
  en: {
    unrecognised_header: (p) =>
      `Cannot tell what kind of file this is from its header. Found: ${listEn(p.found)}${more('en', p.found, p.foundTotal)}. Expected: ${expected('en')}`,
    missing_columns: (p) =>
      `The ${kindLabel('en', p.kind).toLowerCase()} header lacks: ${listEn(p.missing)}${p.wideWard ? ' (in the wide form “区” is the ward office’s rating; name the ward column “区名” or “ward”)' : ''}${p.stageless ? ' (the stage is read also from heading rows such as “①事業計画段階” over each stage’s questions, from question numbers such as “P1” or “計画1”, or from the report’s wording of each question)' : ''}${p.sheeted ? ' (the sheet’s name and a title row above the header give every row its ward and year only when they name exactly one of each; here one is missing or there are several: name the sheet like “鶴見区” or “令和7年度”, or add 区名 and 年度 columns to every row)' : p.titled ? ' (a title row above the header gives every row its ward and year only when it names exactly one of each; here one is missing or there are several: title it like “令和7年度 鶴見区”, or add 区名 and 年度 columns to every row)' : ''} (found: ${listEn(p.found)}${more('en', p.found, p.foundTotal)})`,
    duplicate_column: (p) => `Several columns mean the same field: ${listEn(p.found)}`,
    empty_file: 'The file is empty',
    no_data_rows: 'The file has a header but no data rows',
    binary_file: 'Not a text file (choose a CSV, or a report’s text or saved page)',
    pdf_file: 'Cannot open this as a PDF: the file is cut short or damaged. Copy all its text in a viewer that opens it (Ctrl+A, Ctrl+C) and paste it under “Paste text to load” on this screen, or choose the Word, Excel or web page file it was made from',
    encrypted_pdf: 'A PDF that needs a password to open is not read (its content is encrypted). Open it with its password, copy all its text (Ctrl+A, Ctrl+C) and paste it under “Paste text to load” on this screen, or choose the Word, Excel or web page file it was made from (a PDF restricted only against editing or printing is read as it is)',
    pdf_without_text: 'This PDF holds no text (pages scanned as images, for instance). Choose the Word, Excel or web page file it was made from, or a PDF with recognised text (OCR)',
    pdf_cid_fonts: 'Most of the text of this PDF is written as glyph numbers of an Adobe character collection (CIDs), not as character codes, and the app cannot turn them back into text (it can for ordinary Japanese characters, not for vertical forms, variant glyphs, or Chinese and Korean glyphs). Open the PDF in Acrobat Reader or a browser, copy all its text (Ctrl+A, Ctrl+C) and paste it under “Paste text to load” on this screen (viewers carry the tables)',
    pdf_unmapped_fonts: 'The text of this PDF cannot be taken out: its fonts do not say which characters their codes are. Choose the Word, Excel or web page file it was made from, or copy all its text in a viewer (Ctrl+A, Ctrl+C) and paste it under “Paste text to load” on this screen (if the copy comes out garbled, make the PDF again)',
    office_file: 'An old-format Office file (Excel or Word 95 and older, among others) is not read as it is: save the sheet as an “Excel Workbook (.xlsx)” or “CSV UTF-8”, the report as a “Word Document (.docx)”, or select the table from its header row (a report: all its text), copy it and paste it under “Paste text to load” on this screen',
    encrypted_office_file: 'A password-protected Excel or Word file cannot be read (its contents are encrypted): open it in Excel or Word, remove the password and save it again, or save it as CSV UTF-8',
    damaged_office_file: 'Cannot open this as an Excel workbook (.xlsx, .xls), an OpenDocument spreadsheet (.ods), a Word document (.docx, .doc) or a zip file: the file is cut short or damaged. Check that Excel, LibreOffice or Word opens it (a zip: that it unpacks), and save it again',
    zip_file: (p) => `A zip file with no file the app reads in it (CSV, Excel, OpenDocument, Word, PDF, text or a saved page)${Array.isArray(p.entries) && p.entries.length > 0 ? ` (it holds: ${listEn(p.entries)})` : ''}: save a slide deck or the like as CSV UTF-8 or as a Word document`,
    encrypted_zip: 'A file in a password-protected zip cannot be read: unpack the zip, then choose the files in it',
    xlsb_file: 'An Excel Binary Workbook (.xlsb) is not read: save it from Excel as an “Excel Workbook (.xlsx)” or “CSV UTF-8”',
    ichitaro_file: 'An Ichitaro document (.jtd) is not read as it is: save it from Ichitaro as a Word document (.docx) or as text (.txt), or select all its text, copy it and paste it under “Paste text to load” on this screen',
    office_lock_file: 'A temporary file Excel or Word keeps beside a file while it is open (its name begins with “~$”); it holds no data. Choose the file whose name it carries without the “~$”',
    hidden_sheets_only: (p) => `No sheet is shown: hidden sheets (${listEn(p.sheets)}) are not read, as they are usually a form’s drop-down lists. If one holds data, unhide it in Excel (right-click a sheet tab → Unhide) and save again`,
    office_file_too_large: (p) => `A sheet or document inside this file is too large to read (over ${p.limitMB} MB unpacked): split the sheet, or save it as CSV UTF-8`,
    rtf_file: 'Rich text (RTF) is not read as it is: open it in Word or TextEdit, copy all its text and paste it under “Paste text to load” on this screen, or save it as plain text (.txt)',
    undecodable: (p) => `Line ${p.line} is not valid ${encodingLabel(p.encoding)}; as it is the header, the file is not read. Save it as UTF-8 again`,
    registry_duplicate: (p) =>
      `The wards registry names the same ${p.field === 'code' ? 'code' : 'ward name'} “${p.value}” twice (lines ${listEn(p.lines)}); the registry was not loaded`,
    not_a_report: 'Neither a CSV with a header row nor a published evaluation report. A report has a title (〇〇区地域子育て支援拠点事業 / 令和N年度重点目標評価結果), sections such as 重点目標, and the rating tables (区・拠点・相互評価)',
    report_missing_title: 'The report’s title is missing, so its ward and year are unknown (expected “〇〇区地域子育て支援拠点事業” and “令和N年度重点目標評価結果”)',
    report_unknown_ward: (p) => `The title's ward “${p.ward}” is not in the wards registry${p.suggestion ? `. Did you mean “${p.suggestion}”?` : ''}`,
    unreadable: (p) => `Cannot open the file (${UNREADABLE.en[String(p.reason)] ?? p.reason})`,
    header_changed: (p) => `Line ${p.line} is the header of another kind of file (files of different kinds joined end to end); the rows after it cannot be read as this file's kind, so this file was not loaded: split it at each header`,
    accounting_mismatch: (p) =>
      `The load's own check (rows read = loaded + duplicates + rejected) failed, so this file was not loaded; please report it with the file (${JSON.stringify(p)})`,
    internal_error: (p) => `An unexpected error while reading this file; it was not loaded, and the other files are not affected (${p.message})`,
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

/** A rejected value as shown: clipped ones say how long they were. */
export function valueText(lang: Lang, value: string, params: Params = {}): string {
  if (params.valueLength === undefined) return value;
  return lang === 'ja' ? `${value}（全 ${params.valueLength} 文字）` : `${value} (${params.valueLength} characters)`;
}

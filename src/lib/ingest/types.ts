import type { RatingColumns } from './rating-columns.ts';
import type { Delimiter } from './csv.ts';
import type { Encoding } from './decode.ts';
import type { FileKind } from './headers.ts';
import type { Provenance, Rater, Rating, Section, Stage } from './fields.ts';
import type { Ward } from './registry.ts';
import type { ReportLineInfo } from './report.ts';

/** Why a row or a file was not loaded; rendered in ja/en by `src/lib/i18n`. */
export type ReasonCode =
  | 'missing_value'
  | 'blank_as_above'
  | 'unknown_ward'
  | 'ward_code_check_digit'
  | 'invalid_fiscal_year'
  | 'fiscal_year_out_of_range'
  | 'fiscal_years_disagree'
  | 'invalid_stage'
  | 'invalid_question_no'
  | 'question_no_out_of_range'
  | 'question_stage_mismatch'
  | 'question_no_without_stage'
  | 'unknown_question_wording'
  | 'question_wording_mismatch'
  | 'invalid_rater'
  | 'invalid_rating'
  | 'numeric_rating'
  | 'invalid_section'
  | 'no_section_items'
  | 'section_column_year'
  | 'invalid_item_no'
  | 'invalid_contract_year'
  | 'invalid_contract_length'
  | 'contract_year_exceeds_length'
  | 'contract_length_disagrees'
  | 'invalid_period'
  | 'period_disagrees'
  | 'invalid_date'
  | 'invalid_ward_code'
  | 'invalid_tile'
  | 'duplicate_ward_code'
  | 'too_many_fields'
  | 'too_few_fields'
  | 'unterminated_quote'
  | 'stray_quote'
  | 'invalid_encoding'
  | 'replacement_character'
  | 'report_rating_cells'
  | 'report_unknown_heading'
  | 'report_unknown_section'
  | 'invalid_provenance'
  | 'totals_row'
  | 'header_row'
  | 'note_row';

export type FileErrorCode =
  | 'unrecognised_header'
  | 'header_changed'
  | 'missing_columns'
  | 'duplicate_column'
  | 'empty_file'
  | 'no_data_rows'
  | 'binary_file'
  | 'pdf_file'
  | 'encrypted_pdf'
  | 'pdf_without_text'
  | 'pdf_unmapped_fonts'
  | 'pdf_cid_fonts'
  | 'office_file'
  | 'encrypted_office_file'
  | 'zip_file'
  | 'encrypted_zip'
  | 'damaged_office_file'
  | 'office_lock_file'
  | 'xlsb_file'
  | 'ichitaro_file'
  | 'hidden_sheets_only'
  | 'office_file_too_large'
  | 'rtf_file'
  | 'undecodable'
  | 'registry_duplicate'
  | 'not_a_report'
  | 'report_missing_title'
  | 'report_unknown_ward'
  | 'unreadable'
  | 'accounting_mismatch'
  | 'internal_error';

/** The ward and year a sheet's title line gives every row, where the header has no such column (title-row.ts). */
export interface TitleGives {
  ward?: string;
  fiscalYear?: number;
  /** A heading row's stage or section, given to the rows under it. */
  stage?: Stage;
  section?: Section;
}

/** A workbook sheet's name, listed among a file's skipped lines when it gave the ward or year: it is no line of the sheet. */
export const SHEET_NAME_LINE = 0;

export type SkippedLine = { line: number; text: string; gives?: TitleGives };

/** What a listed line is: a heading row, the sheet's name, a title line that gave values, or a line skipped above the header. */
export function skippedLineKind({ line, gives }: SkippedLine): 'stageHeading' | 'sectionHeading' | 'sheetName' | 'title' | 'skipped' {
  if (gives?.stage) return 'stageHeading';
  if (gives?.section) return 'sectionHeading';
  if (line === SHEET_NAME_LINE) return 'sheetName';
  return gives ? 'title' : 'skipped';
}

/** A text's encoding, or the format of an Excel workbook (`.xlsx`, `.xls`), an OpenDocument spreadsheet, a Word (`.docx`, `.doc`) or a Writer document (their XML is UTF-8 by definition), or a PDF (its text is Unicode by its fonts' maps). */
export type SourceEncoding = Encoding | 'xlsx' | 'xls' | 'ods' | 'docx' | 'doc' | 'odt' | 'pdf';

export interface RowError {
  line: number;
  /** The column's header as written in the file; null when the row as a whole is at fault. */
  column: string | null;
  /** As written, clipped to `MESSAGE_VALUE` characters (then `params.valueLength` is the full length). */
  value: string;
  code: ReasonCode;
  /** e.g. `{ suggestion: '鶴見区' }`, `{ max: 6, stage: 'planning' }`. */
  params: Record<string, string | number>;
}

/** Rejected cells of one file counted by reason and column: all of them, however many are listed. */
export interface ErrorCount {
  code: ReasonCode;
  column: string | null;
  count: number;
  /** The first line with this reason in this column, and its parameters (for the message). */
  firstLine: number;
  params: Record<string, string | number>;
}

export interface FileError {
  code: FileErrorCode;
  params: Record<string, string | number | string[]>;
}

export interface RatingRecord {
  ward: string;
  fiscalYear: number;
  stage: Stage;
  questionNo: number;
  question: string | null;
  rater: Rater;
  rating: Rating | null;
  provenance: Provenance;
  line: number;
}

export interface NarrativeRecord {
  ward: string;
  fiscalYear: number;
  section: Section;
  itemNo: number;
  text: string;
  provenance: Provenance;
  line: number;
}

export interface CenterRecord {
  ward: string;
  fiscalYear: number;
  centerName: string | null;
  operator: string | null;
  contractYear: number | null;
  contractLength: number | null;
  periodStart: string | null;
  periodEnd: string | null;
  /** 事業目的, as a report states it (optional in a centers CSV). */
  purpose: string | null;
  provenance: Provenance;
  line: number;
}

export interface ConflictValue {
  file: string;
  line: number;
  rating: Rating | null;
}

export interface RatingConflict {
  ward: string;
  fiscalYear: number;
  stage: Stage;
  questionNo: number;
  rater: Rater;
  values: ConflictValue[];
}

/** Narrative or centers rows with the same key but other content: the later one is used. */
export interface TextConflict {
  kind: 'narrative' | 'center';
  ward: string;
  fiscalYear: number;
  /** `goal#2` for a narrative item, `` for a centers row. */
  key: string;
  values: Array<{ file: string; line: number; text: string }>;
}

/**
 * What became of a file's rows, each with its column name in the `files` table. Rows read (physical
 * records after the header, blank ones aside) = loaded + duplicate + rejected, checked; `notRated`
 * counts loaded ratings without a letter; `sampleReplaced` the sample records this file's real ones
 * replaced (not conflicts: real data supersedes the sample).
 */
export const FILE_COUNTS = {
  rowsRead: 'rows_read',
  rowsLoaded: 'rows_loaded',
  rowsDuplicate: 'rows_duplicate',
  rowsRejected: 'rows_rejected',
  notRated: 'not_rated',
  sampleReplaced: 'sample_replaced',
} as const;
export type FileCount = keyof typeof FILE_COUNTS;
export type FileCounts = Record<FileCount, number>;
export const FILE_COUNT_KEYS = Object.keys(FILE_COUNTS) as FileCount[];

export interface FileReport extends FileCounts {
  fileId: number;
  file: string;
  kind: FileKind;
  encoding: SourceEncoding | null;
  /** The CSV delimiter found in the header line; `|` for a CSV written as a Markdown table. */
  delimiter: Delimiter | '|' | null;
  records: { ratings: number; narratives: number; centers: number; wards: number };
  fileError: FileError | null;
  /** Parts a published report lacked (report kind only). */
  missingParts: string[];
  /** The ward and year a published report's title names (report kind only). */
  reportWard: string | null;
  reportYear: number | null;
  /** Unknown columns, the first `LISTED_COLUMNS` of `ignoredColumnsTotal`. */
  ignoredColumns: string[];
  ignoredColumnsTotal: number;
  /**
   * Non-blank lines above the CSV header (a title row), not read as rows; `gives`: what a title line
   * gave every row. Also the sheet's name when it gave a value, and heading rows with what they gave.
   */
  skippedLines: SkippedLine[];
  /** A workbook's sheets hidden in Excel and not read (often its drop-down lists); on the report of its first sheet read. */
  hiddenSheets: string[];
  /** A compressed folder's files that are not data (images, PDFs…), skipped; on the report of its first file read. */
  skippedEntries: string[];
  /** The first `LISTED_ERRORS` rejected cells; `errorCount` counts all, `errorSummary` groups all. */
  errors: RowError[];
  errorCount: number;
  errorSummary: ErrorCount[];
}

/**
 * One value a report gave, in long form: an item (`section`, `no` = item number, `value` = text), a
 * rating (`section` = stage, `no` = question, `rater`, `value` = letter or null, `detail` = question
 * text) or a field of its centers row (`section` = the field).
 */
export interface ReportValue {
  kind: 'item' | 'rating' | 'center';
  section: string;
  no: number | null;
  rater: string | null;
  value: string | null;
  detail: string | null;
  line: number;
}

/** What one file adds to the database; records superseded inside the same file are already gone. */
export interface FileBatch {
  report: FileReport;
  ratings: RatingColumns;
  narratives: NarrativeRecord[];
  centers: CenterRecord[];
  /** Set when the file was a wards registry: it replaces the registry. */
  wards: Ward[] | null;
  /** A published report's lines, each with what it was read as (for the report check). */
  reportLines: ReportLineInfo[];
  /** What a published report said, before duplicates merged with earlier files (for the report check). */
  reportValues: ReportValue[];
  /**
   * Whether the file replaces values an earlier file loaded (a conflict, or real data over sample
   * data): only then must the loader delete the earlier rows before it appends the file's.
   */
  replaces: Record<'ratings' | 'narratives' | 'centers', boolean>;
  /**
   * How many parts of the file's ratings were handed out while it was read (`IngestOptions.onRatingsPart`);
   * `ratings` holds the rest. A refused file hands over 0: the parts already written must be undone.
   */
  ratingParts: number;
  /** Conflict values first seen in this file (each with the earlier value it conflicts with). */
  conflictValues: Array<Omit<RatingConflict, 'values'> & ConflictValue & { seq: number }>;
  textConflictValues: Array<Omit<TextConflict, 'values'> & { file: string; line: number; text: string; seq: number }>;
}

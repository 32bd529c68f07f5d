import { CsvReader, DELIMITERS, isBlankRecord, type CsvRecord, type Delimiter } from './csv.ts';
import { parseQuestionNo, parseRater, type Rater } from './fields.ts';
import { clipList, clipText, LISTED_COLUMNS, PREAMBLE_LINES } from './limits.ts';
import { normalizeHeader, noteAfter } from './normalize.ts';
import { headingRow, sectionNamed, type Heading, type HeadingField } from './heading-row.ts';
import { questionWorded } from './standard-questions.ts';
import type { FileReport } from './types.ts';

export const FILE_KINDS = ['ratings_long', 'ratings_wide', 'narratives', 'centers', 'wards', 'report', 'unknown'] as const;
export type FileKind = (typeof FILE_KINDS)[number];
export type CsvKind = Exclude<FileKind, 'report' | 'unknown'>;

export type Field =
  | 'ward' | 'fiscal_year' | 'fiscal_year_also' | 'stage' | 'question_no' | 'question' | 'rater' | 'rating'
  | 'ward_rating' | 'center_rating' | 'joint_rating'
  | 'section' | 'item_no' | 'text'
  | 'center_name' | 'operator' | 'contract_year' | 'contract_length' | 'period' | 'period_start' | 'period_end' | 'purpose'
  | 'code' | 'name' | 'name_en' | 'city' | 'tile_x' | 'tile_y'
  | 'provenance';

/** Header aliases from the data contract, written as they normalise (NFKC, lower case). */
const ALIASES: Record<Field, string[]> = {
  ward: ['ward', '区', '区名', 'ward_name'],
  fiscal_year: ['fiscal_year', 'year', '年度', '対象年度', '評価年度'],
  // A second column of the year (年度（和暦） beside 年度（西暦）), read to check it says the same.
  fiscal_year_also: [],
  stage: ['stage', '段階', '評価段階', '事業段階'],
  question_no: ['question_no', 'no', 'no.', '設問番号', '番号', '設問no', '設問no.', '問'],
  question: ['question', '設問', '質問', '設問内容', '設問文', '質問内容'],
  rater: ['rater', '評価者'],
  rating: ['rating', '評価'],
  ward_rating: ['区', 'ward_rating', '区評価', '区の評価', '区役所', '区役所評価', '区役所の評価'],
  center_rating: ['拠点', 'center_rating', '拠点評価', '拠点の評価'],
  joint_rating: ['相互評価', '相互', 'joint_rating', '相互の評価'],
  section: ['section', '区分', '項目'],
  item_no: ['item_no', 'no', 'no.', '番号'],
  text: ['text', '内容', '本文'],
  center_name: ['center_name', '拠点名'],
  operator: ['operator', '運営法人', '事業の実施者'],
  contract_year: ['contract_year', '年度目'],
  contract_length: ['contract_length', 'か年度'],
  period: ['period', '事業実施期間', '実施期間', '事業期間'],
  period_start: ['period_start', '期間開始', '事業実施期間開始'],
  period_end: ['period_end', '期間終了', '事業実施期間終了'],
  purpose: ['purpose', '事業目的'],
  code: ['code', '団体コード', '市区町村コード', '地方公共団体コード', '全国地方公共団体コード'],
  name: ['name', '区名'],
  name_en: ['name_en', 'romaji', 'ローマ字', '英語表記', '英字表記'],
  city: ['city', '市'],
  tile_x: ['tile_x'],
  tile_y: ['tile_y'],
  provenance: ['provenance', 'data_type', 'データ種別'],
};

/** Columns each kind reads, required first. */
const KIND_FIELDS: Record<CsvKind, { required: Field[]; optional: Field[] }> = {
  ratings_long: { required: ['ward', 'fiscal_year', 'stage', 'question_no', 'rater', 'rating'], optional: ['question', 'provenance'] },
  ratings_wide: {
    required: ['ward', 'fiscal_year', 'stage', 'question_no'],
    optional: ['question', 'ward_rating', 'center_rating', 'joint_rating', 'provenance'],
  },
  narratives: { required: ['ward', 'fiscal_year', 'section', 'text'], optional: ['item_no', 'provenance'] },
  centers: {
    required: ['ward', 'fiscal_year'],
    optional: ['center_name', 'operator', 'contract_year', 'contract_length', 'period', 'period_start', 'period_end', 'purpose', 'provenance'],
  },
  wards: { required: ['code', 'name'], optional: ['name_en', 'city', 'tile_x', 'tile_y'] },
};

/** A narratives sheet with a column per section: its other columns. */
const SECTION_COLUMNS_FIELDS: { required: Field[]; optional: Field[] } = { required: ['ward', 'fiscal_year'], optional: ['item_no', 'provenance'] };

/** The wide form's rating columns, each with the rater whose ratings it holds. */
export const RATING_COLUMNS: ReadonlyArray<[Field, Rater]> = [['ward_rating', 'ward'], ['center_rating', 'center'], ['joint_rating', 'joint']];

/**
 * A rater as a long form's rater cell names it (`区`, `拠点`, `相互評価`, `法人`) or as a wide form's
 * rating column is headed (`区の評価`, `拠点評価`, `相互の評価`): a report's table heads its columns
 * either way, and a hand-filled rater cell may copy a column's name.
 */
export function raterNamed(name: string): Rater | undefined {
  const rater = parseRater(name);
  if (rater) return rater;
  const key = headerKey(name);
  return RATING_COLUMNS.find(([field]) => ALIASES[field].includes(key))?.[1];
}

/** Whether a missing column, as `missing_columns` names it (its aliases), is the ward or year a title may give. */
export function isTitleField(missing: string): boolean {
  return /^(?:ward|fiscal_year) /.test(missing);
}

/** Lists in results are clipped for messages (`*Total` counts them all): a header can have 200,000 columns. */
export type HeaderResult =
  | {
      ok: true; kind: CsvKind; columns: Map<Field, number>; ignored: string[]; ignoredTotal: number;
      /** A narratives sheet's columns each headed by a section (`重点目標`, `取組の課題`), its cells the section's items. */
      sectionColumns: number[];
    }
  | { ok: false; code: 'unrecognised_header'; found: string[]; foundTotal: number }
  | { ok: false; code: 'duplicate_column'; field: Field; found: string[] }
  | { ok: false; code: 'missing_columns'; kind: CsvKind; missing: string[]; found: string[]; foundTotal: number; wideWard?: 1; stageless?: 1; titled?: 1; sheeted?: 1 };

/** The question's names that may head its number as well as its text, as a sheet without a number column heads it. */
const QUESTION_OR_NUMBER = new Set(['question', '設問', '質問']);

function has(normalized: string[], field: Field): boolean {
  return ALIASES[field].some((alias) => normalized.includes(alias));
}

/** The file's kind comes from its header alone (never from its file name). */
function detectKind(normalized: string[], given: ReadonlySet<Field>, sectionColumns: () => number): CsvKind | undefined {
  const wideSignal = has(normalized, 'center_rating') || has(normalized, 'joint_rating') || normalized.includes('ward_rating');
  const staged = has(normalized, 'stage') || given.has('stage');
  const numbered = has(normalized, 'question_no') || normalized.some((n) => QUESTION_OR_NUMBER.has(n));
  if (staged && numbered && wideSignal && !has(normalized, 'rater')) return 'ratings_wide';
  if (has(normalized, 'rater') || (staged && has(normalized, 'rating'))) return 'ratings_long';
  const sectioned = has(normalized, 'section') || given.has('section');
  // Columns headed by sections: two, or one beside the ward or year (a report's line `取組内容 ・…` names one and no ward).
  const sectionHeaded = () => {
    const count = sectionColumns();
    return count >= 2 || (count === 1 && (has(normalized, 'ward') || has(normalized, 'fiscal_year')));
  };
  if (sectioned || (has(normalized, 'text') && has(normalized, 'fiscal_year')) || sectionHeaded()) return 'narratives';
  // Not 事業実施期間: a report copied without its title starts with that label and must be told it lacks the title.
  if (['center_name', 'operator', 'contract_year', 'contract_length'].some((f) => has(normalized, f as Field))) return 'centers';
  if (has(normalized, 'code') && !has(normalized, 'fiscal_year')) return 'wards';
  return undefined;
}

/**
 * Aliases are shared between kinds (`区` is the ward in a long file but the ward office's rating in a
 * wide one; `区名` is the ward, or the registry's name; `番号` is a question or an item number),
 * so each header is resolved against the fields of the detected kind only.
 */
export function resolveHeader(header: string[], given: ReadonlySet<Field> = new Set()): HeaderResult {
  const normalized = header.map(headerKey);
  const named = header.filter((h) => h.trim() !== '');
  const found = clipList(named);
  const foundTotal = named.length;
  // Looked for only where a narratives header may have them: reading each cell as a section label is
  // slow beside matching names (a header of 200,000 columns took 2.5× as long when every header did).
  let sectionCells: number[] | undefined;
  const sectionCellsOf = () => (sectionCells ??= header.flatMap((name, index) => (!ALIAS_NAMES.has(normalized[index]) && sectionNamed(name, undefined) ? [index] : [])));
  const kind = detectKind(normalized, given, () => sectionCellsOf().length);
  if (!kind) {
    return { ok: false, code: 'unrecognised_header', found, foundTotal };
  }
  // A row per ward and year, a column per section (as a city compiles its wards' reports): no 区分 or 内容 column is read.
  const sectionColumns = kind === 'narratives' && !has(normalized, 'section') ? sectionCellsOf() : [];
  const { required, optional } = sectionColumns.length > 0 ? SECTION_COLUMNS_FIELDS : KIND_FIELDS[kind];
  const fields = [...required, ...optional];
  const columns = new Map<Field, number>();
  const ignored: string[] = [];
  // The wide form's `区` column is the ward office's rating (its ward comes from `区名`/`ward`), unless
  // another column is (`区の評価`, `区評価`, `区役所`): then `区` is the ward, as in every other kind.
  const wardIsRating = kind === 'ratings_wide' && !normalized.some((n) => n !== '区' && ALIASES.ward_rating.includes(n));
  normalized.forEach((name, index) => {
    if (name === '' || sectionColumns.includes(index)) return;
    const field = fields.find((f) => ALIASES[f].includes(name) && !(wardIsRating && f === 'ward' && name === '区'));
    if (!field) {
      ignored.push(header[index]);
      return;
    }
    if (field === 'fiscal_year' && columns.has(field) && !columns.has('fiscal_year_also')) {
      columns.set('fiscal_year_also', index);
      return;
    }
    if (columns.has(field)) {
      columns.set(field, -1);
      return;
    }
    columns.set(field, index);
  });
  // A ratings sheet with no column for the question's number heads it `設問` (the question): that column is its number.
  const questionColumn = columns.get('question');
  if ((kind === 'ratings_long' || kind === 'ratings_wide') && !columns.has('question_no') && questionColumn !== undefined && QUESTION_OR_NUMBER.has(normalized[questionColumn])) {
    columns.set('question_no', questionColumn);
    columns.delete('question');
  }
  for (const [field, index] of columns) {
    if (index === -1) {
      return { ok: false, code: 'duplicate_column', field, found: clipList(header.filter((_, i) => ALIASES[field].includes(normalized[i]))) };
    }
  }
  // `given`: fields the rows take from elsewhere (a sheet's title row, title-row.ts; heading rows, heading-row.ts), not from a column.
  const missing = required.filter((f) => !columns.has(f) && !given.has(f));
  if (kind === 'ratings_wide' && !RATING_COLUMNS.some(([field]) => columns.has(field))) {
    missing.push('ward_rating');
  }
  if (missing.length > 0) {
    // In the wide form `区` is the ward office's rating, so the ward must be named `区名` or `ward`.
    const aliases = (f: Field) => ALIASES[f].filter((a) => !(kind === 'ratings_wide' && f === 'ward' && a === '区'));
    const wideWard = kind === 'ratings_wide' && missing.includes('ward') && normalized.includes('区') ? { wideWard: 1 as const } : {};
    // The message tells the other ways a sheet can give the stage (heading rows, `計画1` / `P1`).
    const stageless = missing.includes('stage') ? { stageless: 1 as const } : {};
    return { ok: false, code: 'missing_columns', kind, missing: missing.map((f) => aliases(f).join(' / ')), found, foundTotal, ...wideWard, ...stageless };
  }
  return { ok: true, kind, columns, ignored: clipList(ignored), ignoredTotal: ignored.length, sectionColumns };
}

const ALIAS_NAMES = new Set(Object.values(ALIASES).flat());

/**
 * A column's name as it is matched: normalised, less a note in brackets after it when the name with
 * the note is no alias. Hand-made sheets annotate their headers so: `年度（西暦）`, `評価（A～D）`,
 * `相互評価（区・拠点）`, `拠点（NPO法人）`.
 */
function headerKey(name: string): string {
  const key = normalizeHeader(name);
  if (ALIAS_NAMES.has(key)) return key;
  const noted = noteAfter(key);
  return ratingColumnKey(noted ? [noted.base, noted.note] : key.split(/[_・/:]/)) ?? noted?.base ?? key;
}

const RATING_WORDS = new Set(['評価', 'rating']);

/**
 * A rating column named by the word for rating and its rater, either way round, joined or with the
 * rater as the note (`評価（区）`, `評価_拠点`, `相互・評価`, `rating_joint`): a sheet that heads one
 * group `評価` over its raters' columns reads so once its two header rows are one. The rater's own
 * rating column's name, or undefined for any other pair of words.
 */
function ratingColumnKey(words: string[]): string | undefined {
  if (words.length !== 2) return undefined;
  const [first, second] = words;
  const rater = RATING_WORDS.has(first) ? parseRater(second) : RATING_WORDS.has(second) ? parseRater(first) : undefined;
  return rater && RATING_COLUMNS.find(([, r]) => r === rater)![0];
}

/**
 * The kind and columns a row names when it is a header again (files joined end to end, each with
 * its own; a sheet's header repeated under each of its heading rows): its first filled cell is a
 * column name and the row names the columns of a known kind, less those `given` as the file's
 * header had them (a title's ward and year, heading rows); null for a row of data. Asked of
 * rejected rows only.
 */
export function headerRowColumns(fields: string[], given: ReadonlySet<Field> = new Set()): { kind: CsvKind; columns: Map<Field, number>; sectionColumns: number[]; ignored: string[] } | null {
  const first = fields.find((f) => f.trim() !== '');
  if (first === undefined || !ALIAS_NAMES.has(headerKey(first))) return null;
  const header = resolveHeader(fields, given);
  return header.ok ? { kind: header.kind, columns: header.columns, sectionColumns: header.sectionColumns, ignored: header.ignored } : null;
}

/**
 * Adds a later header row's unknown columns (files joined end to end) to those the report names, as
 * the first header's are: each name once, the first `LISTED_COLUMNS` listed, all counted.
 */
export function addIgnoredColumns(report: Pick<FileReport, 'ignoredColumns' | 'ignoredColumnsTotal'>, names: readonly string[]): void {
  for (const name of names) {
    if (report.ignoredColumns.includes(name)) continue;
    report.ignoredColumnsTotal++;
    if (report.ignoredColumns.length < LISTED_COLUMNS) report.ignoredColumns.push(name);
  }
}

/** Each kind's required headers, as a message lists them: the English names, or the first Japanese alias. */
export function expectedHeaders(lang: 'ja' | 'en'): Array<{ kind: CsvKind; headers: string[] }> {
  const name = (f: Field) => (lang === 'en' ? ALIASES[f][0] : (ALIASES[f].find((a) => /[^\x00-\x7f]/.test(a)) ?? ALIASES[f][0]));
  return (Object.keys(KIND_FIELDS) as CsvKind[]).map((kind) => ({
    kind,
    headers: KIND_FIELDS[kind].required.map((f) => (kind === 'ratings_wide' && f === 'ward' && lang === 'ja' ? '区名' : name(f))),
  }));
}

export interface LocatedHeader {
  delimiter: Delimiter;
  record: CsvRecord;
  header: HeaderResult;
  /** Non-blank lines above the header (a title, a date), listed in the report and not read as rows. */
  preamble: Array<{ line: number; text: string }>;
  /** Positioned after the header. */
  reader: CsvReader;
  /**
   * The field (stage or section) the header has no column for, that heading rows give the rows under
   * them (heading-row.ts), or, for the stage, that each row's question number names (`計画1`, `P1`).
   */
  headedBy?: HeadingField;
  /** The heading row just above the header, whose value the first rows have. */
  headingAbove?: Heading & { line: number };
}

/**
 * Finds the header: the first record, within `PREAMBLE_LINES` non-blank lines of the top, that names
 * the columns of a known kind, trying comma, tab and semicolon. Failing that, a first line that names
 * some kind's columns (so the message can say which are missing), else the first non-blank line split
 * on the delimiter it holds most of, with `below` the first line under it that names some kind's
 * columns (a sheet's header under its title), to report when the text is no report either.
 * `null` when the text has no non-blank line.
 */
export function locateHeader(text: string): (LocatedHeader & { below: LocatedHeader | null }) | null {
  let partial: LocatedHeader | null = null;
  let below: LocatedHeader | null = null;
  let first: LocatedHeader | null = null;
  for (const delimiter of DELIMITERS) {
    const reader = new CsvReader(text, delimiter);
    const preamble: LocatedHeader['preamble'] = [];
    let above: (Heading & { line: number }) | null = null;
    for (let seen = 0; seen <= PREAMBLE_LINES; ) {
      const record = reader.next();
      if (!record) break;
      if (isBlankRecord(record.fields)) continue;
      seen++;
      const after = new CsvReader(text, delimiter, record.end + 1, record.endLine + 1);
      const plain = resolveHeader(record.fields);
      // A sheet laid out as the published report: heading rows name the stage or section of the rows under them.
      // Only a row naming two columns or more is a header so: a report's title over its first section is none.
      const headedBy = plain.ok || record.problem !== null || record.fields.filter(isColumnName).length < 2 ? undefined : (above?.field ?? headingAt(text, delimiter, after, record.fields));
      const header = headedBy ? resolveHeader(record.fields, new Set([headedBy])) : plain;
      const headings = headedBy ? { headedBy, ...(above ? { headingAbove: above } : {}) } : {};
      const located: LocatedHeader = { delimiter, record, header, preamble: [...preamble], reader: after, ...headings };
      const heading = record.problem === null ? headingRow(record.fields) : null;
      above = heading && { ...heading, line: record.line };
      if (record.problem === null && header.ok) return { ...located, below: null };
      const lower = new CsvReader(text, delimiter, record.end + 1, record.endLine + 1);
      const stacked = record.problem === null ? stackedHeader(record, lower, text, delimiter, preamble.length > 0) : null;
      if (stacked) return { ...located, ...stacked, reader: lower, below: null };
      const lacking = !header.ok && header.code !== 'unrecognised_header' && record.problem === null;
      if (lacking && seen === 1) partial ??= located;
      else if (lacking && header.code === 'missing_columns') {
        // A ward's own sheet titled 鶴見区 令和7年度: the message says the ward and year are read from columns only.
        below ??= { ...located, header: header.missing.some(isTitleField) ? { ...header, titled: 1 } : header };
      }
      if (seen === 1 && (!first || record.fields.length > first.record.fields.length)) first = located;
      preamble.push({ line: record.line, text: clipText(text.slice(record.start, record.end), 80) });
    }
  }
  const found = partial ?? first;
  return found && { ...found, below };
}

/**
 * A header in two rows, as a sheet heads a group of columns (`評価` merged across `区 拠点 相互評価`,
 * or `設問` across `番号 内容`): a column is named by the lower cell under a blank, the upper over a
 * blank or the same name (a cell merged down both rows), and by both where both are filled (a
 * group's label spans the columns after it that are blank above): `設問番号` when the two make a
 * column name, else `評価（区）`. A group's label that is no column name (`評価結果`) leaves the
 * lower cell's name. Taken only when the upper row names some column, the lower one holds nothing
 * but column names, and the two name a known kind's columns (the ward and year aside, which a title
 * may give: `titled`, there are lines above); `reader` is at the lower row, and is left after it
 * when the two are taken.
 */
function stackedHeader(upper: CsvRecord, reader: CsvReader, text: string, delimiter: Delimiter, titled: boolean): Pick<LocatedHeader, 'record' | 'header' | 'headedBy'> | null {
  if (!upper.fields.some(isColumnName)) return null;
  const lower = reader.next();
  if (!lower || lower.problem !== null || isBlankRecord(lower.fields)) return null;
  if (!lower.fields.every((f) => f.trim() === '' || isColumnName(f))) return null;
  const width = Math.max(upper.fields.length, lower.fields.length);
  const fields: string[] = [];
  let group = '';
  for (let i = 0; i < width; i++) {
    const [above, below] = [(upper.fields[i] ?? '').trim(), (lower.fields[i] ?? '').trim()];
    // A merged group's label is in its first column only: the columns after it, blank above, share it.
    if (above !== '') group = below !== '' && normalizeHeader(above) !== normalizeHeader(below) ? above : '';
    fields.push(stackNames(above || (below === '' ? '' : group), below));
  }
  const headedBy = headingAt(text, delimiter, reader, fields);
  const header = resolveHeader(fields, new Set(headedBy ? [headedBy] : []));
  // Lacking only the ward or year is a sheet's header too: a title or the sheet's name may give them (session.ts fromTitle).
  const lacksTitled = !header.ok && header.code === 'missing_columns' && header.missing.every(isTitleField);
  if (!header.ok && !lacksTitled) return null;
  const read = lacksTitled && titled ? { ...header, titled: 1 as const } : header;
  return { record: { ...upper, endLine: lower.endLine, end: lower.end, fields }, header: read, ...(headedBy ? { headedBy } : {}) };
}

/**
 * The field the rows under `header` have from elsewhere than a column, by the first row that is not
 * blank from `reader`'s place (left where it is): the field it heads, if it is a heading; else the
 * stage, if its question number names one (`計画1`, `P1`: the app's own labels), for each row's
 * question number to give its stage.
 */
function headingAt(text: string, delimiter: Delimiter, reader: CsvReader, header: string[]): HeadingField | undefined {
  const peek = new CsvReader(text, delimiter, reader.position, reader.line);
  for (let record = peek.next(); record; record = peek.next()) {
    if (isBlankRecord(record.fields)) continue;
    if (record.problem !== null) return undefined;
    return headingRow(record.fields)?.field ?? (questionNamesStage(header, record.fields) ? 'stage' : undefined);
  }
  return undefined;
}

/**
 * Whether a ratings row under a header without a stage column names its question's stage: in its
 * number (`計画1`, `P1`), or by the wording of one of the report's 16 questions, in the question
 * column or in the number's place (a sheet whose one question column is 設問).
 */
function questionNamesStage(header: string[], fields: string[]): boolean {
  const staged = resolveHeader(header, new Set(['stage']));
  if (!staged.ok || (staged.kind !== 'ratings_long' && staged.kind !== 'ratings_wide') || staged.columns.has('stage')) return false;
  const index = staged.columns.get('question_no');
  if (index === undefined) return false;
  const cell = fields[index] ?? '';
  const number = parseQuestionNo(cell);
  if (number === undefined) return questionWorded(cell) !== undefined;
  const wording = staged.columns.get('question');
  return number.stage !== null || (wording !== undefined && questionWorded(fields[wording] ?? '') !== undefined);
}

function isColumnName(cell: string): boolean {
  return cell.trim() !== '' && (ALIAS_NAMES.has(headerKey(cell)) || parseRater(cell) !== undefined);
}

/** One column's name from its two header cells. */
function stackNames(upper: string, lower: string): string {
  if (lower === '' || normalizeHeader(upper) === normalizeHeader(lower)) return upper;
  if (upper === '' || !isColumnName(upper)) return lower;
  const joined = upper + lower;
  return ALIAS_NAMES.has(headerKey(joined)) ? joined : `${upper}（${lower}）`;
}

import type { Ward } from '../ingest/registry.ts';
import type { ReportLineInfo } from '../ingest/report.ts';
import type { IndexedItem, ItemWord, ThemeTag } from '../text/item-index.ts';
import type { Theme } from '../text/themes.ts';
import { RATING_SCORE } from '../ingest/fields.ts';
import {
  FILE_COUNT_KEYS,
  FILE_COUNTS,
  type CenterRecord,
  type ErrorCount,
  type FileBatch,
  type FileReport,
  type NarrativeRecord,
  type RatingRecord,
  type ReportValue,
  type RowError,
} from '../ingest/types.ts';

/**
 * Every table the app loads, declared once: each column's name, SQL type, and where its value comes
 * from. The DDL (`schemaSql`), the Arrow batches the ingest worker builds (`arrow.ts`), the loader's
 * INSERTs (`load.ts`) and the files/wards inserts are all derived from these lists, so a column is
 * added in one place. The text index (tags, words) is built with each file in the ingest worker.
 */
export type ArrowKind = 'utf8' | 'int8' | 'int16' | 'int32';
type Value = string | number | boolean | null;

export type Column<R> = { name: string; sql: string } & (
  | { from: 'record'; arrow: ArrowKind; value: (row: R) => Value; cast?: string }
  | { from: 'param'; value: (row: R) => Value }
  | { from: 'file_id' }
  | { from: 'sql'; expr: string }
);

export interface TableSpec<R> {
  name: string;
  note?: string;
  columns: Array<Column<R>>;
  /** Rows a later file delivers again replace the earlier ones with this key. */
  key?: string[];
  /** Tables derived from this one's rows, keyed like it: a re-delivered row drops what was derived from it. */
  derived?: string[];
}

const text = <R>(name: string, value: (r: R) => string | null, sql = 'VARCHAR NOT NULL'): Column<R> => ({ name, sql, from: 'record', arrow: 'utf8', value });
const int = <R>(name: string, arrow: ArrowKind, sql: string, value: (r: R) => number | null): Column<R> => ({ name, sql, from: 'record', arrow, value });
const fileId = <R>(): Column<R> => ({ name: 'file_id', sql: 'INTEGER NOT NULL', from: 'file_id' });
const param = <R>(name: string, sql: string, value: (r: R) => Value): Column<R> => ({ name, sql, from: 'param', value });

const wardYear = <R extends { ward: string; fiscalYear: number }>(): Array<Column<R>> => [
  text('ward', (r) => r.ward),
  int('fiscal_year', 'int16', 'SMALLINT NOT NULL', (r) => r.fiscalYear),
];

export const WARDS: TableSpec<Ward & { sortOrder: number }> = {
  name: 'wards',
  columns: [
    param('code', 'VARCHAR PRIMARY KEY', (w) => w.code),
    param('name', 'VARCHAR NOT NULL', (w) => w.name),
    param('name_en', 'VARCHAR', (w) => w.nameEn),
    param('city', 'VARCHAR', (w) => w.city),
    param('tile_x', 'INTEGER', (w) => w.tileX),
    param('tile_y', 'INTEGER', (w) => w.tileY),
    param('sort_order', 'INTEGER NOT NULL', (w) => w.sortOrder),
  ],
};

type StoredReport = Omit<FileReport, 'errors'> & { origin: string };
const json = (value: unknown) => JSON.stringify(value);

export const FILES: TableSpec<StoredReport> = {
  name: 'files',
  columns: [
    param('file_id', 'INTEGER PRIMARY KEY', (f) => f.fileId),
    param('file', 'VARCHAR NOT NULL', (f) => f.file),
    param('kind', 'VARCHAR NOT NULL', (f) => f.kind),
    param('encoding', 'VARCHAR', (f) => f.encoding),
    param('origin', 'VARCHAR NOT NULL', (f) => f.origin),
    ...FILE_COUNT_KEYS.map((key) => param<StoredReport>(FILE_COUNTS[key], 'INTEGER NOT NULL', (f) => f[key])),
    param('ratings', 'INTEGER NOT NULL', (f) => f.records.ratings),
    param('narratives', 'INTEGER NOT NULL', (f) => f.records.narratives),
    param('centers', 'INTEGER NOT NULL', (f) => f.records.centers),
    param('wards', 'INTEGER NOT NULL', (f) => f.records.wards),
    param('file_error', 'VARCHAR', (f) => f.fileError?.code ?? null),
    param('file_error_params', 'VARCHAR', (f) => (f.fileError ? json(f.fileError.params) : null)),
    // Lists travel as JSON text and are cast on insert.
    { name: 'missing_parts', sql: 'VARCHAR[]', from: 'param', value: (f) => json(f.missingParts) },
    { name: 'ignored_columns', sql: 'VARCHAR[]', from: 'param', value: (f) => json(f.ignoredColumns) },
    param('delimiter', 'VARCHAR', (f) => f.delimiter),
    param('ignored_columns_total', 'INTEGER NOT NULL', (f) => f.ignoredColumnsTotal),
    param('skipped_lines', 'VARCHAR NOT NULL', (f) => json(f.skippedLines)),
    { name: 'hidden_sheets', sql: 'VARCHAR[]', from: 'param', value: (f) => json(f.hiddenSheets) },
    { name: 'skipped_entries', sql: 'VARCHAR[]', from: 'param', value: (f) => json(f.skippedEntries) },
    param('error_count', 'INTEGER NOT NULL', (f) => f.errorCount),
    param('report_ward', 'VARCHAR', (f) => f.reportWard),
    param('report_year', 'SMALLINT', (f) => f.reportYear),
  ],
};

export const REJECTED_SUMMARY: TableSpec<ErrorCount & { fileId: number }> = {
  name: 'rejected_summary',
  columns: [
    param('file_id', 'INTEGER NOT NULL', (s) => s.fileId),
    param('reason_code', 'VARCHAR NOT NULL', (s) => s.code),
    param('column_name', 'VARCHAR', (s) => s.column),
    param('count', 'INTEGER NOT NULL', (s) => s.count),
    param('first_line', 'INTEGER NOT NULL', (s) => s.firstLine),
    param('reason_params', 'VARCHAR NOT NULL', (s) => json(s.params)),
  ],
};

export const REPORT_LINES: TableSpec<ReportLineInfo & { seq: number }> = {
  name: 'report_lines',
  note: "A published report's lines as read: data (center, item, rating), framing (title, heading, context), the page around it (outside), or rejected; a PDF's with their page.",
  columns: [
    fileId(),
    int('seq', 'int32', 'INTEGER NOT NULL', (l) => l.seq),
    int('line', 'int32', 'INTEGER NOT NULL', (l) => l.line),
    text('role', (l) => l.role),
    text('section', (l) => l.section, 'VARCHAR'),
    text('text', (l) => l.text),
    int('page', 'int32', 'INTEGER', (l) => l.page ?? null),
  ],
};

export const REPORT_VALUES: TableSpec<ReportValue> = {
  name: 'report_values',
  note: 'What a report said (items, ratings, its centers row) before duplicates merged with earlier files.',
  columns: [
    fileId(),
    text('kind', (v) => v.kind),
    text('section', (v) => v.section),
    int('no', 'int32', 'INTEGER', (v) => v.no),
    text('rater', (v) => v.rater, 'VARCHAR'),
    text('value', (v) => v.value, 'VARCHAR'),
    text('detail', (v) => v.detail, 'VARCHAR'),
    int('line', 'int32', 'INTEGER NOT NULL', (v) => v.line),
  ],
};

export const RATINGS: TableSpec<RatingRecord> = {
  name: 'ratings',
  key: ['ward', 'fiscal_year', 'stage', 'question_no', 'rater'],
  columns: [
    ...wardYear<RatingRecord>(),
    text('stage', (r) => r.stage),
    int('question_no', 'int8', 'TINYINT NOT NULL', (r) => r.questionNo),
    text('question', (r) => r.question, 'VARCHAR'),
    text('rater', (r) => r.rater),
    text('rating', (r) => r.rating, 'VARCHAR'),
    int('score', 'int8', 'TINYINT', (r) => (r.rating === null ? null : RATING_SCORE[r.rating])),
    text('provenance', (r) => r.provenance),
    fileId(),
    int('line', 'int32', 'INTEGER NOT NULL', (r) => r.line),
  ],
};

const ITEM_KEY = ['ward', 'fiscal_year', 'section', 'item_no'];

export const NARRATIVES: TableSpec<NarrativeRecord> = {
  name: 'narratives',
  key: ITEM_KEY,
  derived: ['narrative_tags', 'narrative_words'],
  columns: [
    ...wardYear<NarrativeRecord>(),
    text('section', (r) => r.section),
    int('item_no', 'int32', 'INTEGER NOT NULL', (r) => r.itemNo),
    text('text', (r) => r.text),
    text('provenance', (r) => r.provenance),
    fileId(),
    int('line', 'int32', 'INTEGER NOT NULL', (r) => r.line),
  ],
};

export const CENTERS: TableSpec<CenterRecord> = {
  name: 'centers',
  key: ['ward', 'fiscal_year'],
  columns: [
    ...wardYear<CenterRecord>(),
    text('center_name', (r) => r.centerName, 'VARCHAR'),
    text('operator', (r) => r.operator, 'VARCHAR'),
    int('contract_year', 'int32', 'INTEGER', (r) => r.contractYear),
    int('contract_length', 'int32', 'INTEGER', (r) => r.contractLength),
    // Dates travel as ISO text and are cast on insert.
    { name: 'period_start', sql: 'DATE', from: 'record', arrow: 'utf8', value: (r) => r.periodStart, cast: 'DATE' },
    { name: 'period_end', sql: 'DATE', from: 'record', arrow: 'utf8', value: (r) => r.periodEnd, cast: 'DATE' },
    text('purpose', (r) => r.purpose, 'VARCHAR'),
    text('provenance', (r) => r.provenance),
    fileId(),
    int('line', 'int32', 'INTEGER NOT NULL', (r) => r.line),
  ],
};

export const REJECTED_ROWS: TableSpec<RowError> = {
  name: 'rejected_rows',
  note: 'At most 10,000 rejected cells per file are listed here; rejected_summary counts every one by reason and column.',
  columns: [
    fileId(),
    int('line', 'int32', 'INTEGER NOT NULL', (e) => e.line),
    text('column_name', (e) => e.column, 'VARCHAR'),
    text('value', (e) => e.value, 'VARCHAR'),
    text('reason_code', (e) => e.code),
    text('reason_params', (e) => json(e.params)),
  ],
};

type ConflictValue = FileBatch['conflictValues'][number];
export const CONFLICTS: TableSpec<ConflictValue> = {
  name: 'conflicts',
  columns: [
    ...wardYear<ConflictValue>(),
    text('stage', (c) => c.stage),
    int('question_no', 'int8', 'TINYINT NOT NULL', (c) => c.questionNo),
    text('rater', (c) => c.rater),
    int('seq', 'int32', 'INTEGER NOT NULL', (c) => c.seq),
    text('file', (c) => c.file),
    int('line', 'int32', 'INTEGER NOT NULL', (c) => c.line),
    text('rating', (c) => c.rating, 'VARCHAR'),
    { name: 'dismissed', sql: 'BOOLEAN NOT NULL DEFAULT false', from: 'sql', expr: 'false' },
  ],
};

type TextConflictValue = FileBatch['textConflictValues'][number];
export const TEXT_CONFLICTS: TableSpec<TextConflictValue> = {
  name: 'text_conflicts',
  columns: [
    text('kind', (c) => c.kind),
    ...wardYear<TextConflictValue>(),
    text('item_key', (c) => c.key),
    int('seq', 'int32', 'INTEGER NOT NULL', (c) => c.seq),
    text('file', (c) => c.file),
    int('line', 'int32', 'INTEGER NOT NULL', (c) => c.line),
    text('text', (c) => c.text, 'VARCHAR'),
    { name: 'dismissed', sql: 'BOOLEAN NOT NULL DEFAULT false', from: 'sql', expr: 'false' },
  ],
};

/** The tables a file's batch fills, in the order they are loaded, with the records that fill each. */
const itemKey = <R extends Omit<IndexedItem, 'text'>>(): Array<Column<R>> => [
  ...wardYear<R>(),
  text('section', (r) => r.section),
  int('item_no', 'int32', 'INTEGER NOT NULL', (r) => r.itemNo),
];

export const NARRATIVE_TAGS: TableSpec<ThemeTag> = {
  name: 'narrative_tags',
  note: 'every keyword occurrence of a theme in an item, in the original text’s coordinates',
  columns: [
    ...itemKey<ThemeTag>(),
    text('theme_id', (r) => r.themeId),
    text('keyword', (r) => r.keyword),
    int('span_start', 'int32', 'INTEGER NOT NULL', (r) => r.start),
    int('span_end', 'int32', 'INTEGER NOT NULL', (r) => r.end),
  ],
};

export const NARRATIVE_WORDS: TableSpec<ItemWord> = {
  name: 'narrative_words',
  columns: [...itemKey<ItemWord>(), text('word', (r) => r.word)],
};

/** A file's batch with its narratives' text index, as the ingest worker hands it over. */
export type IndexedBatch = FileBatch & { narrativeTags: ThemeTag[]; narrativeWords: ItemWord[] };

export const BATCH_TABLES = {
  reportLines: { spec: REPORT_LINES, rows: (b: FileBatch) => b.reportLines.map((l, seq) => ({ ...l, seq })) },
  reportValues: { spec: REPORT_VALUES, rows: (b: FileBatch) => b.reportValues },
  ratings: { spec: RATINGS, rows: (b: FileBatch) => b.ratings },
  narratives: { spec: NARRATIVES, rows: (b: FileBatch) => b.narratives },
  narrativeTags: { spec: NARRATIVE_TAGS, rows: (b: IndexedBatch) => b.narrativeTags },
  narrativeWords: { spec: NARRATIVE_WORDS, rows: (b: IndexedBatch) => b.narrativeWords },
  centers: { spec: CENTERS, rows: (b: FileBatch) => b.centers },
  rejected: { spec: REJECTED_ROWS, rows: (b: FileBatch) => b.report.errors },
  conflicts: { spec: CONFLICTS, rows: (b: FileBatch) => b.conflictValues },
  textConflicts: { spec: TEXT_CONFLICTS, rows: (b: FileBatch) => b.textConflictValues },
} as const;
export type BatchTable = keyof typeof BATCH_TABLES;

/** The theme dictionary in force (the tags name its ids). */
export const THEMES: TableSpec<Theme & { sortOrder: number }> = {
  name: 'themes',
  columns: [
    param('theme_id', 'VARCHAR PRIMARY KEY', (t) => t.id),
    param('ja', 'VARCHAR NOT NULL', (t) => t.ja),
    param('en', 'VARCHAR NOT NULL', (t) => t.en),
    param('sort_order', 'INTEGER NOT NULL', (t) => t.sortOrder),
  ],
};

export function tableDdl<R>(spec: TableSpec<R>): string {
  const comment = spec.note ? `-- ${spec.note}\n` : '';
  return `${comment}CREATE TABLE IF NOT EXISTS ${spec.name} (\n  ${spec.columns.map((c) => `${c.name} ${c.sql}`).join(',\n  ')}\n);`;
}

/** Every table of the app, in the order they are created. */
export const ALL_TABLES = [WARDS, FILES, REJECTED_SUMMARY, THEMES, ...Object.values(BATCH_TABLES).map((t) => t.spec)] as Array<TableSpec<never>>;

/** Every table of the app, as DDL. */
export function schemaSql(): string {
  return ALL_TABLES.map(tableDdl).join('\n');
}

/** Rows per statement: one statement per row cost a round trip each (a 1,741-unit registry took seconds). */
const ROWS_PER_INSERT = 500;

/**
 * `INSERT INTO t VALUES (?, …), (?, …)` for a table filled from parameters: the statements (one per
 * 500 rows) and their parameters.
 */
export function paramInserts<R>(spec: TableSpec<R>, rows: readonly R[]): Array<{ sql: string; params: Value[] }> {
  const placeholders = `(${spec.columns.map((c) => (c.sql.endsWith('[]') ? `?::${c.sql}` : '?')).join(', ')})`;
  const statements = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    statements.push({
      sql: `INSERT INTO ${spec.name} VALUES ${chunk.map(() => placeholders).join(', ')}`,
      params: chunk.flatMap((row) => spec.columns.map((c) => (c.from === 'param' ? c.value(row) : null))),
    });
  }
  return statements;
}

/** `INSERT INTO t SELECT … FROM staging` for a table filled from an Arrow batch. */
export function stagingInsert<R>(spec: TableSpec<R>, staging: string): string {
  const select = spec.columns.map((c) => {
    if (c.from === 'record') return c.cast ? `${c.name}::${c.cast}` : c.name;
    if (c.from === 'sql') return c.expr;
    if (c.from === 'file_id') return c.name;
    throw new Error(`${spec.name}.${c.name} is filled from parameters, not from a batch`);
  });
  return `INSERT INTO ${spec.name} SELECT ${select.join(', ')} FROM ${staging}`;
}

/**
 * Whether a table's Arrow batch holds every column as stored, in order, so it can be appended as is
 * (no staging table, no INSERT … SELECT: a third of a million-row load's time).
 */
export function appendsAsIs<R>(spec: TableSpec<R>): boolean {
  return spec.columns.every((c) => c.from === 'file_id' || (c.from === 'record' && !c.cast));
}

import {
  Dictionary,
  Int16,
  Int32,
  Int8,
  makeData,
  makeVector,
  Table,
  tableToIPC,
  Utf8,
  type DataType,
  type Vector,
} from 'apache-arrow';
import { RatingColumns, type CodedColumn, type TypedColumn } from '../ingest/rating-columns.ts';
import type { FileBatch } from '../ingest/types.ts';
import type { LoadedFile } from './load.ts';
import { segmentItems, tagItems, type IndexedItem } from '../text/item-index.ts';
import type { Theme } from '../text/themes.ts';
import { RATING_GROUP_COLUMNS, RATING_GROUPS } from './rating-groups.ts';
import { BATCH_TABLES, NARRATIVE_TAGS, RATINGS, type ArrowKind, type BatchTable, type IndexedBatch, type TableSpec } from './tables.ts';

type Column = Vector<DataType>;
type IntType = Int8 | Int16 | Int32;
const ARRAYS = { 8: Int8Array, 16: Int16Array, 32: Int32Array } as const;

export function build(columns: Record<string, Column>): Uint8Array {
  return tableToIPC(new Table(columns), 'stream');
}

const NO_NULLS = { bitmap: null, nulls: 0 } as const;

/**
 * The validity bitmap of `values`, where `missing` marks a null (-1 in codes, 0 in flags, null in
 * records). A comparison per value, not a callback: called with different callbacks, V8 compiled the
 * loop for one and threw it away at the next. Like the other loops here, the loop ends its function:
 * code after an optimized loop that has not run yet made V8 drop the loop's code, call after call.
 */
function validity(values: ArrayLike<number | null>, missing: number | null): { bitmap: Uint8Array; nulls: number } {
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  return { bitmap, nulls: fillValidity(values, missing, bitmap) };
}

/** Sets the bit of each value that is not `missing`; returns how many are. */
function fillValidity(values: ArrayLike<number | null>, missing: number | null, bitmap: Uint8Array): number {
  let nulls = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] !== missing) bitmap[i >> 3] |= 1 << (i & 7);
    else nulls++;
  }
  return nulls;
}

function countOf(values: Int32Array, value: number): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === value) n++;
  return n;
}

/** Codes with -1 (null) as 0: a dictionary vector's indices must be in range where the bitmap says null. */
function nullsAsZero(codes: Int32Array): Int32Array {
  const indices = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) indices[i] = codes[i] === -1 ? 0 : codes[i];
  return indices;
}

/**
 * A Utf8 vector built from its buffers. Arrow's generic builder compiles code with `new Function`,
 * which the app's Content-Security-Policy (no 'unsafe-eval') forbids on the main thread.
 */
function plainUtf8(values: string[]): Vector<Utf8> {
  const encoder = new TextEncoder();
  const encoded = values.map((v) => encoder.encode(v));
  const valueOffsets = new Int32Array(values.length + 1);
  encoded.forEach((bytes, i) => (valueOffsets[i + 1] = valueOffsets[i] + bytes.length));
  const data = new Uint8Array(valueOffsets[values.length]);
  encoded.forEach((bytes, i) => data.set(bytes, valueOffsets[i]));
  return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount: 0, valueOffsets, data }));
}

/**
 * Text as a dictionary column: ward, stage, rater and rating repeat on every row, and encoding them
 * once each is ~20× faster than Arrow's generic builder on a million rows.
 */
export function utf8(values: Array<string | null>): Column {
  const ids = new Map<string, number>();
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null) {
      codes[i] = -1;
      continue;
    }
    let id = ids.get(value);
    if (id === undefined) {
      id = ids.size;
      ids.set(value, id);
    }
    codes[i] = id;
  }
  return codedVector({ kind: 'codes', codes, dictionary: [...ids.keys()] });
}

/** Codes into a list of values (-1: null) as a dictionary vector. */
function codedVector({ codes, dictionary }: CodedColumn): Column {
  // Most columns have no nulls: no bitmap to make.
  const { bitmap, nulls } = countOf(codes, -1) === 0 ? NO_NULLS : validity(codes, -1);
  const indices = nulls ? nullsAsZero(codes) : codes;
  const type = new Dictionary(new Utf8(), new Int32());
  return makeVector(makeData({ type, length: codes.length, nullCount: nulls, nullBitmap: nulls ? bitmap : null, data: indices, dictionary: plainUtf8([...dictionary]) })) as Column;
}

export function int<T extends IntType>(values: Array<number | null>, type: T): Column {
  const data = new ARRAYS[type.bitWidth as 8 | 16 | 32](values.length);
  for (let i = 0; i < values.length; i++) data[i] = values[i] ?? 0;
  const { bitmap, nulls } = validity(values, null);
  return makeVector(makeData({ type: type as Int32, length: values.length, nullCount: nulls, nullBitmap: nulls ? bitmap : null, data: data as Int32Array })) as Column;
}

const INT_TYPES: Record<ArrowKind & `int${string}`, () => IntType> = { int8: () => new Int8(), int16: () => new Int16(), int32: () => new Int32() };

/** A typed column as the Arrow type its table declares (`arrow`), checked rather than assumed. */
function typedVector(table: string, name: string, arrow: ArrowKind, column: TypedColumn): Column {
  if (column.kind === 'codes') {
    if (arrow !== 'utf8') throw new Error(`${table}.${name}: text codes for an ${arrow} column`);
    return codedVector(column);
  }
  if (arrow === 'utf8') throw new Error(`${table}.${name}: numbers for a text column`);
  const type = INT_TYPES[arrow]();
  const { values, valid } = column;
  if (!(values instanceof ARRAYS[type.bitWidth as 8 | 16 | 32])) throw new Error(`${table}.${name}: not ${arrow}`);
  const { bitmap, nulls } = valid === null ? NO_NULLS : validity(valid, 0);
  return makeVector(makeData({ type: type as Int32, length: values.length, nullCount: nulls, nullBitmap: nulls ? bitmap : null, data: values as Int32Array })) as Column;
}

/**
 * A file's records as Arrow IPC streams, one per table it fills (`tables.ts`), built where the file
 * was read (the ingest worker), so the main thread only hands bytes to DuckDB.
 */
export type BatchPayload = Record<BatchTable, Uint8Array | null>;

const VECTORS: Record<ArrowKind, (values: Array<string | number | null>) => Column> = {
  utf8: (values) => utf8(values as Array<string | null>),
  int8: (values) => int(values as Array<number | null>, new Int8()),
  int16: (values) => int(values as Array<number | null>, new Int16()),
  int32: (values) => int(values as Array<number | null>, new Int32()),
};

/**
 * A table's rows as Arrow, its columns in the table's order; the file id is a column of its own.
 * Ratings arrive as typed columns, every other table as records.
 */
export function tableIpc<R>(spec: TableSpec<R>, rows: readonly R[] | RatingColumns, fileId: number | null): Uint8Array | null {
  if (rows.length === 0) return null;
  const columns: Record<string, Column> = {};
  for (const column of spec.columns) {
    if (column.from === 'file_id') {
      if (fileId === null) throw new Error(`${spec.name}: rows without a file`);
      columns[column.name] = typedVector(spec.name, column.name, 'int32', { kind: 'numbers', values: new Int32Array(rows.length).fill(fileId), valid: null });
    }
    if (column.from !== 'record') continue;
    if (rows instanceof RatingColumns) {
      const typed = rows.column(column.name);
      if (!typed) throw new Error(`${spec.name}.${column.name}: not a column of the ratings`);
      columns[column.name] = typedVector(spec.name, column.name, column.arrow, typed);
    } else {
      const value = column.value;
      columns[column.name] = VECTORS[column.arrow](rows.map((row) => value(row) as string | number | null));
    }
  }
  return build(columns);
}

export function toArrowPayload(batch: IndexedBatch): BatchPayload {
  const payload = {} as BatchPayload;
  for (const [name, table] of Object.entries(BATCH_TABLES) as Array<[BatchTable, (typeof BATCH_TABLES)[BatchTable]]>) {
    payload[name] = tableIpc(table.spec as TableSpec<unknown>, table.rows(batch) as unknown[] | RatingColumns, batch.report.fileId);
  }
  return payload;
}

/** The theme tags of `items` as one Arrow batch for `narrative_tags` (null when nothing matches). */
export function tagsIpc(items: readonly IndexedItem[], themes: readonly Theme[]): Uint8Array | null {
  return tableIpc(NARRATIVE_TAGS, tagItems(items, themes), null);
}

/**
 * What crosses from ingest to the database: the report without its (possibly huge) error list, plus
 * Arrow bytes, the text index of the file's narratives included (tagged with `themes`), so that text
 * work is done where the file is read, off the page's thread.
 */
export function toLoadedFile(batch: FileBatch, themes: readonly Theme[]): LoadedFile {
  const { errors: _errors, ...report } = batch.report;
  const indexed: IndexedBatch = { ...batch, narrativeTags: tagItems(batch.narratives, themes), narrativeWords: segmentItems(batch.narratives) };
  return {
    report, payload: toArrowPayload(indexed), wards: batch.wards, replaces: batch.replaces, ratingParts: batch.ratingParts,
    // A file that replaces ratings has its ward-years counted again in SQL instead (load.ts).
    ratingGroups: batch.replaces.ratings ? null : ratingGroupsIpc(batch.ratings),
  };
}

/** Part of a file's ratings, written before the file is read to its end (`IngestOptions.onRatingsPart`), and their counts. */
export interface RatingsPart {
  fileId: number;
  ipc: Uint8Array;
  /** The part's ratings counted for `rating_groups`. */
  groups: Uint8Array;
}

export function ratingsPart(ratings: RatingColumns, fileId: number): RatingsPart {
  return { fileId, ipc: tableIpc(RATINGS, ratings, fileId)!, groups: ratingGroupsIpc(ratings)! };
}

/** Ratings counted as `rating_groups` holds them (`RatingColumns.groups`), as one Arrow batch; null for none. */
export function ratingGroupsIpc(ratings: RatingColumns): Uint8Array | null {
  if (ratings.length === 0) return null;
  const groups = ratings.groups();
  const columns: Record<string, Column> = {};
  for (const { name, arrow } of RATING_GROUP_COLUMNS) columns[name] = typedVector(RATING_GROUPS, name, arrow, groups[name]);
  return build(columns);
}

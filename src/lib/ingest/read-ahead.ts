import { emptyFileReport, type BatchBuilder } from './batch.ts';
import { countLines, CsvReader, type Delimiter } from './csv.ts';
import { addIgnoredColumns, type CsvKind, type Field } from './headers.ts';
import type { Ledger } from './ledger.ts';
import { RatingColumns, type RatingColumnsData } from './rating-columns.ts';
import { ratingsHandler } from './readers/index.ts';
import type { RatingSink } from './readers/ratings.ts';
import { WardRegistry, type Ward } from './registry.ts';
import { RowLoop } from './row-loop.ts';
import { ErrorLog, RowReader } from './rows.ts';
import type { RowError } from './types.ts';

/**
 * Reading ahead: the rest of a long ratings file is read by another worker while the session reads
 * its start. Cells, checks and rejected rows are the same as in one pass (the same `RowLoop` and
 * reader); only the ledger, which must see a file's ratings in order to find duplicates and
 * conflicts, is left to the session: it replays the collected ratings after its own rows.
 */

/** Shorter files are read in one pass: starting the other worker costs about what it would save. */
export const READ_AHEAD_MIN_CHARS = 4_000_000;
/**
 * The share of the rows the session reads itself: it also feeds its ledger as it reads, so it takes
 * less than half, and both readers finish at about the same time (1M rows in Chromium: 1.2 and 1.3 s).
 */
const OWN_SHARE = 0.4;

/** What the other worker needs to read the rest of the file as the session would. */
export interface ReadAheadInput {
  /** Whole lines from the split to the file's end. */
  text: string;
  /** The number of the chunk's first line in the file. */
  line: number;
  /** The cells of the last row before the split (a blank grouping cell's reason looks at the row above). */
  above: string[] | null;
  kind: 'ratings_long' | 'ratings_wide';
  columns: Array<[Field, number]>;
  header: string[];
  width: number;
  delimiter: Delimiter;
  encoding: string;
  wards: Ward[];
  defaultWards: boolean;
}

/** The rest of the file as read ahead: its row counts and errors, and its good ratings, not yet judged by the ledger. */
export interface ReadAheadResult {
  rowsRead: number;
  rowsRejected: number;
  /** Good rows without a rating column to read (a duplicate in one pass too). */
  rowsWithoutRatings: number;
  /** Every rejected cell, in line order. */
  errors: RowError[];
  ratings: RatingColumnsData;
  /** The line after the file's last, as the session's reader would end on. */
  nextLine: number;
  /** A header row placing the columns otherwise (`RowLoop.headerChangedAt`). */
  headerChangedAt: number | null;
  /** Unknown columns of header rows inside the rest (files joined end to end). */
  ignoredColumns: string[];
}

/** The file as the session has opened it, past its header. */
export interface OpenedFile {
  text: string;
  reader: CsvReader;
  kind: CsvKind;
  columns: Map<Field, number>;
  header: string[];
  width: number;
  delimiter: Delimiter;
  encoding: string;
  badLines: ReadonlySet<number>;
  registry: WardRegistry;
}

/**
 * Where the session stops (a line start) and what the other reader gets, or null to read the file in
 * one pass. Only long ratings files, and only text without quotes (a quoted cell may hold a line end,
 * so no line start is certain to start a record) and without undecodable lines.
 */
export function planReadAhead(file: OpenedFile): { split: number; input: ReadAheadInput } | null {
  const { text, reader, kind } = file;
  const from = reader.position;
  if (kind !== 'ratings_long' && kind !== 'ratings_wide') return null;
  if (text.length - from < READ_AHEAD_MIN_CHARS || file.badLines.size > 0 || text.indexOf('"', from) !== -1) return null;
  const lineEnd = text.indexOf('\n', from + Math.floor((text.length - from) * OWN_SHARE));
  if (lineEnd === -1 || lineEnd + 1 >= text.length) return null;
  const split = lineEnd + 1;
  return {
    split,
    input: {
      text: text.slice(split), line: reader.line + countLines(text.slice(from, split)) - 1, above: lastRowBefore(text, from, split, file.delimiter),
      kind, columns: [...file.columns], header: file.header,
      width: file.width, delimiter: file.delimiter, encoding: file.encoding, wards: [...file.registry.wards], defaultWards: file.registry.isDefault,
    },
  };
}

/** The cells of the last row that is not blank in `text` before `end` (no quotes here: a line is a row). */
function lastRowBefore(text: string, from: number, end: number, delimiter: Delimiter): string[] | null {
  for (let lineEnd = end - 1; lineEnd > from; ) {
    const start = text.lastIndexOf('\n', lineEnd - 1) + 1;
    const fields = text.slice(Math.max(start, from), lineEnd).split(delimiter);
    if (fields.some((f) => f.trim() !== '')) return fields;
    lineEnd = start - 1;
  }
  return null;
}

/** Reads the rest of a file (in the other worker): every row counted, every good rating collected in order. */
export function readAhead(input: ReadAheadInput): ReadAheadResult {
  const report = emptyFileReport(-1, '');
  const errors: RowError[] = [];
  const ratings = new RatingColumns();
  const registry = new WardRegistry(input.wards, input.defaultWards);
  const collect: RatingSink = (record) => {
    ratings.push(record);
    return true;
  };
  const reader = new CsvReader(input.text, input.delimiter, 0, input.line);
  const loop = new RowLoop({
    kind: input.kind,
    text: input.text, reader, badLines: new Set(), encoding: input.encoding, delimiter: input.delimiter, width: input.width,
    rowReader: new RowReader(new Map(input.columns), input.header).follow(input.above), handler: ratingsHandler(registry, collect, input.kind === 'ratings_wide'),
    report, errors: new ErrorLog(report, (error) => errors.push(error)),
  });
  while (loop.read(Number.POSITIVE_INFINITY));
  return {
    rowsRead: report.rowsRead, rowsRejected: report.rowsRejected, rowsWithoutRatings: report.rowsDuplicate, errors,
    ratings: ratings.toData(), nextLine: reader.line, headerChangedAt: loop.headerChangedAt, ignoredColumns: report.ignoredColumns,
  };
}

/**
 * Adds what was read ahead to the file's report as one pass would have: its rejected rows and errors
 * after the session's own, then its ratings through the ledger in line order (runs of new keys at
 * once, the others one by one); a row is loaded when any of its ratings is new, a duplicate
 * otherwise. `pause` runs every `every` ratings, with the share of them replayed.
 */
export async function replayReadAhead(result: ReadAheadResult, ledger: Ledger, builder: BatchBuilder, errors: ErrorLog, pause: (replayed: number) => Promise<void>, every: number): Promise<void> {
  const report = builder.batch.report;
  report.rowsRead += result.rowsRead;
  report.rowsRejected += result.rowsRejected;
  report.rowsDuplicate += result.rowsWithoutRatings;
  addIgnoredColumns(report, result.ignoredColumns);
  errors.add(result.errors);
  const ratings = RatingColumns.fromData(result.ratings);
  const n = ratings.length;
  const loaded = new Uint8Array(n);
  for (let from = 0; from < n; from += every) {
    const to = Math.min(n, from + every);
    const known = ledger.addNewRatings(ratings, from, to, builder);
    loaded.fill(1, from, known);
    for (let i = known; i < to; i++) if (ledger.addRating(ratings.at(i)!, builder)) loaded[i] = 1;
    await pause(to / n);
  }
  // A row's ratings are neighbours with its line.
  const lines = result.ratings.line;
  for (let i = 0; i < n; ) {
    const line = lines[i];
    let any = 0;
    for (; i < n && lines[i] === line; i++) any |= loaded[i];
    if (any) report.rowsLoaded++;
    else report.rowsDuplicate++;
  }
}

import { RatingColumns } from './rating-columns.ts';
import type { CenterRecord, FileBatch, FileError, FileReport, NarrativeRecord, RatingRecord } from './types.ts';

interface RecordOf {
  ratings: RatingRecord;
  narratives: NarrativeRecord;
  centers: CenterRecord;
}
type RecordList = keyof RecordOf;

/**
 * One file's records as they will be loaded, one per key: a later line replaces an earlier one of the
 * same file. Ratings learn of such a line from the ledger (no per-file map for a million keys);
 * narratives and centers, which are few, keep a map of their own.
 */
export class BatchBuilder {
  /** Set when the file as a whole cannot be used (read to its end first, so every row is counted). */
  refusal: FileError | null = null;
  private textSlots = new Map<string, number>();
  private deadRatings = new Set<string>();
  private deadText: Record<'narratives' | 'centers', Set<number>> = { narratives: new Set(), centers: new Set() };

  constructor(
    readonly batch: FileBatch,
    private ratingKey: (record: RatingRecord) => number,
  ) {}

  push<K extends RecordList>(list: K, key: string | number, record: RecordOf[K], superseded?: { line: number; unrated: boolean }): void {
    const { batch } = this;
    if (list === 'ratings') {
      if (superseded) {
        // The line it supersedes may already be written, in a part: the rest must then replace keys.
        if (batch.ratingParts > 0) batch.replaces.ratings = true;
        if (superseded.unrated) batch.report.notRated--;
        this.deadRatings.add(`${superseded.line}|${key}`);
        batch.report.records.ratings--;
      }
      batch.ratings.push(record as RatingRecord);
    } else {
      const records = batch[list as 'narratives' | 'centers'] as Array<RecordOf[K]>;
      const slot = `${list}:${key}`;
      const earlier = this.textSlots.get(slot);
      if (earlier !== undefined) {
        this.deadText[list as 'narratives' | 'centers'].add(earlier);
        batch.report.records[list]--;
      }
      this.textSlots.set(slot, records.length);
      records.push(record);
    }
    batch.report.records[list]++;
  }

  /** Ratings `from`–`to` of `columns`, none of whose keys was loaded before: as `push` of each. */
  appendNewRatings(columns: RatingColumns, from: number, to: number): void {
    this.batch.ratings.appendRange(columns, from, to);
    this.batch.report.records.ratings += to - from;
  }

  /**
   * The ratings read so far, taken out of the batch to be written before the file ends, while none of
   * them replaces a key (then the rest must be written through the staging path, which deletes first)
   * and none is superseded by a later line of the file (those are dropped only when the file ends).
   */
  takeRatings(minRows: number): RatingColumns | null {
    const { batch } = this;
    if (batch.replaces.ratings || this.deadRatings.size > 0 || batch.ratings.length < minRows) return null;
    const part = batch.ratings;
    batch.ratings = new RatingColumns();
    batch.ratingParts++;
    return part;
  }

  /**
   * The batch, once every row read is accounted for as loaded, a duplicate or rejected; a file where
   * that fails is refused (`accounting_mismatch`), not loaded with wrong counts.
   */
  finish(): FileBatch | FileError {
    const { batch, deadRatings, deadText } = this;
    const r = batch.report;
    if (r.rowsLoaded + r.rowsDuplicate + r.rowsRejected !== r.rowsRead) {
      return { code: 'accounting_mismatch', params: { rowsRead: r.rowsRead, rowsLoaded: r.rowsLoaded, rowsDuplicate: r.rowsDuplicate, rowsRejected: r.rowsRejected } };
    }
    if (deadRatings.size > 0) batch.ratings.retain((rating) => !deadRatings.has(`${rating.line}|${this.ratingKey(rating)}`));
    if (deadText.narratives.size > 0) batch.narratives = batch.narratives.filter((_, i) => !deadText.narratives.has(i));
    if (deadText.centers.size > 0) batch.centers = batch.centers.filter((_, i) => !deadText.centers.has(i));
    return batch;
  }
}

export function emptyFileReport(fileId: number, file: string): FileReport {
  return {
    fileId, file, kind: 'unknown', encoding: null, delimiter: null, rowsRead: 0, rowsLoaded: 0, rowsDuplicate: 0, rowsRejected: 0,
    notRated: 0, sampleReplaced: 0, records: { ratings: 0, narratives: 0, centers: 0, wards: 0 }, fileError: null, missingParts: [],
    reportWard: null, reportYear: null, ignoredColumns: [], ignoredColumnsTotal: 0, skippedLines: [], hiddenSheets: [], skippedEntries: [],
    errors: [], errorCount: 0, errorSummary: [],
  };
}

export function emptyBatch(fileId: number, file: string): FileBatch {
  return {
    report: emptyFileReport(fileId, file), ratings: new RatingColumns(), narratives: [], centers: [], wards: null, reportLines: [], reportValues: [],
    replaces: { ratings: false, narratives: false, centers: false }, ratingParts: 0, conflictValues: [], textConflictValues: [],
  };
}

/** A file refused whole: what was learnt of it (kind, encoding, rows read) stays; every row read is rejected. */
export function refusedBatch(batch: FileBatch, fileError: FileError): FileBatch {
  const refused = emptyBatch(batch.report.fileId, batch.report.file);
  const { kind, encoding, delimiter, rowsRead, skippedLines, hiddenSheets, skippedEntries, ignoredColumns, ignoredColumnsTotal, errors, errorCount, errorSummary } = batch.report;
  Object.assign(refused.report, { kind, encoding, delimiter, rowsRead, rowsRejected: rowsRead, skippedLines, hiddenSheets, skippedEntries, ignoredColumns, ignoredColumnsTotal, errors, errorCount, errorSummary, fileError });
  return refused;
}

import type { BatchBuilder } from './batch.ts';
import { RATERS, STAGES, type Rating } from './fields.ts';
import { NumberMap } from './number-map.ts';
import type { CodedColumn, NumberColumn, RatingColumns } from './rating-columns.ts';
import type { CenterRecord, NarrativeRecord, RatingRecord } from './types.ts';

const RATING_CODE: Record<string, number> = { A: 1, B: 2, C: 3, D: 4 };
const RATING_OF: Array<Rating | null> = [null, 'A', 'B', 'C', 'D'];
const LINE_SPAN = 2 ** 26;

/** Where the value in force for a rating key came from (rating code, sample flag, file, line), packed in one number per key (a million keys). */
const packRating = (code: number, sample: boolean, fileId: number, line: number) => ((fileId * LINE_SPAN + line) * 2 + (sample ? 1 : 0)) * 5 + code;
const codeOf = (packed: number) => packed % 5;
const sampleOf = (packed: number) => Math.floor(packed / 5) % 2 === 1;
const fileOf = (packed: number) => Math.floor(packed / 10 / LINE_SPAN);
const lineOf = (packed: number) => Math.floor(packed / 10) % LINE_SPAN;

/** A rating's key: ward id, fiscal year, stage and rater (places in STAGES and RATERS), question number. */
const keyOf = (wardId: number, fiscalYear: number, stage: number, questionNo: number, rater: number) =>
  (((wardId * 200 + (fiscalYear - 1900)) * 3 + stage) * 8 + questionNo) * 3 + rater;

/** A run of read-ahead ratings as `setNewKeys` reads them: the columns' codes, and the ledger's ward id per ward code. */
interface NewRatings {
  wardIds: Int32Array;
  ward: Int32Array;
  fiscalYear: Int8Array | Int16Array | Int32Array;
  stage: Int32Array;
  questionNo: Int8Array | Int16Array | Int32Array;
  rater: Int32Array;
  rating: Int32Array;
  provenance: Int32Array;
  sampleCode: number;
  line: Int8Array | Int16Array | Int32Array;
  fileId: number;
}

/**
 * Sets the keys of ratings `from`–`to` for as long as they are new; returns where that stopped. A
 * function of its own with nothing after its loop: inside `addNewRatings`, V8 dropped the optimized
 * loop at the code after it on most calls of a replay (19 deopts per load in Chromium) and ran the
 * next run unoptimized again.
 */
function setNewKeys(index: NumberMap, undoKeys: number[], undoPrevious: number[], r: NewRatings, from: number, to: number): number {
  let i = from;
  for (; i < to; i++) {
    // The stage and rater codes are their places in STAGES and RATERS, as `ratingKey` takes them.
    const key = keyOf(r.wardIds[r.ward[i]], r.fiscalYear[i], r.stage[i], r.questionNo[i], r.rater[i]);
    if (index.get(key) !== -1) break;
    // Rating codes are places in RATINGS (-1: none); RATING_CODE counts A–D from 1 (0: none).
    index.set(key, packRating(r.rating[i] + 1, r.provenance[i] === r.sampleCode, r.fileId, r.line[i]));
    undoKeys.push(key);
    undoPrevious.push(-1);
  }
  return i;
}

interface PlacedText {
  text: string;
  sample: boolean;
  fileId: number;
  line: number;
}

export type TextKind = 'narrative' | 'center';

/**
 * Every key a loading session has loaded, across files in the order they arrived: where its value
 * came from, so that an exact duplicate merges, another value is a conflict (the later wins, both
 * listed), and real data replacing sample data is counted, not flagged. Whatever one file changes can
 * be undone until the file is committed, so a cancelled or refused file leaves no trace.
 */
export class Ledger {
  private fileNames: string[] = [];
  private wardIds = new Map<string, number>();
  private lastWard: string | null = null;
  private lastWardId = -1;
  /** rating key → packed (rating code, sample flag, file id, line) of the value currently loaded. */
  private ratings = new NumberMap();
  private texts: Record<TextKind, Map<string, PlacedText>> = { narrative: new Map(), center: new Map() };
  private conflictSeq = new Map<string, number>();
  private undo: Array<() => void> = [];
  /** The rating index's undo log, as numbers (a closure per rating would cost a million allocations). */
  private ratingUndoKeys: number[] = [];
  private ratingUndoPrevious: number[] = [];

  get fileCount(): number {
    return this.fileNames.length;
  }

  /** Starts a file: its id, and a fresh undo log. */
  openFile(name: string): number {
    this.commit();
    this.fileNames.push(name);
    return this.fileNames.length - 1;
  }

  /** A file's name once it is known to be one of several in its source (`name #1`). */
  renameFile(fileId: number, name: string): void {
    this.fileNames[fileId] = name;
  }

  /** The open file's changes stay. */
  commit(): void {
    this.undo = [];
    this.ratingUndoKeys = [];
    this.ratingUndoPrevious = [];
  }

  /** The open file's changes are undone, newest first; `forget` also gives back its id (a cancelled file was never read). */
  rollback(forget: boolean): void {
    for (let i = this.ratingUndoKeys.length - 1; i >= 0; i--) {
      const previous = this.ratingUndoPrevious[i];
      if (previous === -1) this.ratings.delete(this.ratingUndoKeys[i]);
      else this.ratings.set(this.ratingUndoKeys[i], previous);
    }
    for (let i = this.undo.length - 1; i >= 0; i--) this.undo[i]();
    if (forget) this.fileNames.pop();
    this.commit();
  }

  /** Something outside the ledger the open file changed (the ward registry), undone with it. */
  onRollback(undo: () => void): void {
    this.undo.push(undo);
  }

  ratingKey(r: RatingRecord): number {
    return keyOf(this.wardId(r.ward), r.fiscalYear, STAGES.indexOf(r.stage), r.questionNo, RATERS.indexOf(r.rater));
  }

  /**
   * Returns false for an exact duplicate; a different rating for the same key is a conflict and the
   * later wins. Real data replacing sample data is not a conflict: it is counted as `sampleReplaced`.
   */
  addRating(record: RatingRecord, builder: BatchBuilder): boolean {
    const batch = builder.batch;
    const key = this.ratingKey(record);
    const fileId = batch.report.fileId;
    const code = record.rating === null ? 0 : RATING_CODE[record.rating];
    const sample = record.provenance === 'sample';
    const previous = this.ratings.get(key);
    const known = previous !== -1;
    if (known && codeOf(previous) === code && sampleOf(previous) === sample) return false;
    this.ratings.set(key, packRating(code, sample, fileId, record.line));
    this.ratingUndoKeys.push(key);
    this.ratingUndoPrevious.push(previous);
    if (known && sampleOf(previous) && !sample) {
      batch.report.sampleReplaced++;
    } else if (known) {
      const earlier = { file: this.fileNames[fileOf(previous)], line: lineOf(previous), rating: RATING_OF[codeOf(previous)] };
      const base = { ward: record.ward, fiscalYear: record.fiscalYear, stage: record.stage, questionNo: record.questionNo, rater: record.rater };
      const seq = this.nextConflict(`r${key}`);
      if (seq === 1) batch.conflictValues.push({ ...base, ...earlier, seq: 0 });
      batch.conflictValues.push({ ...base, file: batch.report.file, line: record.line, rating: record.rating, seq });
    }
    if (record.rating === null) batch.report.notRated++;
    const sameFile = known && fileOf(previous) === fileId;
    if (known && !sameFile) batch.replaces.ratings = true;
    builder.push('ratings', key, record, sameFile ? { line: lineOf(previous), unrated: codeOf(previous) === 0 } : undefined);
    return true;
  }

  /**
   * `addRating` for ratings `from`–`to` of `columns` (read ahead) for as long as their keys are new,
   * which is what a long file mostly holds: each key is set from the columns' codes, and the run goes
   * into the batch as one block. Returns the first rating whose key is known (it must go through
   * `addRating`), or `to`.
   */
  addNewRatings(columns: RatingColumns, from: number, to: number, builder: BatchBuilder): number {
    const ward = columns.column('ward') as CodedColumn;
    const provenance = columns.column('provenance') as CodedColumn;
    const rating = (columns.column('rating') as CodedColumn).codes;
    const end = setNewKeys(this.ratings, this.ratingUndoKeys, this.ratingUndoPrevious, {
      wardIds: Int32Array.from(ward.dictionary, (name) => this.wardId(name)),
      ward: ward.codes,
      fiscalYear: (columns.column('fiscal_year') as NumberColumn).values,
      stage: (columns.column('stage') as CodedColumn).codes,
      questionNo: (columns.column('question_no') as NumberColumn).values,
      rater: (columns.column('rater') as CodedColumn).codes,
      rating,
      provenance: provenance.codes,
      sampleCode: provenance.dictionary.indexOf('sample'),
      line: (columns.column('line') as NumberColumn).values,
      fileId: builder.batch.report.fileId,
    }, from, to);
    builder.appendNewRatings(columns, from, end);
    for (let i = from; i < end; i++) if (rating[i] === -1) builder.batch.report.notRated++;
    return end;
  }

  /** Narratives and centers: same key and content merge; other content replaces and is listed. */
  addText(builder: BatchBuilder, kind: 'narrative', record: NarrativeRecord, itemKey: string, content: string): boolean;
  addText(builder: BatchBuilder, kind: 'center', record: CenterRecord, itemKey: string, content: string): boolean;
  addText(builder: BatchBuilder, kind: TextKind, record: NarrativeRecord | CenterRecord, itemKey: string, content: string): boolean {
    const batch = builder.batch;
    const index = this.texts[kind];
    const key = `${record.ward}|${record.fiscalYear}|${itemKey}`;
    const previous = index.get(key);
    const sample = record.provenance === 'sample';
    if (previous && previous.text === content && previous.sample === sample) return false;
    this.setUndoable(index, key, { text: content, sample, fileId: batch.report.fileId, line: record.line });
    if (previous && previous.sample && !sample) {
      batch.report.sampleReplaced++;
    } else if (previous) {
      const base = { kind, ward: record.ward, fiscalYear: record.fiscalYear, key: itemKey };
      const seq = this.nextConflict(`${kind}|${key}`);
      if (seq === 1) batch.textConflictValues.push({ ...base, file: this.fileNames[previous.fileId], line: previous.line, text: previous.text, seq: 0 });
      batch.textConflictValues.push({ ...base, file: batch.report.file, line: record.line, text: content, seq });
    }
    if (previous && previous.fileId !== batch.report.fileId) batch.replaces[kind === 'narrative' ? 'narratives' : 'centers'] = true;
    if (kind === 'narrative') builder.push('narratives', key, record as NarrativeRecord);
    else builder.push('centers', key, record as CenterRecord);
    return true;
  }

  private wardId(name: string): number {
    // A ward's ratings come in runs: most lookups are the ward just looked up.
    if (name === this.lastWard) return this.lastWardId;
    let id = this.wardIds.get(name);
    if (id === undefined) {
      id = this.wardIds.size;
      this.wardIds.set(name, id);
    }
    this.lastWard = name;
    this.lastWardId = id;
    return id;
  }

  /** The place of a key's next value in its conflict (the first value found is 0, the one that clashed 1). */
  private nextConflict(conflictKey: string): number {
    const seq = Math.max(1, this.conflictSeq.get(conflictKey) ?? 0);
    this.setUndoable(this.conflictSeq, conflictKey, seq + 1);
    return seq;
  }

  private setUndoable<K, V>(map: Map<K, V>, key: K, value: V): void {
    const had = map.has(key);
    const old = map.get(key);
    map.set(key, value);
    this.undo.push(() => (had ? map.set(key, old as V) : map.delete(key)));
  }
}

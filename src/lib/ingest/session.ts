import { countLines, isBlankRecord, normalizeLineEnds, type CsvRecord } from './csv.ts';
import { decodeBytes } from './decode.ts';
import { extractMhtml } from './mhtml.ts';
import {
  parsePositiveInt,
  parseProvenance,
  parseRater,
  parseRating,
  parseSection,
  parseStage,
  QUESTIONS_PER_STAGE,
  RATERS,
  STAGES,
  type Provenance,
  type Rater,
  type Rating,
  type Stage,
} from './fields.ts';
import { parseFiscalYear, parseJapaneseDate } from './fiscal-year.ts';
import { locateHeader, type CsvKind, type Field } from './headers.ts';
import { clip, LISTED_ERRORS } from './limits.ts';
import { memoize } from './memo.ts';
import { normalizeCode } from './normalize.ts';
import { checkDigit, WardRegistry, type Ward } from './registry.ts';
import { parseReport, type ReportResult } from './report.ts';
import { isHtml } from './report-text.ts';
import type { CenterRecord, ErrorCount, FileBatch, FileError, FileReport, NarrativeRecord, RatingRecord, ReasonCode, RowError } from './types.ts';

export interface IngestOptions {
  /**
   * Called every `checkpointEvery` rows with the rows read so far and the share of the file read; a
   * worker awaits a macrotask here so it can hear "cancel", and throws to stop.
   */
  checkpoint?: (rowsDone: number, fraction: number) => Promise<void>;
  checkpointEvery?: number;
  /** Receives every rejected cell, also those past the `LISTED_ERRORS` a report lists (`validate --errors-csv`). */
  onError?: (error: RowError) => void;
}

export class IngestCancelled extends Error {
  constructor() {
    super('ingest cancelled');
  }
}

/** A check of the ingest itself failed: the file is refused whole rather than loaded with wrong counts. */
class FileRefused extends Error {
  constructor(readonly fileError: FileError) {
    super(fileError.code);
  }
}

type RowOutcome = 'loaded' | 'duplicate' | 'rejected';

const readFiscalYear = memoize(parseFiscalYear);
const readStage = memoize(parseStage);
const readRater = memoize(parseRater);
const readRating = memoize(parseRating);
const readQuestionNo = memoize((raw: string) => parsePositiveInt(raw));
const readProvenanceCell = memoize(parseProvenance);

const RATING_CODE: Record<string, number> = { A: 1, B: 2, C: 3, D: 4 };
const RATING_OF: Array<Rating | null> = [null, 'A', 'B', 'C', 'D'];
const LINE_SPAN = 2 ** 26;

/** Where the value in force for a rating key came from, packed in one number per key (a million keys). */
interface PlacedRating {
  code: number;
  sample: boolean;
  fileId: number;
  line: number;
}
const packRating = (p: PlacedRating) => ((p.fileId * LINE_SPAN + p.line) * 2 + (p.sample ? 1 : 0)) * 5 + p.code;
function unpackRating(packed: number): PlacedRating {
  const place = Math.floor(packed / 10);
  return { code: packed % 5, sample: Math.floor(packed / 5) % 2 === 1, fileId: Math.floor(place / LINE_SPAN), line: place % LINE_SPAN };
}

interface PlacedText {
  text: string;
  sample: boolean;
  fileId: number;
  line: number;
}

/** Cells of one CSV row, addressed by field; collects the row's errors with the header as written. */
class RowReader {
  errors: RowError[] = [];
  row: CsvRecord = { line: 0, endLine: 0, start: 0, end: 0, fields: [], problem: null };
  constructor(
    private columns: Map<Field, number>,
    private header: string[],
  ) {}

  /** One reader serves a whole file; a million rows should not mean a million readers. */
  reset(row: CsvRecord): this {
    this.row = row;
    if (this.errors.length > 0) this.errors = [];
    return this;
  }

  has(field: Field): boolean {
    return this.columns.has(field);
  }

  raw(field: Field): string {
    const index = this.columns.get(field);
    return index === undefined ? '' : (this.row.fields[index] ?? '');
  }

  /** A required cell: blank is an error. */
  required(field: Field): string | undefined {
    const value = this.raw(field);
    if (value.trim() === '') {
      this.fail(field, 'missing_value');
      return undefined;
    }
    return value;
  }

  fail(field: Field | null, code: ReasonCode, params: Record<string, string | number> = {}, value?: string): void {
    const index = field === null ? undefined : this.columns.get(field);
    this.errors.push(rowError(this.row.line, index === undefined ? null : this.header[index], value ?? (field === null ? '' : this.raw(field)), code, params));
  }

  /** A fault of the row as a whole, with the cell it lies in when known. */
  failRow(code: ReasonCode, params: Record<string, string | number>, value: string, fieldIndex?: number): void {
    const column = fieldIndex === undefined ? null : (this.header[fieldIndex] ?? null);
    this.errors.push(rowError(this.row.line, column, value, code, params));
  }
}

/**
 * One user's loading session: the ward registry in force and every key loaded so far, so that
 * exact duplicates merge and conflicting ratings are found across files, in the order files arrive.
 * Pure TypeScript: the same code runs in the browser's ingest worker and in `npm run validate`.
 */
export class IngestSession {
  registry: WardRegistry;
  private fileNames: string[] = [];
  private wardIds = new Map<string, number>();
  /** rating key → packed (rating code, sample flag, file id, line) of the value currently loaded. */
  private ratingIndex = new Map<number, number>();
  private narrativeIndex = new Map<string, PlacedText>();
  private centerIndex = new Map<string, PlacedText>();
  private conflictSeq = new Map<string, number>();
  private undo: Array<() => void> = [];
  /** The rating index's undo log, as numbers (a closure per rating would cost a million allocations). */
  private ratingUndoKeys: number[] = [];
  private ratingUndoPrevious: number[] = [];

  constructor(registry: WardRegistry = WardRegistry.yokohama()) {
    this.registry = registry;
  }

  get fileCount(): number {
    return this.fileNames.length;
  }

  async ingestFile(name: string, bytes: Uint8Array, options: IngestOptions = {}): Promise<FileBatch> {
    this.undo = [];
    this.ratingUndoKeys = [];
    this.ratingUndoPrevious = [];
    const fileId = this.fileNames.length;
    const batch = emptyBatch(fileId, name);
    try {
      return await this.ingest(batch, bytes, options);
    } catch (error) {
      // A cancelled or refused file leaves the session exactly as before it started.
      this.rollback();
      if (error instanceof IngestCancelled) throw error;
      this.fileNames.push(name);
      return refusedBatch(batch, error instanceof FileRefused ? error.fileError : internalError(error));
    } finally {
      this.undo = [];
      this.ratingUndoKeys = [];
      this.ratingUndoPrevious = [];
    }
  }

  private rollback(): void {
    for (let i = this.ratingUndoKeys.length - 1; i >= 0; i--) {
      const previous = this.ratingUndoPrevious[i];
      if (previous === -1) this.ratingIndex.delete(this.ratingUndoKeys[i]);
      else this.ratingIndex.set(this.ratingUndoKeys[i], previous);
    }
    for (let i = this.undo.length - 1; i >= 0; i--) this.undo[i]();
  }

  private async ingest(batch: FileBatch, bytes: Uint8Array, options: IngestOptions): Promise<FileBatch> {
    this.fileNames.push(batch.report.file);
    this.undo.push(() => this.fileNames.pop());
    const report = batch.report;
    const page = extractMhtml(bytes);
    const result = page ? decodeBytes(page.html, page.charset) : decodeBytes(bytes);
    if (!result.ok) {
      report.fileError = { code: result.code, params: result.params };
      return batch;
    }
    const { encoding, badLines } = result.decoded;
    report.encoding = encoding;
    const text = normalizeLineEnds(result.decoded.text);
    if (text.trim() === '') {
      report.fileError = { code: 'empty_file', params: {} };
      return batch;
    }
    const errors = new ErrorLog(report, options.onError);
    const builder = new BatchBuilder(batch, (r) => this.ratingKey(r));
    // The kind of a CSV comes from its header: a narrative that mentions `<div>` is still a CSV.
    const located = locateHeader(text);
    if (!located) {
      // Only blank lines (or rows of empty cells, as Excel leaves them).
      report.fileError = { code: 'empty_file', params: {} };
      return batch;
    }
    if (!located.header.ok && located.header.code === 'unrecognised_header') {
      const parsed = parseReport(text);
      // Neither a CSV header nor a report: a text whose first line is delimited was meant as a CSV, so its header is what to fix.
      const meantAsCsv = !parsed.ok && parsed.code === 'not_a_report' && !isHtml(text) && located.record.fields.length >= 2;
      if (!meantAsCsv) return this.ingestReport(parsed, badLines, errors, builder);
    }
    const { header, record: headerRecord, reader, delimiter } = located;
    report.delimiter = delimiter;
    report.skippedLines = located.preamble;
    if (spansBadLine(headerRecord, badLines)) {
      throw new FileRefused({ code: 'undecodable', params: { encoding, line: headerRecord.line } });
    }
    const rowReader = header.ok ? new RowReader(header.columns, headerRecord.fields) : null;
    const handler = header.ok ? this.rowHandler(header.kind, builder) : null;
    if (header.ok) {
      report.kind = header.kind;
      report.ignoredColumns = header.ignored;
      report.ignoredColumnsTotal = header.ignoredTotal;
    } else {
      const { code, ok: _ok, ...params } = header;
      report.fileError = { code, params };
    }
    // Trailing empty header cells (Excel's `,,,`) do not count: a row need only reach the last named column.
    let width = headerRecord.fields.length;
    while (width > 0 && headerRecord.fields[width - 1].trim() === '') width--;
    const every = options.checkpointEvery ?? 20000;
    // The next U+FFFD at or after a row's start, found once per mark (rows only move forward).
    let nextMark = text.indexOf('\ufffd');
    const holdsMark = (record: CsvRecord) => {
      if (nextMark !== -1 && nextMark < record.start) nextMark = text.indexOf('\ufffd', record.start);
      return nextMark !== -1 && nextMark <= record.end;
    };
    for (let record = reader.next(); record; record = reader.next()) {
      if (isBlankRecord(record.fields)) continue;
      if (options.checkpoint && report.rowsRead % every === 0) await options.checkpoint(report.rowsRead, reader.position / text.length);
      report.rowsRead++;
      if (!rowReader || !handler) {
        report.rowsRejected++;
        continue;
      }
      rowReader.reset(record);
      const shown = () => text.slice(record.start, record.end);
      if (record.problem) {
        rowReader.failRow(record.problem.code, {}, shown(), record.problem.field);
      } else if (badLines.size > 0 && spansBadLine(record, badLines)) {
        rowReader.failRow('invalid_encoding', { encoding }, shown());
      } else if (holdsMark(record)) {
        rowReader.failRow('replacement_character', {}, shown());
      } else if (record.fields.length < width) {
        rowReader.failRow('too_few_fields', { expected: width, found: record.fields.length }, shown());
      } else if (record.fields.length > width && record.fields.slice(width).some((f) => f.trim() !== '')) {
        rowReader.failRow('too_many_fields', { expected: width, found: record.fields.length }, record.fields.slice(width).join(delimiter), width);
      }
      const outcome = rowReader.errors.length > 0 ? 'rejected' : handler(rowReader);
      if (outcome === 'rejected') {
        report.rowsRejected++;
        errors.add(rowReader.errors);
      } else if (outcome === 'duplicate') {
        report.rowsDuplicate++;
      } else {
        report.rowsLoaded++;
      }
    }
    if (options.checkpoint) await options.checkpoint(report.rowsRead, 1);
    if (reader.line - 1 !== countLines(text) - (text.endsWith('\n') ? 1 : 0)) {
      throw new FileRefused({ code: 'accounting_mismatch', params: { linesRead: reader.line - 1, lines: countLines(text) } });
    }
    if (builder.refusal) throw new FileRefused(builder.refusal);
    if (report.fileError) return batch;
    if (report.rowsRead === 0) {
      report.fileError = { code: 'no_data_rows', params: {} };
      return batch;
    }
    if (batch.wards) this.replaceRegistry(batch.wards);
    return this.finish(builder);
  }

  /** Every row read must be loaded, a duplicate or rejected: a file where that fails is refused, not loaded. */
  private finish(builder: BatchBuilder): FileBatch {
    const r = builder.batch.report;
    if (r.rowsLoaded + r.rowsDuplicate + r.rowsRejected !== r.rowsRead) {
      throw new FileRefused({
        code: 'accounting_mismatch',
        params: { rowsRead: r.rowsRead, rowsLoaded: r.rowsLoaded, rowsDuplicate: r.rowsDuplicate, rowsRejected: r.rowsRejected },
      });
    }
    return builder.finish();
  }

  /**
   * A published report: its table rows, narrative items and centers row are the rows accounted for;
   * a line the parser could not use, or one whose bytes were not valid in the file's encoding, is a
   * rejected row.
   */
  private ingestReport(parsed: ReportResult, badLines: Set<number>, errors: ErrorLog, builder: BatchBuilder): FileBatch {
    const { batch } = builder;
    const report = batch.report;
    if (!parsed.ok) {
      if (parsed.code !== 'not_a_report') report.kind = 'report';
      report.fileError = { code: parsed.code, params: {} };
      return batch;
    }
    report.kind = 'report';
    const r = parsed.report;
    const ward = this.registry.resolve(r.wardText);
    if (!ward.ok) {
      report.fileError = { code: 'report_unknown_ward', params: { ward: clip(r.wardText).value, ...(ward.suggestion ? { suggestion: ward.suggestion } : {}) } };
      return batch;
    }
    const wardName = ward.ward.name;
    const fiscalYear = r.fiscalYear;
    report.missingParts = r.missing;
    report.reportWard = wardName;
    report.reportYear = fiscalYear;
    batch.reportLines = r.lines.map((l) => (badLines.has(l.line) || l.text.includes('\ufffd') ? { ...l, role: 'rejected' } : l));
    // Rows, not lines: a saved page can hold a whole table on one source line.
    const rejectedRows = new Set<string>();
    const reject = (row: string, problem: RowError) => {
      rejectedRows.add(row);
      errors.add([problem]);
    };
    for (const p of r.problems) reject(`p${p.row}`, rowError(p.line, p.column, p.value, p.code, p.params));
    // A line with bytes the encoding cannot hold is rejected whole, whatever the parser made of it.
    const damaged = (line: number, text: string) => {
      if (!badLines.has(line) && !text.includes('\ufffd')) return false;
      const row = `l${line}`;
      if (!rejectedRows.has(row)) reject(row, rowError(line, null, text, badLines.has(line) ? 'invalid_encoding' : 'replacement_character', badLines.has(line) ? { encoding: report.encoding ?? '' } : {}));
      return true;
    };
    const tableRows = new Map<number, boolean>();
    for (const rating of r.ratings) {
      if (damaged(rating.line, `${rating.questionNo} ${rating.question}`)) continue;
      const record: RatingRecord = { ward: wardName, fiscalYear, stage: rating.stage, questionNo: rating.questionNo, question: rating.question || null, rater: rating.rater, rating: rating.rating, provenance: 'real', line: rating.line };
      batch.reportValues.push({ kind: 'rating', section: rating.stage, no: rating.questionNo, rater: rating.rater, value: rating.rating, detail: record.question, line: rating.line });
      const added = this.addRating(record, builder);
      tableRows.set(rating.row, (tableRows.get(rating.row) ?? false) || added);
    }
    for (const added of tableRows.values()) {
      if (added) report.rowsLoaded++;
      else report.rowsDuplicate++;
    }
    for (const item of r.narratives) {
      if (damaged(item.line, item.text)) continue;
      const record: NarrativeRecord = { ward: wardName, fiscalYear, section: item.section, itemNo: item.itemNo, text: item.text, provenance: 'real', line: item.line };
      batch.reportValues.push({ kind: 'item', section: item.section, no: item.itemNo, rater: null, value: item.text, detail: null, line: item.line });
      if (this.addText(builder, 'narrative', this.narrativeIndex, record, `${item.section}#${item.itemNo}`, item.text)) report.rowsLoaded++;
      else report.rowsDuplicate++;
    }
    if (r.center && !damaged(r.center.line, r.center.operator ?? '')) {
      const c = r.center;
      const record: CenterRecord = {
        ward: wardName, fiscalYear, centerName: null, operator: c.operator, contractYear: c.contractYear, contractLength: c.contractLength,
        periodStart: c.periodStart, periodEnd: c.periodEnd, purpose: c.purpose, provenance: 'real', line: c.line,
      };
      const content = centerContent(record);
      const fields = { operator: c.operator, period_start: c.periodStart, period_end: c.periodEnd, contract_year: c.contractYear, contract_length: c.contractLength, purpose: c.purpose };
      for (const [section, value] of Object.entries(fields)) {
        batch.reportValues.push({ kind: 'center', section, no: null, rater: null, value: value === null ? null : String(value), detail: null, line: c.line });
      }
      if (this.addText(builder, 'center', this.centerIndex, record, '', content)) report.rowsLoaded++;
      else report.rowsDuplicate++;
    }
    report.rowsRejected = rejectedRows.size;
    // A report's rows are the lines its data came from; each is loaded, a duplicate or rejected once.
    report.rowsRead = report.rowsLoaded + report.rowsDuplicate + report.rowsRejected;
    return this.finish(builder);
  }

  private rowHandler(kind: CsvKind, batch: BatchBuilder): (reader: RowReader) => RowOutcome {
    switch (kind) {
      case 'ratings_long':
        return (reader) => this.ratingsRow(reader, batch, false);
      case 'ratings_wide':
        return (reader) => this.ratingsRow(reader, batch, true);
      case 'narratives':
        return this.narrativesHandler(batch);
      case 'centers':
        return (reader) => this.centersRow(reader, batch);
      case 'wards':
        return this.wardsHandler(batch);
    }
  }

  /** The optional `provenance` column; without it a file holds real data. */
  private readProvenance(reader: RowReader): Provenance {
    const raw = reader.raw('provenance');
    if (raw.trim() === '') return 'real';
    const provenance = readProvenanceCell(raw);
    if (!provenance) reader.fail('provenance', 'invalid_provenance');
    return provenance ?? 'real';
  }

  private readWardAndYear(reader: RowReader): { ward?: Ward; fiscalYear?: number } {
    let ward: Ward | undefined;
    let fiscalYear: number | undefined;
    const wardRaw = reader.required('ward');
    if (wardRaw !== undefined) {
      const match = this.registry.resolve(wardRaw);
      if (match.ok) ward = match.ward;
      else reader.fail('ward', match.code, match.suggestion ? { suggestion: match.suggestion } : {});
    }
    const yearRaw = reader.required('fiscal_year');
    if (yearRaw !== undefined) {
      const year = readFiscalYear(yearRaw);
      if (year.ok) fiscalYear = year.fiscalYear;
      else reader.fail('fiscal_year', year.code);
    }
    return { ward, fiscalYear };
  }

  private ratingsRow(reader: RowReader, batch: BatchBuilder, wide: boolean): RowOutcome {
    const { ward, fiscalYear } = this.readWardAndYear(reader);
    let stage: Stage | undefined;
    const stageRaw = reader.required('stage');
    if (stageRaw !== undefined) {
      stage = readStage(stageRaw);
      if (!stage) reader.fail('stage', 'invalid_stage');
    }
    let questionNo: number | undefined;
    const questionRaw = reader.required('question_no');
    if (questionRaw !== undefined) {
      questionNo = readQuestionNo(questionRaw);
      if (questionNo === undefined) reader.fail('question_no', 'invalid_question_no');
      else if (stage && questionNo > QUESTIONS_PER_STAGE[stage]) {
        reader.fail('question_no', 'question_no_out_of_range', { stage, max: QUESTIONS_PER_STAGE[stage] });
      }
    }
    const cells: Array<{ rater: Rater; rating: Rating | null }> = [];
    const takeRating = (field: Field, rater: Rater | undefined) => {
      const parsed = readRating(reader.raw(field));
      if (!parsed.ok) reader.fail(field, 'invalid_rating');
      else if (rater) cells.push({ rater, rating: parsed.rating });
    };
    if (wide) {
      const columns: Array<[Field, Rater]> = [['ward_rating', 'ward'], ['center_rating', 'center'], ['joint_rating', 'joint']];
      for (const [field, rater] of columns) if (reader.has(field)) takeRating(field, rater);
    } else {
      const raterRaw = reader.required('rater');
      let rater: Rater | undefined;
      if (raterRaw !== undefined) {
        rater = readRater(raterRaw);
        if (!rater) reader.fail('rater', 'invalid_rater');
      }
      takeRating('rating', rater);
    }
    const provenance = this.readProvenance(reader);
    if (reader.errors.length > 0 || !ward || fiscalYear === undefined || !stage || questionNo === undefined) return 'rejected';
    const questionText = reader.raw('question').trim();
    let anyLoaded = false;
    for (const { rater, rating } of cells) {
      const record: RatingRecord = {
        ward: ward.name, fiscalYear, stage, questionNo, question: questionText === '' ? null : questionText, rater, rating, provenance, line: reader.row.line,
      };
      if (this.addRating(record, batch)) anyLoaded = true;
    }
    return anyLoaded ? 'loaded' : 'duplicate';
  }

  private wardId(name: string): number {
    let id = this.wardIds.get(name);
    if (id === undefined) {
      id = this.wardIds.size;
      this.wardIds.set(name, id);
    }
    return id;
  }

  private ratingKey(r: RatingRecord): number {
    const stage = STAGES.indexOf(r.stage);
    const rater = RATERS.indexOf(r.rater);
    return (((this.wardId(r.ward) * 200 + (r.fiscalYear - 1900)) * 3 + stage) * 8 + r.questionNo) * 3 + rater;
  }

  /**
   * Returns false for an exact duplicate; a different rating for the same key is a conflict and the
   * later wins. Real data replacing sample data is not a conflict: it is counted as `sampleReplaced`.
   */
  private addRating(record: RatingRecord, builder: BatchBuilder): boolean {
    const batch = builder.batch;
    const key = this.ratingKey(record);
    const fileId = batch.report.fileId;
    const code = record.rating === null ? 0 : RATING_CODE[record.rating];
    const sample = record.provenance === 'sample';
    const stored = this.ratingIndex.get(key);
    const previous = stored === undefined ? undefined : unpackRating(stored);
    if (previous && previous.code === code && previous.sample === sample) return false;
    this.ratingIndex.set(key, packRating({ code, sample, fileId, line: record.line }));
    this.ratingUndoKeys.push(key);
    this.ratingUndoPrevious.push(stored ?? -1);
    if (previous && previous.sample && !sample) {
      batch.report.sampleReplaced++;
    } else if (previous) {
      const earlier = { file: this.fileNames[previous.fileId], line: previous.line, rating: RATING_OF[previous.code] };
      const base = { ward: record.ward, fiscalYear: record.fiscalYear, stage: record.stage, questionNo: record.questionNo, rater: record.rater };
      const conflictKey = `r${key}`;
      const seq = this.conflictSeq.get(conflictKey) ?? 0;
      if (seq === 0) batch.conflictValues.push({ ...base, ...earlier, seq: 0 });
      batch.conflictValues.push({ ...base, file: batch.report.file, line: record.line, rating: record.rating, seq: seq === 0 ? 1 : seq });
      this.setUndoable(this.conflictSeq, conflictKey, (seq === 0 ? 1 : seq) + 1);
    }
    if (record.rating === null) batch.report.notRated++;
    const sameFile = previous !== undefined && previous.fileId === fileId;
    builder.push('ratings', key, record, sameFile ? { line: previous.line, unrated: previous.code === 0 } : undefined);
    return true;
  }

  private narrativesHandler(batch: BatchBuilder): (reader: RowReader) => RowOutcome {
    const order = new Map<string, number>();
    return (reader) => {
      const { ward, fiscalYear } = this.readWardAndYear(reader);
      let section: NarrativeRecord['section'] | undefined;
      const sectionRaw = reader.required('section');
      if (sectionRaw !== undefined) {
        const parsed = parseSection(sectionRaw, fiscalYear, (v) => {
          const y = parseFiscalYear(v);
          return y.ok ? y.fiscalYear : undefined;
        });
        if (parsed.ok) section = parsed.section;
        else reader.fail('section', 'invalid_section');
      }
      let itemNo: number | undefined;
      if (reader.has('item_no')) {
        const raw = reader.required('item_no');
        if (raw !== undefined) {
          itemNo = parsePositiveInt(raw);
          if (itemNo === undefined) reader.fail('item_no', 'invalid_item_no');
        }
      }
      const text = reader.required('text')?.trim();
      const provenance = this.readProvenance(reader);
      if (reader.errors.length > 0 || !ward || fiscalYear === undefined || !section || text === undefined) return 'rejected';
      const group = `${ward.name}|${fiscalYear}|${section}`;
      const next = (order.get(group) ?? 0) + 1;
      order.set(group, next);
      const record: NarrativeRecord = { ward: ward.name, fiscalYear, section, itemNo: itemNo ?? next, text, provenance, line: reader.row.line };
      const itemKey = `${section}#${record.itemNo}`;
      return this.addText(batch, 'narrative', this.narrativeIndex, record, itemKey, text) ? 'loaded' : 'duplicate';
    };
  }

  private centersRow(reader: RowReader, batch: BatchBuilder): RowOutcome {
    const { ward, fiscalYear } = this.readWardAndYear(reader);
    const optionalText = (field: Field) => {
      const value = reader.raw(field).trim();
      return value === '' ? null : value;
    };
    const optionalInt = (field: Field, suffix: RegExp, code: ReasonCode) => {
      const raw = reader.raw(field);
      if (raw.trim() === '') return null;
      const n = parsePositiveInt(raw, suffix);
      if (n === undefined) reader.fail(field, code);
      return n ?? null;
    };
    const optionalDate = (field: Field) => {
      const raw = reader.raw(field);
      if (raw.trim() === '') return null;
      const date = parseJapaneseDate(raw);
      if (!date) reader.fail(field, 'invalid_date');
      return date ?? null;
    };
    const contractYear = optionalInt('contract_year', /年度目$/, 'invalid_contract_year');
    const contractLength = optionalInt('contract_length', /(?:か|ヶ|ケ|カ|箇)?年度?$/, 'invalid_contract_length');
    if (contractYear !== null && contractLength !== null && contractYear > contractLength) {
      reader.fail('contract_year', 'contract_year_exceeds_length', { length: contractLength });
    }
    const periodStart = optionalDate('period_start');
    const periodEnd = optionalDate('period_end');
    const provenance = this.readProvenance(reader);
    if (reader.errors.length > 0 || !ward || fiscalYear === undefined) return 'rejected';
    const record: CenterRecord = {
      ward: ward.name, fiscalYear, centerName: optionalText('center_name'), operator: optionalText('operator'),
      contractYear, contractLength, periodStart, periodEnd, purpose: optionalText('purpose'), provenance, line: reader.row.line,
    };
    const content = centerContent(record);
    return this.addText(batch, 'center', this.centerIndex, record, '', content) ? 'loaded' : 'duplicate';
  }

  /** Narratives and centers: same key and content merge; other content replaces and is listed. */
  private addText<R extends NarrativeRecord | CenterRecord>(
    builder: BatchBuilder,
    kind: 'narrative' | 'center',
    index: Map<string, PlacedText>,
    record: R,
    itemKey: string,
    content: string,
  ): boolean {
    const batch = builder.batch;
    const key = `${record.ward}|${record.fiscalYear}|${itemKey}`;
    const previous = index.get(key);
    const sample = record.provenance === 'sample';
    if (previous && previous.text === content && previous.sample === sample) return false;
    this.setUndoable(index, key, { text: content, sample, fileId: batch.report.fileId, line: record.line });
    if (previous && previous.sample && !sample) {
      batch.report.sampleReplaced++;
    } else if (previous) {
      const conflictKey = `${kind}|${key}`;
      const seq = this.conflictSeq.get(conflictKey) ?? 0;
      const base = { kind, ward: record.ward, fiscalYear: record.fiscalYear, key: itemKey };
      if (seq === 0) batch.textConflictValues.push({ ...base, file: this.fileNames[previous.fileId], line: previous.line, text: previous.text, seq: 0 });
      batch.textConflictValues.push({ ...base, file: batch.report.file, line: record.line, text: content, seq: seq === 0 ? 1 : seq });
      this.setUndoable(this.conflictSeq, conflictKey, (seq === 0 ? 1 : seq) + 1);
    }
    if (kind === 'narrative') builder.push('narratives', key, record as NarrativeRecord);
    else builder.push('centers', key, record as CenterRecord);
    return true;
  }

  /**
   * A registry replaces the one in force, so it must be unambiguous: the same code or the same name on
   * two lines (other than an exact duplicate row) refuses the whole file, naming both lines.
   */
  private wardsHandler(builder: BatchBuilder): (reader: RowReader) => RowOutcome {
    const { batch } = builder;
    const byCode = new Map<string, { ward: Ward; line: number }>();
    const byName = new Map<string, { ward: Ward; line: number }>();
    batch.wards = [];
    return (reader) => {
      const codeRaw = reader.required('code');
      let code: string | undefined;
      if (codeRaw !== undefined) {
        const value = normalizeCode(codeRaw);
        if (/^\d{5}$/.test(value)) code = value;
        else if (/^\d{6}$/.test(value) && checkDigit(value.slice(0, 5)) === Number(value[5])) code = value.slice(0, 5);
        else if (/^\d{6}$/.test(value)) reader.fail('code', 'ward_code_check_digit', { suggestion: `${value.slice(0, 5)}${checkDigit(value.slice(0, 5))}` });
        else reader.fail('code', 'invalid_ward_code');
      }
      const name = reader.required('name')?.trim();
      const tile = (field: Field) => {
        const raw = normalizeCode(reader.raw(field));
        if (raw === '') return null;
        if (!/^\d{1,3}$/.test(raw)) reader.fail(field, 'invalid_tile');
        return Number(raw);
      };
      const tileX = tile('tile_x');
      const tileY = tile('tile_y');
      if (reader.errors.length > 0 || !code || !name) return 'rejected';
      const ward: Ward = { code, name, nameEn: reader.raw('name_en').trim(), city: reader.raw('city').trim(), tileX, tileY };
      const line = reader.row.line;
      const sameCode = byCode.get(code);
      if (sameCode && JSON.stringify(sameCode.ward) === JSON.stringify(ward)) return 'duplicate';
      const clash = sameCode ? { field: 'code', value: code, line: sameCode.line } : byName.has(name) ? { field: 'name', value: name, line: byName.get(name)!.line } : null;
      if (clash) {
        builder.refusal ??= { code: 'registry_duplicate', params: { field: clash.field, value: clip(clash.value, 60).value, lines: [String(clash.line), String(line)] } };
        return 'rejected';
      }
      byCode.set(code, { ward, line });
      byName.set(name, { ward, line });
      batch.wards!.push(ward);
      batch.report.records.wards++;
      return 'loaded';
    };
  }

  private replaceRegistry(wards: Ward[]): void {
    if (wards.length === 0) return;
    const previous = this.registry;
    this.registry = new WardRegistry(wards, false);
    this.undo.push(() => (this.registry = previous));
  }

  private setUndoable<K, V>(map: Map<K, V>, key: K, value: V): void {
    const had = map.has(key);
    const old = map.get(key);
    map.set(key, value);
    this.undo.push(() => (had ? map.set(key, old as V) : map.delete(key)));
  }
}

type RecordList = 'ratings' | 'narratives' | 'centers';

/**
 * Keeps one record per key inside a file: a later line replaces an earlier one of the same file.
 * Ratings learn of such a line from the session's index (no per-file map for a million keys);
 * narratives and centers, which are few, keep a map of their own.
 */
class BatchBuilder {
  /** Set when the file as a whole cannot be used (read to its end first, so every row is counted). */
  refusal: FileError | null = null;
  private textSlots = new Map<string, number>();
  private deadRatings = new Set<string>();
  private deadText: Record<'narratives' | 'centers', Set<number>> = { narratives: new Set(), centers: new Set() };

  constructor(
    readonly batch: FileBatch,
    private ratingKey: (record: RatingRecord) => number,
  ) {}

  push<K extends RecordList>(list: K, key: string | number, record: FileBatch[K][number], superseded?: { line: number; unrated: boolean }): void {
    const { batch } = this;
    if (list === 'ratings') {
      if (superseded) {
        if (superseded.unrated) batch.report.notRated--;
        this.deadRatings.add(`${superseded.line}|${key}`);
        batch.report.records.ratings--;
      }
      batch.ratings.push(record as RatingRecord);
    } else {
      const records = batch[list] as Array<FileBatch[K][number]>;
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

  finish(): FileBatch {
    const { batch, deadRatings, deadText } = this;
    if (deadRatings.size > 0) batch.ratings = batch.ratings.filter((r) => !deadRatings.has(`${r.line}|${this.ratingKey(r)}`));
    if (deadText.narratives.size > 0) batch.narratives = batch.narratives.filter((_, i) => !deadText.narratives.has(i));
    if (deadText.centers.size > 0) batch.centers = batch.centers.filter((_, i) => !deadText.centers.has(i));
    return batch;
  }
}

export function emptyFileReport(fileId: number, file: string): FileReport {
  return {
    fileId, file, kind: 'unknown', encoding: null, delimiter: null, rowsRead: 0, rowsLoaded: 0, rowsDuplicate: 0, rowsRejected: 0,
    notRated: 0, sampleReplaced: 0, records: { ratings: 0, narratives: 0, centers: 0, wards: 0 }, fileError: null, missingParts: [],
    reportWard: null, reportYear: null, ignoredColumns: [], ignoredColumnsTotal: 0, skippedLines: [], errors: [], errorCount: 0, errorSummary: [],
  };
}

/** A rejected cell, its value clipped for messages (a cell can hold megabytes). */
function rowError(line: number, column: string | null, value: string, code: ReasonCode, params: Record<string, string | number>): RowError {
  const clipped = clip(value);
  return {
    line, column: column === null ? null : clip(column, 60).value, value: clipped.value, code,
    params: clipped.length === undefined ? params : { ...params, valueLength: clipped.length },
  };
}

/**
 * A file's rejected cells: all of them counted by reason and column and passed to `onError`, the
 * first `LISTED_ERRORS` kept in the report (a 600,000-row file of bad cells must not become a 3 GB report).
 */
class ErrorLog {
  private summary = new Map<string, ErrorCount>();

  constructor(
    private report: FileReport,
    private onError?: (error: RowError) => void,
  ) {}

  add(errors: RowError[]): void {
    for (const error of errors) {
      this.report.errorCount++;
      if (this.report.errors.length < LISTED_ERRORS) this.report.errors.push(error);
      this.onError?.(error);
      const key = `${error.code}|${error.column ?? ''}`;
      const counted = this.summary.get(key);
      if (counted) counted.count++;
      else {
        const entry: ErrorCount = { code: error.code, column: error.column, count: 1, firstLine: error.line, params: error.params };
        this.summary.set(key, entry);
        this.report.errorSummary.push(entry);
      }
    }
  }
}

/** A centers row's content, compared to find duplicates and listed in a conflict. */
function centerContent(c: CenterRecord): string {
  return [c.centerName, c.operator, c.contractYear, c.contractLength, c.periodStart, c.periodEnd, c.purpose].join(' / ');
}

function spansBadLine(record: CsvRecord, badLines: Set<number>): boolean {
  for (let line = record.line; line <= record.endLine; line++) if (badLines.has(line)) return true;
  return false;
}

function internalError(error: unknown): FileError {
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal_error', params: { message: clip(message).value } };
}

/** A file refused whole: what was learnt of it (kind, encoding, rows read) stays; every row read is rejected. */
function refusedBatch(batch: FileBatch, fileError: FileError): FileBatch {
  const refused = emptyBatch(batch.report.fileId, batch.report.file);
  const { kind, encoding, delimiter, rowsRead, skippedLines, ignoredColumns, ignoredColumnsTotal, errors, errorCount, errorSummary } = batch.report;
  Object.assign(refused.report, { kind, encoding, delimiter, rowsRead, rowsRejected: rowsRead, skippedLines, ignoredColumns, ignoredColumnsTotal, errors, errorCount, errorSummary, fileError });
  return refused;
}

function emptyBatch(fileId: number, file: string): FileBatch {
  return {
    report: emptyFileReport(fileId, file), ratings: [], narratives: [], centers: [], wards: null, reportLines: [], reportValues: [],
    conflictValues: [], textConflictValues: [],
  };
}


import { isBlankRecord, type CsvReader, type CsvRecord } from './csv.ts';
import type { RowHandler } from './readers/index.ts';
import type { ErrorLog, RowReader } from './rows.ts';
import { addIgnoredColumns, headerRowColumns, type CsvKind, type Field } from './headers.ts';
import { clipText, LISTED_HEADINGS } from './limits.ts';
import { headingRow, type Heading, type HeadingField } from './heading-row.ts';
import { summaryRow } from './summary-row.ts';
import type { FileReport } from './types.ts';
import { isSheetFormat } from './sheet.ts';

export interface RowLoopInput {
  /** What the file's header made it (null: no kind, every row rejected): a header of another kind inside it cannot be read on. */
  kind: CsvKind | null;
  text: string;
  reader: CsvReader;
  badLines: Set<number>;
  encoding: string;
  delimiter: string;
  /** The header's width without its trailing empty cells: a row need only reach the last named column. */
  width: number;
  rowReader: RowReader | null;
  handler: RowHandler | null;
  report: FileReport;
  errors: ErrorLog;
  /** The field (stage or section) the header has no column for: a heading row gives it to the rows under it (heading-row.ts). */
  headedBy?: HeadingField;
  /** The heading row just over the header, listed among the lines above it: the first rows are under it. */
  headingAbove?: { line: number; text: string };
  /** Fields the rows have without a column (a title's ward and year, the stage or section by heading rows), for a header row repeated inside. */
  given?: ReadonlySet<Field>;
}

/**
 * The data rows of a CSV file, each accounted for as loaded, a duplicate or rejected. A synchronous
 * loop between two checkpoints: written inside the async `ingest`, the loop alone took ~1.0 s per
 * million rows in a Chromium worker, here ~0.66 s.
 */
export class RowLoop {
  /** The next U+FFFD at or after a row's start, found once per mark (rows only move forward). */
  private nextMark: number;
  /**
   * The line of a header row inside the file naming another kind's columns (a ratings file and a
   * narratives file joined): its rows cannot be read as this file's, so the file is refused.
   */
  headerChangedAt: number | null = null;
  /** Whether a header row inside the file placed the columns otherwise or was wider or narrower, and the rows after it were read by it. */
  remapped = false;
  private width: number;
  /**
   * A workbook's sheet: its row ends at its last cell with a value (a blank cell, even one with a
   * border, is not stored), so a row shorter than the header is blank to its end, never cut short.
   */
  private fromSheet: boolean;
  /** Heading rows listed in the report so far. */
  private headingsListed = 0;

  constructor(private input: RowLoopInput) {
    this.nextMark = input.text.indexOf('\ufffd');
    this.width = input.width;
    this.fromSheet = isSheetFormat(input.encoding);
    const { headedBy, headingAbove, report } = input;
    const heading = headedBy && headingAbove ? this.takeHeading(headedBy, [headingAbove.text]) : null;
    if (heading) report.skippedLines = report.skippedLines.map((l) => (l.line === headingAbove!.line ? { ...l, gives: heading.gives } : l));
  }

  /** Reads on from another reader over `text` (the rest of the file, where it was to be read elsewhere). */
  continueOn(text: string, reader: CsvReader): void {
    this.input = { ...this.input, text, reader };
    this.nextMark = text.indexOf('\ufffd', reader.position);
  }

  /** Reads up to `limit` rows that are not blank; false once the file is read. */
  read(limit: number): boolean {
    const { text, reader, badLines, encoding, delimiter, rowReader, handler, report, errors } = this.input;
    for (let n = 0; n < limit; ) {
      const record = reader.next();
      if (!record) return false;
      if (isBlankRecord(record.fields)) continue;
      if (this.input.headedBy && rowReader && this.readHeading(this.input.headedBy, record)) continue;
      n++;
      report.rowsRead++;
      if (!rowReader || !handler) {
        report.rowsRejected++;
        continue;
      }
      rowReader.reset(record);
      if (record.problem) {
        rowReader.failRow(record.problem.code, {}, text.slice(record.start, record.end), record.problem.field);
      } else if (badLines.size > 0 && spansBadLine(record, badLines)) {
        rowReader.failRow('invalid_encoding', { encoding }, text.slice(record.start, record.end));
      } else if (this.holdsMark(record)) {
        rowReader.failRow('replacement_character', {}, text.slice(record.start, record.end));
      } else if (record.fields.length < this.width && !this.fromSheet) {
        rowReader.failRow('too_few_fields', { expected: this.width, found: record.fields.length }, text.slice(record.start, record.end));
      } else if (record.fields.length > this.width && record.fields.slice(this.width).some((f) => f.trim() !== '')) {
        rowReader.failRow('too_many_fields', { expected: this.width, found: record.fields.length }, record.fields.slice(this.width).join(delimiter), this.width);
      }
      const outcome = rowReader.errors.length > 0 ? 'rejected' : handler(rowReader);
      if (outcome === 'rejected') {
        report.rowsRejected++;
        this.nameRejectedRow(record, rowReader);
        errors.add(rowReader.errors);
      } else if (outcome === 'duplicate') {
        report.rowsDuplicate++;
      } else {
        report.rowsLoaded++;
      }
    }
    return true;
  }

  /**
   * A rejected header row, totals row or note row is reported as that, in place of its empty or
   * unknown cells. Not on a row with a broken quote or encoding: that is the finding that matters there.
   */
  private nameRejectedRow(record: CsvRecord, rowReader: RowReader): void {
    if (record.problem || rowReader.errors.some((e) => e.code === 'invalid_encoding' || e.code === 'replacement_character')) return;
    const again = headerRowColumns(record.fields, this.input.given);
    if (again) {
      if (again.kind !== this.input.kind) this.headerChangedAt ??= record.line;
      else {
        // The rows after it follow it: where it places the columns, how wide it is, what it adds.
        addIgnoredColumns(this.input.report, again.ignored);
        const width = headerWidth(record.fields);
        const placed = rowReader.placesAs(again.columns, record.fields, again.sectionColumns);
        if (!placed) rowReader.remap(again.columns, record.fields, again.sectionColumns);
        if (!placed || width !== this.width) {
          this.width = width;
          this.remapped = true;
        }
      }
      rowReader.errors = [];
      rowReader.failRow('header_row', {}, clipText(this.input.text.slice(record.start, record.end)));
      return;
    }
    const summary = summaryRow(record.fields);
    if (!summary) return;
    rowReader.errors = [];
    rowReader.failRow(summary.kind === 'total' ? 'totals_row' : 'note_row', {}, record.fields[summary.index], summary.index);
  }

  /**
   * A heading row gives its stage or section to the rows under it, as the header and title do to all:
   * not a row of data, listed in the report with what it gives (the first `LISTED_HEADINGS`).
   */
  private readHeading(field: HeadingField, record: CsvRecord): boolean {
    const heading = record.problem === null ? this.takeHeading(field, record.fields) : null;
    if (!heading) return false;
    if (this.headingsListed++ < LISTED_HEADINGS) {
      this.input.report.skippedLines.push({ line: record.line, text: clipText(heading.text, 80), gives: heading.gives });
    }
    return true;
  }

  /** The heading a row is, given to the rows after it; a section's year read by the title's year, as its rows read it. */
  private takeHeading(field: HeadingField, fields: readonly string[]): Heading | null {
    const { rowReader } = this.input;
    const heading = headingRow(fields, field, Number(rowReader?.constant('fiscal_year')) || undefined);
    if (heading) rowReader?.give(field, heading.text);
    return heading;
  }

  private holdsMark(record: CsvRecord): boolean {
    if (this.nextMark !== -1 && this.nextMark < record.start) this.nextMark = this.input.text.indexOf('\ufffd', record.start);
    return this.nextMark !== -1 && this.nextMark <= record.end;
  }
}

/** A header's width without its trailing empty cells (Excel's `,,,`): a row need only reach the last named column. */
export function headerWidth(fields: string[]): number {
  let width = fields.length;
  while (width > 0 && fields[width - 1].trim() === '') width--;
  return width;
}

export function spansBadLine(record: CsvRecord, badLines: Set<number>): boolean {
  for (let line = record.line; line <= record.endLine; line++) if (badLines.has(line)) return true;
  return false;
}


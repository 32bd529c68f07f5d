import type { CsvRecord } from './csv.ts';
import type { Field } from './headers.ts';
import { clip, LISTED_ERRORS } from './limits.ts';
import type { ErrorCount, FileReport, ReasonCode, RowError } from './types.ts';

/** What became of one row read: every row is exactly one of these. */
export type RowOutcome = 'loaded' | 'duplicate' | 'rejected';

/** A rejected cell, its value clipped for messages (a cell can hold megabytes). */
export function rowError(line: number, column: string | null, value: string, code: ReasonCode, params: Record<string, string | number>): RowError {
  const clipped = clip(value);
  return {
    line, column: column === null ? null : clip(column, 60).value, value: clipped.value, code,
    params: clipped.length === undefined ? params : { ...params, valueLength: clipped.length },
  };
}

/** Fields a sheet groups rows by: left blank under a merged cell or a "same as above" habit. */
const GROUPING_FIELDS: ReadonlySet<Field> = new Set(['ward', 'fiscal_year', 'stage', 'section']);

/** Cells of one CSV row, addressed by field; collects the row's errors with the header as written. */
export class RowReader {
  errors: RowError[] = [];
  row: CsvRecord = { line: 0, endLine: 0, start: 0, end: 0, fields: [], problem: null };
  /** The cells of the row read before this one, for the reason a blank grouping cell is given. */
  private above: string[] | null = null;
  /**
   * `cellBreaks`: the text is a workbook's sheet, whose cells' line breaks are lone CRs (xlsx.ts). Such
   * a cell is quoted, and a text with quotes is never read ahead (read-ahead.ts): its rows come here.
   */
  constructor(
    private columns: Map<Field, number>,
    private header: string[],
    private cellBreaks = false,
    /** Values the rows have without a column: the ward and year a sheet's title row names (title-row.ts), a heading row's stage or section. */
    private constants: Map<Field, string> = new Map(),
    /** A narratives sheet's columns each headed by a section (headers.ts), read by their index and heading. */
    private sections: readonly number[] = [],
  ) {}

  /** The columns headed by a section, in the order the sheet has them. */
  get sectionColumns(): readonly number[] {
    return this.sections;
  }

  /** A column's heading as the sheet writes it. */
  columnName(index: number): string {
    return this.header[index] ?? '';
  }

  /** A cell by its column's index, as `raw` reads one. */
  cell(index: number): string {
    const value = this.row.fields[index] ?? '';
    // Only a sheet's cells are looked at: a million CSV rows should not pay for the search.
    return this.cellBreaks && value.includes('\r') ? value.replace(/\r/g, '\n') : value;
  }

  /** A value for the rows after this one, where the file has no column for it (a heading row). */
  give(field: Field, value: string): void {
    this.constants.set(field, value);
  }

  /** A value the rows have without a column (a title's, a heading's). */
  constant(field: Field): string | undefined {
    return this.constants.get(field);
  }

  /** One reader serves a whole file; a million rows should not mean a million readers. */
  reset(row: CsvRecord): this {
    if (this.row.line !== 0) this.above = this.row.fields;
    this.row = row;
    if (this.errors.length > 0) this.errors = [];
    return this;
  }

  /** Reads on after a row read elsewhere (the rows before a split read by another worker). */
  follow(fields: string[] | null): this {
    this.above = fields;
    return this;
  }

  has(field: Field): boolean {
    return this.columns.has(field) || this.constants.has(field);
  }

  /** Reads the rows after a header that places the columns otherwise (files joined end to end) by it. */
  remap(columns: Map<Field, number>, header: string[], sections: readonly number[]): void {
    this.columns = columns;
    this.header = header;
    this.sections = sections;
    this.above = null;
  }

  /** Whether another header places the same fields, and the same sections, in the same columns as this file's. */
  placesAs(columns: Map<Field, number>, header: string[], sections: readonly number[]): boolean {
    return columns.size === this.columns.size && [...columns].every(([field, index]) => this.columns.get(field) === index) &&
      sections.length === this.sections.length && sections.every((index, k) => this.sections[k] === index && header[index] === this.header[index]);
  }

  /** A cell as written; in a sheet, a lone CR (a line break inside an Excel cell) is the line break it stands for. */
  raw(field: Field): string {
    const index = this.columns.get(field);
    // A title's value is only ever for a field without a column: the columns are looked up first, as every row reads them.
    if (index === undefined) return this.constants.get(field) ?? '';
    return this.cell(index);
  }

  /** A required cell: blank is an error, named as a merged cell's when the row above has the value. */
  required(field: Field): string | undefined {
    const value = this.raw(field);
    if (value.trim() === '') {
      const index = this.columns.get(field);
      const aboveFilled = GROUPING_FIELDS.has(field) && index !== undefined && (this.above?.[index] ?? '').trim() !== '';
      this.fail(field, aboveFilled ? 'blank_as_above' : 'missing_value');
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
 * A file's rejected cells: all of them counted by reason and column and passed to `onError`, the
 * first `LISTED_ERRORS` kept in the report (a 600,000-row file of bad cells must not become a 3 GB report).
 */
export class ErrorLog {
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

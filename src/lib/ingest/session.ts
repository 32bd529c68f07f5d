import { BatchBuilder, emptyBatch, refusedBatch } from './batch.ts';
import { countLines, CsvReader, normalizeLineEnds } from './csv.ts';
import { decodeBytes } from './decode.ts';
import { readWordDocument } from './docx.ts';
import { isTitleField, locateHeader, resolveHeader, type Field, type LocatedHeader } from './headers.ts';
import { Ledger } from './ledger.ts';
import { clip, PartTooLarge } from './limits.ts';
import { markdownTableAsCsv } from './markdown.ts';
import { extractMhtml } from './mhtml.ts';
import { readPublishedReport, rowHandler, type ReadContext } from './readers/index.ts';
import { WardRegistry, type Ward } from './registry.ts';
import { parseReport, type ParsedReport } from './report.ts';
import { isHtml } from './report-text.ts';
import { planReadAhead, replayReadAhead, type ReadAheadInput, type ReadAheadResult } from './read-ahead.ts';
import { headerWidth, RowLoop, spansBadLine } from './row-loop.ts';
import { ErrorLog, RowReader } from './rows.ts';
import type { RatingColumns } from './rating-columns.ts';
import { SHEET_NAME_LINE, type FileBatch, type FileError, type FileErrorCode, type FileReport, type RowError, type SourceEncoding } from './types.ts';
import { titleValues } from './title-row.ts';
import { extractWebArchive } from './webarchive.ts';
import { isSheetFormat, type Sheet, type SheetFormat } from './sheet.ts';
import { readSpreadsheet } from './ods.ts';
import { readWriterDocument } from './odt.ts';
import { readExcel97 } from './xls.ts';
import { CompoundFile, isCompoundFile, PasswordProtected } from './cfb.ts';
import { readWord97 } from './doc.ts';
import { readWorkbook } from './xlsx.ts';
import { isPdf, pageOfLine, PdfDamaged, PdfEncrypted, PdfWithoutText, readPdf, type PdfText } from './pdf.ts';
import { isZip, MAX_ENTRY_BYTES, ZipArchive, ZipEntryTooLarge } from './zip.ts';
import { isDataFile, isOfficeLockFile, isSystemFile } from './data-files.ts';
import { errorMessage } from '../error-message.ts';

export { emptyFileReport } from './batch.ts';

export interface IngestOptions {
  /**
   * Called every `checkpointEvery` rows with the rows read so far and the share of the file read; a
   * worker awaits a macrotask here so it can hear "cancel", and throws to stop.
   */
  checkpoint?: (rowsDone: number, fraction: number) => Promise<void>;
  checkpointEvery?: number;
  /** Receives every rejected cell, also those past the `LISTED_ERRORS` a report lists (`validate --errors-csv`). */
  onError?: (error: RowError) => void;
  /**
   * Receives, at checkpoints, the ratings read so far once there are `ratingPartRows` of them and none
   * replaces a key, so they can be written while the rest of the file is read (the page's DuckDB
   * appends one part while the worker reads the next). Whoever writes them must undo them if the
   * file's batch comes back with fewer `ratingParts` (the file was refused).
   */
  onRatingsPart?: (part: RatingColumns, fileId: number) => Promise<void> | void;
  ratingPartRows?: number;
  /**
   * Reads the rest of a long ratings file elsewhere (`readAhead` in another worker) while the session
   * reads its start; without it every file is read in one pass.
   */
  readAhead?: (input: ReadAheadInput) => Promise<ReadAheadResult>;
}

const DEFAULT_PART_ROWS = 100_000;

export class IngestCancelled extends Error {
  constructor() {
    super('ingest cancelled');
  }
}

/** The reports of a text after its first, each read as a file of its own once the first is in. */
interface LaterReports {
  reports: ParsedReport[];
  badLines: Set<number>;
  encoding: SourceEncoding | null;
}

/** A check of the ingest itself failed: the file is refused whole rather than loaded with wrong counts. */
class FileRefused extends Error {
  constructor(readonly fileError: FileError) {
    super(fileError.code);
  }
}

/**
 * One user's loading session: the ward registry in force and the ledger of every key loaded so far,
 * so that exact duplicates merge and conflicting ratings are found across files, in the order files
 * arrive. This class reads a file (decoding, finding its kind, walking its rows, checking that every
 * row is accounted for); the readers in `readers/` read each kind's rows; the ledger keeps the keys.
 * Pure TypeScript: the same code runs in the browser's ingest worker and in `npm run validate`.
 */
export class IngestSession {
  registry: WardRegistry;
  private ledger = new Ledger();

  constructor(registry: WardRegistry = WardRegistry.yokohama()) {
    this.registry = registry;
  }

  get fileCount(): number {
    return this.ledger.fileCount;
  }

  /**
   * Reads one file a user gave. A file is one batch, except a text of several published reports (a
   * year's reports copied from one PDF): each report is then a file of its own, `name #1`, `name #2`…,
   * read in order; one refused (an unknown ward) leaves the others loaded. An Excel workbook is its
   * visible sheets that hold cells, each read as the CSV it would be saved as: `name [sheet]` when
   * there are several; an OpenDocument spreadsheet (`.ods`) the same. A Word or Writer document
   * (`.docx`, `.odt`) is read as the HTML page of its text; a compressed folder as its files.
   * `inArchive`: the bytes are a file of a compressed folder, which is not opened again.
   */
  async ingestSource(name: string, bytes: Uint8Array, options: IngestOptions = {}, inArchive = false): Promise<FileBatch[]> {
    const byName = isZip(bytes) ? null : refusalByName(name);
    if (byName) return [await this.readFile(name, async (batch) => refuse(batch, byName))];
    let office: OfficeContent | null;
    try {
      office = await readOffice(bytes);
    } catch (error) {
      return [await this.readFile(name, async (batch) => refuseUnpacked(batch, error))];
    }
    if (office && 'html' in office) return this.readSource(name, options, (batch, rest) => this.ingestText(batch, office.html, office.format, new Set(), options, rest));
    if (office && 'pdf' in office) {
      const { text, pageStarts } = office.pdf;
      const batches = await this.readSource(name, options, (batch, rest) => this.ingestText(batch, text, office.format, new Set(), options, rest));
      // A PDF's lines are found by their page: the report check says it beside the line.
      for (const batch of batches) batch.reportLines = batch.reportLines.map((l) => ({ ...l, page: pageOfLine(pageStarts, l.line) }));
      return batches;
    }
    if (office) return this.readSheets(name, office.sheets, office.format, options);
    if (isZip(bytes)) {
      const archive = new ZipArchive(bytes);
      // Excel's binary workbook: a zip of binary parts (BIFF12), not a folder of files.
      if (archive.has('xl/workbook.bin')) return [await this.readFile(name, async (batch) => refuse(batch, 'xlsb_file'))];
      if (!inArchive) return this.readArchive(name, archive, options);
    }
    return this.readSource(name, options, (batch, rest) => this.ingest(batch, bytes, options, rest));
  }

  /** A workbook's visible sheets that hold cells, each a file of its own (`name [sheet]` when there are several). */
  private async readSheets(name: string, sheets: Sheet[], format: SheetFormat, options: IngestOptions): Promise<FileBatch[]> {
    const filled = sheets.filter((sheet) => sheet.csv !== '');
    const shown = filled.filter((sheet) => !sheet.hidden);
    // Hidden sheets are usually a form's drop-down lists, not data: they are not read, but the report names them.
    const hiddenSheets = filled.filter((sheet) => sheet.hidden).map((sheet) => sheet.name);
    const batches: FileBatch[] = [];
    if (shown.length === 0) {
      batches.push(await this.readFile(name, async (batch) => (hiddenSheets.length > 0 ? refuse(batch, 'hidden_sheets_only', { sheets: hiddenSheets }) : refuse(batch, 'empty_file'))));
    }
    for (const sheet of shown) {
      const sheetName = shown.length > 1 ? `${name} [${sheet.name}]` : name;
      batches.push(...(await this.readSource(sheetName, options, (batch, rest) => this.ingestText(batch, sheet.csv, format, new Set(), options, rest, sheet.name))));
    }
    batches[0].report.hiddenSheets = hiddenSheets;
    return batches;
  }

  /**
   * A compressed folder (`.zip`, as a city office mails a year's files): each data file in it, in path
   * order, read as if chosen on its own and named `name/path`; the other files are skipped as in a
   * chosen folder and named in the report of the first file read; an operating system's own entries
   * (`__MACOSX/`, `.DS_Store`, `Thumbs.db`) are not files of the folder. A zip inside is not opened.
   */
  private async readArchive(name: string, archive: ZipArchive, options: IngestOptions): Promise<FileBatch[]> {
    const paths = [...archive.entries.keys()].filter((path) => !path.endsWith('/') && !isSystemFile(path)).sort();
    const data = paths.filter((path) => isDataFile(path) && !/\.zip$/i.test(path));
    const skippedEntries = paths.filter((path) => !data.includes(path));
    const batches: FileBatch[] = [];
    if (data.length === 0) batches.push(await this.readFile(name, async (batch) => refuse(batch, 'zip_file', { entries: skippedEntries.slice(0, LISTED_ENTRIES) })));
    // A folder of small files may not unpack past what one file may (a zip bomb of many entries).
    let unpacked = 0;
    for (const path of data) {
      const entryName = `${name}/${path}`;
      if (archive.entries.get(path)!.flags & 1) {
        batches.push(await this.readFile(entryName, async (batch) => refuse(batch, 'encrypted_zip')));
        continue;
      }
      let bytes: Uint8Array;
      try {
        if (unpacked > MAX_ENTRY_BYTES) throw new ZipEntryTooLarge(path, MAX_ENTRY_BYTES);
        bytes = (await archive.read(path))!;
        unpacked += bytes.length;
      } catch (error) {
        batches.push(await this.readFile(entryName, async (batch) => refuseUnpacked(batch, error)));
        continue;
      }
      batches.push(...(await this.ingestSource(entryName, bytes, options, true)));
    }
    batches[0].report.skippedEntries = skippedEntries;
    return batches;
  }

  /** A source's first file, then the later reports its text held, each a file of its own. */
  private async readSource(name: string, options: IngestOptions, read: (batch: FileBatch, rest: LaterReports) => Promise<FileBatch>): Promise<FileBatch[]> {
    const rest: LaterReports = { reports: [], badLines: new Set(), encoding: null };
    const first = await this.readFile(name, (batch) => read(batch, rest));
    if (rest.reports.length === 0) return [first];
    const named = (k: number) => `${name} #${k}`;
    this.ledger.renameFile(first.report.fileId, named(1));
    first.report.file = named(1);
    const batches = [first];
    for (const [k, parsed] of rest.reports.entries()) {
      batches.push(await this.readFile(named(k + 2), async (batch) => {
        batch.report.encoding = rest.encoding;
        return this.readReport(batch, parsed, rest.badLines, options);
      }));
    }
    return batches;
  }

  /** The first file a source holds: for sources known to hold one (a CSV, the bundled data). */
  async ingestFile(name: string, bytes: Uint8Array, options: IngestOptions = {}): Promise<FileBatch> {
    return (await this.ingestSource(name, bytes, options))[0];
  }

  /** One file read into a batch of its own; a cancelled or refused file leaves the session exactly as before it started. */
  private async readFile(name: string, read: (batch: FileBatch) => Promise<FileBatch>): Promise<FileBatch> {
    const batch = emptyBatch(this.ledger.openFile(name), name);
    try {
      const done = await read(batch);
      this.ledger.commit();
      return done;
    } catch (error) {
      // A refused file keeps its id; a cancelled one gives it back.
      const cancelled = error instanceof IngestCancelled;
      this.ledger.rollback(cancelled);
      if (cancelled) throw error;
      return refusedBatch(batch, error instanceof FileRefused ? error.fileError : internalError(error));
    }
  }

  /** A parsed report's rows into its batch, accounted for as every file's are. */
  private readReport(batch: FileBatch, parsed: ParsedReport, badLines: Set<number>, options: IngestOptions): FileBatch {
    const builder = new BatchBuilder(batch, (r) => this.ledger.ratingKey(r));
    readPublishedReport({ registry: this.registry, ledger: this.ledger, builder }, parsed, badLines, new ErrorLog(batch.report, options.onError));
    return batch.report.fileError ? batch : finish(builder);
  }

  /** Reads a file into `batch`; a text of several reports reads the first, and leaves the others in `rest`. */
  private async ingest(batch: FileBatch, bytes: Uint8Array, options: IngestOptions, rest: LaterReports): Promise<FileBatch> {
    const page = extractMhtml(bytes) ?? extractWebArchive(bytes);
    const result = page ? decodeBytes(page.html, page.charset) : decodeBytes(bytes);
    if (!result.ok) return refuse(batch, result.code, result.params);
    const { encoding, badLines } = result.decoded;
    return this.ingestText(batch, normalizeLineEnds(result.decoded.text), encoding, badLines, options, rest);
  }

  /**
   * Reads a decoded text (LF line ends; a sheet's cells may hold lone CRs, their line breaks) into
   * `batch`: a CSV of a kind its header names, or published reports.
   */
  private async ingestText(batch: FileBatch, decoded: string, encoding: SourceEncoding, badLines: Set<number>, options: IngestOptions, rest: LaterReports, sheet?: string): Promise<FileBatch> {
    const report = batch.report;
    report.encoding = encoding;
    if (decoded.trim() === '') return refuse(batch, 'empty_file');
    // A CSV as a Markdown table is read as that CSV when its header is one; a report in Markdown stays text.
    const table = markdownTableAsCsv(decoded);
    const tableHeader = table === null ? null : locateHeader(table);
    const asTable = tableHeader?.header.ok === true;
    const text = asTable ? table! : decoded;
    // The kind of a CSV comes from its header: a narrative that mentions `<div>` is still a CSV.
    const located = asTable ? tableHeader : locateHeader(text);
    // Only blank lines (or rows of empty cells, as Excel leaves them).
    if (!located) return refuse(batch, 'empty_file');
    let csv: LocatedHeader = located;
    if (!located.header.ok && located.header.code === 'unrecognised_header') {
      const parsed = parseReport(text);
      // Neither a CSV header nor a report: a text whose first line is delimited, or with a header under
      // a title, was meant as a CSV, so its header is what to fix.
      // So was a sheet with stage or section headings under its title, though the headings make it look like a report.
      const meantAsCsv = !parsed.ok && !isHtml(text) && (parsed.code === 'not_a_report' ? located.record.fields.length >= 2 || located.below !== null : located.below?.headedBy !== undefined);
      if (meantAsCsv && located.below) csv = located.below;
      if (!parsed.ok && !meantAsCsv) {
        if (parsed.code !== 'not_a_report') report.kind = 'report';
        return refuse(batch, parsed.code);
      }
      if (parsed.ok) {
        const [first, ...later] = parsed.reports;
        Object.assign(rest, { reports: later, badLines, encoding });
        return this.readReport(batch, first, badLines, options);
      }
    }
    const titled = this.fromTitle(csv, sheet);
    csv = titled.csv;
    const errors = new ErrorLog(report, options.onError);
    const builder = new BatchBuilder(batch, (r) => this.ledger.ratingKey(r));
    const context: ReadContext = { registry: this.registry, ledger: this.ledger, builder };
    const { header, record: headerRecord, reader, delimiter } = csv;
    const fromSheet = isSheetFormat(encoding);
    report.delimiter = fromSheet ? null : asTable ? '|' : delimiter;
    report.skippedLines = titled.skippedLines;
    if (spansBadLine(headerRecord, badLines)) {
      throw new FileRefused({ code: 'undecodable', params: { encoding, line: headerRecord.line } });
    }
    const rowReader = header.ok ? new RowReader(header.columns, headerRecord.fields, fromSheet, titled.constants, header.sectionColumns) : null;
    const handler = header.ok ? rowHandler(header.kind, context) : null;
    if (header.ok) {
      report.kind = header.kind;
      report.ignoredColumns = header.ignored;
      report.ignoredColumnsTotal = header.ignoredTotal;
    } else {
      const { code, ok: _ok, ...params } = header;
      report.fileError = { code, params };
    }
    const width = headerWidth(headerRecord.fields);
    const every = options.checkpointEvery ?? 20000;
    // A long ratings file: the rest goes to another reader now, and is replayed after this one's rows.
    // The other reader knows the columns only: a file whose title gives values is read here whole.
    const plan = options.readAhead && header.ok && titled.constants.size === 0 && !csv.headedBy
      ? planReadAhead({ text, reader, kind: header.kind, columns: header.columns, header: headerRecord.fields, width, delimiter, encoding, badLines, registry: this.registry })
      : null;
    const ownText = plan ? text.slice(0, plan.split) : text;
    const ownReader = plan ? new CsvReader(ownText, delimiter, reader.position, reader.line) : reader;
    const ahead = plan && options.readAhead!(plan.input);
    // A file stopped before its rest is replayed (a cancel) leaves that read unawaited: its failure is not this file's.
    if (ahead) ahead.catch(() => undefined);
    const pause = async (fraction: number) => {
      if (options.checkpoint) await options.checkpoint(report.rowsRead, fraction);
      const part = options.onRatingsPart && builder.takeRatings(options.ratingPartRows ?? DEFAULT_PART_ROWS);
      if (part) await options.onRatingsPart!(part, report.fileId);
    };
    const kind = header.ok ? header.kind : null;
    const rows = new RowLoop({ kind, text: ownText, reader: ownReader, badLines, encoding, delimiter, width, rowReader, handler, report, errors,
      headedBy: csv.headedBy, headingAbove: csv.headingAbove, given: new Set([...titled.constants.keys(), ...(csv.headedBy ? [csv.headedBy] : [])]) });
    while (rows.read(every)) await pause(ownReader.position / text.length);
    let linesRead = ownReader.line - 1;
    let headerChangedAt = rows.headerChangedAt;
    if (plan && rows.remapped) {
      // The rest was read ahead by the file's first header; after a header placing the columns
      // otherwise (files joined end to end) it is read here, by that one, and the read ahead dropped.
      const restReader = new CsvReader(text, delimiter, plan.split, ownReader.line);
      rows.continueOn(text, restReader);
      while (rows.read(every)) await pause(restReader.position / text.length);
      linesRead = restReader.line - 1;
      headerChangedAt = rows.headerChangedAt;
    } else if (ahead) {
      // Progress: the session's share of the text once its rows are read, the rest as the replay goes.
      const own = ownText.length / text.length;
      const result = await pausingWhile(ahead, () => pause(own));
      await replayReadAhead(result, this.ledger, builder, errors, (replayed) => pause(own + (1 - own) * replayed), every);
      linesRead = result.nextLine - 1;
      headerChangedAt ??= result.headerChangedAt;
    }
    if (options.checkpoint) await options.checkpoint(report.rowsRead, 1);
    if (linesRead !== countLines(text) - (text.endsWith('\n') ? 1 : 0)) {
      throw new FileRefused({ code: 'accounting_mismatch', params: { linesRead, lines: countLines(text) } });
    }
    if (builder.refusal) throw new FileRefused(builder.refusal);
    if (headerChangedAt !== null) throw new FileRefused({ code: 'header_changed', params: { line: headerChangedAt } });
    if (report.fileError) return batch;
    if (report.rowsRead === 0) return refuse(batch, 'no_data_rows');
    if (batch.wards) this.replaceRegistry(batch.wards);
    return finish(builder);
  }

  /**
   * A sheet titled 令和7年度 鶴見区 above a header that lacks only the ward or year column: the title
   * gives that value to every row, when it names exactly one (title-row.ts). The title's line says so
   * in the load report. A workbook's sheet named for its ward or year (a tab per ward: `鶴見区`,
   * `R7`) is titled so too, its name read as a line `SHEET_NAME_LINE` after the title's. Anything else is left as
   * it was found.
   */
  private fromTitle(csv: LocatedHeader, sheet?: string): { csv: LocatedHeader; constants: Map<Field, string>; skippedLines: FileReport['skippedLines'] } {
    const unchanged = { csv, constants: new Map<Field, string>(), skippedLines: csv.preamble };
    if (csv.header.ok || csv.header.code !== 'missing_columns') return unchanged;
    const lacking = csv.header.missing.some(isTitleField);
    if (!csv.header.titled && !(lacking && sheet !== undefined)) return unchanged;
    const named = sheet === undefined ? [] : [{ line: SHEET_NAME_LINE, text: sheet }];
    // The title's lines first: a value they name is theirs, though the sheet's name names it too.
    // A heading just over the header (令和8年度重点目標) is no title: its year is not the sheet's.
    const given = titleValues([...csv.preamble.filter((l) => l.line !== csv.headingAbove?.line), ...named], this.registry);
    const values = new Map<Field, string>();
    if (given.ward) values.set('ward', given.ward.name);
    if (given.fiscalYear) values.set('fiscal_year', String(given.fiscalYear.value));
    const header = resolveHeader(csv.record.fields, new Set([...values.keys(), ...(csv.headedBy ? [csv.headedBy] : [])]));
    // The message then names the sheet's name as a way to give them.
    if (!header.ok) return sheet === undefined ? unchanged : { ...unchanged, csv: { ...csv, header: { ...csv.header, sheeted: 1 } } };
    const constants = new Map([...values].filter(([field]) => !header.columns.has(field)));
    const skippedLines = [...named, ...csv.preamble].flatMap((l) => {
      const gives = {
        ...(constants.has('ward') && given.ward?.line === l.line ? { ward: given.ward.name } : {}),
        ...(constants.has('fiscal_year') && given.fiscalYear?.line === l.line ? { fiscalYear: given.fiscalYear.value } : {}),
      };
      // The sheet's name is listed only when it gave a value: it is no line of the sheet.
      if (Object.keys(gives).length === 0) return l.line === SHEET_NAME_LINE ? [] : [l];
      return [{ ...l, gives }];
    });
    return { csv: { ...csv, header }, constants, skippedLines };
  }

  private replaceRegistry(wards: Ward[]): void {
    if (wards.length === 0) return;
    const previous = this.registry;
    this.registry = new WardRegistry(wards, false);
    this.ledger.onRollback(() => (this.registry = previous));
  }
}

/** The file's batch once every row read is accounted for; otherwise the file is refused, not loaded. */
function finish(builder: BatchBuilder): FileBatch {
  const done = builder.finish();
  if ('code' in done) throw new FileRefused(done);
  return done;
}

/** Waits for `promise`, pausing every 100 ms meanwhile, so a cancel is heard while another worker reads. */
async function pausingWhile<T>(promise: Promise<T>, pause: () => Promise<void>): Promise<T> {
  let settled = false;
  const settling = promise.finally(() => (settled = true));
  while (!settled) {
    await Promise.race([settling, new Promise((resolve) => setTimeout(resolve, 100))]);
    if (!settled) await pause();
  }
  return settling;
}

type OfficeContent = { sheets: Sheet[]; format: SheetFormat } | { html: string; format: 'docx' | 'doc' | 'odt' } | { pdf: PdfText; format: 'pdf' };

/** An office file's content, by the first reader that takes the bytes; null for anything else (a zip of other files too). */
async function readOffice(bytes: Uint8Array): Promise<OfficeContent | null> {
  if (isPdf(bytes)) return { pdf: await readPdf(bytes), format: 'pdf' };
  if (isCompoundFile(bytes)) {
    const file = new CompoundFile(bytes);
    const excel97 = readExcel97(file);
    if (excel97) return { sheets: excel97, format: 'xls' };
    const word97 = readWord97(file);
    return word97 === null ? null : { html: word97, format: 'doc' };
  }
  const workbook = await readWorkbook(bytes);
  if (workbook) return { sheets: workbook, format: 'xlsx' };
  const spreadsheet = await readSpreadsheet(bytes);
  if (spreadsheet) return { sheets: spreadsheet, format: 'ods' };
  const word = await readWordDocument(bytes);
  if (word !== null) return { html: word, format: 'docx' };
  const writer = await readWriterDocument(bytes);
  return writer === null ? null : { html: writer, format: 'odt' };
}

const PDF_WITHOUT_TEXT: Record<PdfWithoutText['reason'], FileErrorCode> = { no_text: 'pdf_without_text', unmapped_fonts: 'pdf_unmapped_fonts', cid_collection: 'pdf_cid_fonts' };

/** Files told by their name, which hold nothing the app reads: Office's lock file, an Ichitaro document. */
function refusalByName(name: string): FileErrorCode | null {
  if (isOfficeLockFile(name)) return 'office_lock_file';
  if (/\.jt[dt]c?$/i.test(name)) return 'ichitaro_file';
  return null;
}

/** How many of a zip's other files a refusal names. */
const LISTED_ENTRIES = 10;

/** An office file, a PDF or a zip's part that could not be unpacked: past the size limit, encrypted, without text, or damaged. */
function refuseUnpacked(batch: FileBatch, error: unknown): FileBatch {
  if (error instanceof PartTooLarge) return refuse(batch, 'office_file_too_large', { limitMB: Math.round(error.limit / 2 ** 20) });
  if (error instanceof PdfEncrypted) return refuse(batch, 'encrypted_pdf');
  if (error instanceof PdfWithoutText) return refuse(batch, PDF_WITHOUT_TEXT[error.reason]);
  if (error instanceof PdfDamaged) return refuse(batch, 'pdf_file');
  return refuse(batch, error instanceof PasswordProtected ? 'encrypted_office_file' : 'damaged_office_file');
}

function refuse(batch: FileBatch, code: FileErrorCode, params: FileError['params'] = {}): FileBatch {
  batch.report.fileError = { code, params };
  return batch;
}

function internalError(error: unknown): FileError {
  const message = errorMessage(error);
  return { code: 'internal_error', params: { message: clip(message).value } };
}

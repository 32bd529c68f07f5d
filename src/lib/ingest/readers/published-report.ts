import { clip } from '../limits.ts';
import type { ParsedReport } from '../report.ts';
import { rowError, type ErrorLog } from '../rows.ts';
import type { CenterRecord, FileBatch, NarrativeRecord, RatingRecord, RowError } from '../types.ts';
import { centerContent } from './centers.ts';
import type { ReadContext } from './context.ts';

/**
 * A published report: its table rows, narrative items and centers row are the rows accounted for;
 * a line the parser could not use, or one whose bytes were not valid in the file's encoding, is a
 * rejected row. Returns the batch to finish, or with its `fileError` set when the report is unusable.
 */
export function readPublishedReport({ registry, ledger, builder }: ReadContext, r: ParsedReport, badLines: Set<number>, errors: ErrorLog): FileBatch {
  const { batch } = builder;
  const report = batch.report;
  report.kind = 'report';
  const ward = registry.resolve(r.wardText);
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
    const added = ledger.addRating(record, builder);
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
    if (ledger.addText(builder, 'narrative', record, `${item.section}#${item.itemNo}`, item.text)) report.rowsLoaded++;
    else report.rowsDuplicate++;
  }
  if (r.center && !damaged(r.center.line, r.center.operator ?? '')) {
    const c = r.center;
    const record: CenterRecord = {
      ward: wardName, fiscalYear, centerName: null, operator: c.operator, contractYear: c.contractYear, contractLength: c.contractLength,
      periodStart: c.periodStart, periodEnd: c.periodEnd, purpose: c.purpose, provenance: 'real', line: c.line,
    };
    const fields = { operator: c.operator, period_start: c.periodStart, period_end: c.periodEnd, contract_year: c.contractYear, contract_length: c.contractLength, purpose: c.purpose };
    for (const [section, value] of Object.entries(fields)) {
      batch.reportValues.push({ kind: 'center', section, no: null, rater: null, value: value === null ? null : String(value), detail: null, line: c.line });
    }
    if (ledger.addText(builder, 'center', record, '', centerContent(record))) report.rowsLoaded++;
    else report.rowsDuplicate++;
  }
  report.rowsRejected = rejectedRows.size;
  // A report's rows are the lines its data came from; each is loaded, a duplicate or rejected once.
  report.rowsRead = report.rowsLoaded + report.rowsDuplicate + report.rowsRejected;
  return batch;
}

import type { BatchBuilder } from '../batch.ts';
import { parseFiscalYear } from '../fiscal-year.ts';
import { parseProvenance, type Provenance } from '../fields.ts';
import type { Ledger } from '../ledger.ts';
import { memoize } from '../memo.ts';
import type { WardRegistry, Ward } from '../registry.ts';
import type { RowOutcome, RowReader } from '../rows.ts';

/** What a reader of one file needs: the ward registry in force, the session's ledger, the file's batch. */
export interface ReadContext {
  registry: WardRegistry;
  ledger: Ledger;
  builder: BatchBuilder;
}

/** Reads one CSV row of a file's kind into the batch: loaded, a duplicate, or rejected with its cells' errors. */
export type RowHandler = (reader: RowReader) => RowOutcome;

// A million rows repeat a few distinct cells: each is parsed once.
export const readFiscalYear = memoize(parseFiscalYear);
const readProvenanceCell = memoize(parseProvenance);

/** The optional `provenance` column; without it a file holds real data. */
export function readProvenance(reader: RowReader): Provenance {
  const raw = reader.raw('provenance');
  if (raw.trim() === '') return 'real';
  const provenance = readProvenanceCell(raw);
  if (!provenance) reader.fail('provenance', 'invalid_provenance');
  return provenance ?? 'real';
}

/**
 * The ward (resolved in the registry, with a suggestion when close) and the fiscal year every data row
 * names. A second year column, when filled, must name the same year.
 */
export function readWardAndYear(reader: RowReader, registry: WardRegistry): { ward?: Ward; fiscalYear?: number } {
  let ward: Ward | undefined;
  let fiscalYear: number | undefined;
  const wardRaw = reader.required('ward');
  if (wardRaw !== undefined) {
    const match = registry.resolve(wardRaw);
    if (match.ok) ward = match.ward;
    else reader.fail('ward', match.code, match.suggestion ? { suggestion: match.suggestion } : {});
  }
  const yearRaw = reader.required('fiscal_year');
  if (yearRaw !== undefined) {
    const year = readFiscalYear(yearRaw);
    if (year.ok) fiscalYear = year.fiscalYear;
    else reader.fail('fiscal_year', year.code);
  }
  const alsoRaw = reader.raw('fiscal_year_also');
  if (alsoRaw.trim() !== '') {
    const also = readFiscalYear(alsoRaw);
    if (!also.ok) reader.fail('fiscal_year_also', also.code);
    else if (fiscalYear !== undefined && also.fiscalYear !== fiscalYear) reader.fail('fiscal_year_also', 'fiscal_years_disagree', { year: fiscalYear });
  }
  return { ward, fiscalYear };
}

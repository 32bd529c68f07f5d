import { parsePositiveInt } from '../fields.ts';
import { parseJapaneseDate } from '../fiscal-year.ts';
import type { Field } from '../headers.ts';
import type { CenterRecord, ReasonCode } from '../types.ts';
import { readProvenance, readWardAndYear, type ReadContext, type RowHandler } from './context.ts';

/** A centers row's content, compared to find duplicates and listed in a conflict. */
export function centerContent(c: CenterRecord): string {
  return [c.centerName, c.operator, c.contractYear, c.contractLength, c.periodStart, c.periodEnd, c.purpose].join(' / ');
}

/** Centers: a row per ward and year (operator, contract year of its length, period, purpose), every field but the key optional. */
export function centersHandler({ registry, ledger, builder }: ReadContext): RowHandler {
  return (reader) => {
    const { ward, fiscalYear } = readWardAndYear(reader, registry);
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
    const provenance = readProvenance(reader);
    if (reader.errors.length > 0 || !ward || fiscalYear === undefined) return 'rejected';
    const record: CenterRecord = {
      ward: ward.name, fiscalYear, centerName: optionalText('center_name'), operator: optionalText('operator'),
      contractYear, contractLength, periodStart, periodEnd, purpose: optionalText('purpose'), provenance, line: reader.row.line,
    };
    return ledger.addText(builder, 'center', record, '', centerContent(record)) ? 'loaded' : 'duplicate';
  };
}

import { parsePositiveInt } from '../fields.ts';
import { freeText, normalizeCode } from '../normalize.ts';
import { parseJapaneseDate, parsePeriod } from '../fiscal-year.ts';
import type { Field } from '../headers.ts';
import type { CenterRecord, ReasonCode } from '../types.ts';
import { readProvenance, readWardAndYear, type ReadContext, type RowHandler } from './context.ts';

/** A centers row's content, compared to find duplicates and listed in a conflict. */
export function centerContent(c: CenterRecord): string {
  return [c.centerName, c.operator, c.contractYear, c.contractLength, c.periodStart, c.periodEnd, c.purpose].join(' / ');
}

const LENGTH_WORD = '(?:[かヶケカ箇]?年度?|年間)';
const CONTRACT_LENGTH_SUFFIX = new RegExp(`${LENGTH_WORD}$`);
/** Both numbers in the year's cell: `3年度目/5か年度`, `3/5`, or the length in brackets, `3年度目（5か年度中）`. */
const CONTRACT_BOTH = new RegExp(`^(\\d{1,3})(?:年度?目)?(?:[/／](\\d{1,3})${LENGTH_WORD}?|\\((\\d{1,3})${LENGTH_WORD}中?\\))$`);

/** Centers: a row per ward and year (operator, contract year of its length, period, purpose), every field but the key optional. */
export function centersHandler({ registry, ledger, builder }: ReadContext): RowHandler {
  return (reader) => {
    const { ward, fiscalYear } = readWardAndYear(reader, registry);
    const optionalText = (field: Field) => {
      const value = freeText(reader.raw(field));
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
    // The report's own form in one cell, `3年度目/5か年度` or `3/5`, gives both numbers.
    const both = CONTRACT_BOTH.exec(normalizeCode(reader.raw('contract_year')).replace(/\s/g, ''));
    const bothLength = both ? Number(both[2] ?? both[3]) : null;
    let contractYear = both ? Number(both[1]) : optionalInt('contract_year', /年度?目$/, 'invalid_contract_year');
    let contractLength = optionalInt('contract_length', CONTRACT_LENGTH_SUFFIX, 'invalid_contract_length');
    if (bothLength !== null && contractLength !== null && contractLength !== bothLength) {
      reader.fail('contract_length', 'contract_length_disagrees', { length: bothLength });
    }
    contractLength ??= bothLength;
    let periodStart = optionalDate('period_start');
    let periodEnd = optionalDate('period_end');
    // 事業実施期間 in one cell, as the report writes it: its dates, and its (3年度目/5か年度) where given.
    const periodRaw = reader.raw('period');
    if (periodRaw.trim() !== '') {
      const period = parsePeriod(periodRaw);
      const given = (value: number | string | null, read: number | string | null) => value !== null && read !== null && value !== read;
      if (period.start === null || period.end === null) reader.fail('period', 'invalid_period');
      else if (given(periodStart, period.start) || given(periodEnd, period.end) || given(contractYear, period.contractYear) || given(contractLength, period.contractLength)) {
        reader.fail('period', 'period_disagrees');
      } else {
        periodStart ??= period.start;
        periodEnd ??= period.end;
        contractYear ??= period.contractYear;
        contractLength ??= period.contractLength;
      }
    }
    if (contractYear !== null && contractLength !== null && contractYear > contractLength) {
      reader.fail('contract_year', 'contract_year_exceeds_length', { length: contractLength });
    }
    const provenance = readProvenance(reader);
    if (reader.errors.length > 0 || !ward || fiscalYear === undefined) return 'rejected';
    const record: CenterRecord = {
      ward: ward.name, fiscalYear, centerName: optionalText('center_name'), operator: optionalText('operator'),
      contractYear, contractLength, periodStart, periodEnd, purpose: optionalText('purpose'), provenance, line: reader.row.line,
    };
    return ledger.addText(builder, 'center', record, '', centerContent(record)) ? 'loaded' : 'duplicate';
  };
}

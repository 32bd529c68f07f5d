import { normalizeCode } from './normalize.ts';

/** Japanese eras in use for fiscal years; 元年 is year 1 of the era. */
const ERAS: Record<string, { start: number; last?: number }> = {
  令和: { start: 2019 },
  r: { start: 2019 },
  平成: { start: 1989, last: 31 },
  h: { start: 1989, last: 31 },
};

export const MIN_FISCAL_YEAR = 1989;
export const MAX_FISCAL_YEAR = 2099;

export type FiscalYearResult = { ok: true; fiscalYear: number } | { ok: false; code: 'invalid_fiscal_year' | 'fiscal_year_out_of_range' };

// 年度分 ("the year's share"), as a sheet or file heads the year it reports on: 令和7年度分.
const WESTERN = /^(?:fy)?\s*(\d{4})\s*(?:年度分?|年)?$/;
const ERA = /^(令和|平成|r|h)\s*(\d{1,2}|元)\s*(?:年度分?|年)?$/;

/**
 * Parses `2025`, `2025年度`, `FY2025`, `令和7年度`, `令和7年度分`, `令和7`, `R7`, `令和元年度`, `平成31年度`, `H30`.
 * Returns the Western year in which the fiscal year starts (April): 令和元年度 is 2019, and so is
 * 平成31年度, because the era changed on 1 May 2019, inside the fiscal year that began in April.
 * Also two ways of writing the one year side by side, as documents and this app's own tables pair
 * them: `令和7年度（2025年度）`, `2025年度(令和7年度)`, `H31/R1`, and `2025/26` or `2025-2026` for the
 * two calendar years it spans; two that disagree are not read.
 */
export function parseFiscalYear(raw: string): FiscalYearResult {
  const value = normalizeCode(raw).toLowerCase();
  const pair = PAIRED.exec(value) ?? SPANNED.exec(value);
  if (!pair) return parseOneYear(value);
  const first = parseOneYear(pair[1]);
  if (!first.ok) return { ok: false, code: 'invalid_fiscal_year' };
  const next = first.fiscalYear + 1;
  if (/^\d{4}$/.test(pair[1]) && (pair[2] === String(next) || pair[2] === String(next % 100).padStart(2, '0'))) return first;
  const second = parseOneYear(pair[2]);
  return second.ok && second.fiscalYear === first.fiscalYear ? first : { ok: false, code: 'invalid_fiscal_year' };
}

/** The fiscal year a cell or label names, or undefined (for `parseSection`, which reads a year in a label). */
export function fiscalYearOf(raw: string): number | undefined {
  const year = parseFiscalYear(raw);
  return year.ok ? year.fiscalYear : undefined;
}

const PAIRED = /^(.+?)\s*\((.+?)\)$/;
const SPANNED = /^(.+?)\s*[/\-]\s*(.+)$/;

function parseOneYear(raw: string): FiscalYearResult {
  const value = raw.trim();
  let year: number | undefined;
  const western = WESTERN.exec(value);
  if (western) {
    year = Number(western[1]);
  } else {
    const era = ERA.exec(value);
    if (!era) return { ok: false, code: 'invalid_fiscal_year' };
    const { start, last } = ERAS[era[1]];
    const n = era[2] === '元' ? 1 : Number(era[2]);
    if (n < 1 || (last !== undefined && n > last)) return { ok: false, code: 'fiscal_year_out_of_range' };
    year = start + n - 1;
  }
  if (year < MIN_FISCAL_YEAR || year > MAX_FISCAL_YEAR) return { ok: false, code: 'fiscal_year_out_of_range' };
  return { ok: true, fiscalYear: year };
}

/** 令和7年度（2025年度） for Reiwa years; 平成30年度（2018年度） before. */
export function toJapaneseFiscalYear(fiscalYear: number): string {
  if (fiscalYear >= 2019) {
    const n = fiscalYear - 2018;
    return `令和${n === 1 ? '元' : n}年度`;
  }
  const n = fiscalYear - 1988;
  return `平成${n === 1 ? '元' : n}年度`;
}

const DATE_ERA = /^(令和|平成|r|h)\s*(\d{1,2}|元)\s*[年.\/-]\s*(\d{1,2})\s*[月.\/-]\s*(\d{1,2})\s*日?$/;
const DATE_WESTERN = /^(\d{4})\s*[年.\/-]\s*(\d{1,2})\s*[月.\/-]\s*(\d{1,2})\s*日?$/;

// A date cell Excel wrote with its time (`2026/3/31 0:00`) or a system as ISO (`2025-04-01T00:00:00`).
const TIME_OF_DAY = /^(.+?)(?:\s+|t)([01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?$/;
// Excel's day numbers (1900 system: day 1 is 1900-01-01, counted from 1899-12-30 past its false 1900-02-29), 1990–2099:
// a date cell formatted as a number when the sheet was saved.
const EXCEL_SERIAL = { min: 32874, max: 73050 };

/**
 * `令和7年4月1日`, `R7.4.1`, `2025-04-01`, `2025/4/1`, with or without a time of day, or Excel's day
 * number (`45748`) → `2025-04-01`; undefined when not a real date.
 */
export function parseJapaneseDate(raw: string): string | undefined {
  const cell = normalizeCode(raw).toLowerCase();
  if (/^\d{5}$/.test(cell)) {
    const serial = Number(cell);
    if (serial < EXCEL_SERIAL.min || serial > EXCEL_SERIAL.max) return undefined;
    return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
  }
  const value = TIME_OF_DAY.exec(cell)?.[1] ?? cell;
  let year: number;
  let month: number;
  let day: number;
  const era = DATE_ERA.exec(value);
  const western = DATE_WESTERN.exec(value);
  if (era) {
    const { start, last } = ERAS[era[1]];
    const n = era[2] === '元' ? 1 : Number(era[2]);
    if (n < 1 || (last !== undefined && n > last)) return undefined;
    [year, month, day] = [start + n - 1, Number(era[3]), Number(era[4])];
  } else if (western) {
    [year, month, day] = [Number(western[1]), Number(western[2]), Number(western[3])];
  } else {
    return undefined;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

export interface Period {
  start: string | null;
  end: string | null;
  contractYear: number | null;
  contractLength: number | null;
}

const CONTRACT = /(\d+)年度目[/／](\d+)[かヶケカ箇]?年度/;

/**
 * A period as one text, as a report's 事業実施期間 writes it: `平成31年4月1日～令和2年3月31日(4年度目/5か年度)`,
 * `R7.4.1~R8.3.31`, `2025-04-01 ～ 2026-03-31`, `2025/4/1-2026/3/31`: its two dates (null where one is
 * missing or not a date) and the contract year of its length when given. The dates are split where
 * both sides read as dates, so the hyphens of `2025-04-01` are never taken for the range's.
 */
export function parsePeriod(value: string): Period {
  const normalized = value.normalize('NFKC').replace(/\s+/g, '');
  const contract = CONTRACT.exec(normalized);
  const contractPart = { contractYear: contract ? Number(contract[1]) : null, contractLength: contract ? Number(contract[2]) : null };
  const range = normalized.replace(/[(（].*$/, '');
  for (const mark of range.matchAll(/[～〜~\-―–—]/g)) {
    const [start, end] = [parseJapaneseDate(range.slice(0, mark.index)), parseJapaneseDate(range.slice(mark.index + 1))];
    if (start && end) return { start, end, ...contractPart };
  }
  // Not two dates: what either side holds, split at the range's own mark.
  const [left, right] = range.split(/[～〜~]/);
  return { start: left ? (parseJapaneseDate(left) ?? null) : null, end: right ? (parseJapaneseDate(right) ?? null) : null, ...contractPart };
}

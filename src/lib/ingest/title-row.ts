import { parseFiscalYear } from './fiscal-year.ts';
import type { WardRegistry } from './registry.ts';

/** What a sheet's title rows give every row below them, and the line each value was read from. */
export interface TitleValues {
  ward?: { name: string; line: number };
  fiscalYear?: { value: number; line: number };
}

/** A fiscal year as a title writes it: with 年度 (令和7年度, R7年度, 2025年度), `R7`, or `FY2025`; a date's year (令和7年3月31日, R7.3.31) is not one. */
const TITLE_YEAR = /(?:令和|平成)\s*(?:\d{1,2}|元)\s*年度|(?<![A-Za-z])[RH]\s*\d{1,2}(?:\s*年度|(?![\d年./-]))|(?:19|20)\d{2}\s*年度|FY\s*\d{4}/gi;

/**
 * The ward and fiscal year named in the lines above a sheet's header (`令和7年度 鶴見区 協働評価`),
 * each only when exactly one is named there: two wards or two years give nothing, and the header's
 * missing columns are reported as before. A ward is found by its name in the registry (港南区, not the
 * 南区 inside it), a year by its 年度 form.
 */
export function titleValues(lines: ReadonlyArray<{ line: number; text: string }>, registry: WardRegistry): TitleValues {
  const wards = new Map<string, number>();
  const years = new Map<number, number>();
  for (const { line, text } of lines) {
    const plain = text.normalize('NFKC').replace(/ヶ/g, 'ケ');
    for (const name of wardNamesIn(plain, registry)) if (!wards.has(name)) wards.set(name, line);
    for (const m of plain.matchAll(TITLE_YEAR)) {
      const year = parseFiscalYear(m[0].replace(/\s/g, ''));
      if (year.ok && !years.has(year.fiscalYear)) years.set(year.fiscalYear, line);
    }
  }
  const values: TitleValues = {};
  if (wards.size === 1) {
    const [[name, line]] = wards;
    values.ward = { name, line };
  }
  if (years.size === 1) {
    const [[value, line]] = years;
    values.fiscalYear = { value, line };
  }
  return values;
}

/** The registry's wards named in `text`, a name inside a longer one (南区 in 港南区) not counted. */
function wardNamesIn(text: string, registry: WardRegistry): string[] {
  const found: Array<{ name: string; start: number; end: number }> = [];
  for (const ward of registry.wards) {
    const key = ward.name.normalize('NFKC').replace(/ヶ/g, 'ケ');
    for (let at = text.indexOf(key); at !== -1; at = text.indexOf(key, at + 1)) found.push({ name: ward.name, start: at, end: at + key.length });
  }
  return found.filter((f) => !found.some((g) => g !== f && g.start <= f.start && g.end >= f.end && g.end - g.start > f.end - f.start)).map((f) => f.name);
}

import { numberText } from './sheet.ts';

/**
 * How Excel shows a stored number, shared by the workbook readers (`.xlsx`, `.xls`): as a date or a
 * time of day when its cell's number format shows one, else to 15 significant digits. A format is
 * either one of Excel's built-in ids or a custom format code.
 */

/** Excel's built-in number formats that show a full date (ja-JP adds 27–31, 35, 36, 50, 51, 53, 54, 56–58 for eras and 年月日). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 22, 27, 28, 29, 30, 31, 35, 36, 50, 51, 53, 54, 56, 57, 58]);
/** Excel's built-in formats that show a date without its day, by their codes (ja-JP's 年 and 月). */
const MONTH_FORMATS = new Map([
  [17, 'mmm-yy'],
  [34, 'yyyy"年"m"月"'],
  [52, 'yyyy"年"m"月"'],
  [55, 'yyyy"年"m"月"'],
]);
/** Excel's built-in formats that show a time of day, by their codes (ja-JP's 32 and 33 in 時, 分 and 秒). */
const TIME_FORMATS = new Map([
  [18, 'h:mm AM/PM'],
  [19, 'h:mm:ss AM/PM'],
  [20, 'h:mm'],
  [21, 'h:mm:ss'],
  [32, 'h"時"mm"分"'],
  [33, 'h"時"mm"分"ss"秒"'],
  [45, 'mm:ss'],
  [46, '[h]:mm:ss'],
  [47, 'mm:ss.0'],
]);
const DAY_MS = 86_400_000;
/** What a date serial counts days from: the 1900 system (its leap-year bug aside, see `dateOf`), and the 1904 system a Mac workbook may use. */
export const EPOCH_1900 = Date.UTC(1899, 11, 30);
export const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * What a cell's number format makes of its number: a full date (read as `YYYY-MM-DD`, a time of day
 * beside it dropped), a date shown without its day (the year alone, `ggge"年度"` → 令和7年度, or with
 * its month, `yyyy"年"m"月"` → 2025年4月: read as shown), or a time of day (read as shown: `9:30`,
 * `9時30分`); undefined when the format shows none of them.
 */
export type DateShown = { kind: 'date' } | { kind: 'withoutDay' | 'time'; code: string } | undefined;

/** The date or time a format `id` shows, with `code` when the format is custom (a workbook's own). */
export function dateShown(id: number, code: string | undefined): DateShown {
  if (code === undefined) {
    const time = TIME_FORMATS.get(id);
    if (time !== undefined) return { kind: 'time', code: time };
    const withoutDay = MONTH_FORMATS.get(id);
    if (withoutDay !== undefined) return { kind: 'withoutDay', code: withoutDay };
    return DATE_FORMAT_IDS.has(id) ? { kind: 'date' } : undefined;
  }
  // Outside quoted text, brackets and escapes: a day makes a full date; hours or seconds without a
  // year make a time (its m the minutes); a year or a month without them, a date without its day.
  const tokens = formatTokens(code).replace(/E[+-]/g, '');
  const time = /[hHsS]/.test(tokens);
  const year = /[yYgG]|e/.test(tokens);
  if (/[dD]/.test(tokens)) return { kind: 'date' };
  if (time && !year) return { kind: 'time', code };
  if (year || /[mM]/.test(tokens)) return { kind: 'withoutDay', code };
  return undefined;
}

/** A number as its cell shows it. */
export function shownNumber(value: number, date: DateShown, epoch: number): string {
  switch (date?.kind) {
    case undefined:
      return numberText(value);
    case 'date':
    case 'withoutDay':
      // Excel shows a negative date as ####: it stays the number.
      if (!(value >= 0)) return numberText(value);
      return date.kind === 'date' ? dateOf(value, epoch) : withoutDayAsShown(date.code, dateOf(value, epoch));
    case 'time':
      return timeAsShown(date.code, value);
  }
}

/** The format's first section without its quoted text, brackets, escapes and "General" (Japanese Excel's `G/標準`): its tokens. */
const formatTokens = (code: string) =>
  code
    .split(';')[0]
    .replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')
    .replace(/G\/標準|General/gi, '');

/** Japan's eras from their first day: a date format's `ggg` / `gg` / `g` and `e` / `ee`. */
const ERAS: Array<{ from: number; names: [string, string, string] }> = [
  { from: Date.UTC(2019, 4, 1), names: ['令和', '令', 'R'] },
  { from: Date.UTC(1989, 0, 8), names: ['平成', '平', 'H'] },
  { from: Date.UTC(1926, 11, 25), names: ['昭和', '昭', 'S'] },
  { from: Date.UTC(1912, 6, 30), names: ['大正', '大', 'T'] },
  { from: Date.UTC(1868, 0, 25), names: ['明治', '明', 'M'] },
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A date as a format without a day shows it: `ggge"年度"` → 令和7年度, `yyyy"年度"` → 2025年度,
 * `yyyy"年"m"月"` → 2025年4月, `mmm-yy` → Apr-25.
 */
function withoutDayAsShown(code: string, iso: string): string {
  const time = Date.parse(iso);
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const era = ERAS.find((e) => time >= e.from);
  const eraYear = era ? year - new Date(era.from).getUTCFullYear() + 1 : year;
  let out = '';
  for (const m of code.split(';')[0].matchAll(/"([^"]*)"|\[[^\]]*\]|\\(.)|(g{1,3}|e{1,2}|[yY]+|[mM]+)|(.)/g)) {
    const [, quoted, escaped, token, other] = m;
    const part = token?.toLowerCase();
    if (quoted !== undefined) out += quoted;
    else if (escaped !== undefined) out += escaped;
    else if (part?.startsWith('g')) out += era ? era.names[3 - part.length] : '';
    else if (part?.startsWith('e')) out += part.length === 2 ? String(eraYear).padStart(2, '0') : String(eraYear);
    else if (part?.startsWith('y')) out += part.length <= 2 ? String(year % 100).padStart(2, '0') : String(year);
    else if (part?.startsWith('m')) out += monthAsShown(month, part.length);
    else if (other !== undefined) out += other;
  }
  return out;
}

/** `m` 4, `mm` 04, `mmm` Apr, `mmmm` April, `mmmmm` A. */
function monthAsShown(month: number, letters: number): string {
  const name = MONTHS[month - 1];
  if (letters <= 2) return letters === 2 ? String(month).padStart(2, '0') : String(month);
  return letters === 3 ? name.slice(0, 3) : letters === 4 ? name : name[0];
}

/**
 * A time as its format shows it, to the second: `h:mm` → 9:05, `h"時"mm"分"` → 9時05分, `h:mm AM/PM`
 * → 9:05 PM; the time of day, or with `[h]` the hours elapsed. Excel shows a negative time as ####,
 * so it stays the number.
 */
function timeAsShown(code: string, value: number): string {
  if (!(value >= 0)) return numberText(value);
  const seconds = Math.round(value * 86_400);
  const section = code.split(';')[0];
  const elapsed = /\[h+\]/i.test(section);
  const ofDay = elapsed ? seconds : seconds % 86_400;
  const hours = Math.floor(ofDay / 3600);
  const twelveHour = /AM\/PM|A\/P/i.test(section);
  const pad = (n: number, token: string) => (token.length >= 2 ? String(n).padStart(2, '0') : String(n));
  let out = '';
  for (const m of section.matchAll(/"([^"]*)"|\[(h+|m+|s+)\]|\[[^\]]*\]|\\(.)|(AM\/PM|A\/P)|(h+|m+|s+)|(.)/gi)) {
    const [, quoted, bracketed, escaped, meridiem, token, other] = m;
    const part = (bracketed ?? token)?.toLowerCase();
    if (quoted !== undefined) out += quoted;
    else if (escaped !== undefined) out += escaped;
    else if (meridiem !== undefined) out += hours % 24 < 12 ? meridiem.split('/')[0] : meridiem.split('/')[1];
    else if (part?.startsWith('h')) out += pad(twelveHour ? hours % 12 || 12 : hours, part);
    else if (part?.startsWith('m')) out += pad(bracketed ? Math.floor(ofDay / 60) : Math.floor(ofDay / 60) % 60, part);
    else if (part?.startsWith('s')) out += pad(bracketed ? ofDay : ofDay % 60, part);
    else if (other !== undefined) out += other;
  }
  return out;
}

/**
 * A serial's day as `YYYY-MM-DD`. The 1900 system counts a 29 February 1900 that never was, and a
 * day 0: Excel shows them as `1900/2/29` and `1900/1/0`, so they read as such (and are rejected where
 * a date is needed), not as a made-up neighbour; serials before 29 February are a day off.
 */
function dateOf(serial: number, epoch: number): string {
  const day = Math.floor(serial);
  if (epoch === EPOCH_1900 && day === 0) return '1900-01-00';
  if (epoch === EPOCH_1900 && day === 60) return '1900-02-29';
  const days = epoch === EPOCH_1900 && day < 60 ? day + 1 : day;
  return new Date(epoch + days * DAY_MS).toISOString().slice(0, 10);
}

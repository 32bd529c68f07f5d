import type { UserSqlResult } from './database.ts';
import { quoteIdentifier } from './sql.ts';

const TIME_UNITS: Record<string, number> = { SECOND: 1, MILLISECOND: 1e3, MICROSECOND: 1e6, NANOSECOND: 1e9 };

/** `10:00:01.25` from a time of day counted in `unit`s since midnight (Arrow's Time32/Time64). */
export function timeOfDay(value: number, unit: string): string {
  const perSecond = TIME_UNITS[unit] ?? 1e6;
  const seconds = Math.floor(value / perSecond);
  const fraction = value - seconds * perSecond;
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  if (fraction === 0) return clock;
  const digits = String(perSecond).length - 1;
  return `${clock}.${String(fraction).padStart(digits, '0').replace(/0+$/, '')}`;
}

/** A BLOB as DuckDB prints it: printable ASCII as itself, every other byte (and the backslash) as `\xAA`. */
export function blobText(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += byte >= 0x20 && byte < 0x7f && byte !== 0x5c ? String.fromCharCode(byte) : `\\x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return text;
}

/**
 * An analyst's result with its values as they read: a time of day and a BLOB as DuckDB prints them
 * (Arrow hands them over as a count of microseconds and as bytes). Dates and timestamps stay numbers
 * (milliseconds), which the table and its downloads format by their kind.
 */
export function readableConsoleResult(result: UserSqlResult): UserSqlResult {
  const active = result.columns.flatMap(({ name, type }) => {
    const time = /^Time(?:32|64)<(\w+)>/.exec(type);
    if (time) return [{ name, convert: (v: unknown) => (typeof v === 'number' ? timeOfDay(v, time[1]) : v) }];
    if (/^(Large)?Binary|^FixedSizeBinary/.test(type)) return [{ name, convert: (v: unknown) => (v instanceof Uint8Array ? blobText(v) : v) }];
    return [];
  });
  if (active.length === 0) return result;
  return {
    columns: result.columns,
    rows: result.rows.map((row) => {
      const out = { ...row };
      for (const { name, convert } of active) out[name] = convert(row[name]);
      return out;
    }),
  };
}

/**
 * Columns whose values Arrow's JavaScript reader cannot give as DuckDB prints them: an INTERVAL
 * (misread: DuckDB's MONTH_DAY_NANO), and a list, struct or map holding dates, times, BLOBs or
 * intervals (their values arrive as milliseconds and bytes, deep inside).
 */
export function needsDuckdbText(type: string): boolean {
  return /Interval/.test(type) || (/^(List|LargeList|FixedSizeList|Struct|Map)</.test(type) && /Date|Timestamp|Time(32|64)|Binary/.test(type));
}

/**
 * The analyst's statement run again through DuckDB's `query()` with the given columns cast to text
 * (`1 day`, `[2025-04-01]`). The statement goes in as a string literal, quotes doubled: it is the
 * analyst's own SQL, which the console runs anyway (read-only, rolled back). A script of several
 * statements cannot be wrapped; DuckDB's error then says so.
 */
export function columnsAsText(sql: string, columns: readonly string[]): string {
  const statement = sql.trim().replace(/;\s*$/, '');
  const casts = columns.map((name) => `CAST(${quoteIdentifier(name)} AS VARCHAR) AS ${quoteIdentifier(name)}`).join(', ');
  return `SELECT * REPLACE (${casts}) FROM query('${statement.replaceAll("'", "''")}')`;
}

/**
 * Bounds that keep any input, up to 100 MB, from exhausting memory or crashing DuckDB-WASM with a
 * giant parameter: values are stored whole, but messages quote at most `MESSAGE_VALUE` characters.
 */
export const MESSAGE_VALUE = 200;
/** Rejected cells listed per file (the rest are counted, summarised and can be written by `validate --errors-csv`). */
export const LISTED_ERRORS = 10_000;
/** Column names listed in a message (unknown columns, headers found). */
export const LISTED_COLUMNS = 20;
/** Title or blank rows tolerated above a CSV header. */
export const PREAMBLE_LINES = 10;
/** Stage heading rows listed in a file's report (three to a ward and year; the rows under each show their stage). */
export const LISTED_HEADINGS = 60;

/** A value as a message quotes it: at most `MESSAGE_VALUE` characters, then `…`; `length` when it was cut. */
export function clip(value: string, limit = MESSAGE_VALUE): { value: string; length?: number } {
  return value.length <= limit ? { value } : { value: `${value.slice(0, limit)}…`, length: value.length };
}

export const clipText = (value: string, limit = MESSAGE_VALUE): string => clip(value, limit).value;

/** A list of names for a message: the first `LISTED_COLUMNS`, each clipped to 60 characters. */
export function clipList(values: readonly string[]): string[] {
  return values.slice(0, LISTED_COLUMNS).map((v) => clipText(v, 60));
}

/**
 * A file's part (a zip entry, a sheet as text) that would be too large to read: past what one string
 * holds, or a small file's bomb. The file is refused as too large, not as damaged.
 */
export class PartTooLarge extends Error {
  constructor(
    readonly part: string,
    readonly limit: number,
  ) {
    super(`${part} is past ${limit} bytes`);
  }
}

/**
 * A sheet's most characters as CSV text: as much as the largest CSV file read (100 MB) and some. A
 * sheet can be far larger than its file (one long shared string in every cell).
 */
export const MAX_SHEET_CHARS = 2 ** 27;

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

/** A value as a message quotes it: at most `MESSAGE_VALUE` characters, then `…`; `length` when it was cut. */
export function clip(value: string, limit = MESSAGE_VALUE): { value: string; length?: number } {
  return value.length <= limit ? { value } : { value: `${value.slice(0, limit)}…`, length: value.length };
}

export const clipText = (value: string, limit = MESSAGE_VALUE): string => clip(value, limit).value;

/** A list of names for a message: the first `LISTED_COLUMNS`, each clipped to 60 characters. */
export function clipList(values: readonly string[]): string[] {
  return values.slice(0, LISTED_COLUMNS).map((v) => clipText(v, 60));
}

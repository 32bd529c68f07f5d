export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** UTF-8 byte order mark, so Excel on Japanese Windows opens the file as UTF-8. */
  bom?: boolean;
  /** Prefix cells starting with `=`, `+`, `-`, `@` with `'` so a spreadsheet never runs them as formulas. */
  neutraliseFormulas?: boolean;
}

function quote(cell: CsvCell, neutralise: boolean): string {
  if (cell === null || cell === undefined) return '';
  let text = String(cell);
  if (neutralise && typeof cell === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One RFC 4180 record, without its line end (for writers that stream rows). */
export function csvLine(row: readonly CsvCell[], neutraliseFormulas = false): string {
  return row.map((cell) => quote(cell, neutraliseFormulas)).join(',');
}

/** RFC 4180 CSV with LF line ends. */
export function toCsv(header: readonly string[], rows: readonly CsvCell[][], options: CsvOptions = {}): string {
  const neutralise = options.neutraliseFormulas ?? false;
  const lines = [header, ...rows].map((row) => csvLine(row, neutralise));
  return `${options.bom ? '\ufeff' : ''}${lines.join('\n')}\n`;
}

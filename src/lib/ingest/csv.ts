import Papa from 'papaparse';

export interface CsvRow {
  /** 1-based physical line where the record starts. */
  line: number;
  fields: string[];
}

export interface CsvTable {
  header: string[];
  headerLine: number;
  rows: CsvRow[];
  /** Rows papaparse could not close (an unterminated quote), by row index into `rows`. */
  brokenRows: Set<number>;
}

function countNewlines(value: string): number {
  let n = 0;
  for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * RFC 4180 via papaparse, in one pass (worker: false; the caller is already off the main thread).
 * Line numbers are counted from the records themselves, so quoted newlines keep them exact; blank
 * lines are skipped here but still counted.
 */
export function parseCsv(text: string): CsvTable {
  const result = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: ',' });
  const quoted = text.includes('"');
  const broken = new Set<number>();
  const brokenRecords = new Set(result.errors.filter((e) => e.code === 'MissingQuotes').map((e) => e.row));
  let line = 1;
  let header: string[] | undefined;
  let headerLine = 0;
  const rows: CsvRow[] = [];
  result.data.forEach((fields, index) => {
    const start = line;
    line += 1;
    if (quoted) for (const f of fields) line += countNewlines(f);
    if (fields.every((f) => f.trim() === '')) return;
    if (!header) {
      header = fields;
      headerLine = start;
      return;
    }
    if (brokenRecords.has(index)) broken.add(rows.length);
    rows.push({ line: start, fields });
  });
  return { header: header ?? [], headerLine, rows, brokenRows: broken };
}

import { describe, expect, it } from 'vitest';
import { CsvReader, normalizeLineEnds, type CsvRecord, type Delimiter } from '../../../src/lib/ingest/csv.ts';

function readAll(text: string, delimiter: Delimiter = ','): { records: CsvRecord[]; nextLine: number } {
  const reader = new CsvReader(normalizeLineEnds(text), delimiter);
  const records: CsvRecord[] = [];
  for (let r = reader.next(); r; r = reader.next()) records.push(r);
  return { records, nextLine: reader.line };
}
const summary = (text: string, delimiter: Delimiter = ',') =>
  readAll(text, delimiter).records.map((r) => [r.line, r.fields, r.problem?.code ?? null]);

describe('CsvReader', () => {
  it('reads RFC 4180: quoted delimiters, doubled quotes, line breaks inside quotes, empty fields', () => {
    expect(summary('a,"b,c","d""e"\n"f\ng",,h\n')).toEqual([
      [1, ['a', 'b,c', 'd"e'], null],
      [2, ['f\ng', '', 'h'], null],
    ]);
  });

  it('rejects a field that opens with a quote and goes on after it, and reads the next rows normally', () => {
    const text = 'ward,fiscal_year,section,item_no,text\n西区,2024,action,1,"5"回のパパ講座を実施した\n西区,2024,action,2,b\n西区,2024,action,3,c\n';
    expect(summary(text)).toEqual([
      [1, ['ward', 'fiscal_year', 'section', 'item_no', 'text'], null],
      [2, ['西区', '2024', 'action', '1', '"5"回のパパ講座を実施した'], 'stray_quote'],
      [3, ['西区', '2024', 'action', '2', 'b'], null],
      [4, ['西区', '2024', 'action', '3', 'c'], null],
    ]);
    expect(readAll(text).records[1].problem).toEqual({ code: 'stray_quote', field: 4 });
  });

  it('reads Excel’s text formula ="…" as the text inside, as Excel shows it', () => {
    expect(summary('="14101",="2025",="A""B",x\n="鶴見区"\n')).toEqual([
      [1, ['14101', '2025', 'A"B', 'x'], null],
      [2, ['鶴見区'], null],
    ]);
    // Only a whole cell: = inside a value, or text after the closing quote, is as before.
    expect(summary('a=b,c\n="x"y,z\n').map(([line, fields, problem]) => [line, problem === null ? fields : problem])).toEqual([
      [1, ['a=b', 'c']],
      [2, 'stray_quote'],
    ]);
  });

  it('rejects a quote inside an unquoted field and text after a closing quote', () => {
    expect(summary('a,b"c,d\n"x" ,y\ne,f\n').map(([line, , problem]) => [line, problem])).toEqual([
      [1, 'stray_quote'],
      [2, 'stray_quote'],
      [3, null],
    ]);
  });

  it('an unterminated quote costs only its own line, not every line after it', () => {
    expect(summary('a,"never closed\nb,c\nd,e\n')).toEqual([
      [1, ['a', '"never closed'], 'unterminated_quote'],
      [2, ['b', 'c'], null],
      [3, ['d', 'e'], null],
    ]);
    // A quote on a later line followed by text is not the closing one: the first line's quote never closed.
    expect(summary('a,"open\nb,"x",c\n').map(([line, , problem]) => [line, problem])).toEqual([
      [1, 'unterminated_quote'],
      [2, null],
    ]);
  });

  it('counts editor lines in CRLF files with bare-LF and bare-CR rows mixed in', () => {
    const { records, nextLine } = readAll('h1,h2\r\nA,1\r\nB,2\nC,3\rD,4\r\nE,5\r\n');
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ['h1', 'h2']], [2, ['A', '1']], [3, ['B', '2']], [4, ['C', '3']], [5, ['D', '4']], [6, ['E', '5']],
    ]);
    expect(nextLine).toBe(7);
  });

  it('keeps line numbers right after a quoted CR in a CR-only file', () => {
    const { records } = readAll('h1,h2\r"a\rb",1\rc,Z\r');
    expect(records.map((r) => [r.line, r.endLine, r.fields])).toEqual([
      [1, 1, ['h1', 'h2']],
      [2, 3, ['a\nb', '1']],
      [4, 4, ['c', 'Z']],
    ]);
  });

  it.each([
    ['\t', 'a\t"b\tc"\td\n'],
    [';', 'a;"b;c";d\n'],
  ] as const)('reads %j as the delimiter', (delimiter, text) => {
    expect(summary(text, delimiter)).toEqual([[1, ['a', `b${delimiter}c`, 'd'], null]]);
  });

  it('reads a last line without a line end, and a lone quote at the very end', () => {
    expect(summary('a,b')).toEqual([[1, ['a', 'b'], null]]);
    expect(summary('a,"')).toEqual([[1, ['a', '"'], 'unterminated_quote']]);
  });

  it('gives every cell of unquoted lines as split does, short cells repeated or not, past the table of shared cells', () => {
    // 6,000 distinct short cells (more than the shared-cell table holds), each on several lines, and long cells.
    const lines = Array.from({ length: 20000 }, (_, i) => [`w${i % 6000}`, String(2000 + (i % 7)), '', 'x'.repeat(20 + (i % 10)), `区${i % 3}`, 'a'.repeat(30) + i].join(','));
    const { records } = readAll(lines.join('\n'));
    expect(records.map((r) => r.fields)).toEqual(lines.map((line) => line.split(',')));
  });
});

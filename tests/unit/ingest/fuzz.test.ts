import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { defaultWards } from '../../../src/lib/ingest/registry.ts';
import { IngestSession } from '../../../src/lib/ingest/session.ts';

/**
 * Property tests over generated narratives CSVs: random quoting, line ends, delimiters, encodings,
 * hostile text, and rows broken on purpose (short, long, stray quote, bad value). Whatever is
 * generated: no exception, rows read = loaded + duplicate + rejected, every intact row loads with its
 * text as written, and every broken row is rejected on the editor line where it starts.
 */

// A fixed seed keeps the suite repeatable; `FUZZ_SEED=… FUZZ_RUNS=20000 npx vitest run fuzz` explores further.
fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED ?? 20261126), numRuns: Number(process.env.FUZZ_RUNS ?? 1000) });

const WARDS = defaultWards().map((w) => w.name);
const WORDS = ['父親支援', 'ピアサポート', 'を実施した', '孤立防止', 'ひろば', '妊娠期', 'の交流', '相談', '横浜子育てサポートシステム', 'が増えた', 'Papa', '講座', '①', '２回'];
const HOSTILE = ['"', '""', ',', ';', '\t', '\n', '<div>', '</h1>', ' ', '=SUM(A1)', "'", '&amp;', 'ﾊﾟﾊﾟ'];
/** Characters EUC-JP (as iconv writes it) and CP932 both hold. */
const legacySafe = (text: string) => !/[①ﾊﾟ]/.test(text);

type Fault = 'short' | 'long' | 'stray_quote' | 'bad_section' | null;
interface Row {
  ward: string;
  year: number;
  itemNo: number;
  text: string;
  fault: Fault;
}

const rowArb = fc.record({
  ward: fc.constantFrom(...WARDS),
  year: fc.integer({ min: 2019, max: 2025 }),
  words: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) }), { minLength: 1, maxLength: 8 }),
  fault: fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom<Fault>('short', 'long', 'stray_quote', 'bad_section') }),
});

const fileArb = fc.record({
  rows: fc.array(rowArb, { minLength: 1, maxLength: 25 }),
  delimiter: fc.constantFrom(',', '\t', ';'),
  quoteAll: fc.boolean(),
  lineEnds: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 4 }),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'cp932', 'euc-jp'),
  japaneseHeader: fc.boolean(),
  blankLines: fc.boolean(),
});

function cell(value: string, delimiter: string, quoteAll: boolean): string {
  const needs = value.includes('"') || value.includes(delimiter) || /[\r\n]/.test(value) || value !== value.trim();
  return quoteAll || needs ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The CSV text, and each row's expected first line (editor lines: a quoted line break counts). */
type FileSpec = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

function render(file: FileSpec, rows: Row[]): { text: string; lines: number[] } {
  const d = file.delimiter;
  const header = file.japaneseHeader ? ['区', '年度', '区分', '番号', '内容'] : ['ward', 'fiscal_year', 'section', 'item_no', 'text'];
  const parts = [header.map((h) => cell(h, d, file.quoteAll)).join(d)];
  const lines: number[] = [];
  let line = 2;
  rows.forEach((row, i) => {
    if (file.blankLines && i % 5 === 4) {
      parts.push('');
      line++;
    }
    let cells = [row.ward, String(row.year), row.fault === 'bad_section' ? '感想' : 'challenge', String(row.itemNo)].map((c) => cell(c, d, file.quoteAll));
    let text = cell(row.text, d, file.quoteAll);
    if (row.fault === 'stray_quote') text = `"引用"を${row.text.replace(/["\r\n]/g, '').split(d).join('')}`;
    cells.push(text);
    if (row.fault === 'short') cells = cells.slice(0, 4);
    if (row.fault === 'long') cells.push('余計');
    parts.push(cells.join(d));
    lines.push(line);
    line += 1 + (row.fault === 'stray_quote' || row.fault === 'short' ? 0 : (row.text.match(/\n/g)?.length ?? 0));
  });
  let text = '';
  // A blank line ends with CRLF: after a CR, a bare LF would join it into one line end.
  parts.forEach((p, i) => (text += p + (p === '' ? '\r\n' : file.lineEnds[i % file.lineEnds.length])));
  return { text, lines };
}

function encode(text: string, encoding: string): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  if (encoding === 'utf-8-bom') return new TextEncoder().encode(`\ufeff${text}`);
  if (encoding === 'utf-16le') return new Uint8Array(iconv.encode(`\ufeff${text}`, 'utf-16le'));
  return new Uint8Array(iconv.encode(text, encoding));
}

describe('ingest fuzz (fast-check): narratives CSVs as offices produce them', () => {
  it('never throws; the identity holds; intact rows load as written; broken rows are rejected on their line', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, async (file) => {
        const rows: Row[] = file.rows.map((r, i) => ({
          ward: r.ward, year: r.year, itemNo: i + 1, text: r.words.join('').trim() || '父親支援', fault: r.fault,
        }));
        // A quoted value keeps a line break in any delimiter; legacy encodings hold only what they can.
        fc.pre(['cp932', 'euc-jp'].includes(file.encoding) ? rows.every((r) => legacySafe(r.text)) : true);
        const { text, lines } = render(file, rows);
        const batch = await new IngestSession().ingestFile('fuzz.csv', encode(text, file.encoding));
        const r = batch.report;
        expect(r.fileError).toBeNull();
        expect(r.rowsRead).toBe(rows.length);
        expect(r.rowsLoaded + r.rowsDuplicate + r.rowsRejected).toBe(r.rowsRead);
        const intact = rows.filter((row) => row.fault === null);
        expect(r.rowsLoaded).toBe(intact.length);
        expect(batch.narratives.map((n) => [n.ward, n.fiscalYear, n.itemNo, n.text])).toEqual(
          intact.map((row) => [row.ward, row.year, row.itemNo, row.text.replace(/\r\n?/g, '\n')]),
        );
        const brokenLines = rows.flatMap((row, i) => (row.fault === null ? [] : [lines[i]]));
        expect([...new Set(r.errors.map((e) => e.line))]).toEqual(brokenLines);
      }),
    );
  });

  it('random bytes and random text never throw, and always account for every row read', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 400 }), fc.string({ maxLength: 400 }).map((s) => new TextEncoder().encode(s))), async (bytes) => {
        const { report } = await new IngestSession().ingestFile('random.bin', bytes);
        expect(report.rowsLoaded + report.rowsDuplicate + report.rowsRejected).toBe(report.rowsRead);
      }),
    );
  });
});

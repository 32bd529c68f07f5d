/**
 * The bench's Node part: ingest figures that need no browser, each printed with a baseline measured in
 * the same run (machines differ 2–3× between sessions; the ratio is what carries over).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReport } from '../../src/lib/ingest/report.ts';
import { IngestSession } from '../../src/lib/ingest/session.ts';
import { segmentWords } from '../../src/lib/text/segment.ts';
import { large } from '../../tests/fixtures/hostile/large.ts';
import { spreadsheetOfCsv, workbookOfCsv } from '../../tests/fixtures/workbook/build.ts';
import { excel97OfCsv } from '../../tests/fixtures/workbook/xls/build.ts';
import { benchRatingsCsv, benchWardsCsv } from './generate.ts';

function timed(run: () => unknown, repeats = 3): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return Math.min(...times);
}

/**
 * Report parsing on the pathological pages (each once quadratic: minutes), against one linear pass
 * over the same text (encoding it to UTF-8): a steady ratio means the parser stays linear.
 */
export function reportParsing() {
  const pages = {
    list80000Lines: large.reportManyItems(),
    junk130000Lines: large.reportJunkLines(),
    titles30000Reports: large.reportManyTitles(),
    html1MBOfLessThan: large.htmlOfLessThan(),
    html50000UnclosedComments: large.unclosedComments(),
  };
  return Object.fromEntries(
    Object.entries(pages).map(([name, text]) => {
      const parseMs = timed(() => parseReport(text));
      const encoder = new TextEncoder();
      const linearPassMs = timed(() => encoder.encode(text));
      return [name, { bytes: Buffer.byteLength(text), parseMs: Math.round(parseMs), linearPassMs: Math.round(linearPassMs * 10) / 10, ratio: Math.round(parseMs / linearPassMs) }];
    }),
  );
}

/**
 * Word segmentation (the text index made of every narrative item) of one long item full of compounds,
 * against one linear pass over it: it took time growing with the square of the item's length (64,000
 * characters: 1.4 s) until the compounds were found in one pass.
 */
export function textIndexing() {
  return Object.fromEntries(
    [16_000, 128_000, 1_024_000].map((chars) => {
      const text = '父親支援とピアサポートの講座を開いた。'.repeat(Math.ceil(chars / 19)).slice(0, chars);
      const segmentMs = timed(() => segmentWords(text), 1);
      const linearPassMs = timed(() => new TextEncoder().encode(text));
      return [`item${chars}Chars`, { segmentMs: Math.round(segmentMs), linearPassMs: Math.round(linearPassMs * 10) / 10, ratio: Math.round(segmentMs / linearPassMs) }];
    }),
  );
}

/**
 * The same generated ratings read as an Excel workbook (one sheet, shared strings, as Excel saves it),
 * as an OpenDocument spreadsheet (as Calc saves it), as an Excel 97–2003 workbook (at 10,000 rows:
 * the format holds 65,536) and as the CSV: the unzip and XML scan, or the record walk, on top of the
 * CSV's own reading.
 */
export async function workbookIngest() {
  const entries: Array<[string, object]> = [];
  for (const rows of [10_000, 100_000]) {
    const csv = benchRatingsCsv(rows);
    const wards = new TextEncoder().encode(benchWardsCsv());
    const book = workbookOfCsv(csv);
    const bytes = new TextEncoder().encode(csv);
    const read = async (run: (session: IngestSession) => Promise<unknown>) => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const session = new IngestSession();
        await session.ingestFile('wards.csv', wards);
        const start = performance.now();
        await run(session);
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    const spreadsheet = spreadsheetOfCsv(csv);
    const workbookMs = await read((session) => session.ingestSource('ratings.xlsx', book));
    const spreadsheetMs = await read((session) => session.ingestSource('ratings.ods', spreadsheet));
    const excel97 = rows <= 65_536 ? excel97OfCsv(csv) : null;
    const excel97Ms = excel97 && (await read((session) => session.ingestSource('ratings.xls', excel97)));
    const csvMs = await read((session) => session.ingestFile('ratings.csv', bytes));
    const ratio = (ms: number) => Math.round((ms / csvMs) * 10) / 10;
    entries.push([
      `ratings${rows}`,
      {
        workbookKB: Math.round(book.length / 1024), workbookMs: Math.round(workbookMs), spreadsheetKB: Math.round(spreadsheet.length / 1024), spreadsheetMs: Math.round(spreadsheetMs),
        ...(excel97 && excel97Ms !== null ? { excel97KB: Math.round(excel97.length / 1024), excel97Ms: Math.round(excel97Ms), excel97Ratio: ratio(excel97Ms) } : {}),
        csvMs: Math.round(csvMs), ratio: ratio(workbookMs), spreadsheetRatio: ratio(spreadsheetMs),
      },
    ]);
  }
  return Object.fromEntries(entries);
}

/** Peak memory of `npm run validate` (its script, as the user runs it) on a file, in MB. */
function validateMaxRss(files: string[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'bench-rss-'));
  const rssFile = join(dir, 'rss');
  try {
    execFileSync(process.execPath, ['--import', 'tsx', '--import', './scripts/bench/max-rss.mjs', 'scripts/validate.ts', '--json', ...files], {
      env: { ...process.env, BENCH_RSS_FILE: rssFile },
      stdio: 'ignore',
      maxBuffer: 1 << 30,
    });
  } catch {
    // validate exits 1 when a row is rejected; the memory figure is still written.
  }
  const kb = Number(readFileSync(rssFile, 'utf8'));
  rmSync(dir, { recursive: true });
  return Math.round(kb / 1024);
}

/** Peak memory of validate over 1M generated ratings, against the same run over one small file. */
export function validateMemory(rows = 1_000_000) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-validate-'));
  const wards = join(dir, 'wards.csv');
  const ratings = join(dir, 'ratings.csv');
  const small = join(dir, 'small.csv');
  writeFileSync(wards, benchWardsCsv());
  writeFileSync(ratings, benchRatingsCsv(rows));
  writeFileSync(small, benchRatingsCsv(10));
  try {
    const start = performance.now();
    const millionMb = validateMaxRss([wards, ratings]);
    const seconds = (performance.now() - start) / 1000;
    return { rows, fileMB: Math.round(readFileSync(ratings).length / 1e6), maxRssMB: millionMb, baselineMaxRssMB: validateMaxRss([wards, small]), seconds: Math.round(seconds * 10) / 10 };
  } finally {
    rmSync(dir, { recursive: true });
  }
}

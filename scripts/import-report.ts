/**
 * `npm run import-report -- [--out DIR] [--prefix NAME] [--force] REPORT...`: converts published
 * evaluation reports (text, saved HTML, Word documents, workbooks) into the data contract's CSV files with the app's own
 * importer: ratings (long form), narratives and centers, one set per report. A part the report lacks
 * writes no file; an existing file is never overwritten without --force. Exit 1 if a report could not
 * be read or had errors, 2 on usage errors.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IngestSession } from '../src/lib/ingest/session.ts';
import type { FileBatch } from '../src/lib/ingest/types.ts';
import { toCsv } from '../src/lib/export/csv.ts';
import { fileErrorText, reasonText, valueText } from '../src/lib/i18n/messages.ts';

const USAGE = `usage: npm run import-report -- [--out DIR] [--prefix NAME] [--force] REPORT...

  REPORT         a published report: the page saved as .html, its text copied into a .txt, the
                 report as a PDF, a Word document (.docx) or its sheet as an Excel workbook (.xlsx)
  --out DIR      where to write the CSV files (default data)
  --prefix NAME  file name prefix (default real): NAME_<ward>_<year>_ratings.csv, …_narratives.csv, …_centers.csv
  --force        overwrite files that exist`;

interface Options {
  out: string;
  prefix: string;
  force: boolean;
  reports: string[];
}

function parseArgs(args: string[]): Options | { message: string; code: 0 | 2 } {
  const options: Options = { out: 'data', prefix: 'real', force: false, reports: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') return { message: USAGE, code: 0 };
    if (arg === '--force') options.force = true;
    else if (arg === '--out' || arg === '--prefix') {
      const value = args[++i];
      if (!value) return { message: `${arg} needs a value.\n\n${USAGE}`, code: 2 };
      if (arg === '--out') options.out = value;
      else options.prefix = value;
    } else if (arg.startsWith('-')) return { message: `unknown option ${arg}\n\n${USAGE}`, code: 2 };
    else options.reports.push(arg);
  }
  if (options.reports.length === 0) return { message: `no report given.\n\n${USAGE}`, code: 2 };
  return options;
}

/** The contract's CSVs for one report; a part the report lacks has no file. */
function csvFiles(batch: FileBatch, base: string): Array<[string, string]> {
  const files: Array<[string, string]> = [];
  if (batch.ratings.length > 0) {
    files.push([`${base}_ratings.csv`, toCsv(
      ['ward', 'fiscal_year', 'stage', 'question_no', 'question', 'rater', 'rating', 'provenance'],
      batch.ratings.toArray().map((r) => [r.ward, r.fiscalYear, r.stage, r.questionNo, r.question, r.rater, r.rating ?? '', 'real']),
    )]);
  }
  if (batch.narratives.length > 0) {
    files.push([`${base}_narratives.csv`, toCsv(
      ['ward', 'fiscal_year', 'section', 'item_no', 'text', 'provenance'],
      batch.narratives.map((n) => [n.ward, n.fiscalYear, n.section, n.itemNo, n.text, 'real']),
    )]);
  }
  if (batch.centers.length > 0) {
    files.push([`${base}_centers.csv`, toCsv(
      ['ward', 'fiscal_year', 'center_name', 'operator', 'contract_year', 'contract_length', 'period_start', 'period_end', 'purpose', 'provenance'],
      batch.centers.map((c) => [c.ward, c.fiscalYear, c.centerName, c.operator, c.contractYear, c.contractLength, c.periodStart, c.periodEnd, c.purpose, 'real']),
    )]);
  }
  return files;
}

/** Writes one report's CSVs, saying why not or what it lacked; false if it could not be read whole. */
function writeReport(batch: FileBatch, session: IngestSession, options: Options): boolean {
  const { report } = batch;
  const name = report.file;
  if (report.kind !== 'report') {
    console.error(`${name}: 報告書ではありません（${report.kind === 'unknown' ? '種類が分かりません' : `CSV: ${report.kind}`}）。CSV はそのまま読み込めます: npm run validate -- ${name}`);
    return false;
  }
  if (report.fileError) {
    console.error(`${name}: ${fileErrorText('ja', report.fileError.code, report.fileError.params)}`);
    return false;
  }
  for (const e of report.errors) console.error(`${name}:${e.line}: ${reasonText('ja', e.code, e.params)} (${valueText('ja', e.value, e.params)})`);
  const first = batch.ratings.at(0) ?? batch.narratives[0] ?? batch.centers[0];
  if (!first) {
    console.error(`${name}: 書き出す行がありません`);
    return false;
  }
  const ward = session.registry.wards.find((w) => w.name === first.ward);
  const base = `${options.prefix}_${(ward?.nameEn || ward?.code || 'ward').toLowerCase()}_${first.fiscalYear}`;
  const files = csvFiles(batch, base).map(([file, csv]) => [join(options.out, file), csv] as const);
  const existing = files.filter(([target]) => existsSync(target)).map(([target]) => target);
  if (existing.length > 0 && !options.force) {
    console.error(`${name}: 既にあるファイルは上書きしません（上書きするには --force）: ${existing.join(', ')}`);
    return false;
  }
  mkdirSync(options.out, { recursive: true });
  for (const [target, csv] of files) {
    writeFileSync(target, csv);
    console.log(`${name} → ${target}`);
  }
  if (report.missingParts.length > 0) console.warn(`${name}: 見つからない部分（その部分のファイルは書き出していません）: ${report.missingParts.join(', ')}`);
  return report.errors.length === 0;
}

async function main(args: string[]): Promise<number> {
  const options = parseArgs(args);
  if ('message' in options) {
    (options.code === 0 ? console.log : console.error)(options.message);
    return options.code;
  }
  let failed = false;
  const session = new IngestSession();
  for (const path of options.reports) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(path));
    } catch (error) {
      console.error(`${path}: ${fileErrorText('ja', 'unreadable', { reason: (error as NodeJS.ErrnoException).code ?? String(error) })}`);
      failed = true;
      continue;
    }
    // A text of several reports (a year's reports copied from one PDF) gives one set of files per report.
    for (const batch of await session.ingestSource(path, bytes)) {
      if (!writeReport(batch, session, options)) failed = true;
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));

/**
 * `npm run validate -- [--json] [--lang ja|en] [--errors-csv FILE] FILE...`: checks exports before they
 * are sent, with the app's own ingest code and DuckDB. Exit 0 when every row loaded, 1 when anything
 * was rejected or a file could not be read, 2 on usage errors. Files are read in the order given, a
 * folder as the app reads a chosen one (its data files in path order, the others named); a later
 * file wins a conflict. A file that fails never stops the others: each gets its report.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { emptyFileReport, type FileReport, type RowError } from '../src/lib/ingest/index.ts';
import { loadIntoNodeDatabase, loadOne } from '../src/lib/db/node-load.ts';
import { csvLine } from '../src/lib/export/csv.ts';
import { reasonText, type Lang } from '../src/lib/i18n/messages.ts';
import { buildValidationReport } from '../src/lib/validate/report.ts';
import { formatValidationReport } from '../src/lib/validate/text.ts';
import { errorMessage } from '../src/lib/error-message.ts';
import { pickDataFiles } from '../src/lib/load/source-files.ts';

const USAGE = `usage: npm run validate -- [--json] [--lang ja|en] [--errors-csv FILE] FILE|FOLDER...

  --json             print the report as one JSON object (the published shape; see README)
  --lang ja|en       language of reasons and of the summary (default ja)
  --errors-csv FILE  also write every rejected cell, however many, to FILE (CSV, UTF-8 with BOM)

Exit code: 0 every row loaded, 1 a row was rejected or a file could not be read, 2 usage error.`;

interface Options {
  json: boolean;
  lang: Lang;
  errorsCsv: string | null;
  files: string[];
}

function parseArgs(argv: string[]): Options | { usage: string; code: 0 | 2 } {
  const options: Options = { json: false, lang: 'ja', errorsCsv: null, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { usage: USAGE, code: 0 };
    if (arg === '--json') options.json = true;
    else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length);
      if (value !== 'ja' && value !== 'en') return { usage: `--lang: "${value ?? ''}" is not a language this tool speaks; use ja or en.\n\n${USAGE}`, code: 2 };
      options.lang = value;
    } else if (arg === '--errors-csv') {
      const value = argv[++i];
      if (!value) return { usage: `--errors-csv needs a file name.\n\n${USAGE}`, code: 2 };
      options.errorsCsv = value;
    } else if (arg.startsWith('-') && arg !== '-') return { usage: `unknown option ${arg}\n\n${USAGE}`, code: 2 };
    else options.files.push(arg);
  }
  if (options.files.length === 0) return { usage: `no file given.\n\n${USAGE}`, code: 2 };
  return options;
}

/** Every rejected cell to a CSV, written as it comes (a file of millions of bad cells must not sit in memory). */
class ErrorsCsv {
  private fd: number;
  private buffer: string[] = [];
  private size = 0;

  constructor(path: string, private lang: Lang) {
    this.fd = openSync(path, 'w');
    this.push(`\ufeff${csvLine(['file', 'line', 'column', 'value', 'reason_code', 'reason'])}\n`);
  }

  add(file: string, e: RowError): void {
    this.push(`${csvLine([file, e.line, e.column, e.value, e.code, reasonText(this.lang, e.code, e.params)], true)}\n`);
  }

  private push(text: string): void {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/**
 * The files to read: each argument, a folder replaced by its data files (in path order, as the app
 * reads a chosen folder); the folders' other files are named, not read. A path that cannot be
 * opened stays, to be reported as such.
 */
async function expandFolders(paths: string[]): Promise<{ files: string[]; skipped: string[] }> {
  const files: string[] = [];
  const skipped: string[] = [];
  for (const path of paths) {
    const isFolder = await stat(path).then((s) => s.isDirectory(), () => false);
    if (!isFolder) {
      files.push(path);
      continue;
    }
    const entries = (await readdir(path, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    const picked = pickDataFiles(entries.map((entry) => ({ path: entry, file: entry })));
    files.push(...picked.files.map((f) => f.path));
    skipped.push(...picked.skipped);
  }
  return { files, skipped };
}

async function main(argv: string[]): Promise<number> {
  const options = parseArgs(argv);
  if ('usage' in options) {
    (options.code === 0 ? console.log : console.error)(options.usage);
    return options.code;
  }
  let errorsCsv: ErrorsCsv | null = null;
  try {
    errorsCsv = options.errorsCsv ? new ErrorsCsv(options.errorsCsv, options.lang) : null;
  } catch (error) {
    console.error(`--errors-csv: cannot write ${options.errorsCsv} (${(error as NodeJS.ErrnoException).code ?? error})`);
    return 2;
  }
  const { db, session } = await loadIntoNodeDatabase([]);
  const reports: FileReport[] = [];
  const { files, skipped } = await expandFolders(options.files);
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (error) {
      reports.push({ ...emptyFileReport(-1, file), fileError: { code: 'unreadable', params: { reason: (error as NodeJS.ErrnoException).code ?? String(error) } } });
      continue;
    }
    reports.push(...(await loadOne(db, session, { name: file, bytes }, { onError: errorsCsv ? (e) => errorsCsv.add(file, e) : undefined })));
  }
  errorsCsv?.close();
  const report = await buildValidationReport(db, reports, options.lang, skipped);
  await db.close();
  process.stdout.write(`${options.json ? JSON.stringify(report, null, 2) : formatValidationReport(report, options.lang)}\n`);
  return report.files.some((f) => f.fileError !== null || f.rowsRejected > 0) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    // Not a usage error: the check itself could not finish, so nothing is known to be good.
    console.error(`validate could not finish: ${errorMessage(error)}`);
    process.exitCode = 1;
  },
);

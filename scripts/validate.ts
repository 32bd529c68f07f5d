/**
 * `npm run validate -- [--json] [--lang ja|en] FILE...`: checks exports before they are sent, with the
 * app's own ingest code and DuckDB. Exit 0 when every row loaded, 1 when anything was rejected or a file
 * was unreadable, 2 on usage errors. Files are read in the order given; a later file wins a conflict.
 */
import { readFile } from 'node:fs/promises';
import { emptyFileReport, type FileReport } from '../src/lib/ingest/index.ts';
import { loadIntoNodeDatabase, loadOne } from '../src/lib/db/node-load.ts';
import { buildValidationReport } from '../src/lib/validate/report.ts';
import { formatValidationReport } from '../src/lib/validate/text.ts';
import type { Lang } from '../src/lib/i18n/messages.ts';

const USAGE = 'usage: npm run validate -- [--json] [--lang ja|en] FILE...';

async function main(argv: string[]): Promise<number> {
  let json = false;
  let lang: Lang = 'ja';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--lang' && (argv[i + 1] === 'ja' || argv[i + 1] === 'en')) lang = argv[++i] as Lang;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      return 0;
    } else if (arg.startsWith('-') && arg !== '-') {
      console.error(`unknown option ${arg}\n${USAGE}`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const { db, session } = await loadIntoNodeDatabase([]);
  const reports: FileReport[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (error) {
      reports.push(unreadable(file, (error as NodeJS.ErrnoException).code ?? String(error)));
      continue;
    }
    reports.push(await loadOne(db, session, { name: file, bytes }));
  }
  const report = await buildValidationReport(db, reports, lang);
  await db.close();
  console.log(json ? JSON.stringify(report, null, 2) : formatValidationReport(report, lang));
  return report.files.some((f) => f.fileError !== null || f.rowsRejected > 0) ? 1 : 0;
}

function unreadable(file: string, reason: string): FileReport {
  return { ...emptyFileReport(-1, file), fileError: { code: 'unreadable', params: { reason } } };
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error);
    process.exitCode = 2;
  },
);

/**
 * `npm run import-report -- [--out DIR] [--prefix NAME] REPORT...`: converts published evaluation
 * reports (text or saved HTML) into the data contract's CSV files with the app's own importer:
 * ratings (long form), narratives and centers, one set per report. Exit 1 if a report had errors.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IngestSession } from '../src/lib/ingest/session.ts';
import { toCsv } from '../src/lib/export/csv.ts';
import { reasonText, fileErrorText } from '../src/lib/i18n/messages.ts';

const args = process.argv.slice(2);
let out = 'data';
let prefix = 'real';
const reports: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out') out = args[++i];
  else if (args[i] === '--prefix') prefix = args[++i];
  else reports.push(args[i]);
}
if (reports.length === 0) {
  console.error('usage: npm run import-report -- [--out DIR] [--prefix NAME] REPORT...');
  process.exit(2);
}

let failed = false;
const session = new IngestSession();
mkdirSync(out, { recursive: true });
for (const path of reports) {
  const batch = await session.ingestFile(path, new Uint8Array(readFileSync(path)));
  const { report } = batch;
  if (report.fileError) {
    console.error(`${path}: ${fileErrorText('ja', report.fileError.code, report.fileError.params)}`);
    failed = true;
    continue;
  }
  for (const e of report.errors) console.error(`${path}:${e.line}: ${reasonText('ja', e.code, e.params)} (${e.value})`);
  if (report.errors.length > 0) failed = true;
  const first = batch.ratings[0] ?? batch.narratives[0] ?? batch.centers[0];
  if (!first) continue;
  const ward = session.registry.wards.find((w) => w.name === first.ward);
  const base = `${prefix}_${(ward?.nameEn ?? ward?.code ?? 'ward').toLowerCase()}_${first.fiscalYear}`;
  const files: Array<[string, string]> = [
    [
      `${base}_ratings.csv`,
      toCsv(
        ['ward', 'fiscal_year', 'stage', 'question_no', 'question', 'rater', 'rating', 'provenance'],
        batch.ratings.map((r) => [r.ward, r.fiscalYear, r.stage, r.questionNo, r.question, r.rater, r.rating ?? '', 'real']),
      ),
    ],
    [
      `${base}_narratives.csv`,
      toCsv(['ward', 'fiscal_year', 'section', 'item_no', 'text', 'provenance'], batch.narratives.map((n) => [n.ward, n.fiscalYear, n.section, n.itemNo, n.text, 'real'])),
    ],
    [
      `${base}_centers.csv`,
      toCsv(
        ['ward', 'fiscal_year', 'center_name', 'operator', 'contract_year', 'contract_length', 'period_start', 'period_end', 'provenance'],
        batch.centers.map((c) => [c.ward, c.fiscalYear, c.centerName, c.operator, c.contractYear, c.contractLength, c.periodStart, c.periodEnd, 'real']),
      ),
    ],
  ];
  for (const [name, csv] of files) {
    writeFileSync(join(out, name), csv);
    console.log(`${path} → ${join(out, name)}`);
  }
  if (report.missingParts.length > 0) console.warn(`${path}: 見つからない部分: ${report.missingParts.join(', ')}`);
}
process.exitCode = failed ? 1 : 0;

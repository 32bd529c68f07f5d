/**
 * `npm run build-dataset -- --out DIR [INPUT_DIR_OR_FILE...]`: the app's ingest over CSV exports and
 * published reports (default: data/), written as a dataset (Parquet, the browser's Arrow files with
 * `.br`/`.gz` beside them, each view's first answers) with a manifest (see README).
 * Exit 0 when every row loaded, 1 when rows were rejected (the dataset is still written; the
 * manifest's inputs say which), 2 on usage errors.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { buildDataset, inputsOf } from '../src/lib/db/dataset.ts';
import { precompressDir } from './build/precompress.ts';
import { withSsrModule } from './build/ssr.ts';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
if (outAt === -1 || !args[outAt + 1]) {
  console.error('usage: npm run build-dataset -- --out DIR [INPUT_DIR_OR_FILE...]');
  process.exit(2);
}
const out = args[outAt + 1];
const sources = args.filter((_, i) => i !== outAt && i !== outAt + 1);
const inputs = [];
for (const source of sources.length > 0 ? sources : ['data']) {
  if ((await stat(source)).isDirectory()) inputs.push(...(await inputsOf(source)));
  else inputs.push({ name: basename(source), bytes: new Uint8Array(await readFile(source)) });
}
type Recorder = typeof import('./build/record-views.ts');
const manifest = await buildDataset(inputs, out, (db) =>
  withSsrModule(join(import.meta.dirname, '..'), '/scripts/build/record-views.ts', ({ recordViews }: Recorder) => recordViews(db)),
);
await precompressDir(join(out, 'browser'));
for (const t of manifest.tables) console.log(`${t.name}\t${t.rows}${t.partitionedBy ? `\t(by ${t.partitionedBy})` : ''}`);
const rejected = manifest.inputs.reduce((sum, i) => sum + i.rowsRejected, 0);
console.log(`${out}/manifest.json: ${manifest.inputs.length} inputs, ${manifest.fiscalYears.length} years, ${rejected} rows rejected; browser files ${(manifest.browser.bytes / 1e6).toFixed(1)} MB`);
process.exit(rejected > 0 ? 1 : 0);

/**
 * `npm run query -- [--dataset DIR] (--name NAME | --sql SQL) [--filters JSON] [--ward W] [--year Y] [--format csv|json]`:
 * a named query of the dashboard (or any read-only SQL) in native DuckDB, over a Parquet dataset
 * (`build-dataset`) or a directory of inputs (default: data/), printed as CSV or JSON. `--filters`
 * takes the app's RatingFilters as JSON ({"fiscalYears":[2025],"raters":["ward"]}); `--list` names the queries.
 */
import { openDataset } from '../src/lib/db/dataset.ts';
import { checkConsoleSql } from '../src/lib/db/console-guard.ts';
import { namedQueries } from '../src/lib/db/queries/catalog.ts';
import { NO_FILTERS, type RatingFilters } from '../src/lib/db/sql.ts';
import { csvLine } from '../src/lib/export/csv.ts';
import { csvCell, type ExportKind } from '../src/lib/export/table.ts';

const USAGE = 'usage: npm run query -- [--dataset DIR] (--name NAME | --sql SQL | --list) [--filters JSON] [--ward W] [--year Y] [--format csv|json]';
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? undefined : args[at + 1];
};
function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const filters: RatingFilters = { ...NO_FILTERS, ...(option('filters') ? (JSON.parse(option('filters')!) as Partial<RatingFilters>) : {}) };
const catalog = namedQueries(filters, option('ward') ?? '鶴見区', Number(option('year') ?? 2025));
if (args.includes('--list')) {
  console.log(Object.keys(catalog).join('\n'));
  process.exit(0);
}
const name = option('name');
const sql = option('sql');
if (!name === !sql) fail(USAGE);
if (name && !(name in catalog)) fail(`unknown query ${name}; --list names them`);
if (sql) {
  const check = checkConsoleSql(sql);
  if (!check.ok) fail(`only read-only SQL runs here: ${check.keyword} in ${check.statement}`);
}
const format = option('format') ?? 'csv';
if (format !== 'csv' && format !== 'json') fail(USAGE);

const db = await openDataset(option('dataset') ?? 'data');
try {
  // An analyst's SQL comes with its column types, so that its dates print as dates (they arrive as
  // epoch milliseconds, as in the browser); the named queries return no dates.
  const { columns, rows } = name
    ? await db.query<Record<string, unknown>>(catalog[name].sql, catalog[name].params).then((rows) => ({ columns: null, rows }))
    : await db.runUserSql(sql!).result;
  const names = columns?.map((c) => c.name) ?? (rows.length > 0 ? Object.keys(rows[0]) : []);
  const kinds = names.map((_, i): ExportKind => {
    const type = columns?.[i].type ?? '';
    return type === 'DATE' ? 'date' : type.startsWith('TIMESTAMP') ? 'timestamp' : 'json';
  });
  const shown = rows.map((row) => Object.fromEntries(names.map((c, i) => [c, kinds[i] === 'json' ? row[c] : csvCell(kinds[i], row[c])])));
  if (format === 'json') console.log(JSON.stringify(shown, null, 2));
  else {
    console.log(csvLine(names));
    for (const row of shown) console.log(csvLine(names.map((c) => csvCell('json', row[c]))));
  }
} finally {
  await db.close();
}

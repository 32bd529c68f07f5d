/**
 * The SQL console only reads: a statement beginning with a word that writes (CREATE, INSERT, UPDATE,
 * DELETE, DROP, ALTER, ATTACH, COPY, SET, BEGIN, …) is refused before it reaches DuckDB, with a
 * message, so the views' tables can never be changed from the console. Anything else goes to DuckDB,
 * which reports its own errors (a typo is a Parser Error); and the console runs every query in a
 * transaction that is rolled back, a second fence for whatever this list misses.
 */
const WRITING = new Set([
  'create', 'insert', 'update', 'delete', 'drop', 'alter', 'attach', 'detach', 'copy', 'export', 'import', 'install', 'load',
  'set', 'reset', 'begin', 'start', 'commit', 'end', 'rollback', 'abort', 'checkpoint', 'force', 'vacuum', 'truncate', 'call',
  'use', 'merge', 'upsert', 'replace', 'comment', 'prepare', 'execute', 'deallocate', 'analyze', 'pragma',
]);
/** PRAGMAs that only report. */
const READING_PRAGMAS = new Set(['table_info', 'show_tables', 'show_tables_expanded', 'database_size', 'storage_info', 'version', 'platform', 'functions', 'collations']);

export type ConsoleCheck = { ok: true } | { ok: false; statement: string; keyword: string };

/**
 * The statements of `sql`, split on `;` outside quotes and comments (`'…'`, `"…"`, `$$…$$`, `--`, `/* *\/`),
 * comments removed, empty ones dropped.
 */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < sql.length; ) {
    const c = sql[i];
    const two = sql.slice(i, i + 2);
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end === -1 ? sql.length : end + 1;
      current += sql.slice(i, stop);
      i = stop;
    } else if (two === '$$') {
      const end = sql.indexOf('$$', i + 2);
      const stop = end === -1 ? sql.length : end + 2;
      current += sql.slice(i, stop);
      i = stop;
    } else if (two === '--') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
      current += ' ';
    } else if (two === '/*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 2;
      current += ' ';
    } else if (c === ';') {
      out.push(current);
      current = '';
      i++;
    } else {
      current += c;
      i++;
    }
  }
  out.push(current);
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

function firstWords(statement: string, n: number): string[] {
  return statement.replace(/^[(\s]+/, '').split(/[\s(]+/, n).map((w) => w.toLowerCase());
}

export function checkConsoleSql(sql: string): ConsoleCheck {
  for (const statement of splitStatements(sql)) {
    let [keyword, next, third] = firstWords(statement, 3);
    // EXPLAIN ANALYZE runs its statement: judge that one.
    if (keyword === 'explain') [keyword, next] = next === 'analyze' ? [third ?? '', ''] : [next ?? '', ''];
    const reportingPragma = keyword === 'pragma' && READING_PRAGMAS.has((next ?? '').replace(/[^a-z_]/g, ''));
    if (WRITING.has(keyword) && !reportingPragma) return { ok: false, statement: statement.slice(0, 200), keyword: keyword.toUpperCase() };
  }
  return { ok: true };
}

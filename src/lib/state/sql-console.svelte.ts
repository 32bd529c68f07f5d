import { checkConsoleSql } from '../db/console-guard.ts';
import { columnsAsText, needsDuckdbText, readableConsoleResult } from '../db/console-values.ts';
import type { Database, RunningQuery, UserSqlResult } from '../db/database.ts';
import { errorMessage } from '../error-message.ts';

/**
 * Streamed queries report errors as JSON (`{"exception_type":"Parser","exception_message":…}`);
 * shown the way DuckDB prints them elsewhere: `Parser Error: …`.
 */
export function duckdbMessage(message: string): string {
  try {
    const parsed = JSON.parse(message) as { exception_type?: string; exception_message?: string };
    if (parsed.exception_type && parsed.exception_message) return `${parsed.exception_type} Error: ${parsed.exception_message}`;
  } catch {
    // Not JSON: already DuckDB's own text.
  }
  return message;
}

/** The SQL console's run: result or DuckDB's own error, time taken, and a way to cancel. */
export class SqlConsoleState {
  result = $state.raw<UserSqlResult | null>(null);
  error = $state<string | null>(null);
  /** A statement the console refused to run (it would change the app's tables). */
  refused = $state<{ statement: string; keyword: string } | null>(null);
  running = $state(false);
  cancelled = $state(false);
  elapsedMs = $state(0);
  private current: RunningQuery | null = null;

  async run(db: Database, sql: string): Promise<void> {
    if (this.running || sql.trim() === '') return;
    const check = checkConsoleSql(sql);
    this.refused = check.ok ? null : { statement: check.statement, keyword: check.keyword };
    if (!check.ok) {
      this.result = null;
      this.error = null;
      return;
    }
    this.running = true;
    this.cancelled = false;
    this.error = null;
    const started = performance.now();
    this.current = db.runUserSql(sql);
    try {
      let result = await this.current.result;
      const unreadable = result.columns.filter((c) => needsDuckdbText(c.type)).map((c) => c.name);
      if (unreadable.length > 0 && !this.cancelled) {
        // Values Arrow's JavaScript reader cannot give as DuckDB prints them: the statement once more, those columns as DuckDB's text.
        this.current = db.runUserSql(columnsAsText(sql, unreadable));
        result = await this.current.result;
      }
      this.result = readableConsoleResult(result);
    } catch (error) {
      this.result = null;
      this.error = duckdbMessage(errorMessage(error));
    } finally {
      this.elapsedMs = performance.now() - started;
      this.running = false;
      this.current = null;
    }
  }

  async cancel(): Promise<void> {
    if (!this.current) return;
    this.cancelled = true;
    await this.current.cancel();
  }
}

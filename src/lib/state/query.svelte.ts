import type { Database } from '../db/database.ts';
import { runQuery, type Query } from '../db/queries/index.ts';

/**
 * The result of a named query that re-runs whenever what `source` reads changes (filters, the data
 * version); only the latest run may write its result, so a slow earlier query never wins.
 * Create it during component initialisation: it owns an effect.
 */
export class QueryState<Row> {
  rows = $state.raw<Row[] | null>(null);
  error = $state<string | null>(null);
  running = $state(false);
  /** Milliseconds the latest query took, for the benchmark and the curious. */
  elapsed = $state(0);
  private latest = 0;

  /** True while `rows` come from the build-time snapshot rather than the live database. */
  fromSnapshot = $state(false);

  /**
   * `snapshot` answers while the database is not open yet (the build computed it with the same query),
   * or returns null when it does not hold this query's answer (e.g. other filters).
   */
  constructor(source: () => { db: Database | null; query: Query<Row> }, snapshot: () => Row[] | null = () => null) {
    $effect(() => {
      const { db, query } = source();
      if (!db) {
        const rows = snapshot();
        this.rows = rows;
        this.fromSnapshot = rows !== null;
        return;
      }
      const run = ++this.latest;
      const started = performance.now();
      this.running = true;
      runQuery(db, query).then(
        (rows) => {
          if (run !== this.latest) return;
          this.rows = rows;
          this.fromSnapshot = false;
          this.error = null;
          this.elapsed = performance.now() - started;
          this.running = false;
        },
        (error: unknown) => {
          if (run !== this.latest) return;
          this.error = error instanceof Error ? error.message : String(error);
          this.running = false;
        },
      );
    });
  }
}

import type { Database } from '../db/database.ts';
import { runQuery, type Query } from '../db/queries/index.ts';

/** What a query needs from the app: the database, the data version, and a count of queries in flight. */
export interface QueryHost {
  readonly db: Database | null;
  readonly dataVersion: number;
  queryStarted(): void;
  querySettled(): void;
}

/**
 * The result of a named query that re-runs whenever what `query` reads changes (filters, the data
 * version); only the latest run may write its result, so a slow earlier query never wins.
 * Create it during component initialisation: it owns an effect.
 */
export class QueryState<Row> {
  rows = $state.raw<Row[] | null>(null);
  error = $state<string | null>(null);
  /** True while `rows` come from the build-time snapshot rather than the live database. */
  fromSnapshot = $state(false);
  private latest = 0;

  /**
   * `query` returns null when there is nothing to ask yet (say, no ward chosen). `snapshot` answers
   * while the database is not open (the build computed it with the same query), or returns null.
   */
  constructor(host: QueryHost, query: () => Query<Row> | null, snapshot: () => Row[] | null = () => null) {
    $effect(() => {
      void host.dataVersion;
      const q = query();
      const db = host.db;
      if (!db || !q) {
        const rows = db ? null : snapshot();
        this.rows = rows;
        this.fromSnapshot = rows !== null;
        return;
      }
      const run = ++this.latest;
      host.queryStarted();
      runQuery(db, q)
        .then(
          (rows) => {
            if (run !== this.latest) return;
            this.rows = rows;
            this.fromSnapshot = false;
            this.error = null;
          },
          (error: unknown) => {
            if (run !== this.latest) return;
            this.error = error instanceof Error ? error.message : String(error);
          },
        )
        .finally(() => host.querySettled());
    });
  }
}

import type { Database } from '../db/database.ts';
import { runQuery, type Query } from '../db/queries/index.ts';
import { readsTextTables } from '../db/dataset-files.ts';
import { errorMessage } from '../error-message.ts';

/** What a query needs from the app: the database, the data version, and a count of queries in flight. */
export interface QueryHost {
  readonly db: Database | null;
  readonly dataVersion: number;
  /** A dataset's text tables are still downloading (its rating tables are in). */
  readonly textPending: boolean;
  queryStarted(): void;
  querySettled(): void;
  /** The build's result for exactly this query, for the moments before the database is open; or null. */
  snapshotRows<Row>(query: Query<Row>): Row[] | null;
  /** This query's answer over the data as it stands, if it was asked before; or null. */
  cachedRows<Row>(query: Query<Row>): readonly Row[] | null;
  /** Keeps an answer, asked at data version `version`, for the next time it is asked. */
  keepRows<Row>(query: Query<Row>, rows: readonly Row[], version: number): void;
}

/**
 * Where a query stands: `idle` (nothing to ask, e.g. no ward chosen), `loading` (the database is
 * starting, or the first answer is on its way), `ready` (rows, perhaps none) or `error` (DuckDB's
 * message). A re-run keeps the last rows on screen and stays `ready` until it answers.
 */
export type QueryStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The result of a named query that re-runs whenever what `query` reads changes (filters, the data
 * version); only the latest run may write its result, so a slow earlier query never wins.
 * Create it during component initialisation: it owns an effect.
 */
export class QueryState<Row> {
  rows = $state.raw<readonly Row[] | null>(null);
  status = $state<QueryStatus>('idle');
  error = $state<string | null>(null);
  /** True while `rows` come from the build-time snapshot rather than the live database. */
  fromSnapshot = $state(false);
  /** The query reads text tables a dataset is still downloading: it runs when they are in. */
  waitingForText = $state(false);
  private latest = 0;
  private attempt = $state(0);
  /** `status` as last written, read where reading the state itself would make the effect depend on it. */
  private current: QueryStatus = 'idle';

  private setStatus(status: QueryStatus): void {
    this.current = status;
    this.status = status;
  }

  /**
   * `query` returns null when there is nothing to ask yet (say, no ward chosen). While the database
   * is not open the build's snapshot answers a query it computed (the view's default state); any
   * other query waits, `loading`.
   */
  constructor(host: QueryHost, query: () => Query<Row> | null) {
    // Also at construction, outside the effect, so the first render (and the build's server render
    // that records the snapshot) already has the snapshot's rows.
    this.showWithoutDatabase(host, query());
    $effect(() => {
      const version = host.dataVersion;
      void this.attempt;
      const q = query();
      const db = host.db;
      if (!db || !q) {
        this.showWithoutDatabase(host, q);
        return;
      }
      // Asked now it would answer "no data"; the dataset's first answers, if any, stay meanwhile.
      // The SQL first: a query of the rating tables never depends on the download's state.
      const waiting = readsTextTables(q.sql) && host.textPending;
      this.waitingForText = waiting;
      if (waiting) {
        if (this.current !== 'ready') this.setStatus('loading');
        return;
      }
      const run = ++this.latest;
      host.queryStarted();
      const cached = host.cachedRows(q);
      if (cached) {
        this.show(cached);
        host.querySettled();
        return;
      }
      if (this.current !== 'ready') this.setStatus('loading');
      runQuery(db, q)
        .then(
          (rows) => {
            host.keepRows(q, rows, version);
            if (run !== this.latest) return;
            this.show(rows);
          },
          (error: unknown) => {
            if (run !== this.latest) return;
            this.error = errorMessage(error);
            this.setStatus('error');
          },
        )
        .finally(() => host.querySettled());
    });
  }

  private show(rows: readonly Row[]): void {
    this.rows = rows;
    this.fromSnapshot = false;
    this.error = null;
    this.setStatus('ready');
  }

  private showWithoutDatabase(host: QueryHost, q: Query<Row> | null): void {
    const rows = host.db || !q ? null : host.snapshotRows(q);
    this.rows = rows;
    this.fromSnapshot = rows !== null;
    this.error = null;
    this.setStatus(rows !== null ? 'ready' : host.db ? 'idle' : 'loading');
  }

  /** Runs the query again (after an error). */
  retry(): void {
    this.attempt++;
  }

  get empty(): boolean {
    return this.status === 'ready' && (this.rows?.length ?? 0) === 0;
  }
}

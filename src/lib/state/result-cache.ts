import type { Query } from '../db/queries/index.ts';

/**
 * The answers of named queries for the data as it stands (one data version): going back to a view or
 * to a filter choice shows its figures at once instead of asking DuckDB again, as Mosaic's
 * coordinator does. Keyed by the exact SQL and values; a new data version empties it. Bounded by
 * answers and rows, the least recently used going first; an answer too large to keep is asked again.
 */
export class ResultCache {
  private answers = new Map<string, readonly unknown[]>();
  private rows = 0;
  private version: number | null = null;

  constructor(
    private readonly maxAnswers = 64,
    private readonly maxRows = 200_000,
  ) {}

  /** Each value with its type: JSON alone would write NaN and null alike. */
  private static key(query: Query<unknown>): string {
    const values = query.params.map((value) => `${typeof value}:${typeof value === 'string' ? JSON.stringify(value) : String(value)}`);
    return `${query.sql}\u0000${values.join(',')}`;
  }

  get<Row>(version: number, query: Query<Row>): readonly Row[] | null {
    if (version !== this.version) return null;
    const key = ResultCache.key(query);
    const rows = this.answers.get(key);
    if (rows === undefined) return null;
    // Most recently used last: eviction takes from the front.
    this.answers.delete(key);
    this.answers.set(key, rows);
    return rows as readonly Row[];
  }

  set<Row>(version: number, query: Query<Row>, rows: readonly Row[]): void {
    if (version !== this.version) this.clear(version);
    if (rows.length > this.maxRows / 4) return;
    const key = ResultCache.key(query);
    const before = this.answers.get(key);
    if (before !== undefined) {
      this.rows -= before.length;
      this.answers.delete(key);
    }
    // Frozen: every view showing it shares the one array.
    this.answers.set(key, Object.freeze(rows));
    this.rows += rows.length;
    for (const [oldest, answer] of this.answers) {
      if (this.answers.size <= this.maxAnswers && this.rows <= this.maxRows) break;
      this.answers.delete(oldest);
      this.rows -= answer.length;
    }
  }

  private clear(version: number): void {
    this.answers.clear();
    this.rows = 0;
    this.version = version;
  }

  get size(): number {
    return this.answers.size;
  }
}

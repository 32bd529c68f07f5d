import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database.ts';
import { queryKey, type Query } from '../../../src/lib/db/queries/index.ts';
import { QueryState, type QueryHost } from '../../../src/lib/state/query.svelte.ts';
import { AppState } from '../../../src/lib/state/app.svelte.ts';
import { ResultCache } from '../../../src/lib/state/result-cache.ts';
import type { IngestClient } from '../../../src/lib/db/ingest-client.ts';
import type { SourceFile } from '../../../src/lib/db/ingest-protocol.ts';

/**
 * QueryState's own logic (status, latest answer wins, retry) with a database whose answers the test
 * releases in any order. What the SQL computes is tested against a real DuckDB elsewhere; here only
 * the order of answers matters, which a real (blocking) DuckDB cannot reorder.
 */
function deferredDatabase() {
  const pending: Array<{ sql: string; resolve: (rows: unknown[]) => void; reject: (e: Error) => void }> = [];
  const db = {
    query: (sql: string) => new Promise<unknown[]>((resolve, reject) => pending.push({ sql, resolve, reject })),
  } as unknown as Database;
  return { db, pending };
}

class Host implements QueryHost {
  db = $state.raw<Database | null>(null);
  dataVersion = $state(0);
  textPending = $state(false);
  inFlight = 0;
  queryStarted() {
    this.inFlight++;
  }
  querySettled() {
    this.inFlight--;
  }
  /** Files are loading: answers are neither taken from nor kept in the cache (AppState's rule; not state there either). */
  loading = false;
  readonly answers = new ResultCache();
  constructor(private snapshot: Record<string, unknown[]> = {}) {}
  snapshotRows<Row>(query: Query<Row>): Row[] | null {
    return (this.snapshot[queryKey(query)] as Row[] | undefined) ?? null;
  }
  cachedRows<Row>(query: Query<Row>): readonly Row[] | null {
    return this.loading ? null : this.answers.get(this.dataVersion, query);
  }
  keepRows<Row>(query: Query<Row>, rows: readonly Row[], version: number): void {
    if (!this.loading && version === this.dataVersion) this.answers.set(version, query, rows);
  }
}

const named = (sql: string): Query<{ n: number }> => ({ name: sql, sql, params: [] });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A QueryState asking `named(sql)` of a host whose database is open; `ask` changes the SQL. */
function askingState(first: string) {
  const host = new Host();
  const { db, pending } = deferredDatabase();
  host.db = db;
  let sql = $state(first);
  let state!: QueryState<{ n: number }>;
  const stop = $effect.root(() => {
    state = new QueryState(host, () => named(sql));
  });
  return { host, pending, stop, state: () => state, ask: (next: string) => (sql = next) };
}

/** Node has no frames; AppState waits for two after the last answer to mark the charts painted (the bench's mark, not under test). */
async function withoutFrames(run: () => Promise<void>) {
  const frames = globalThis.requestAnimationFrame;
  globalThis.requestAnimationFrame = () => 0;
  try {
    await run();
  } finally {
    globalThis.requestAnimationFrame = frames;
  }
}

describe('QueryState', () => {
  it('is loading until the database opens, idle with nothing to ask, ready with rows, and an error says why', async () => {
    const host = new Host();
    const { db, pending } = deferredDatabase();
    let sql = $state<string | null>('first');
    let state!: QueryState<{ n: number }>;
    const stop = $effect.root(() => {
      state = new QueryState(host, () => (sql === null ? null : named(sql)));
    });
    await tick();
    expect(state.status).toBe('loading');
    host.db = db;
    await tick();
    expect(pending.map((p) => p.sql)).toEqual(['first']);
    pending[0].resolve([]);
    await settle();
    expect([state.status, state.empty]).toEqual(['ready', true]);
    sql = null;
    await tick();
    expect(state.status).toBe('idle');
    sql = 'broken';
    await tick();
    pending[1].reject(new Error('Catalog Error: no table'));
    await settle();
    expect([state.status, state.error]).toEqual(['error', 'Catalog Error: no table']);
    state.retry();
    await tick();
    expect(pending.map((p) => p.sql)).toEqual(['first', 'broken', 'broken']);
    pending[2].resolve([{ n: 1 }]);
    await settle();
    expect([state.status, state.rows, state.error]).toEqual(['ready', [{ n: 1 }], null]);
    expect(host.inFlight).toBe(0);
    stop();
  });

  it('keeps only the latest answer: a slow earlier query never overwrites a later one', async () => {
    const { host, pending, stop, state, ask } = askingState('slow');
    await tick();
    ask('fast');
    await tick();
    pending[1].resolve([{ n: 2 }]);
    await settle();
    pending[0].resolve([{ n: 1 }]);
    await settle();
    expect(state().rows).toEqual([{ n: 2 }]);
    // A re-run keeps the rows on screen (ready) until it answers.
    host.dataVersion++;
    await tick();
    expect(state().status).toBe('ready');
    pending[0].reject(new Error('late failure of a superseded run'));
    pending[2].resolve([{ n: 3 }]);
    await settle();
    expect([state().status, state().rows]).toEqual(['ready', [{ n: 3 }]]);
    stop();
  });

  it('before the database opens, answers from the snapshot only the exact query it holds; the live answer replaces it', async () => {
    const host = new Host({ [queryKey(named('default'))]: [{ n: 7 }] });
    const { db, pending } = deferredDatabase();
    let sql = $state('default');
    let state!: QueryState<{ n: number }>;
    const stop = $effect.root(() => {
      state = new QueryState(host, () => named(sql));
    });
    // Already at construction, before any effect has run: the first render has the rows.
    expect([state.status, state.rows, state.fromSnapshot]).toEqual(['ready', [{ n: 7 }], true]);
    sql = 'filtered';
    await tick();
    expect([state.status, state.rows, state.fromSnapshot]).toEqual(['loading', null, false]);
    sql = 'default';
    await tick();
    expect(state.rows).toEqual([{ n: 7 }]);
    host.db = db;
    await tick();
    pending[0].resolve([{ n: 8 }]);
    await settle();
    expect([state.status, state.rows, state.fromSnapshot]).toEqual(['ready', [{ n: 8 }], false]);
    stop();
  });

  it('a query of the text tables waits while a dataset downloads them, keeping its first answer; a ratings query runs', async () => {
    const textSql = 'SELECT count(*) AS n FROM narratives';
    const host = new Host({ [queryKey(named(textSql))]: [{ n: 5 }] });
    const { db, pending } = deferredDatabase();
    let text!: QueryState<{ n: number }>;
    let ratings!: QueryState<{ n: number }>;
    const stop = $effect.root(() => {
      text = new QueryState(host, () => named(textSql));
      ratings = new QueryState(host, () => named('SELECT count(*) AS n FROM ratings'));
    });
    host.textPending = true;
    host.db = db;
    await tick();
    expect(pending.map((p) => p.sql)).toEqual(['SELECT count(*) AS n FROM ratings']);
    pending[0].resolve([{ n: 2 }]);
    await settle();
    expect([ratings.status, ratings.rows]).toEqual(['ready', [{ n: 2 }]]);
    expect([text.status, text.rows, text.waitingForText]).toEqual(['ready', [{ n: 5 }], true]);
    // The text tables are in: the page bumps the data version and every query asks again.
    host.textPending = false;
    host.dataVersion++;
    await tick();
    expect(pending.slice(1).map((p) => p.sql).sort()).toEqual([textSql, 'SELECT count(*) AS n FROM ratings']);
    pending.find((p, i) => i > 0 && p.sql === textSql)!.resolve([{ n: 9 }]);
    await settle();
    expect([text.status, text.rows, text.waitingForText, text.fromSnapshot]).toEqual(['ready', [{ n: 9 }], false, false]);
    stop();
  });

  it("a dataset's download progress re-asks no query: not the ratings' (they would never answer), not the text's", async () => {
    await withoutFrames(async () => {
      const app = new AppState();
      const { db, pending } = deferredDatabase();
      let ratings!: QueryState<{ n: number }>;
      const stop = $effect.root(() => {
        ratings = new QueryState(app, () => named('SELECT count(*) AS n FROM ratings'));
        new QueryState(app, () => named('SELECT count(*) AS n FROM narrative_tags'));
      });
      app.textProgress = { bytes: 0, totalBytes: 100 };
      app.db = db;
      await tick();
      expect(pending.map((p) => p.sql)).toEqual(['SELECT count(*) AS n FROM ratings']);
      for (let bytes = 10; bytes <= 90; bytes += 10) {
        app.textProgress = { bytes, totalBytes: 100 };
        await tick();
      }
      expect(pending).toHaveLength(1);
      pending[0].resolve([{ n: 1 }]);
      await settle();
      expect([ratings.status, ratings.rows]).toEqual(['ready', [{ n: 1 }]]);
      app.textProgress = null;
      await tick();
      expect(pending.map((p) => p.sql)).toEqual(['SELECT count(*) AS n FROM ratings', 'SELECT count(*) AS n FROM narrative_tags']);
      stop();
    });
  });

  it('a query asked again over the same data is answered at once, without DuckDB; new data, or a load under way, asks DuckDB', async () => {
    const { host, pending, stop, state, ask } = askingState('by ward');
    await tick();
    pending[0].resolve([{ n: 1 }]);
    await settle();
    ask('by question');
    await tick();
    pending[1].resolve([{ n: 2 }]);
    await settle();
    // Back to the first choice: its rows at once, ready, and nothing asked.
    ask('by ward');
    await tick();
    expect([state().status, state().rows, pending.length, host.inFlight]).toEqual(['ready', [{ n: 1 }], 2, 0]);
    // The data changed: the kept answers are of the old data.
    host.dataVersion++;
    await tick();
    expect(pending.map((p) => p.sql)).toEqual(['by ward', 'by question', 'by ward']);
    pending[2].resolve([{ n: 3 }]);
    await settle();
    expect(state().rows).toEqual([{ n: 3 }]);
    // While files load, their rows go in before the version moves: asked again, and not kept.
    host.loading = true;
    ask('by question');
    await tick();
    ask('by ward');
    await tick();
    expect(pending.map((p) => p.sql)).toEqual(['by ward', 'by question', 'by ward', 'by question', 'by ward']);
    pending[3].resolve([{ n: 4 }]);
    pending[4].resolve([{ n: 5 }]);
    await settle();
    host.loading = false;
    ask('by question');
    await tick();
    expect(pending).toHaveLength(6);
    stop();
  });

  it('an answer to a query asked before the data changed is not kept for the new data', async () => {
    const { host, pending, stop } = askingState('a');
    await tick();
    // The data changes while the first answer is on its way; the re-run is asked at once.
    host.dataVersion++;
    await tick();
    pending[0].resolve([{ n: 1 }]);
    pending[1].resolve([{ n: 2 }]);
    await settle();
    expect(host.answers.get(1, named('a'))).toEqual([{ n: 2 }]);
    expect(host.answers.get(0, named('a'))).toBeNull();
    stop();
  });

  it('AppState keeps answers unless told not to (the bench), and none while files load', async () => {
    const query = named('SELECT 1 AS n');
    const app = new AppState();
    app.keepRows(query, [{ n: 1 }], 0);
    expect(app.cachedRows(query)).toEqual([{ n: 1 }]);
    // An ingest that finishes when the test says (what it writes is tested against DuckDB elsewhere).
    let finish!: (outcome: null) => void;
    const ingest = { load: () => new Promise<null>((resolve) => (finish = resolve)) } as unknown as IngestClient;
    app.attach(null as unknown as Database, ingest, app.dictionary.themes);
    const loading = app.load([{ name: 'a.csv', bytes: new Uint8Array() } as unknown as SourceFile], 'user', false);
    expect(app.cachedRows(query)).toBeNull();
    app.keepRows(named('SELECT 2 AS n'), [{ n: 2 }], 0);
    finish(null);
    await loading;
    // The load moved the data version: nothing kept from before it, and nothing kept during it.
    expect(app.dataVersion).toBe(1);
    expect([app.cachedRows(query), app.cachedRows(named('SELECT 2 AS n'))]).toEqual([null, null]);
    app.keepRows(query, [{ n: 1 }], 0);
    expect(app.cachedRows(query)).toBeNull();
    app.keepRows(query, [{ n: 3 }], 1);
    expect(app.cachedRows(query)).toEqual([{ n: 3 }]);
    const uncached = new AppState({}, null, undefined, false);
    uncached.keepRows(query, [{ n: 1 }], 0);
    expect(uncached.cachedRows(query)).toBeNull();
  });

  it("a load's progress re-asks no query (whether an answer may come from the cache changes with the load)", async () => {
    await withoutFrames(async () => {
      const app = new AppState();
      const { db, pending } = deferredDatabase();
      const stop = $effect.root(() => {
        new QueryState(app, () => named('SELECT count(*) AS n FROM ratings'));
      });
      app.db = db;
      await tick();
      for (let rowsDone = 0; rowsDone <= 3000; rowsDone += 1000) {
        app.progress = { filesTotal: 1, fileIndex: 0, file: 'a.csv', rowsDone, fraction: rowsDone / 3000 };
        await tick();
      }
      app.progress = null;
      await tick();
      expect(pending).toHaveLength(1);
      stop();
    });
  });
});

import { createContext } from 'svelte';
import type { Database } from '../db/database.ts';
import { IngestWorkerStopped, type IngestClient, type LoadOutcome, type LoadProgress } from '../db/ingest-client.ts';
import type { SourceFile } from '../db/ingest-protocol.ts';
import type { ViewSnapshot } from '../db/first-view.ts';
import type { DatasetProgress } from '../db/dataset-files.ts';
import type { OpenedDataset } from '../db/remote-dataset.ts';
import { dismissConflictQuery, narrativeItemsQuery, queryKey, ratingConflictsQuery, runQuery, type ConflictRow, type Query } from '../db/queries/index.ts';
import { conflictIdentity, keepDismissed, readDismissed } from '../persist/dismissed-conflicts.ts';
import { replaceThemeTags } from '../db/load.ts';
import type { Theme } from '../text/themes.ts';
import { saveFile } from '../persist/saved-files.ts';
import { DictionaryState } from './dictionary.svelte.ts';
import { FilterState } from './filters.svelte.ts';
import type { QueryHost } from './query.svelte.ts';
import { ResultCache } from './result-cache.ts';
import { errorMessage } from '../error-message.ts';

/** Application state: the open database, loading, the shared filters. Views read it from context. */
export class AppState implements QueryHost {
  db = $state.raw<Database | null>(null);
  /** Bumped after every write, so queries that depend on the data re-run. */
  dataVersion = $state(0);
  progress = $state.raw<LoadProgress | null>(null);
  lastLoad = $state.raw<LoadOutcome | null>(null);
  loadError = $state<string | null>(null);
  /** The ingest worker stopped (why): loading is off until the page is reloaded. */
  ingestStopped = $state<string | null>(null);
  /** Saving to or reading from this browser's storage failed: the data on screen is fine, the next visit may lack it. */
  storageWarning = $state<string | null>(null);
  /** The dataset opened by URL (`?dataset=…`) instead of the bundled data; read-only. */
  dataset = $state.raw<OpenedDataset | null>(null);
  /** The dataset's text tables, while they download after the ratings (null when in or not wanted). */
  textProgress = $state.raw<DatasetProgress | null>(null);
  /** Derived, so queries waiting for the text hear when it is in, not every progress step. */
  readonly textPending = $derived(this.textProgress !== null);
  /** Why the dataset (or its text) could not be opened. */
  datasetError = $state.raw<unknown>(null);
  readonly dictionary = new DictionaryState();
  private ingest: IngestClient | null = null;
  /** The dictionary the stored theme tags were made with. */
  private taggedWith: Theme[] | null = null;

  /** Loads writing now; not state: a query reads it, and must not re-run at each step of the load. */
  private writing = 0;

  /** Queries in flight; when the last one settles the charts are painted on the next frame. */
  private pending = 0;

  /** Answers already given over the data as it stands (null: every query goes to DuckDB, as the bench's filter changes want). */
  private answers: ResultCache | null;

  /**
   * `snapshot`: the opening view's results over the bundled data, from the build, for the moments
   * before DuckDB is up. `record` hears every query asked without a database (the build's recorder).
   * `keepAnswers`: false sends every query to DuckDB, even one answered before (`?cache=off`).
   */
  constructor(
    private snapshot: ViewSnapshot = {},
    private record: ((query: Query<unknown>) => void) | null = null,
    readonly filters: FilterState = new FilterState(),
    keepAnswers = true,
  ) {
    this.answers = keepAnswers ? new ResultCache() : null;
  }

  /** The views draw the build's figures: the database is not open yet and the snapshot has some. */
  get showsSnapshot(): boolean {
    return this.db === null && Object.keys(this.snapshot).length > 0;
  }

  snapshotRows<Row>(query: Query<Row>): Row[] | null {
    this.record?.(query);
    return (this.snapshot[queryKey(query)] as Row[] | undefined) ?? null;
  }

  /** Not while files load: their rows go in part by part before the data version moves. */
  cachedRows<Row>(query: Query<Row>): readonly Row[] | null {
    return this.writing > 0 ? null : (this.answers?.get(this.dataVersion, query) ?? null);
  }

  keepRows<Row>(query: Query<Row>, rows: readonly Row[], version: number): void {
    if (this.writing === 0 && version === this.dataVersion) this.answers?.set(version, query, rows);
  }

  queryStarted(): void {
    this.pending++;
  }

  /** Marks `app:charts-painted` once every query has answered and the browser has drawn the result (read by the bench). */
  querySettled(): void {
    this.pending--;
    if (this.pending > 0) return;
    // Two frames: the first runs before the browser paints the updated charts, the second after.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (this.pending === 0) {
          performance.mark('app:charts-painted');
          document.dispatchEvent(new CustomEvent('app:charts-painted'));
        }
      }),
    );
  }

  /** The database is open with the bundled data in it, its theme tags made with `taggedWith`. */
  attach(db: Database, ingest: IngestClient, taggedWith: Theme[]): void {
    this.db = db;
    this.ingest = ingest;
    this.taggedWith = taggedWith;
  }

  get loading(): boolean {
    return this.progress !== null;
  }

  /**
   * Loads files through the worker into DuckDB. User files are kept in IndexedDB as each finishes,
   * unless `keep` is false (files restored from there on start-up).
   */
  async load(files: SourceFile[], origin: 'bundled' | 'user', keep = origin === 'user'): Promise<LoadOutcome | null> {
    // A published dataset is shown as built: its keys are not in the worker's ledger, so files added on top could not merge.
    if (!this.ingest || files.length === 0 || this.dataset) return null;
    this.loadError = null;
    this.writing++;
    this.progress = { filesTotal: files.length, fileIndex: 0, file: files[0].name, rowsDone: 0, fraction: 0 };
    let outcome: LoadOutcome | null = null;
    // Each file arrives tagged with the dictionary in force now (the worker does the text work).
    const themes = this.dictionary.themes;
    try {
      outcome = await this.ingest.load(files, origin, themes, (p) => (this.progress = p), keep ? (file) => this.keep(file) : undefined);
    } catch (error) {
      // A stopped worker has its own message (IngestClient's onStopped sets it); what it wrote is reported.
      if (error instanceof IngestWorkerStopped) outcome = error.outcome;
      else this.loadError = errorMessage(error);
    }
    try {
      if (origin === 'user' && outcome) this.lastLoad = outcome;
      if (this.db) await this.reapplyDismissals();
    } catch (error) {
      this.loadError = errorMessage(error);
    } finally {
      this.progress = null;
      this.writing--;
      this.dataVersion++;
    }
    // The dictionary changed while the files were read: every item is tagged again with the new one.
    if (this.dictionary.themes !== this.taggedWith) await this.retag();
    return outcome;
  }

  /** Keeps a loaded file for the next visit; a full or unavailable storage is said, and the load goes on. */
  private async keep(file: SourceFile): Promise<void> {
    try {
      await saveFile(file);
    } catch (error) {
      this.storageWarning = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
  }

  /**
   * Re-tags every narrative item when the dictionary differs from the one the tags were made with
   * (the worker does the matching; the page only moves the items and the Arrow batch). During a load
   * it waits: the load re-tags when it ends.
   */
  async retag(): Promise<void> {
    const themes = this.dictionary.themes;
    if (!this.db || !this.ingest || this.loading || themes === this.taggedWith) return;
    try {
      const items = await runQuery(this.db, narrativeItemsQuery());
      await replaceThemeTags(this.db, themes, await this.ingest.tag(items, themes));
      this.taggedWith = themes;
    } catch (error) {
      if (!(error instanceof IngestWorkerStopped)) this.loadError = errorMessage(error);
    }
    this.dataVersion++;
  }

  cancelLoad(): void {
    this.ingest?.cancel();
  }

  /** One run of a named query, outside the reactive views: for exports that want more rows than a view lists. */
  async fetch<Row>(query: Query<Row>): Promise<Row[]> {
    if (!this.db) return [];
    return runQuery(this.db, query);
  }

  async dismissConflict(conflict: ConflictRow): Promise<void> {
    if (!this.db) return;
    await runQuery(this.db, dismissConflictQuery(conflict));
    if (!keepDismissed(conflict)) this.storageWarning = 'localStorage';
    this.dataVersion++;
  }

  /** Conflicts dismissed on an earlier visit stay dismissed when the saved files find them again. */
  private async reapplyDismissals(): Promise<void> {
    const dismissed = readDismissed();
    if (!this.db || dismissed.size === 0) return;
    for (const conflict of await runQuery(this.db, ratingConflictsQuery())) {
      if (dismissed.has(conflictIdentity(conflict))) await runQuery(this.db, dismissConflictQuery(conflict));
    }
  }
}

export const [getAppState, setAppState] = createContext<AppState>();

import type { Database } from './database.ts';
import type { BundledFile, FromIngestWorker, SourceFile, ToIngestWorker } from './ingest-protocol.ts';
import { FileWrite, type FileOrigin } from './load.ts';
import type { IndexedItem } from '../text/item-index.ts';
import type { Theme } from '../text/themes.ts';

export interface LoadProgress {
  filesTotal: number;
  fileIndex: number;
  file: string;
  /** Rows of the current file read so far. */
  rowsDone: number;
  /** 0–1 over the whole load. */
  fraction: number;
}

export interface LoadOutcome {
  /** The first file id of this load: the load report asks for files from here on. */
  firstFileId: number | null;
  filesLoaded: number;
  cancelled: boolean;
}

/**
 * The main thread's side of loading: hands files to the ingest worker and writes each finished file
 * into DuckDB, in order, while the worker reads the next one.
 */
/**
 * The worker stopped (out of memory, a script error): its session, with the keys and conflicts of every
 * earlier load, is gone, so later loads would be judged against nothing. Files it had finished are in
 * the database and kept; a page reload re-reads them in order and starts a fresh worker.
 */
export class IngestWorkerStopped extends Error {
  /** What the stopped load had written, for its report. */
  outcome: LoadOutcome | null = null;

  constructor(readonly reason: string) {
    super(reason);
    this.name = 'IngestWorkerStopped';
  }
}

export class IngestClient {
  private worker: Worker;
  private nextJobId = 1;
  private activeJob: number | null = null;
  /** What each job waiting on the worker does if it stops. */
  private waiting = new Set<(error: IngestWorkerStopped) => void>();
  /** Why the worker stopped, once it has. */
  stopped: string | null = null;

  constructor(
    private db: Database,
    createWorker: () => Worker,
    private onStopped: (reason: string) => void = () => {},
    /** The read-ahead worker's script (`read-ahead.worker.ts?worker&url`), so the page's build lists it for the service worker. */
    private readAheadWorker: string | null = null,
  ) {
    this.worker = createWorker();
    const stop = (event: Event) => this.stop(event instanceof ErrorEvent && event.message ? event.message : event.type);
    this.worker.addEventListener('error', stop);
    this.worker.addEventListener('messageerror', stop);
  }

  private stop(reason: string): void {
    if (this.stopped !== null) return;
    this.stopped = reason;
    this.worker.terminate();
    for (const stopJob of this.waiting) stopJob(new IngestWorkerStopped(reason));
    this.onStopped(reason);
  }

  /** `onFileLoaded` runs once a source's (first) file is in the database (the app keeps the source for the next visit). */
  load(
    files: SourceFile[],
    origin: FileOrigin,
    themes: readonly Theme[],
    onProgress: (p: LoadProgress) => void = () => {},
    onFileLoaded: (file: SourceFile) => Promise<unknown> = async () => {},
  ): Promise<LoadOutcome> {
    if (this.stopped !== null) return Promise.reject(new IngestWorkerStopped(this.stopped));
    // The worker takes the bytes (transferred); keep a copy for onFileLoaded.
    const copies = files.map((f) => ({ name: f.name, bytes: f.bytes.slice() }));
    const jobId = this.nextJobId++;
    this.activeJob = jobId;
    const outcome: LoadOutcome = { firstFileId: null, filesLoaded: 0, cancelled: false };
    let writes = Promise.resolve();
    // The file being read: parts of its ratings may be written before it ends.
    let current = new FileWrite(this.db);
    return new Promise<LoadOutcome>((resolve, reject) => {
      const finish = () => {
        this.worker.removeEventListener('message', onMessage);
        this.waiting.delete(stopJob);
        if (this.activeJob === jobId) this.activeJob = null;
        // A file stopped part-way (cancelled, failed, the worker gone) leaves nothing.
        const unfinished = current;
        writes = writes.then(() => unfinished.abandon());
      };
      // Files the worker had handed over are written whole (one transaction each) before the load reports the stop.
      const stopJob = (error: IngestWorkerStopped) => {
        finish();
        error.outcome = outcome;
        writes.then(() => reject(error), reject);
      };
      this.waiting.add(stopJob);
      const onMessage = (event: MessageEvent<FromIngestWorker>) => {
        const message = event.data;
        if (message.jobId !== jobId) return;
        if (message.type === 'progress') {
          onProgress({
            filesTotal: files.length, fileIndex: message.fileIndex, file: message.file, rowsDone: message.rowsDone,
            fraction: (message.fileIndex + message.fileFraction) / files.length,
          });
        } else if (message.type === 'ratings-part') {
          const write = current;
          writes = writes.then(() => write.appendRatings(message.part));
        } else if (message.type === 'file') {
          const write = current;
          current = new FileWrite(this.db);
          writes = writes.then(async () => {
            const stored = await write.finish(message.loaded, origin);
            if (message.firstOfSource) await onFileLoaded(copies[message.fileIndex]);
            outcome.firstFileId ??= stored.fileId;
            outcome.filesLoaded++;
            onProgress({
              filesTotal: files.length, fileIndex: message.fileIndex, file: stored.file, rowsDone: stored.rowsRead,
              fraction: (message.fileIndex + 1) / files.length,
            });
          });
        } else if (message.type !== 'tags') {
          finish();
          if (message.type === 'failed') {
            writes.then(() => reject(new Error(message.message)), reject);
          } else {
            outcome.cancelled = message.cancelled;
            writes.then(() => resolve(outcome), reject);
          }
        }
      };
      this.worker.addEventListener('message', onMessage);
      this.worker.postMessage({ type: 'ingest', jobId, files, themes: [...themes], readAheadWorker: this.readAheadWorker }, files.map((f) => f.bytes.buffer as ArrayBuffer));
    });
  }

  /** The theme tags of every item under `themes`, as an Arrow batch for `narrative_tags`, made in the worker. */
  tag(items: IndexedItem[], themes: readonly Theme[]): Promise<Uint8Array | null> {
    return this.request({ type: 'tag', jobId: this.nextJobId++, items, themes: [...themes] }, (m) => (m.type === 'tags' ? { value: m.tags } : null));
  }

  /**
   * Has the worker read the files behind the prebuilt bundled data (already in the database), in
   * their order, so that later files are judged against their keys (duplicates, conflicts) and get
   * the file ids that follow theirs.
   */
  prime(files: BundledFile[]): Promise<void> {
    return this.request({ type: 'prime', jobId: this.nextJobId++, files }, (m) => (m.type === 'done' ? { value: undefined } : null));
  }

  /** One message to the worker and the one answer `accept` recognises (or its failure). */
  private request<T>(message: ToIngestWorker & { jobId: number }, accept: (message: FromIngestWorker) => { value: T } | null): Promise<T> {
    if (this.stopped !== null) return Promise.reject(new IngestWorkerStopped(this.stopped));
    return new Promise((resolve, reject) => {
      const finish = () => {
        this.worker.removeEventListener('message', onMessage);
        this.waiting.delete(stopJob);
      };
      const stopJob = (error: IngestWorkerStopped) => {
        finish();
        reject(error);
      };
      const onMessage = (event: MessageEvent<FromIngestWorker>) => {
        const answer = event.data;
        if (answer.jobId !== message.jobId) return;
        const accepted = accept(answer);
        if (accepted) {
          finish();
          resolve(accepted.value);
        } else if (answer.type === 'failed') {
          finish();
          reject(new Error(answer.message));
        }
      };
      this.waiting.add(stopJob);
      this.worker.addEventListener('message', onMessage);
      this.worker.postMessage(message);
    });
  }

  cancel(): void {
    if (this.activeJob !== null) this.worker.postMessage({ type: 'cancel', jobId: this.activeJob });
  }

  get busy(): boolean {
    return this.activeJob !== null;
  }
}

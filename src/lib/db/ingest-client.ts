import type { Database } from './database.ts';
import type { FromIngestWorker, SourceFile } from './ingest-protocol.ts';
import { loadFileOrRefuse, type FileOrigin } from './load.ts';

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
export class IngestClient {
  private worker: Worker;
  private nextJobId = 1;
  private activeJob: number | null = null;

  constructor(
    private db: Database,
    createWorker: () => Worker,
  ) {
    this.worker = createWorker();
  }

  /** `onFileLoaded` runs once a file is in the database (the app keeps the file for the next visit). */
  load(
    files: SourceFile[],
    origin: FileOrigin,
    onProgress: (p: LoadProgress) => void = () => {},
    onFileLoaded: (file: SourceFile) => Promise<unknown> = async () => {},
  ): Promise<LoadOutcome> {
    // The worker takes the bytes (transferred); keep a copy for onFileLoaded.
    const copies = files.map((f) => ({ name: f.name, bytes: f.bytes.slice() }));
    const jobId = this.nextJobId++;
    this.activeJob = jobId;
    const outcome: LoadOutcome = { firstFileId: null, filesLoaded: 0, cancelled: false };
    let writes = Promise.resolve();
    return new Promise<LoadOutcome>((resolve, reject) => {
      const onMessage = (event: MessageEvent<FromIngestWorker>) => {
        const message = event.data;
        if (message.jobId !== jobId) return;
        if (message.type === 'progress') {
          onProgress({
            filesTotal: files.length, fileIndex: message.fileIndex, file: message.file, rowsDone: message.rowsDone,
            fraction: (message.fileIndex + message.fileFraction) / files.length,
          });
        } else if (message.type === 'file') {
          writes = writes.then(async () => {
            const stored = await loadFileOrRefuse(this.db, message.loaded, origin);
            await onFileLoaded(copies[message.fileIndex]);
            outcome.firstFileId ??= stored.fileId;
            outcome.filesLoaded++;
            onProgress({
              filesTotal: files.length, fileIndex: message.fileIndex, file: stored.file, rowsDone: stored.rowsRead,
              fraction: (message.fileIndex + 1) / files.length,
            });
          });
        } else {
          this.worker.removeEventListener('message', onMessage);
          if (this.activeJob === jobId) this.activeJob = null;
          if (message.type === 'failed') {
            writes.then(() => reject(new Error(message.message)), reject);
          } else {
            outcome.cancelled = message.cancelled;
            writes.then(() => resolve(outcome), reject);
          }
        }
      };
      this.worker.addEventListener('message', onMessage);
      this.worker.postMessage({ type: 'ingest', jobId, files }, files.map((f) => f.bytes.buffer as ArrayBuffer));
    });
  }

  cancel(): void {
    if (this.activeJob !== null) this.worker.postMessage({ type: 'cancel', jobId: this.activeJob });
  }

  get busy(): boolean {
    return this.activeJob !== null;
  }
}

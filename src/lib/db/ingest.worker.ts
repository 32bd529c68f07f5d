/// <reference lib="webworker" />
import { readAhead, type ReadAheadInput, type ReadAheadResult } from '../ingest/read-ahead.ts';
import { IngestCancelled, IngestSession } from '../ingest/session.ts';
import { ratingsPart, tagsIpc, toLoadedFile } from './arrow.ts';
import type { BundledFile, FromIngestWorker, SourceFile, ToIngestWorker } from './ingest-protocol.ts';
import type { Theme } from '../text/themes.ts';
import { errorMessage } from '../error-message.ts';

/**
 * Ingest off the main thread: the session (registry, keys seen, conflicts) lives here for the life of
 * the page, so duplicates and conflicts are found across every load; decoding and the CSV reader
 * (`src/lib/ingest/csv.ts`) run here too, and so does the text work: each file's narratives are
 * tagged and segmented here, and the whole tag table is rebuilt here when the dictionary changes.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const session = new IngestSession();
const cancelled = new Set<number>();

const post = (message: FromIngestWorker, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
/** A macrotask, so a queued "cancel" message is handled between chunks of rows. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const YIELD_MS = 100;

/**
 * The second reader of long ratings files: a worker of this worker (its script named by the page),
 * started at the first such file and kept until a load is cancelled. Should it fail (or a browser
 * not start workers from workers), this worker reads the rest itself, as it would in one pass.
 */
class ReadAheadWorker {
  private worker: Worker | null = null;
  private pending = new Map<number, { resolve: (result: ReadAheadResult) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  async read(url: string, input: ReadAheadInput): Promise<ReadAheadResult> {
    try {
      const worker = (this.worker ??= this.start(url));
      const id = ++this.nextId;
      return await new Promise<ReadAheadResult>((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        worker.postMessage({ id, input });
      });
    } catch (error) {
      if (error instanceof IngestCancelled) throw error;
      return readAhead(input);
    }
  }

  /**
   * A cancelled load's rest is not wanted: the worker, which may still be reading it, is stopped (the
   * next long file starts another), so a load that follows does not wait behind it.
   */
  stop(): void {
    this.end(new IngestCancelled());
  }

  /** Stops the worker; each read it had fails with `reason`. */
  private end(reason: Error): void {
    this.worker?.terminate();
    this.worker = null;
    for (const { reject } of this.pending.values()) reject(reason);
    this.pending.clear();
  }

  private start(url: string): Worker {
    const worker = new Worker(url, { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ id: number; result: ReadAheadResult }>) => {
      this.pending.get(event.data.id)?.resolve(event.data.result);
      this.pending.delete(event.data.id);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.end(new Error(event.message));
    };
    return worker;
  }
}
const readAheadWorker = new ReadAheadWorker();

scope.onmessage = (event: MessageEvent<ToIngestWorker>) => {
  const message = event.data;
  if (message.type === 'cancel') cancelled.add(message.jobId);
  // Jobs run one after another, so files reach the session in the order they were sent.
  else queue = queue.then(() => run(message));
};
let queue = Promise.resolve();
/**
 * Why the bundled files could not be read, if they could not: the session would not know their keys,
 * so a later file would neither merge with nor replace them, and loading is refused until a reload.
 */
let primeFailure: string | null = null;

async function run(message: Exclude<ToIngestWorker, { type: 'cancel' }>): Promise<void> {
  const { jobId } = message;
  try {
    if (message.type === 'tag') {
      const tags = tagsIpc(message.items, message.themes);
      post({ type: 'tags', jobId, tags }, tags ? [tags.buffer as ArrayBuffer] : []);
    } else if (message.type === 'prime') {
      await prime(message.files).catch((error: unknown) => {
        primeFailure = errorMessage(error);
        throw error;
      });
      post({ type: 'done', jobId, cancelled: false });
    } else if (primeFailure !== null) {
      throw new Error(`bundled data unread (${primeFailure}): reload the page`);
    } else await ingest(jobId, message.files, message.themes, message.readAheadWorker);
  } catch (error) {
    if (error instanceof IngestCancelled) {
      readAheadWorker.stop();
      post({ type: 'done', jobId, cancelled: true });
    } else post({ type: 'failed', jobId, message: errorMessage(error) });
  } finally {
    cancelled.delete(jobId);
  }
}

async function prime(files: BundledFile[]): Promise<void> {
  for (const { name, url } of files) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    await session.ingestFile(name, new Uint8Array(await response.arrayBuffer()));
  }
}

async function ingest(jobId: number, files: SourceFile[], themes: Theme[], readAheadUrl: string | null): Promise<void> {
  for (const [fileIndex, source] of files.entries()) {
    if (cancelled.has(jobId)) throw new IngestCancelled();
    let yielded = performance.now();
    const batches = await session.ingestSource(source.name, source.bytes, {
      checkpointEvery: 10000,
      checkpoint: async (rowsDone, fileFraction) => {
        // A yield costs a clamped timer: one every YIELD_MS is enough for progress and to hear "cancel".
        if (fileFraction < 1 && performance.now() - yielded < YIELD_MS) return;
        post({ type: 'progress', jobId, fileIndex, file: source.name, rowsDone, fileFraction });
        await nextTask();
        yielded = performance.now();
        if (cancelled.has(jobId)) throw new IngestCancelled();
      },
      readAhead: readAheadUrl === null ? undefined : (input) => readAheadWorker.read(readAheadUrl, input),
      // The page's DuckDB appends each part while this worker reads on: the two run on different cores.
      onRatingsPart: (ratings, fileId) => {
        const part = ratingsPart(ratings, fileId);
        post({ type: 'ratings-part', jobId, fileIndex, part }, [part.ipc.buffer as ArrayBuffer, part.groups.buffer as ArrayBuffer]);
      },
    });
    for (const [k, batch] of batches.entries()) {
      const loaded = toLoadedFile(batch, themes);
      const buffers = [...Object.values(loaded.payload), loaded.ratingGroups].filter((b): b is Uint8Array => b !== null).map((b) => b.buffer as ArrayBuffer);
      post({ type: 'file', jobId, fileIndex, loaded, firstOfSource: k === 0 }, buffers);
    }
  }
  post({ type: 'done', jobId, cancelled: false });
}

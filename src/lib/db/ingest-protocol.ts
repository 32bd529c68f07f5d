import type { IndexedItem } from '../text/item-index.ts';
import type { Theme } from '../text/themes.ts';
import type { RatingsPart } from './arrow.ts';
import type { LoadedFile } from './load.ts';

export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

/** A bundled file: its name in `data/` and where the page serves it. */
export interface BundledFile {
  name: string;
  url: string;
}

export type ToIngestWorker =
  /** `readAheadWorker`: the URL of the worker that reads the rest of a long ratings file (null: one pass). */
  | { type: 'ingest'; jobId: number; files: SourceFile[]; themes: Theme[]; readAheadWorker: string | null }
  | { type: 'tag'; jobId: number; items: IndexedItem[]; themes: Theme[] }
  /**
   * Files already in the database (the prebuilt bundled data), named as the build named them: read
   * only to learn their keys, in order.
   */
  | { type: 'prime'; jobId: number; files: BundledFile[] }
  | { type: 'cancel'; jobId: number };

export type FromIngestWorker =
  | { type: 'progress'; jobId: number; fileIndex: number; file: string; rowsDone: number; fileFraction: number }
  /** Ratings of the file being read, to be appended before the rest of it arrives in `file`. */
  | { type: 'ratings-part'; jobId: number; fileIndex: number; part: RatingsPart }
  /**
   * A file read: most sources are one, a text of several reports one per report. The source is kept
   * for the next visit once its first is in the database (and once only: a visit reads it whole).
   */
  | { type: 'file'; jobId: number; fileIndex: number; loaded: LoadedFile; firstOfSource: boolean }
  | { type: 'tags'; jobId: number; tags: Uint8Array | null }
  | { type: 'done'; jobId: number; cancelled: boolean }
  | { type: 'failed'; jobId: number; message: string };

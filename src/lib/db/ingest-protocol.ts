import type { LoadedFile } from './load.ts';

export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

export type ToIngestWorker = { type: 'ingest'; jobId: number; files: SourceFile[] } | { type: 'cancel'; jobId: number };

export type FromIngestWorker =
  | { type: 'progress'; jobId: number; fileIndex: number; file: string; rowsDone: number; fileFraction: number }
  | { type: 'file'; jobId: number; fileIndex: number; loaded: LoadedFile }
  | { type: 'done'; jobId: number; cancelled: boolean }
  | { type: 'failed'; jobId: number; message: string };

/// <reference lib="webworker" />
import { readAhead, type ReadAheadInput } from '../ingest/read-ahead.ts';

/**
 * The second reader of a long ratings file, a worker of the ingest worker: it reads the rest of the
 * file while the ingest worker reads the start (see `src/lib/ingest/read-ahead.ts`).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<{ id: number; input: ReadAheadInput }>) => {
  const { id, input } = event.data;
  const result = readAhead(input);
  const { wards: _wards, questions: _questions, length: _length, ...columns } = result.ratings;
  scope.postMessage({ id, result }, Object.values(columns).map((column) => column.buffer));
};

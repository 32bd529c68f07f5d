import type { ConflictRow } from '../db/queries/index.ts';

/**
 * Conflicts the user dismissed, kept in localStorage so that re-reading the saved files on the next
 * visit (which finds the same conflicts again) does not bring them back. A conflict is the same one
 * when its key and every value it lists (file, line, rating) are the same.
 */
const KEY = 'kyoten-dashboard:dismissed-conflicts';
type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function conflictIdentity(c: ConflictRow): string {
  return JSON.stringify([c.ward, c.fiscalYear, c.stage, c.questionNo, c.rater, c.values.map((v) => [v.file, v.line, v.rating])]);
}

export function readDismissed(store: Store | null = globalThis.localStorage ?? null): Set<string> {
  try {
    const saved: unknown = JSON.parse(store?.getItem(KEY) ?? '[]');
    return new Set(Array.isArray(saved) ? saved.filter((s): s is string => typeof s === 'string') : []);
  } catch {
    return new Set();
  }
}

/** Adds one dismissal; false when the browser refused to keep it. */
export function keepDismissed(c: ConflictRow, store: Store | null = globalThis.localStorage ?? null): boolean {
  const all = readDismissed(store);
  all.add(conflictIdentity(c));
  try {
    store?.setItem(KEY, JSON.stringify([...all]));
    return true;
  } catch {
    return false;
  }
}

export function forgetDismissed(store: Store | null = globalThis.localStorage ?? null): void {
  store?.removeItem(KEY);
}

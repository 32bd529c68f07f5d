import type { SourceFile } from '../db/ingest-protocol.ts';

/**
 * The files a user loaded, kept in this browser's IndexedDB (never sent anywhere) so the next visit
 * re-reads them through the same ingest path. Each file is saved as soon as it is in the database,
 * so a reload in the middle of a load keeps every file that had finished.
 */
const DB_NAME = 'kyoten-dashboard';
const STORE = 'files';

function openOnce(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Opens the store, trying again briefly: right after a reload the previous page may still hold it. */
async function openStore(attempts = 3): Promise<IDBDatabase> {
  for (let i = 1; ; i++) {
    try {
      return await openOnce();
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * i));
    }
  }
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return openStore().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const transaction = db.transaction(STORE, mode);
        const request = work(transaction.objectStore(STORE));
        transaction.oncomplete = () => {
          db.close();
          resolve(request.result);
        };
        transaction.onerror = () => reject(transaction.error);
      }),
  );
}

/**
 * A mark in localStorage that files are saved, read synchronously before the first paint: the build's
 * snapshot of the bundled data is then not shown, since the figures will include the user's files.
 */
const MARK = 'kyoten-dashboard:saved-files';

export function hasSavedFiles(): boolean {
  try {
    return globalThis.localStorage?.getItem(MARK) !== null;
  } catch {
    return false;
  }
}

export async function saveFile(file: SourceFile): Promise<IDBValidKey> {
  const key = await run('readwrite', (store) => store.add({ name: file.name, bytes: file.bytes.slice() }));
  try {
    globalThis.localStorage?.setItem(MARK, '1');
  } catch {
    // Without the mark the next visit shows the bundled figures for a moment; nothing is lost.
  }
  return key;
}

/** Saved files in the order they were loaded. */
export async function readSavedFiles(): Promise<SourceFile[]> {
  const rows = await run<Array<{ name: string; bytes: Uint8Array }>>('readonly', (store) => store.getAll());
  return rows.map((r) => ({ name: r.name, bytes: new Uint8Array(r.bytes) }));
}

export interface SavedFileEntry {
  key: IDBValidKey;
  name: string;
  bytes: number;
}

/** The saved files' names and sizes, in the order they were loaded (what the data view lists). */
export async function listSavedFiles(): Promise<SavedFileEntry[]> {
  const entries: SavedFileEntry[] = [];
  // One cursor, one transaction: a file saved meanwhile (a load going on) cannot pair a key with another's name.
  await run('readonly', (store) => {
    const request = store.openCursor();
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return;
      const value = cursor.value as { name: string; bytes: Uint8Array };
      entries.push({ key: cursor.key, name: value.name, bytes: value.bytes.byteLength });
      cursor.continue();
    };
    return request;
  });
  return entries;
}

/** Forgets one saved file; the last one gone, the mark goes too. */
export async function removeSavedFile(key: IDBValidKey): Promise<void> {
  // The count is asked after the delete in the same transaction, so it sees the delete.
  const left = await run<number>('readwrite', (store) => {
    store.delete(key);
    return store.count();
  });
  if (left === 0) globalThis.localStorage?.removeItem(MARK);
}

export async function clearSavedFiles(): Promise<undefined> {
  globalThis.localStorage?.removeItem(MARK);
  return run('readwrite', (store) => store.clear());
}

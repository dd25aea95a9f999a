import type { PersistentCache } from '../lib/graph/node-type';

const DB_NAME = 'kumiki-cache';
const STORE = 'entries';

/**
 * A persistent cache in IndexedDB, used for expensive results such as sentence embeddings.
 * When IndexedDB is unavailable (private windows, full storage) it behaves as an empty cache
 * that forgets what it is given, and the run goes on.
 */
export function indexedDbCache(): PersistentCache {
  let opening: Promise<IDBDatabase | null> | undefined;
  const open = () =>
    (opening ??= new Promise((resolve) => {
      try {
        const request = indexedDB.open(DB_NAME, 1);
        request.onupgradeneeded = () => request.result.createObjectStore(STORE);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve(null);
      } catch {
        resolve(null);
      }
    }));

  const transact = async <T>(
    mode: IDBTransactionMode,
    work: (store: IDBObjectStore) => IDBRequest<T>
  ) => {
    const db = await open();
    if (!db) return undefined;
    return new Promise<T | undefined>((resolve) => {
      const request = work(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(undefined);
    });
  };

  return {
    get: async (key) => (await transact('readonly', (s) => s.get(key))) as Uint8Array | undefined,
    set: async (key, value) => void (await transact('readwrite', (s) => s.put(value, key)))
  };
}

import type { ByteSource, PersistentCache } from '../graph/node-type';

/**
 * What the place running the engine provides: the browser worker and the Node CLI each build
 * one. Nodes reach all of it through their RunContext.
 */
export interface Host {
  tf: typeof import('@tensorflow/tfjs');
  files: ByteSource;
  assets: ByteSource;
  cache: PersistentCache;
}

/**
 * The largest data file a node may read, in bytes. Larger files are refused before they are
 * read, in the command line and in the browser, so a file cannot exhaust memory.
 */
export const MAX_DATA_FILE_BYTES = 64 * 1024 * 1024;

/** The message for a data file over MAX_DATA_FILE_BYTES, naming the file and its size. */
export function fileTooLargeMessage(name: string, bytes: number): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return (
    `The file "${name}" has ${mb(bytes)}; Kumiki reads data files of at most ` +
    `${mb(MAX_DATA_FILE_BYTES)}. Use a smaller file or a subset of it.`
  );
}

/** A cache that lives as long as the process; used by tests and when no folder is given. */
export function memoryCache(): PersistentCache {
  const store = new Map<string, Uint8Array>();
  return {
    get: async (key) => store.get(key),
    set: async (key, value) => void store.set(key, value)
  };
}

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

/** A cache that lives as long as the process; used by tests and when no folder is given. */
export function memoryCache(): PersistentCache {
  const store = new Map<string, Uint8Array>();
  return {
    get: async (key) => store.get(key),
    set: async (key, value) => void store.set(key, value)
  };
}

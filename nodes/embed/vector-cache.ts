import type { PersistentCache } from '../../src/lib/graph/node-type';

/** Prefix of every cache key; bump `v1` when the model, tokenizer or vector layout changes. */
export const VECTOR_KEY_PREFIX = 'use-lite:v1:';

/** The persistent cache key of a sentence: the prefix and the hex SHA-256 of its UTF-8 text. */
export async function vectorKey(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0'));

  return VECTOR_KEY_PREFIX + hex.join('');
}

/**
 * The cached vector of `text`, or undefined when there is none or the stored bytes do not
 * hold exactly `dim` float32 values (an entry from an older layout is recomputed).
 */
export async function readVector(
  cache: PersistentCache,
  text: string,
  dim: number
): Promise<Float32Array | undefined> {
  const bytes = await cache.get(await vectorKey(text));
  if (!bytes || bytes.byteLength !== dim * Float32Array.BYTES_PER_ELEMENT) return undefined;

  // Copy into a fresh buffer: the stored bytes need not be aligned for a Float32Array view.
  return new Float32Array(bytes.slice().buffer);
}

/** Stores `vector` under the key of `text` as the bytes of its float32 values. */
export async function writeVector(
  cache: PersistentCache,
  text: string,
  vector: Float32Array
): Promise<void> {
  const bytes = new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength).slice();
  await cache.set(await vectorKey(text), bytes);
}

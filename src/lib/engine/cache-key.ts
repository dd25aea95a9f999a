import type { Params } from '../graph/node-type';

/**
 * A node's cache key: the SHA-256 of its type, type version, params, the graph seed, the salt
 * of its random stream and the keys of the outputs feeding its inputs. Equal keys mean equal
 * outputs, so changing one param changes the key of that node and of everything downstream,
 * and nothing else. The salt is the node id (see seededRandom): two random nodes with equal
 * params draw different streams, so they must not share a result.
 */
export async function cacheKey(parts: {
  type: string;
  version: number;
  params: Params;
  seed: number;
  randomSalt: string;
  inputs: Record<string, string>;
}): Promise<string> {
  return sha256Hex(stableJson(parts));
}

/** Hex SHA-256 of a string, through Web Crypto (present in browsers, workers and Node 20). */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** JSON with object keys sorted, so equal values always give equal text. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.keys(value as object)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

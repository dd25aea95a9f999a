import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import type { GraphDocument } from './document';
import {
  MAX_GRAPH_CHARS,
  parseGraph,
  serializeGraph,
  type LoadResult,
  type TypeLookup
} from './load';

/** The URL-fragment key that carries a shared graph: `#g=<base64url of deflated JSON>`. */
const KEY = 'g=';

/**
 * The text after `#` of a share link for this graph. The fragment never reaches a server,
 * so the graph stays between the people who pass the link around.
 */
export function encodeShareFragment(doc: GraphDocument): string {
  const packed = deflateSync(strToU8(serializeGraph(doc)), { level: 9 });
  return KEY + toBase64Url(packed);
}

/** Reads a share-link fragment back into a graph, reporting a truncated or corrupt link. */
export function decodeShareFragment(
  fragment: string,
  lookup: TypeLookup,
  fileName = 'share link'
): LoadResult {
  const body = fragment.replace(/^#/, '');
  const fail = (message: string): LoadResult => ({
    doc: null,
    problems: [{ code: 'E_SHARE_LINK', message, file: fileName, severity: 'error' }]
  });
  if (!body.startsWith(KEY))
    return fail('The link has no graph in it; a share link ends in "#g=…".');

  let text: string;
  try {
    const bytes = inflateBounded(fromBase64Url(body.slice(KEY.length)), MAX_GRAPH_CHARS);
    if (!bytes) return fail('The link holds a graph larger than Kumiki accepts.');
    text = strFromU8(bytes);
  } catch {
    return fail(
      'The link is truncated or corrupt: its graph could not be unpacked. Ask for the link again.'
    );
  }
  return parseGraph(text, fileName, lookup);
}

/** Inflates at most `limit` bytes; returns null past that, so a link cannot exhaust memory. */
function inflateBounded(packed: Uint8Array, limit: number): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total <= limit) chunks.push(chunk);
    ended ||= final;
  });
  for (let i = 0; i < packed.length && total <= limit; i += 0x10000) {
    inflater.push(packed.subarray(i, i + 0x10000), i + 0x10000 >= packed.length);
  }
  if (total > limit) return null;
  if (!ended) throw new Error('truncated');
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

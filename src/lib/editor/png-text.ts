/**
 * Text carried inside a PNG file as an iTXt chunk (PNG spec §11.3.4.5), so a picture of a graph
 * can hold the graph itself. Only uncompressed iTXt is written; readers elsewhere (Python's
 * struct and zlib, exiftool, pngcheck) read it as UTF-8 text under its keyword.
 */

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The keyword Kumiki stores a graph file under. */
export const GRAPH_KEYWORD = 'kumiki-graph';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 of `bytes`, as PNG chunks and zlib use it. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Whether `bytes` start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => bytes[i] === b);
}

/** A copy of the PNG `png` with an iTXt chunk `keyword` = `text` placed just before IEND. */
export function embedText(png: Uint8Array, keyword: string, text: string): Uint8Array {
  const iend = chunks(png).find((c) => c.type === 'IEND');
  if (!iend) throw new Error('The picture is not a complete PNG file: it has no IEND chunk.');

  const encoder = new TextEncoder();
  // keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated NUL.
  const head = [...encoder.encode(keyword), 0, 0, 0, 0, 0];
  const data = concat([Uint8Array.from(head), encoder.encode(text)]);
  const chunk = makeChunk('iTXt', data);
  return concat([png.subarray(0, iend.start), chunk, png.subarray(iend.start)]);
}

/** The text of the first uncompressed iTXt or tEXt chunk named `keyword`, or null. */
export function readText(png: Uint8Array, keyword: string): string | null {
  if (!isPng(png)) return null;
  const decoder = new TextDecoder();
  for (const chunk of chunks(png)) {
    if (chunk.type !== 'iTXt' && chunk.type !== 'tEXt') continue;
    const data = png.subarray(chunk.start + 8, chunk.start + 8 + chunk.length);
    const end = data.indexOf(0);
    if (end < 0 || decoder.decode(data.subarray(0, end)) !== keyword) continue;
    if (chunk.type === 'tEXt') return new TextDecoder('latin1').decode(data.subarray(end + 1));
    if (data[end + 1] !== 0) continue;
    const language = data.indexOf(0, end + 3);
    const translated = data.indexOf(0, language + 1);
    if (language < 0 || translated < 0) continue;
    return decoder.decode(data.subarray(translated + 1));
  }
  return null;
}

interface ChunkAt {
  type: string;
  /** Offset of the chunk's length field. */
  start: number;
  length: number;
}

function chunks(png: Uint8Array): ChunkAt[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const found: ChunkAt[] = [];
  for (let at = SIGNATURE.length; at + 12 <= png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    found.push({ type, start: at, length });
    at += 12 + length;
  }
  return found;
}

function makeChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  crc32,
  embedText,
  GRAPH_KEYWORD,
  isPng,
  readText
} from '../../../../src/lib/editor/png-text';

// PNG files written by Python's struct and zlib: tests/fixtures/editor/make_png_text.py.
const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/editor/${name}`));
const graph = readFileSync('tests/fixtures/editor/graph.json', 'utf8');

describe('graph text in a PNG', () => {
  it('writes the very bytes Python writes for the same iTXt chunk', () => {
    const ours = embedText(fixture('base.png'), GRAPH_KEYWORD, graph);
    expect(Buffer.from(ours).equals(Buffer.from(fixture('with-graph.png')))).toBe(true);
  });

  it('reads the graph back from a PNG Python wrote, non-ASCII text included', () => {
    const text = readText(fixture('with-graph.png'), GRAPH_KEYWORD);
    expect(text).toBe(graph);
    expect(JSON.parse(text!).title).toBe('Persistence — ∂ of a circle, café');
  });

  it('reads a Latin-1 tEXt chunk too', () => {
    expect(readText(fixture('text-chunk.png'), GRAPH_KEYWORD)).toBe('{"title":"Café"}');
  });

  it('finds nothing in a PNG without the chunk or in a file that is not a PNG', () => {
    expect(readText(fixture('base.png'), GRAPH_KEYWORD)).toBeNull();
    expect(
      readText(new TextEncoder().encode('{"format":"kumiki-graph"}'), GRAPH_KEYWORD)
    ).toBeNull();
    expect(isPng(fixture('base.png'))).toBe(true);
  });

  it('computes the CRC-32 zlib gives for the check string', () => {
    // zlib.crc32(b"123456789") == 0xCBF43926, the standard check value of CRC-32.
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

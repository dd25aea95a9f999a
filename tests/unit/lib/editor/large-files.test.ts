import { describe, expect, it } from 'vitest';
import { MAX_GRAPH_CHARS } from '../../../../src/lib/graph/bounds';
import { MAX_DATA_FILE_BYTES } from '../../../../src/lib/engine/host';
import { bytesOrSize } from '../../../../src/lib/editor/files';
import { graphTextOf } from '../../../../src/lib/editor/picture-export';

/** A file that claims `size` bytes and fails the test if anything reads it. */
function untouchable(name: string, size: number): File {
  const file = new File(['{}'], name);
  const refuse = () => {
    throw new Error(`${name} was read`);
  };
  Object.defineProperty(file, 'size', { value: size });
  for (const method of ['text', 'arrayBuffer', 'slice', 'stream'] as const) {
    Object.defineProperty(file, method, { value: refuse });
  }
  return file;
}

describe('files over the bounds are refused before the page reads them', () => {
  it('refuses a 100 MB graph file by its size, naming the bound', async () => {
    const file = untouchable('huge.kumiki.json', 100 * 1024 * 1024);
    await expect(graphTextOf(file)).rejects.toThrow(/100\.0 MB.*20,000,000 characters/);
  });

  it('reads a graph file within the bound', async () => {
    const text = '{"format":"kumiki-graph"}';
    expect(await graphTextOf(new File([text], 'ok.kumiki.json'))).toBe(text);
    expect(4 * MAX_GRAPH_CHARS).toBeLessThan(100 * 1024 * 1024);
  });

  it('passes only the size of a data file over the engine bound', async () => {
    const size = MAX_DATA_FILE_BYTES + 1;
    expect(await bytesOrSize(untouchable('big.csv', size))).toBe(size);
    expect(await bytesOrSize(new File(['1,2\n'], 'small.csv'))).toEqual(
      new TextEncoder().encode('1,2\n')
    );
  });
});

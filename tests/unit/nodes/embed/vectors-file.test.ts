import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Params } from '../../../../src/lib/graph/node-type';
import type { SentencePairs, VectorPairs } from '../../../../src/lib/graph/values';
import { readNpy } from '../../../../nodes/embed/npy';
import { parseNumber, readCsv } from '../../../../nodes/embed/number-table';
import { rowPlace, vectorsFileNode } from '../../../../nodes/embed/vectors-file';
import { fakeContext } from '../topology/fake-context';

const folder = new URL('../../../fixtures/embed/', import.meta.url);
const expected: {
  pairs: number;
  dim: number;
  first32: number[][];
  second32: number[][];
  first64: number[][];
  second64: number[][];
} = JSON.parse(readFileSync(new URL('vectors-expected.json', folder), 'utf8'));

const pairsOf = (count: number): SentencePairs => ({
  first: Array.from({ length: count }, (_, i) => `first ${i}`),
  second: Array.from({ length: count }, (_, i) => `second ${i}`)
});

/** Runs the node on a fixture file, read from tests/fixtures/embed/ through context.files. */
async function run(file: string, params: Params = {}, pairs = expected.pairs) {
  const context = fakeContext();
  context.files = { read: async (name) => new Uint8Array(await readFile(new URL(name, folder))) };
  const { vectors } = (await vectorsFileNode.run(
    { pairs: pairsOf(pairs) },
    { file, ...params },
    context
  )) as { vectors: VectorPairs };
  return vectors;
}

function expectVectors(vectors: VectorPairs, first: number[][], second: number[][]) {
  expect(vectors.dim).toBe(expected.dim);
  expect(vectors.first.map((v) => Array.from(v))).toEqual(first);
  expect(vectors.second.map((v) => Array.from(v))).toEqual(second);
  expect(vectors.first[0]).toBeInstanceOf(Float32Array);
}

describe('vectorsFileNode reads the formats NumPy writes', () => {
  it.each([
    ['vectors-f32.npy (float32)', 'vectors-f32.npy', {}, 32],
    ['vectors-v2.npy (format version 2)', 'vectors-v2.npy', {}, 32],
    ['vectors-f64.npy (float64, rounded to float32)', 'vectors-f64.npy', {}, 64],
    ['vectors.json (json.dump of rows)', 'vectors.json', {}, 64],
    ['vectors-halves.csv (savetxt, comma, header)', 'vectors-halves.csv', { layout: 'halves' }, 64],
    ['vectors-spaces.txt (savetxt default)', 'vectors-spaces.txt', {}, 64]
  ] as const)('gives the pairs of %s', async (_, file, params, bits) => {
    const vectors = await run(file, params);

    const [first, second] =
      bits === 32 ? [expected.first32, expected.second32] : [expected.first64, expected.second64];
    expectVectors(vectors, first, second);
  });

  it('obeys the format param over the extension', async () => {
    const run64 = run('vectors-spaces.txt', { format: 'csv' });

    await expect(run64).resolves.toMatchObject({ dim: expected.dim });
    await expect(run('vectors-spaces.txt', { format: 'npy' })).rejects.toThrow(/not a NumPy/);
  });
});

describe('vectorsFileNode refuses bad files with the file and the row', () => {
  it.each([
    [
      'a row count that does not match the pairs',
      'vectors-nine-rows.npy',
      /holds 9 rows, but the 5 pairs .* need 10/
    ],
    [
      'a ragged row',
      'vectors-ragged.csv',
      /row 6 \(line 7\) has 5 numbers, but the rows before it have 6/
    ],
    [
      'NaN in CSV',
      'vectors-nan.csv',
      /row 7 \(the second sentence of pair 3\) holds NaN at column 3/
    ],
    [
      'NaN in JSON',
      'vectors-nan.json',
      /holds NaN or Infinity \(NaN on line 1\), which JSON cannot carry/
    ],
    [
      'a value beyond float32',
      'vectors-huge.npy',
      /row 4 \(the first sentence of pair 2\) holds 1e\+39, beyond the float32 range/
    ],
    ['an integer dtype', 'vectors-int.npy', /dtype '<i8'; vectors must be little-endian float32/],
    ['big-endian floats', 'vectors-big-endian.npy', /dtype '>f8'/],
    ['Fortran order', 'vectors-fortran.npy', /Fortran \(column-major\) order/],
    ['a 1-D array', 'vectors-1d.npy', /shape \(60\); expected 2 dimensions/]
  ])('refuses %s', async (_, file, message) => {
    const result = run(file);

    await expect(result).rejects.toMatchObject({ name: 'NodeInputError', field: 'file' });
    await expect(result).rejects.toThrow(new RegExp(`^${file}: `));
    await expect(result).rejects.toThrow(message);
  });

  it('asks for a file when the param is empty', async () => {
    await expect(run('')).rejects.toThrow(/Param "file" names no file/);
  });

  it('reports a file the host cannot read as an error on the file param', async () => {
    const result = run('no-such-file.npy');

    await expect(result).rejects.toMatchObject({ name: 'NodeInputError', field: 'file' });
    await expect(result).rejects.toThrow(/no-such-file.npy: could not be read/);
  });

  it('counts rows against the pairs given, naming the layout', async () => {
    await expect(run('vectors-f32.npy', { layout: 'halves' }, 4)).rejects.toThrow(
      /holds 10 rows, but the 4 pairs on input "pairs" need 8, .*layout "halves"/
    );
  });
});

describe('the readers', () => {
  it('reads numbers as NumPy writes them, nan and inf included', () => {
    expect(parseNumber('1.5e-03')).toBe(0.0015);
    expect(parseNumber(' -inf')).toBe(-Infinity);
    expect(parseNumber('nan')).toBeNaN();
    expect(parseNumber('1,5')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });

  it('names the row, line and column of a field that is not a number', () => {
    expect(() => readCsv('1,2\n3,x\n', 'v.csv')).toThrow(
      /v.csv: row 1 \(line 2\), column 1 holds "x", which is not a number/
    );
  });

  it('reads a little-endian float64 .npy built byte by byte', () => {
    const header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2), }";
    const padded = header.padEnd(117, ' ') + '\n'; // 10 + 118 bytes: data at 128
    const bytes = new Uint8Array(128 + 16);
    bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, padded.length, 0]);
    bytes.set(new TextEncoder().encode(padded), 10);
    new DataView(bytes.buffer).setFloat64(128, 0.25, true);
    new DataView(bytes.buffer).setFloat64(136, -3, true);

    expect(readNpy(bytes, 'x.npy')).toEqual({
      rows: 1,
      columns: 2,
      values: Float64Array.of(0.25, -3)
    });
  });

  it('places rows in pairs for both layouts', () => {
    expect(rowPlace(5, 4, 'interleaved')).toBe('the second sentence of pair 2');
    expect(rowPlace(5, 4, 'halves')).toBe('the second sentence of pair 1');
    expect(rowPlace(2, 4, 'halves')).toBe('the first sentence of pair 2');
  });
});

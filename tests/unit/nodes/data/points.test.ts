import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Params } from '../../../../src/lib/graph/node-type';
import type { CloudPairs } from '../../../../src/lib/graph/values';
import { pointsNode } from '../../../../nodes/data/points';
import { fakeContext } from '../topology/fake-context';

const fixtures = new URL('../../../fixtures/data/', import.meta.url);
const samples = new URL('../../../../data/points/', import.meta.url);
const expected = JSON.parse(await readFile(new URL('points-expected.json', fixtures), 'utf8')) as {
  float64: number[];
  float32: number[];
  samples: Record<string, { count: number; dim: number; sum: number; first: number[] }>;
};

/** A test context whose files come from tests/fixtures/data and assets from data/. */
function context() {
  const assetReads: string[] = [];
  const base = fakeContext();
  return {
    ...base,
    assetReads,
    files: { read: async (name: string) => readFile(new URL(name, fixtures)) },
    assets: {
      read: async (name: string) => {
        assetReads.push(name);
        const [prefix, rest] = name.split('/');
        if (prefix !== 'points') throw new Error(`No asset named ${name}.`);
        return new Uint8Array(await readFile(new URL(rest, samples)));
      }
    }
  };
}

async function run(params: Params, ctx = context()): Promise<CloudPairs> {
  const { clouds } = (await pointsNode.run({}, params, ctx)) as { clouds: CloudPairs };
  return clouds;
}

describe('pointsNode reads one cloud, one point per row', () => {
  it.each([
    ['CSV with a header', 'points.csv', expected.float64],
    ['space-separated text', 'points-spaces.txt', expected.float64],
    ['JSON rows', 'points.json', expected.float64],
    ['float64 .npy', 'points-f64.npy', expected.float64],
    ['float32 .npy', 'points-f32.npy', expected.float32]
  ])('reads %s as NumPy wrote it', async (_, file, values) => {
    const clouds = await run({ file });

    expect(clouds.second).toEqual([]);
    expect(clouds.first).toHaveLength(1);
    expect(clouds.first[0]).toMatchObject({ dim: 3, count: 7 });
    expect(Array.from(clouds.first[0].points)).toEqual(values);
  });

  it.each(['circle', 'torus'])('reads the bundled %s sample as NumPy does', async (name) => {
    const ctx = context();
    const reference = expected.samples[name];

    const cloud = (await run({ sample: name }, ctx)).first[0];

    expect(ctx.assetReads).toEqual([`points/${name}.csv`]);
    expect(cloud).toMatchObject({ dim: reference.dim, count: reference.count });
    expect(Array.from(cloud.points.subarray(0, reference.dim))).toEqual(reference.first);
    const sum = cloud.points.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - reference.sum)).toBeLessThan(1e-9);
  });

  it('reads the file, not the sample, when both are given', async () => {
    const ctx = context();

    const clouds = await run({ file: 'points.csv', sample: 'circle' }, ctx);

    expect(clouds.first[0].count).toBe(7);
    expect(ctx.assetReads).toEqual([]);
  });
});

describe('pointsNode refuses bad files, naming the file and the row', () => {
  it.each([
    ['a ragged row', 'points-ragged.csv', /row 2 \(line 3\) has 2 numbers, but the rows before/],
    ['a NaN', 'points-nan.csv', /row 1 holds NaN at column 1; points must have finite/],
    ['a NaN in JSON', 'points-nan.json', /holds NaN or Infinity \(NaN on line 9\)/],
    ['an infinity in a .npy', 'points-inf.npy', /row 4 holds Infinity at column 2/],
    ['an empty file', 'points-empty.csv', /holds no points; expected one point per row/],
    ['an integer dtype', 'points-int.npy', /dtype '<i8'; points must be little-endian float32/],
    ['a missing file', 'no-such-points.csv', /no-such-points.csv: could not be read/]
  ])('refuses %s', async (_, file, message) => {
    const result = run({ file });

    await expect(result).rejects.toMatchObject({ name: 'NodeInputError', field: 'file' });
    await expect(result).rejects.toThrow(new RegExp(`^${file}: `));
    await expect(result).rejects.toThrow(message);
  });

  it('asks for a file or a sample when it has neither', async () => {
    const result = run({});

    await expect(result).rejects.toMatchObject({ name: 'NodeInputError', field: 'file' });
    await expect(result).rejects.toThrow(/names no file and "sample" is "none"/);
  });

  it('refuses a sample it does not bundle, naming the param', async () => {
    await expect(run({ sample: 'sphere' })).rejects.toMatchObject({ field: 'sample' });
  });
});

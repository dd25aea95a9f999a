import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NodeInputError } from '../../../../src/lib/graph/node-type';
import type { CloudPairs, VectorPairs } from '../../../../src/lib/graph/values';
import { takensEmbedding, takensNode, takensPointCount } from '../../../../nodes/topology/takens';
import { fakeContext } from './fake-context';

interface TakensCase {
  series: number[];
  lag: number;
  stride: number;
  dimension: number;
  count: number;
  points: number[];
}

const fixture: { cases: TakensCase[] } = JSON.parse(
  readFileSync(new URL('../../../fixtures/topology/takens.json', import.meta.url), 'utf8')
);

describe('takensEmbedding', () => {
  it('puts the newest sample first and starts at t = (M−1)τ+1 (hand-checked series)', () => {
    const series = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    const cloud = takensEmbedding(series, 2, 3, 3);

    expect(cloud.dim).toBe(3);
    expect(cloud.count).toBe(2);
    expect(Array.from(cloud.points)).toEqual([5, 3, 1, 8, 6, 4]);
  });

  it('keeps every delay vector with stride 1 and lag 1', () => {
    const cloud = takensEmbedding([0.5, -1, 2, 4], 1, 1, 2);

    expect(Array.from(cloud.points)).toEqual([-1, 0.5, 2, -1, 4, 2]);
  });

  it.each(
    fixture.cases.map((c) => [`D=${c.series.length} τ=${c.lag} L=${c.stride} M=${c.dimension}`, c])
  )('matches the NumPy embedding for %s', (_, c) => {
    const series = Float32Array.from(c.series);

    const cloud = takensEmbedding(series, c.lag, c.stride, c.dimension);

    expect(takensPointCount(series.length, c.lag, c.stride, c.dimension)).toBe(c.count);
    expect(cloud.count).toBe(c.count);
    expect(cloud.points.length).toBe(c.points.length);
    for (let k = 0; k < c.points.length; k++) {
      expect(Math.abs(cloud.points[k] - c.points[k])).toBeLessThanOrEqual(1e-12);
    }
  });

  it('rejects a series too short for one point, naming the field and the numbers', () => {
    const short = () => takensEmbedding([1, 2, 3, 4], 2, 1, 3);

    expect(short).toThrow(NodeInputError);
    expect(short).toThrow(/"vectors".*4 components.*dimension 3 with lag 2 needs at least 5/);
    expect(takensEmbedding([1, 2, 3, 4, 5], 2, 1, 3).count).toBe(1);
  });
});

describe('takensNode', () => {
  const vectors: VectorPairs = {
    dim: 6,
    first: [Float32Array.of(1, 2, 3, 4, 5, 6), Float32Array.of(6, 5, 4, 3, 2, 1)],
    second: [Float32Array.of(0, 1, 0, 1, 0, 1), Float32Array.of(2, 2, 2, 2, 2, 2)]
  };

  it('embeds both vectors of every pair with the given params', async () => {
    const context = fakeContext();

    const { clouds } = (await takensNode.run(
      { vectors },
      { lag: 1, stride: 2, dimension: 2 },
      context
    )) as { clouds: CloudPairs };

    expect(clouds.first).toHaveLength(2);
    expect(Array.from(clouds.first[1].points)).toEqual([5, 6, 3, 4, 1, 2]);
    expect(Array.from(clouds.second[0].points)).toEqual([1, 0, 1, 0, 1, 0]);
    expect(context.fractions.at(-1)).toBe(1);
  });

  it('uses lag 1, stride 8 and dimension 3 when params are absent', async () => {
    const long: VectorPairs = {
      dim: 20,
      first: [Float32Array.from({ length: 20 }, (_, i) => i)],
      second: [Float32Array.from({ length: 20 }, (_, i) => -i)]
    };

    const { clouds } = (await takensNode.run({ vectors: long }, {}, fakeContext())) as {
      clouds: CloudPairs;
    };

    expect(Array.from(clouds.first[0].points)).toEqual([2, 1, 0, 10, 9, 8, 18, 17, 16]);
  });

  it('rejects a lag below 1, naming the param', async () => {
    const run = takensNode.run({ vectors }, { lag: 0 }, fakeContext());

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'lag' });
  });

  it('rejects pairs with different numbers of first and second vectors', async () => {
    const uneven = { ...vectors, second: vectors.second.slice(1) };

    const run = takensNode.run({ vectors: uneven }, {}, fakeContext());

    await expect(run).rejects.toThrow(/vectors .* are not paired: 2 in first, 1 in second/);
  });

  it('rejects a lag so large that the clouds would be empty, naming the param', async () => {
    const run = takensNode.run({ vectors }, { lag: 3, dimension: 3 }, fakeContext());

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'lag' });
    await expect(run).rejects.toThrow(/"lag" 3 with dimension 3 needs .* at least 7 .* has 6/);
  });

  it('keeps one delay vector per cloud when the stride exceeds the series', async () => {
    const { clouds } = (await takensNode.run(
      { vectors },
      { lag: 1, stride: 100, dimension: 3 },
      fakeContext()
    )) as { clouds: CloudPairs };

    expect(clouds.first[0].count).toBe(1);
    expect(Array.from(clouds.first[0].points)).toEqual([3, 2, 1]);
  });

  it('rejects a vector shorter than the others, naming the pair', async () => {
    const ragged = { ...vectors, second: [vectors.second[0], Float32Array.of(1, 2, 3)] };

    const run = takensNode.run({ vectors: ragged }, {}, fakeContext());

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'vectors' });
    await expect(run).rejects.toThrow(/6 components .*second vector of pair 1 has 3/);
  });

  it('rejects an infinite component, naming the pair and the component', async () => {
    const broken = {
      ...vectors,
      first: [vectors.first[0], Float32Array.of(1, 2, Infinity, 4, 5, 6)]
    };

    const run = takensNode.run({ vectors: broken }, {}, fakeContext());

    await expect(run).rejects.toThrow(/first vector of pair 1 has Infinity at component 2/);
  });

  it('stops with the signal reason when the run is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();

    const run = takensNode.run({ vectors }, { stride: 1 }, fakeContext(controller.signal));

    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});

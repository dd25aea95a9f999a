import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  energyDistance,
  slicedWasserstein,
  wasserstein1d
} from '../../../../nodes/diffusion/distances';
import { distanceNode } from '../../../../nodes/diffusion/distance-node';
import type { Samples } from '../../../../src/lib/graph/values';
import { fakeContext } from '../topology/fake-context';

const fixture = JSON.parse(
  readFileSync(new URL('../../../fixtures/diffusion/distances.json', import.meta.url), 'utf8')
);
const samples = (values: number[], dim: number): Samples => ({
  dim,
  count: values.length / dim,
  points: Float64Array.from(values)
});
// Sums of a few hundred terms in a different order than SciPy's: 1e-12 covers the rounding.
const TOLERANCE = 1e-12;

describe('distances', () => {
  it('give scipy.stats.wasserstein_distance and energy_distance in 1-D, ties included', () => {
    for (const c of fixture.oneD) {
      const w = wasserstein1d(Float64Array.from(c.u), Float64Array.from(c.v));
      const e = energyDistance(samples(c.u, 1), samples(c.v, 1));

      expect(Math.abs(w - c.wasserstein)).toBeLessThan(TOLERANCE);
      expect(Math.abs(e - c.energy)).toBeLessThan(TOLERANCE);
    }
  });

  it('give the NumPy energy distance and sliced Wasserstein over given directions in 2-D', () => {
    const { a, b, directions, energy, sliced } = fixture.twoD;
    const dirs = directions.map((d: number[]) => Float64Array.from(d));

    expect(Math.abs(energyDistance(samples(a, 2), samples(b, 2)) - energy)).toBeLessThan(TOLERANCE);
    expect(Math.abs(slicedWasserstein(samples(a, 2), samples(b, 2), dirs) - sliced)).toBeLessThan(
      TOLERANCE
    );
  });

  it('are zero between a sample and itself', () => {
    const a = samples(fixture.twoD.a, 2);

    expect(energyDistance(a, a)).toBe(0);
    expect(slicedWasserstein(a, a, [Float64Array.of(0.6, 0.8)])).toBe(0);
  });
});

describe('distanceNode', () => {
  it('refuses samples and data of different dimensions, giving both', async () => {
    const run = distanceNode.run(
      { samples: samples([1, 2], 2), data: samples([1, 2], 1) },
      {},
      fakeContext()
    );

    await expect(run).rejects.toMatchObject({
      field: 'data',
      message: expect.stringMatching(/2 and 1/)
    });
  });

  it('refuses NaN points, naming the input', async () => {
    const run = distanceNode.run(
      { samples: samples([1, NaN], 1), data: samples([1, 2], 1) },
      {},
      fakeContext()
    );

    await expect(run).rejects.toMatchObject({ field: 'samples' });
  });
});

import { describe, expect, it } from 'vitest';
import type { LinesPlot, Samples, ScatterPlot } from '../../../../src/lib/graph/values';
import { forwardNode, forwardSnapshots } from '../../../../nodes/diffusion/forward-node';
import { readMixture, sampleMixture } from '../../../../nodes/diffusion/mixture';
import { normalSource } from '../../../../nodes/diffusion/normal';
import { makeSchedule } from '../../../../nodes/diffusion/schedule';
import { samplerNode } from '../../../../nodes/diffusion/sampler-node';
import { seededRandom } from '../../../../src/lib/engine/random';
import { tfContext } from '../tf-context';

const mixture = readMixture({}, 1, {
  weights: '0.25, 0.75',
  means: '-3; 2',
  variances: '0.2; 0.2'
});
const schedule = makeSchedule('constant', new Float64Array(40).fill(0.95));

describe('diffusion/forward', () => {
  it('gives x_i with the mean and variance of the mixture pushed through the forward law', async () => {
    const random = seededRandom(2, 'forward');
    const normal = normalSource(random);
    const data = sampleMixture(mixture, 20000, random, normal);
    const kept = await forwardSnapshots(data, schedule, [40, 10], normal);

    for (const i of [10, 40]) {
      // x_i = √ᾱ x₀ + √(1−ᾱ) Z: mean √ᾱ E x₀, variance ᾱ Var x₀ + 1 − ᾱ, with
      // E x₀ = 0.75 and Var x₀ = 0.2 + 0.25·0.75·25 = 4.8875 for this mixture.
      const bar = 0.95 ** i;
      const points = kept.get(i)!;
      const mean = points.reduce((s, v) => s + v, 0) / points.length;
      const variance = points.reduce((s, v) => s + (v - mean) ** 2, 0) / points.length;
      const expectedVariance = bar * 4.8875 + 1 - bar;
      expect(Math.abs(mean - Math.sqrt(bar) * 0.75)).toBeLessThan(
        4 * Math.sqrt(expectedVariance / points.length)
      );
      expect(Math.abs(variance / expectedVariance - 1)).toBeLessThan(0.05);
    }
  });

  it('draws 2-D data as one coloured group per step, n, n/2, n/4, n/10 and 0 by default', async () => {
    const data: Samples = { dim: 2, count: 3, points: Float64Array.of(0, 0, 1, 1, 2, 2) };
    const out = await forwardNode.run({ data, schedule }, {}, await tfContext());
    const plot = out.plot as ScatterPlot;

    expect(plot.groupNames).toEqual(['i = 40', 'i = 20', 'i = 10', 'i = 4', 'i = 0']);
    expect(Array.from(plot.x.subarray(12, 15))).toEqual([0, 1, 2]);
    expect(plot.groups?.length).toBe(15);
  });

  it('refuses steps beyond n, naming the param', async () => {
    const data: Samples = { dim: 1, count: 1, points: Float64Array.of(0) };
    const run = forwardNode.run({ data, schedule }, { steps: '0, 41' }, await tfContext());
    await expect(run).rejects.toMatchObject({ field: 'steps', message: /n = 40; found 41/ });
  });
});

describe('diffusion/sampler trajectories', () => {
  it('follow the first points from x̂_n to the samples x̂_0 at the chosen steps', async () => {
    const predictor = { kind: 'exact-mixture' as const, mixture };
    const params = { count: 30, trajectories: 3, trajectorySteps: '40, 20, 0' };
    const out = await samplerNode.run({ schedule, predictor }, params, await tfContext(4));
    const plot = out.trajectories as LinesPlot;
    const samples = out.samples as Samples;

    expect(plot.series).toHaveLength(3);
    plot.series.forEach((s, p) => {
      expect(Array.from(s.x)).toEqual([40, 20, 0]);
      expect(s.mean[2]).toBe(samples.points[p]);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { mixture1dNode, mixture2dNode } from '../../../../nodes/diffusion/mixture-nodes';
import { samplesPlotNode } from '../../../../nodes/diffusion/samples-plot';
import { rings, twoMoonsNode } from '../../../../nodes/diffusion/shapes';
import { seededRandom } from '../../../../src/lib/engine/random';
import type { NoisePredictor, Samples } from '../../../../src/lib/graph/values';
import { plotToSvg } from '../../../../src/lib/plot/svg';
import { fakeContext } from '../topology/fake-context';

const seeded = (seed: number) => ({ ...fakeContext(), random: seededRandom(seed, 'data') });

describe('mixture nodes', () => {
  it('draw a 1-D mixture whose mean is Σ w_k μ_k within 4 standard errors', async () => {
    const out = await mixture1dNode.run({}, { count: 4000 }, seeded(3));
    const { points, count } = out.samples as Samples;
    const mean = points.reduce((s, v) => s + v, 0) / count;

    // Default mixture 0.25 N(−3, 0.2) + 0.75 N(2, 0.2): mean 0.75, variance 0.2 + 4.6875.
    expect(Math.abs(mean - 0.75)).toBeLessThan(4 * Math.sqrt(4.8875 / count));
    const predictor = out.predictor as NoisePredictor;
    expect(predictor.kind === 'exact-mixture' && predictor.mixture.weights).toEqual(
      Float64Array.of(0.25, 0.75)
    );
  });

  it('give the same points for the same seed', async () => {
    const a = (await mixture2dNode.run({}, { count: 50 }, seeded(7))).samples as Samples;
    const b = (await mixture2dNode.run({}, { count: 50 }, seeded(7))).samples as Samples;

    expect(Array.from(a.points)).toEqual(Array.from(b.points));
  });

  it('refuse components counted differently by weights and means, naming the param', async () => {
    const run = mixture2dNode.run({}, { weights: '1, 1', means: '0, 0' }, seeded(1));

    await expect(run).rejects.toMatchObject({ field: 'means' });
  });

  it('refuse a mean with the wrong number of coordinates', async () => {
    const run = mixture2dNode.run(
      {},
      { weights: '1', means: '0, 0, 1', variances: '1' },
      seeded(1)
    );

    await expect(run).rejects.toThrow(/2 numbers per item.*item 1 has 3/);
  });
});

describe('shape nodes', () => {
  it('put noiseless ring points at radius 1 or 2', () => {
    for (const [u, v] of [
      [0.1, 0.2],
      [0.7, 0.9]
    ]) {
      expect([1, 2]).toContain(Math.round(Math.hypot(...rings(u, v)) * 1e9) / 1e9);
    }
  });

  it('draw two moons as 2-D samples of the requested count', async () => {
    const out = await twoMoonsNode.run({}, { count: 300, noise: 0 }, seeded(2));
    const samples = out.samples as Samples;

    expect(samples).toMatchObject({ dim: 2, count: 300 });
    expect(samples.points.every((v) => Math.abs(v) <= 2)).toBe(true);
  });
});

describe('samplesPlotNode', () => {
  it('draws 2-D samples as a scatter and 1-D samples as a histogram, both as SVG', async () => {
    const two = await twoMoonsNode.run({}, { count: 40 }, seeded(2));
    const one = await mixture1dNode.run({}, { count: 40 }, seeded(2));
    const scatter = (await samplesPlotNode.run(two, {}, fakeContext())).plot;
    const histogram = (await samplesPlotNode.run(one, {}, fakeContext())).plot;

    expect(scatter).toMatchObject({ kind: 'scatter' });
    expect(histogram).toMatchObject({ kind: 'lines' });
    expect(plotToSvg(histogram as never)).toMatch(/^<svg/);
  });
});

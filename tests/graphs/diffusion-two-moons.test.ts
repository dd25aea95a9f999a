import { describe, expect, it } from 'vitest';
import type { LinesPlot, Samples } from '../../src/lib/graph/values';
import { energyDistance } from '../../nodes/diffusion/distances';
import { normalSource } from '../../nodes/diffusion/normal';
import { seededRandom } from '../../src/lib/engine/random';
import { runGraphFile } from './run-graph';

describe('graphs/diffusion-two-moons.json', () => {
  it('trains, samples and lands closer to the moons than the N(0, I) it starts from', async () => {
    // Small settings so the run takes seconds; the file's defaults train 10 000 steps.
    const summary = await runGraphFile('graphs/diffusion-two-moons.json', {
      moons: { count: 500 },
      train: { steps: 400, width: 32 },
      sampler: { count: 500 }
    });
    for (const id of ['moons', 'schedule', 'train', 'sampler', 'distance', 'samples-plot']) {
      expect(summary.nodes[id]?.status).toBe('finished');
    }
    const out = summary.outputs;
    const data = out.moons.samples as Samples;
    const distance = (out.distance.distance as Float64Array)[0];
    const losses = out.train.losses as Float64Array;
    const mean = (from: number, to: number) =>
      losses.subarray(from, to).reduce((s, v) => s + v, 0) / (to - from);

    // The energy distance from the same number of N(0, I) points, x̂_n of the sampler.
    const random = seededRandom(3, 'prior');
    const normal = normalSource(random);
    const prior = { dim: 2, count: 500, points: Float64Array.from({ length: 1000 }, normal) };
    const fromPrior = energyDistance(prior, data);

    expect(distance).toBeLessThan(fromPrior / 3);
    expect(mean(350, 400)).toBeLessThan(mean(0, 20));
    expect((out.train.curve as LinesPlot).series[0].mean.length).toBeGreaterThan(0);
    expect((out.sampler.trajectories as LinesPlot).series).toHaveLength(5);
  }, 30_000);
});

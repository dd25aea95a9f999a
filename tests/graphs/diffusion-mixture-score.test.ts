import { describe, expect, it } from 'vitest';
import { runGraphFile } from './run-graph';

const first = (value: unknown) => (value as Float64Array)[0];

describe('graphs/diffusion-mixture-score.json', () => {
  it('gives a score error L(n) that falls with training, and 0 for the exact predictor', async () => {
    // Small settings so the runs take seconds; the file's defaults train 3000 steps.
    const run = (steps: number) =>
      runGraphFile('graphs/diffusion-mixture-score.json', {
        data: { count: 1000 },
        train: { steps, width: 32 },
        'mlp-error': { perStep: 100 },
        'exact-error': { perStep: 100 },
        sampler: { count: 300 }
      });
    const short = await run(30);
    const long = await run(400);
    for (const id of ['train', 'mlp-error', 'exact-error', 'sampler', 'distance']) {
      expect(long.nodes[id]?.status).toBe('finished');
    }

    const error = (summary: typeof short) => first(summary.outputs['mlp-error'].scoreError);
    expect(error(long)).toBeLessThan(error(short) / 5);
    expect(first(long.outputs['exact-error'].scoreError)).toBe(0);
    expect(first(long.outputs['exact-error'].supNoise)).toBeGreaterThan(1);
  }, 30_000);
});

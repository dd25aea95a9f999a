import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type {
  DenseLayer,
  MlpNoisePredictor,
  NoisePredictor
} from '../../../../src/lib/graph/values';
import { readMixture } from '../../../../nodes/diffusion/mixture';
import { makeSchedule } from '../../../../nodes/diffusion/schedule';
import { scoreErrorNode } from '../../../../nodes/diffusion/score-error-node';
import { tfContext } from '../tf-context';

const fixture = JSON.parse(
  readFileSync(new URL('../../../fixtures/diffusion/score-error.json', import.meta.url), 'utf8')
);
const mixture = readMixture(
  {
    weights: fixture.mixture.weights.join(','),
    means: fixture.mixture.means.map((m: number[]) => m.join(',')).join(';'),
    variances: fixture.mixture.variances.map((v: number[]) => v.join(',')).join(';')
  },
  2,
  {}
);
const exact: NoisePredictor = { kind: 'exact-mixture', mixture };
const schedule = makeSchedule('fixture', Float64Array.from(fixture.alphas));
const mlp: MlpNoisePredictor = {
  kind: 'mlp',
  dim: 2,
  frequencies: fixture.frequencies,
  alphaBars: schedule.alphaBars,
  layers: fixture.layers.map((l: DenseLayer) => ({
    ...l,
    weights: Float32Array.from(l.weights),
    bias: Float32Array.from(l.bias)
  }))
};
const first = (value: unknown) => (value as Float64Array)[0];

describe('diffusion/score-error against NumPy (make_score_error.py)', () => {
  // NumPy gives the value from 400 000 points per step and the sd of an estimate from
  // `perStep` points; ours draws other random numbers, so we allow 4 sd (a fluke at 6e-5).
  it('estimates L(n), the noise-scale error and sup |z| of a fixed MLP', async () => {
    const context = await tfContext(6);
    const inputs = { exact, schedule, predictor: mlp };
    const out = await scoreErrorNode.run(inputs, { perStep: fixture.perStep }, context);

    expect(Math.abs(first(out.scoreError) - fixture.scoreError)).toBeLessThan(
      4 * fixture.scoreErrorSd
    );
    expect(Math.abs(first(out.noiseError) - fixture.noiseError)).toBeLessThan(
      4 * fixture.noiseErrorSd
    );
    expect(Math.abs(first(out.supNoise) - fixture.supNoiseMean)).toBeLessThan(
      4 * fixture.supNoiseSd
    );
  });

  it('gives L(n) = 0 for the exact predictor itself, with its sup |z|', async () => {
    const out = await scoreErrorNode.run({ exact, schedule }, { perStep: 50 }, await tfContext());
    expect(first(out.scoreError)).toBe(0);
    expect(first(out.supNoise)).toBeGreaterThan(1);
  });

  it('refuses an "exact" input that is not a mixture predictor', async () => {
    const run = scoreErrorNode.run({ exact: mlp, schedule }, {}, await tfContext());
    await expect(run).rejects.toMatchObject({ field: 'exact', message: /found "mlp"/ });
  });
});

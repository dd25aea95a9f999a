import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DenseLayer, Samples } from '../../../../src/lib/graph/values';
import { MlpTrainer, noisyBatch } from '../../../../nodes/diffusion/train';
import { tfContext } from '../tf-context';

interface FixtureBatch {
  rows: number[];
  steps: number[];
  noise: number[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../../../fixtures/diffusion/mlp.json', import.meta.url), 'utf8')
);
const data: Samples = {
  dim: fixture.dim,
  count: fixture.data.length,
  points: Float64Array.from(fixture.data.flat())
};
const alphaBars = Float64Array.from(fixture.alphaBars);
const layers: DenseLayer[] = fixture.layers.map((l: DenseLayer) => ({
  ...l,
  weights: Float32Array.from(l.weights),
  bias: Float32Array.from(l.bias)
}));
const batchOf = (b: FixtureBatch) =>
  noisyBatch(data, alphaBars, fixture.frequencies, b.rows, b.steps, b.noise);

// The reference runs in float64 and ours in float32: inputs, weights and outputs of size about
// 1 carry rounding of about 1e-7 per operation, so 1e-5 leaves room for a few hundred of them.
const TOLERANCE = 1e-5;

describe('MLP noise predictor against PyTorch (tests/fixtures/diffusion/make_mlp.py)', () => {
  it('builds x_i = √ᾱ_i x₀ + √(1−ᾱ_i) Z and the time features as the reference', () => {
    const batch = batchOf(fixture.batches[0]);
    fixture.input0.forEach((v: number, k: number) =>
      expect(Math.abs(batch.input[k] - v)).toBeLessThan(TOLERANCE)
    );
  });

  it('gives the same forward output and loss from the same weights', async () => {
    const { tf } = await tfContext();
    const before = tf.memory().numTensors;
    const trainer = new MlpTrainer(tf, layers, fixture.learningRate);
    const batch = batchOf(fixture.batches[0]);

    const output = trainer.predict(batch);
    fixture.output0.forEach((v: number, k: number) =>
      expect(Math.abs(output[k] - v)).toBeLessThan(TOLERANCE)
    );
    expect(Math.abs(trainer.loss(batch) - fixture.loss0)).toBeLessThan(TOLERANCE);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives the same losses and weights over three Adam steps', async () => {
    const { tf } = await tfContext();
    const before = tf.memory().numTensors;
    const trainer = new MlpTrainer(tf, layers, fixture.learningRate);

    fixture.batches.forEach((b: FixtureBatch, k: number) => {
      const loss = trainer.step(batchOf(b));
      expect(Math.abs(loss - fixture.stepLosses[k])).toBeLessThan(TOLERANCE);
    });
    const trained = trainer.layers();
    let largestGap = 0;
    let largestMove = 0;
    trained.forEach((layer, k) => {
      const reference = fixture.trained[k];
      layer.weights.forEach((w, m) => {
        largestGap = Math.max(largestGap, Math.abs(w - reference.weights[m]));
        largestMove = Math.max(largestMove, Math.abs(w - layers[k].weights[m]));
      });
      layer.bias.forEach((b, m) => {
        largestGap = Math.max(largestGap, Math.abs(b - reference.bias[m]));
      });
    });
    trainer.dispose();

    expect(largestGap).toBeLessThan(TOLERANCE);
    // Three steps of Adam move weights by up to 3 × the learning rate: the check is not vacuous.
    expect(largestMove).toBeGreaterThan(fixture.learningRate);
    expect(tf.memory().numTensors).toBe(before);
  });
});

import { describe, expect, it } from 'vitest';
import type { MlpNoisePredictor, Samples, Schedule } from '../../../../src/lib/graph/values';
import { toJsonValue } from '../../../../src/lib/graph/export-value';
import { samplerNode } from '../../../../nodes/diffusion/sampler-node';
import { linearBetaAlphas, makeSchedule } from '../../../../nodes/diffusion/schedule';
import { trainMlpNode } from '../../../../nodes/diffusion/train-node';
import { tfContext } from '../tf-context';

const schedule: Schedule = makeSchedule('linear', linearBetaAlphas(20, 1e-3, 0.3));
const data: Samples = {
  dim: 2,
  count: 4,
  points: Float64Array.of(0, 1, 1, 0, -1, 0.5, 0.3, -0.2)
};
const small = { width: 8, layers: 1, steps: 5, batch: 16, frequencies: 2 };

async function train(params: Record<string, number>, seed = 1, input = data) {
  const context = await tfContext(seed);
  const out = await trainMlpNode.run({ data: input, schedule }, { ...small, ...params }, context);
  return { context, out, predictor: out.predictor as MlpNoisePredictor };
}

describe('diffusion/train-mlp', () => {
  it('gives the same weights for the same seeds and other weights for another seed', async () => {
    const a = (await train({ seed: 0 })).predictor.layers[0].weights;
    const b = (await train({ seed: 0 })).predictor.layers[0].weights;
    const c = (await train({ seed: 1 })).predictor.layers[0].weights;
    const d = (await train({ seed: 0 }, 2)).predictor.layers[0].weights;

    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
    expect(Array.from(a)).not.toEqual(Array.from(d));
  });

  it('outputs one loss per step and a curve of them', async () => {
    const { out } = await train({ steps: 7 });
    const losses = out.losses as Float64Array;

    expect(losses).toHaveLength(7);
    expect(losses.every((v) => v > 0 && Number.isFinite(v))).toBe(true);
    expect(out.curve).toMatchObject({ kind: 'lines', series: [{ name: 'loss' }] });
  });

  it('feeds the sampler after a structured clone and survives JSON output', async () => {
    const { context, predictor } = await train({});
    const cloned = structuredClone(predictor);
    const sample = async (p: MlpNoisePredictor) => {
      const ctx = await tfContext(5);
      const run = await samplerNode.run({ schedule, predictor: p }, { count: 50 }, ctx);
      return (run.samples as Samples).points;
    };
    const json = JSON.parse(JSON.stringify(toJsonValue(predictor)));
    const before = context.tf.memory().numTensors;

    const direct = await sample(predictor);
    expect(Array.from(await sample(cloned))).toEqual(Array.from(direct));
    expect(direct.every(Number.isFinite)).toBe(true);
    expect(context.tf.memory().numTensors).toBe(before);
    expect(json.kind).toBe('mlp');
    expect(json.layers[0].weights).toHaveLength(predictor.layers[0].weights.length);
  });

  it('refuses a sampler schedule other than the one it was trained with', async () => {
    const { predictor } = await train({});
    const other = makeSchedule('linear', linearBetaAlphas(30, 1e-3, 0.3));
    const run = samplerNode.run({ schedule: other, predictor }, { count: 5 }, await tfContext());

    await expect(run).rejects.toMatchObject({
      field: 'schedule',
      message: expect.stringMatching(/trained with a schedule of 20 steps.*has 30 steps/)
    });
  });

  it('stops a diverging run with a message on the learning rate and frees its tensors', async () => {
    const wild: Samples = { ...data, points: data.points.map((v) => v * 1e4) };
    const context = await tfContext();
    const before = context.tf.memory().numTensors;
    const run = trainMlpNode.run(
      { data: wild, schedule },
      { ...small, steps: 200, learningRate: 1 },
      context
    );

    await expect(run).rejects.toMatchObject({
      field: 'learningRate',
      message: expect.stringMatching(/Training diverged at step \d+ of 200: the loss is/)
    });
    expect(context.tf.memory().numTensors).toBe(before);
  });

  it('refuses data with NaN, naming the point', async () => {
    const bad: Samples = { ...data, points: Float64Array.of(0, 1, 1, NaN, 0, 0, 0, 0) };
    await expect(train({}, 1, bad)).rejects.toMatchObject({
      field: 'data',
      message: expect.stringMatching(/point 1 has NaN in coordinate 1/)
    });
  });

  it('stops between steps when the run is cancelled', async () => {
    const context = await tfContext();
    const before = context.tf.memory().numTensors;
    const run = trainMlpNode.run({ data, schedule }, { ...small, steps: 1_000_000 }, context);
    setTimeout(() => context.controller.abort(), 50);

    await expect(run).rejects.toThrow();
    expect(context.signal.aborted).toBe(true);
    expect(context.tf.memory().numTensors).toBe(before);
  });
});

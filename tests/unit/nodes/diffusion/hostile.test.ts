import { describe, expect, it } from 'vitest';
import type { NodeType, Params } from '../../../../src/lib/graph/node-type';
import type { ScatterPlot, Samples } from '../../../../src/lib/graph/values';
import { distanceNode } from '../../../../nodes/diffusion/distance-node';
import { forwardSnapshots } from '../../../../nodes/diffusion/forward-node';
import { exactMixtureNoise } from '../../../../nodes/diffusion/mixture';
import { mixture1dNode } from '../../../../nodes/diffusion/mixture-nodes';
import { Pacer } from '../../../../nodes/pace';
import {
  evaluateNoise,
  noiseFunction,
  type NoiseFunction
} from '../../../../nodes/diffusion/predict';
import { sampleReverse } from '../../../../nodes/diffusion/sampler';
import { samplesPlotNode } from '../../../../nodes/diffusion/samples-plot';
import { makeSchedule } from '../../../../nodes/diffusion/schedule';
import { estimateScoreError } from '../../../../nodes/diffusion/score-error';
import { MAX_SCATTER_POINTS } from '../../../../nodes/diffusion/thin';
import { trainMlpNode } from '../../../../nodes/diffusion/train-node';
import { tfContext } from '../tf-context';

// Hostile input found by trying the CLI (see the breaker report): each case used to crash
// WASM, fill gigabytes, end in a NaN far from its cause, or block a cancel.

const points = (values: number[], dim = 2): Samples => ({
  dim,
  count: values.length / dim,
  points: Float64Array.from(values)
});
const schedule = makeSchedule('constant', new Float64Array(20).fill(0.9));
const mixture = {
  dim: 1,
  weights: Float64Array.of(1),
  means: Float64Array.of(0),
  variances: Float64Array.of(1)
};

async function rejects(node: NodeType, inputs: Record<string, unknown>, params: Params) {
  const run = node.run(inputs, params, await tfContext());
  return expect(run).rejects;
}

describe('diffusion nodes refuse input too big or too large in value', () => {
  it.each([
    // width 4096 × 3 layers: 33.6 M weights (was 3.5 GB and "memory access out of bounds").
    [{ width: 4096, layers: 3, batch: 1 }, 'width', /33,603,584 weights; at most 16,777,216/],
    // 65 536 × 3 × 512 units = 100 M activations.
    [{ width: 512, layers: 3, batch: 65536 }, 'batch', /activations per step/],
    // 2048 points × 263 k weights = 539 M multiply-adds per step.
    [{ width: 362, layers: 3, batch: 2048 }, 'batch', /multiply-adds per step/]
  ])('train-mlp refuses a network too big to train: %o', async (params, field, message) => {
    const data = points([0, 0, 1, 1]);
    const run = trainMlpNode.run({ data, schedule }, { steps: 1, ...params }, await tfContext());
    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field });
    await expect(run).rejects.toThrow(message);
  });

  it('train-mlp names the data, not the learning rate, for coordinates of 1e300', async () => {
    const data = points([1e300, 1, 3, 4]);
    (await rejects(trainMlpNode, { data, schedule }, { steps: 1 })).toMatchObject({
      field: 'data',
      message: expect.stringMatching(/at most 1000000000000000 in size.*rescale the data/)
    });
  });

  it.each([
    [{ means: '1e300; 2' }, 'means', /between -1000000 and 1000000; found 1e\+300/],
    [{ variances: '1e13; 1' }, 'variances', /at most 1000000000000/],
    [
      {
        weights: new Array(300).fill('1').join(','),
        means: new Array(300).fill('0').join(';'),
        variances: new Array(300).fill('1').join(';')
      },
      'weights',
      /300 components; at most 256/
    ]
  ])('mixture-1d refuses %o', async (params, field, message) => {
    (await rejects(mixture1dNode, {}, params)).toMatchObject({
      field,
      message: expect.stringMatching(message)
    });
  });

  it('distance refuses an energy distance over too many pairs, and huge coordinates', async () => {
    const many = points(new Array(2 * 12000).fill(0.5));
    (await rejects(distanceNode, { samples: many, data: many }, {})).toMatchObject({
      field: 'metric',
      message: expect.stringMatching(/4\.32e\+8 distances.*"sliced-wasserstein"/)
    });
    const huge = points([1e200, 0, 1, 1]);
    (await rejects(distanceNode, { samples: huge, data: points([0, 0]) }, {})).toMatchObject({
      field: 'samples',
      message: expect.stringMatching(/their squares overflow.*1e\+200/)
    });
  });

  it('samples-plot draws at most 20 000 evenly spread points and refuses NaN', async () => {
    const count = 50_000;
    const data = points(Array.from({ length: 2 * count }, (_, k) => k));
    const out = await samplesPlotNode.run({ samples: data }, {}, await tfContext());
    const plot = out.plot as ScatterPlot;
    expect(plot.x.length).toBe(MAX_SCATTER_POINTS);
    // Row r holds (2r, 2r + 1): the k-th drawn row is ⌊k · 50 000 / 20 000⌋ = ⌊2.5 k⌋.
    expect([plot.x[0], plot.x[1], plot.x[2], plot.y[19_999]]).toEqual([0, 4, 10, 2 * 49_997 + 1]);
    expect(plot.notes).toEqual(['20,000 of 50,000 points drawn']);

    (await rejects(samplesPlotNode, { samples: points([0, NaN]) }, {})).toMatchObject({
      field: 'samples'
    });
  });
});

/** The exact predictor of `mixture` with `rows` rows per call, counting its calls and rows. */
function countedNoise(rows: number, onCall: () => void = () => undefined) {
  const noise = noiseFunction({ kind: 'exact-mixture', mixture }, schedule, undefined as never);
  const counted: NoiseFunction & { calls: number; rows: number } = {
    ...noise,
    rowsPerCall: rows,
    calls: 0,
    rows: 0,
    at(i, x, out) {
      counted.calls++;
      counted.rows += x.length;
      onCall();
      return noise.at(i, x, out);
    }
  };
  return counted;
}

describe('long diffusion loops work in blocks and stop on cancel', () => {
  it('evaluates in blocks to exactly the numbers of one whole call', async () => {
    const x = Float64Array.from({ length: 1000 }, (_, k) => (k - 500) / 100);
    const whole = exactMixtureNoise(mixture, schedule.alphaBars[4], x, new Float64Array(1000));
    const noise = countedNoise(64);
    const blocks = await evaluateNoise(noise, 5, x, new Float64Array(1000), new Pacer());
    expect(noise.calls).toBe(Math.ceil(1000 / 64));
    expect(Array.from(blocks)).toEqual(Array.from(whole));
  });

  it('the sampler stops between blocks of one step when cancelled', async () => {
    const controller = new AbortController();
    const noise = countedNoise(10, () => controller.abort());
    const run = sampleReverse(schedule, noise, 'default', 1000, () => 0.3, {
      signal: controller.signal
    });
    await expect(run).rejects.toThrow(/aborted/);
    // One block of 10 rows, not the whole step: the cancel is seen between blocks.
    expect([noise.calls, noise.rows]).toEqual([1, 10]);
  });

  it('the score error is asynchronous and stops when cancelled', async () => {
    const controller = new AbortController();
    const noise = countedNoise(10, () => controller.abort());
    const random = () => 0.4;
    const run = estimateScoreError(
      noise,
      mixture,
      schedule,
      500,
      random,
      () => 0.1,
      controller.signal
    );
    await expect(run).rejects.toThrow(/aborted/);
    // One block of 10 rows, not the whole step: the cancel is seen between blocks.
    expect([noise.calls, noise.rows]).toEqual([1, 10]);
  });

  it('the forward view stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const run = forwardSnapshots(
      points([0, 1]),
      schedule,
      [20],
      () => 0,
      new Pacer(controller.signal)
    );
    await expect(run).rejects.toThrow(/aborted/);
  });
});

describe('mixture weights at the ends of the number range', () => {
  it.each([
    ['1e308, 1e308', [0.5, 0.5]],
    ['5e-324, 0', [1, 0]],
    ['1, 3', [0.25, 0.75]]
  ])('normalises "%s" to %o', async (weights, expected) => {
    const out = await mixture1dNode.run(
      {},
      { count: 1, weights, means: '0; 1', variances: '1; 1' },
      await tfContext()
    );
    const predictor = out.predictor as { mixture: { weights: Float64Array } };
    expect(Array.from(predictor.mixture.weights)).toEqual(expected);
  });
});

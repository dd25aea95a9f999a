import { describe, expect, it } from 'vitest';
import type { MlpNoisePredictor, Samples, Schedule } from '../../../../src/lib/graph/values';
import { readMixture, sampleMixture } from '../../../../nodes/diffusion/mixture';
import { initLayers, layerSizes } from '../../../../nodes/diffusion/mlp';
import { normalSource } from '../../../../nodes/diffusion/normal';
import { noiseFunction } from '../../../../nodes/diffusion/predict';
import { makeSchedule, linearBetaAlphas } from '../../../../nodes/diffusion/schedule';
import { estimateScoreError } from '../../../../nodes/diffusion/score-error';
import { trainMlpNode } from '../../../../nodes/diffusion/train-node';
import { seededRandom } from '../../../../src/lib/engine/random';
import { tfContext } from '../tf-context';

const mixture = readMixture({}, 1, {
  weights: '0.25, 0.75',
  means: '-3; 2',
  variances: '0.2; 0.2'
});
const schedule: Schedule = makeSchedule('linear', linearBetaAlphas(50, 1e-3, 0.2));
const settings = { width: 64, layers: 2, batch: 128, learningRate: 3e-3, frequencies: 3 };

/** The noise-scale error of a predictor against the exact one, on fixed evaluation points. */
async function noiseError(predictor: MlpNoisePredictor | 'zero') {
  const { tf } = await tfContext();
  const noise =
    predictor === 'zero'
      ? {
          dim: 1,
          rowsPerCall: 1 << 20,
          at: (_: number, x: Float64Array, out: Float64Array) => out.fill(0),
          dispose() {}
        }
      : noiseFunction(predictor, schedule, tf);
  const random = seededRandom(9, 'evaluation');
  const estimate = await estimateScoreError(
    noise,
    mixture,
    schedule,
    400,
    random,
    normalSource(random)
  );
  noise.dispose();
  return estimate.noiseError;
}

describe('diffusion/train-mlp on a 1-D Gaussian mixture', () => {
  it('learns the exact predictor to within 5% of E|z*|², far below the untrained network', async () => {
    const context = await tfContext(3);
    const random = seededRandom(4, 'data');
    const data: Samples = sampleMixture(mixture, 4000, random, normalSource(random));
    const before = context.tf.memory().numTensors;

    const out = await trainMlpNode.run({ data, schedule }, { ...settings, steps: 1000 }, context);
    const trained = out.predictor as MlpNoisePredictor;
    expect(context.tf.memory().numTensors).toBe(before);

    const untrained: MlpNoisePredictor = {
      ...trained,
      layers: initLayers(layerSizes(1, 3, 64, 2), seededRandom(3, 'init'))
    };
    const errorTrained = await noiseError(trained);
    const errorUntrained = await noiseError(untrained);
    const signal = await noiseError('zero');

    // The objective is E|Z − z*|² + E|z* − z|²: its excess over the minimum is exactly this
    // error, and predicting 0 scores E|z*|² (`signal`, 0.64 here). The bound asks the network
    // to capture 95% of that signal; this run, 1000 steps at seed 3, leaves 2% (0.013), and
    // the untrained network, whose output is not 0, misses it all (0.65).
    expect(signal).toBeGreaterThan(0.5);
    expect(errorTrained).toBeLessThan(0.05 * signal);
    expect(errorUntrained).toBeGreaterThan(0.5 * signal);
    expect(context.reports.at(-1)?.fraction).toBe(1);
    expect(context.reports.at(-1)?.message).toMatch(/^loss \d/);
  }, 30_000);
});

import type { Tensor2D } from '@tensorflow/tfjs';
import { NodeInputError } from '../../src/lib/graph/node-type';
import type { MlpNoisePredictor, NoisePredictor, Schedule } from '../../src/lib/graph/values';
import { exactMixtureNoise } from './mixture';
import { writeTimeFeatures, type Tf } from './mlp';
import type { Pacer } from '../pace';

/**
 * Multiply-adds one call of a noise function may do. Rows are evaluated in blocks of this much
 * work, so memory stays bounded by the block (not the point count) and a long evaluation
 * yields between blocks: a million points through a wide network cannot freeze a run.
 */
const WORK_PER_CALL = 1 << 22;

/**
 * A noise predictor ready to evaluate: `at(i, x, out)` writes z_i of every row of `x` into
 * `out` (same layout, `dim` numbers per row). Holds tensors for a trained network: call
 * `dispose` when done.
 */
export interface NoiseFunction {
  dim: number;
  /** The most rows one `at` call should get (see `WORK_PER_CALL`); `evaluateNoise` obeys it. */
  rowsPerCall: number;
  at(i: number, x: Float64Array, out: Float64Array): Float64Array;
  dispose(): void;
}

/**
 * Writes z_i of every row of `x` into `out` in blocks of `noise.rowsPerCall` rows, letting
 * `pacer` check the cancel signal and yield between blocks.
 */
export async function evaluateNoise(
  noise: NoiseFunction,
  i: number,
  x: Float64Array,
  out: Float64Array,
  pacer: Pacer
): Promise<Float64Array> {
  const { dim, rowsPerCall } = noise;
  const rows = x.length / dim;
  for (let from = 0; from < rows; from += rowsPerCall) {
    const to = Math.min(rows, from + rowsPerCall);
    noise.at(i, x.subarray(from * dim, to * dim), out.subarray(from * dim, to * dim));
    if (to < rows) await pacer.tick();
  }
  return out;
}

/** The dimension of the points a predictor works on. */
export function predictorDim(predictor: NoisePredictor): number {
  return predictor.kind === 'mlp' ? predictor.dim : predictor.mixture.dim;
}

/**
 * Refuses a schedule other than the one a trained predictor learned: its z_i means nothing at
 * another step count or another ᾱ_i.
 */
export function checkTrainedSchedule(predictor: MlpNoisePredictor, schedule: Schedule): void {
  const trained = predictor.alphaBars;
  const given = schedule.alphaBars;
  const same =
    trained.length === given.length &&
    trained.every((bar, k) => Math.abs(bar - given[k]) <= 1e-9 * Math.max(bar, 1e-300));
  if (!same) {
    throw new NodeInputError(
      `The MLP predictor was trained with a schedule of ${trained.length} steps ` +
        `(ᾱ_n = ${trained[trained.length - 1].toPrecision(4)}), but input "schedule" has ` +
        `${given.length} steps (ᾱ_n = ${given[given.length - 1].toPrecision(4)}). Connect the ` +
        'schedule the predictor was trained with, or train it again with this one.',
      'schedule'
    );
  }
}

/**
 * Prepares a predictor for evaluation with `schedule`. The exact mixture predictor is computed
 * in float64 in JavaScript; a trained MLP runs on tfjs, with its time features folded into the
 * first layer's bias (the same numbers for every row at one step), so only x is uploaded.
 */
export function noiseFunction(
  predictor: NoisePredictor,
  schedule: Schedule,
  tf: Tf
): NoiseFunction {
  if (predictor.kind === 'exact-mixture') {
    const { mixture } = predictor;
    const perRow = mixture.weights.length * (mixture.dim + 1) * 8;
    return {
      dim: mixture.dim,
      rowsPerCall: Math.max(1, Math.floor(WORK_PER_CALL / perRow)),
      at: (i, x, out) => exactMixtureNoise(mixture, schedule.alphaBars[i - 1], x, out),
      dispose: () => undefined
    };
  }
  checkTrainedSchedule(predictor, schedule);
  return mlpNoise(tf, predictor);
}

function mlpNoise(tf: Tf, predictor: MlpNoisePredictor): NoiseFunction {
  const { dim, frequencies, layers, alphaBars } = predictor;
  const first = layers[0];
  const n = alphaBars.length;
  const features = new Float64Array(2 * frequencies);
  const firstX = tf.tensor2d(first.weights.subarray(0, dim * first.outputs), [dim, first.outputs]);
  const rest = layers.slice(1).map((l) => ({
    weights: tf.tensor2d(l.weights, [l.inputs, l.outputs]),
    bias: tf.tensor1d(l.bias)
  }));

  const firstBias = (i: number) => {
    writeTimeFeatures(i, n, frequencies, features, 0);
    const bias = new Float32Array(first.outputs);
    for (let c = 0; c < first.outputs; c++) {
      let s = first.bias[c];
      for (let f = 0; f < features.length; f++) {
        s += features[f] * first.weights[(dim + f) * first.outputs + c];
      }
      bias[c] = s;
    }
    return bias;
  };

  const weights = layers.reduce((sum, l) => sum + l.inputs * l.outputs, 0);
  return {
    dim,
    rowsPerCall: Math.max(1, Math.floor(WORK_PER_CALL / weights)),
    at(i, x, out) {
      const result = tf.tidy(() => {
        let h: Tensor2D = tf.add(
          tf.matMul(tf.tensor2d(Float32Array.from(x), [x.length / dim, dim]), firstX),
          firstBias(i)
        );
        for (const layer of rest) {
          h = tf.mul(h, tf.sigmoid(h));
          h = tf.add(tf.matMul(h, layer.weights), layer.bias);
        }
        return h;
      });
      out.set(result.dataSync());
      result.dispose();
      return out;
    },
    dispose() {
      firstX.dispose();
      for (const layer of rest) {
        layer.weights.dispose();
        layer.bias.dispose();
      }
    }
  };
}

import type { AdamOptimizer, Scalar } from '@tensorflow/tfjs';
import type { DenseLayer, Samples } from '../../src/lib/graph/values';
import {
  applyMlp,
  disposeVariables,
  fromVariables,
  toVariables,
  writeTimeFeatures,
  type MlpVariables,
  type Tf
} from './mlp';

/**
 * One training batch: `size` rows of network input (x_i, then the time features of i) and the
 * noise Z each x_i was made with, the target.
 */
export interface Batch {
  size: number;
  input: Float32Array;
  target: Float32Array;
}

/**
 * Builds the batch of the objective from data rows x₀ (`rows` into `data`), steps i
 * (1-based, `steps`) and standard normal noise Z (`noise`, `dim` numbers per row):
 * x_i = √ᾱ_i x₀ + √(1 − ᾱ_i) Z, with the time features of i/n after x_i.
 */
export function noisyBatch(
  data: Samples,
  alphaBars: Float64Array,
  frequencies: number,
  rows: ArrayLike<number>,
  steps: ArrayLike<number>,
  noise: ArrayLike<number>
): Batch {
  const { dim } = data;
  const width = dim + 2 * frequencies;
  const size = rows.length;
  const input = new Float32Array(size * width);
  const target = new Float32Array(size * dim);

  for (let b = 0; b < size; b++) {
    const bar = alphaBars[steps[b] - 1];
    const keep = Math.sqrt(bar);
    const spread = Math.sqrt(1 - bar);
    for (let j = 0; j < dim; j++) {
      const z = noise[b * dim + j];
      input[b * width + j] = keep * data.points[rows[b] * dim + j] + spread * z;
      target[b * dim + j] = z;
    }
    writeTimeFeatures(steps[b], alphaBars.length, frequencies, input, b * width + dim);
  }

  return { size, input, target };
}

/**
 * Draws a batch: data rows uniformly with replacement, steps i uniformly in 1..n, and noise
 * from `normal`, all from the seeded sources given.
 */
export function drawBatch(
  data: Samples,
  alphaBars: Float64Array,
  frequencies: number,
  size: number,
  random: () => number,
  normal: () => number
): Batch {
  const n = alphaBars.length;
  const rows = Int32Array.from({ length: size }, () => Math.floor(random() * data.count));
  const steps = Int32Array.from({ length: size }, () => 1 + Math.floor(random() * n));
  const noise = Float64Array.from({ length: size * data.dim }, normal);
  return noisyBatch(data, alphaBars, frequencies, rows, steps, noise);
}

/**
 * An MLP noise predictor being trained with Adam (β₁ 0.9, β₂ 0.999, ε 1e-8, as PyTorch's
 * defaults) on the loss (1/B) Σ_b |Z_b − z(x_b)|², the batch estimate of the issue's
 * objective. Holds tfjs variables: call `dispose` when done.
 */
export class MlpTrainer {
  private readonly variables: MlpVariables;
  private readonly optimizer: AdamOptimizer;

  constructor(
    private readonly tf: Tf,
    layers: DenseLayer[],
    learningRate: number
  ) {
    this.variables = toVariables(tf, layers);
    this.optimizer = tf.train.adam(learningRate, 0.9, 0.999, 1e-8);
  }

  /** The network's output for a batch, row-major (`size` × dim). */
  predict(batch: Batch): Float32Array {
    const { tf } = this;
    const out = tf.tidy(() => applyMlp(tf, this.variables, this.inputTensor(batch)));
    const values = out.dataSync() as Float32Array;
    out.dispose();
    return values;
  }

  /** The loss on a batch, without training. */
  loss(batch: Batch): number {
    const value = this.tf.tidy(() => this.lossTensor(batch));
    const loss = value.dataSync()[0];
    value.dispose();
    return loss;
  }

  /** One Adam step on a batch; returns the loss before the step. */
  step(batch: Batch): number {
    const cost = this.optimizer.minimize(() => this.lossTensor(batch), true);
    const loss = cost!.dataSync()[0];
    cost!.dispose();
    return loss;
  }

  /** The current weights as plain float32 layers. */
  layers(): DenseLayer[] {
    return fromVariables(this.variables);
  }

  /** Frees the weights and the optimiser's moment estimates. */
  dispose(): void {
    disposeVariables(this.variables);
    this.optimizer.dispose();
  }

  private inputTensor(batch: Batch) {
    const width = this.variables.weights[0].shape[0];
    return this.tf.tensor2d(batch.input, [batch.size, width]);
  }

  private lossTensor(batch: Batch) {
    const { tf } = this;
    const output = applyMlp(tf, this.variables, this.inputTensor(batch));
    const target = tf.tensor2d(batch.target, output.shape);
    const squared = tf.sum(tf.square(tf.sub(target, output)), 1);
    return tf.mean(squared) as Scalar;
  }
}

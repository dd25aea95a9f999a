import type { Scalar, Tensor, Tensor2D } from '@tensorflow/tfjs';
import type { RunContext } from '../../src/lib/graph/node-type';

/** The tfjs namespace a node gets from its run context. */
export type Tf = RunContext['tf'];

/**
 * A scalar network as tensors: `weights[k]` (inputs × outputs) and `biases[k]` (1 × outputs)
 * for each layer, tanh after all but the last, which has one output.
 */
export interface NetTensors {
  weights: Tensor2D[];
  biases: Tensor2D[];
}

/** The Lagrange–Dirac loss of a batch and its gradient with respect to every weight and bias. */
export type LossAndGradients = {
  loss: Scalar;
  weights: Tensor2D[];
  biases: Tensor2D[];
};

/**
 * The Lagrange–Dirac loss (1/B) Σ_b ‖∇ₓL(x_b) − r_b‖² of a batch x (B × 8, rows (q, v)) with
 * targets r = (ṗ − Σ_r λ_r ∂φ_r/∂q, p) (B × 8), and its exact gradient with respect to the
 * weights, all by hand-written matrix products instead of nested autodiff.
 *
 * Forward: a_k = tanh(a_{k−1}W_k + b_k), s_k = 1 − a_k². Input gradient: δ_D = s_D ⊙ wᵀ,
 * u_k = δ_k W_kᵀ, δ_{k−1} = u_k ⊙ s_{k−1}, ∇ₓL = u_1. The weight gradient runs reverse mode
 * through both passes (double backpropagation): the adjoint of the input gradient is 2E/B
 * with E = ∇ₓL − r; it flows back through the u and δ products, which gives ū_k and s̄, then
 * through s = 1 − a² (ā = −2a ⊙ s̄) and the forward pass, which gives z̄_k and the weight
 * gradient ū_kᵀδ_k + a_{k−1}ᵀz̄_k. The output bias does not reach the loss; its gradient is
 * zero. Call inside tf.tidy.
 *
 * Measured on tfjs 4.22 wasm (bench/mechanics): stacking the two weight-gradient products
 * along the batch into one was slower (a 2048-long reduction packs a right operand that no
 * longer fits the cache), and row sums as 1 × B products pay XNNPACK's packing of the whole
 * B × n operand; the transposed form above avoids both.
 */
export function ldLossAndGradients(
  tf: Tf,
  net: NetTensors,
  x: Tensor2D,
  target: Tensor2D
): LossAndGradients {
  const hidden = net.weights.length - 1;
  const batch = x.shape[0];
  const outRow = net.weights[hidden].reshape([1, -1]) as Tensor2D;
  const { acts, slopes, deltas, us, transposed } = inputGradientPass(tf, net, x);
  const ones = tf.ones([1, batch]) as Tensor2D;
  const onesColumn = tf.ones([batch, 1]) as Tensor2D;

  const error = tf.sub(us[0], target);
  const loss = tf.div(tf.sum(tf.square(error)), batch) as Scalar;

  // Reverse through the backward pass, from ū_0 = 2E/B up to the output weights.
  const gradW: Tensor2D[] = new Array(hidden + 1);
  const gradB: Tensor2D[] = new Array(hidden + 1);
  const slopeBars: Tensor2D[] = new Array(hidden);
  const uBars: Tensor2D[] = new Array(hidden);
  let uBar = tf.mul(error, 2 / batch) as Tensor2D;
  for (let k = 0; k < hidden; k++) {
    uBars[k] = uBar;
    const deltaBar = tf.matMul(uBar, net.weights[k]);
    if (k < hidden - 1) {
      slopeBars[k] = tf.mul(deltaBar, us[k + 1]);
      uBar = tf.mul(deltaBar, slopes[k]);
    } else {
      slopeBars[k] = tf.mul(deltaBar, outRow);
      const row = tf.matMul(ones, tf.mul(deltaBar, slopes[k]));
      gradW[hidden] = row.reshape([-1, 1]) as Tensor2D;
      gradB[hidden] = tf.zerosLike(net.biases[hidden]);
    }
  }

  // Reverse through the forward pass: ā_k = −2 a_k ⊙ s̄_k plus what layer k+1 sends down.
  let fromAbove: Tensor2D | undefined;
  for (let k = hidden - 1; k >= 0; k--) {
    let aBar = tf.mul(tf.mul(acts[k + 1], -2), slopeBars[k]) as Tensor2D;
    if (fromAbove) aBar = tf.add(aBar, fromAbove);
    const zBar = tf.mul(aBar, slopes[k]) as Tensor2D;
    // W̄ᵀ = δ_kᵀū_k + z̄_kᵀa_{k−1}, and b̄ = z̄_kᵀ1 from the same transposed z̄_k.
    const zBarT = fastTranspose(tf, zBar);
    const fromBackward = tf.matMul(fastTranspose(tf, deltas[k]), uBars[k]);
    gradW[k] = fastTranspose(tf, tf.add(fromBackward, tf.matMul(zBarT, acts[k])));
    gradB[k] = tf.matMul(zBarT, onesColumn).reshape([1, -1]) as Tensor2D;
    if (k > 0) fromAbove = tf.matMul(zBar, transposed[k]);
  }

  return { loss, weights: gradW, biases: gradB };
}

/** The tensors of the forward pass and of the backward pass that gives ∇ₓL = us[0]. */
interface InputGradientPass {
  /** acts[0] = x, acts[k + 1] = tanh(acts[k] W_k + b_k). */
  acts: Tensor2D[];
  /** slopes[k] = 1 − acts[k + 1]². */
  slopes: Tensor2D[];
  /** deltas[k] = ∂L/∂z_k of hidden layer k. */
  deltas: Tensor2D[];
  /** us[k] = deltas[k] W_kᵀ = ∂L/∂acts[k]. */
  us: Tensor2D[];
  /** transposed[k] = W_kᵀ. */
  transposed: Tensor2D[];
}

/**
 * xᵀ of a 2-D tensor. tfjs 4.22's wasm transpose writes a 1024 × 256 matrix with a 4 KB
 * stride and took 2–6 ms here; moving blocks of 8 columns first ([r, c/8, 8] → [c/8, r, 8])
 * and then transposing each r × 8 block writes through only 8 streams, and the two passes
 * together took 0.7–0.9 ms (blocks of 4 when 8 does not divide the columns). The transpose
 * flags of matMul are worse still: they leave XNNPACK for a scalar loop (10–30 times slower
 * for these shapes).
 */
export function fastTranspose(tf: Tf, x: Tensor2D): Tensor2D {
  const [rows, cols] = x.shape;
  const width = [8, 4].find((w) => cols % w === 0 && cols > w);
  if (width === undefined) return tf.transpose(x);
  const blocks = tf.transpose(x.reshape([rows, cols / width, width]), [1, 0, 2]);
  return tf.transpose(blocks, [0, 2, 1]).reshape([cols, rows]) as Tensor2D;
}

/**
 * tanh x = 2σ(2x) − 1. tfjs 4.22's wasm tanh took 80 times longer than its sigmoid on a
 * 1024 × 256 tensor here; the two agree to float32 rounding (absolute error about 1e-7).
 */
export function fastTanh(tf: Tf, x: Tensor): Tensor {
  return tf.sub(tf.mul(tf.sigmoid(tf.mul(x, 2)), 2), 1);
}

function inputGradientPass(tf: Tf, net: NetTensors, x: Tensor2D): InputGradientPass {
  const hidden = net.weights.length - 1;
  const outRow = net.weights[hidden].reshape([1, -1]) as Tensor2D;
  const transposed = net.weights.map((w) => fastTranspose(tf, w));
  const acts: Tensor2D[] = [x];
  const slopes: Tensor2D[] = [];
  for (let k = 0; k < hidden; k++) {
    // σ(2z) in one kernel (product, bias and sigmoid fused), then tanh z = 2σ(2z) − 1.
    const doubled = tf.fused.matMul({
      a: acts[k],
      b: tf.mul(net.weights[k], 2),
      bias: tf.mul(net.biases[k].reshape([-1]), 2),
      activation: 'sigmoid'
    });
    const a = tf.sub(tf.mul(doubled, 2), 1) as Tensor2D;
    acts.push(a);
    slopes.push(tf.sub(1, tf.square(a)));
  }

  const deltas: Tensor2D[] = new Array(hidden);
  const us: Tensor2D[] = new Array(hidden);
  deltas[hidden - 1] = tf.mul(slopes[hidden - 1], outRow);
  for (let k = hidden - 1; k >= 0; k--) {
    us[k] = tf.matMul(deltas[k], transposed[k]);
    if (k > 0) deltas[k - 1] = tf.mul(us[k], slopes[k - 1]);
  }
  return { acts, slopes, deltas, us, transposed };
}

/** The input gradient ∇ₓL (B × 8) of the network at each row of x. Call inside tf.tidy. */
export function inputGradient(tf: Tf, net: NetTensors, x: Tensor2D): Tensor2D {
  return inputGradientPass(tf, net, x).us[0];
}

/** The Lagrange–Dirac loss alone, as in `ldLossAndGradients`. Call inside tf.tidy. */
export function ldLoss(tf: Tf, net: NetTensors, x: Tensor2D, target: Tensor2D): Scalar {
  const error = tf.sub(inputGradient(tf, net, x), target);
  return tf.div(tf.sum(tf.square(error)), x.shape[0]) as Scalar;
}

/** Disposes every tensor of a list of tensor lists. */
export function disposeAll(...lists: Tensor[][]): void {
  for (const list of lists) for (const t of list) t.dispose();
}

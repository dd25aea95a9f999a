import type { Scalar, Tensor, Tensor2D } from '@tensorflow/tfjs';
import type { PlainLayer, Trajectories } from '../../src/lib/graph/values';
import type { LdData } from './ld-data';
import { fastTanh, type LossAndGradients, type NetTensors, type Tf } from './ld-loss';

/**
 * Rows for the acceleration baseline: x = (q, v) and the target q̈ = ṗ/m (the recorded
 * acceleration of each bob, m₁ for x₁, y₁ and m₂ for x₂, y₂), standardised per component
 * with `mean` and `scale` so that a small network starts at the right size (`unscale` folds
 * them back into the last layer).
 */
export function accelerationData(
  data: Trajectories,
  standard?: { mean: number[]; scale: number[] }
): LdData & { mean: number[]; scale: number[] } {
  const count = data.count * (data.steps + 1);
  const x = new Float32Array(8 * count);
  const target = new Float32Array(4 * count);
  const mass = [data.m1, data.m1, data.m2, data.m2];
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < 4; j++) {
      x[8 * i + j] = data.q[4 * i + j];
      x[8 * i + 4 + j] = data.v[4 * i + j];
      target[4 * i + j] = data.pdot[4 * i + j] / mass[j];
    }
  }
  const { mean, scale } = standard ?? standardise(target, count);
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < 4; j++) target[4 * i + j] = (target[4 * i + j] - mean[j]) / scale[j];
  }
  return { count, x, target, mean, scale };
}

function standardise(target: Float32Array, count: number) {
  const mean = [0, 0, 0, 0];
  const scale = [0, 0, 0, 0];
  for (let i = 0; i < count; i++) for (let j = 0; j < 4; j++) mean[j] += target[4 * i + j] / count;
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < 4; j++) scale[j] += (target[4 * i + j] - mean[j]) ** 2 / count;
  }
  return { mean, scale: scale.map((v) => Math.sqrt(v) || 1) };
}

/** The last layer with y ↦ y·scale + mean folded in, so the network outputs q̈ itself. */
export function unscale(layer: PlainLayer, mean: number[], scale: number[]): PlainLayer {
  return {
    ...layer,
    weights: layer.weights.map((w, i) => w * scale[i % layer.outputs]),
    bias: layer.bias.map((b, o) => b * scale[o] + mean[o])
  };
}

/** The network's outputs for each row of x, tanh between layers. */
function outputs(tf: Tf, net: NetTensors, x: Tensor2D): Tensor2D {
  let a: Tensor2D = x;
  const last = net.weights.length - 1;
  net.weights.forEach((w, k) => {
    const z = tf.add(tf.matMul(a, w), net.biases[k]) as Tensor2D;
    a = k < last ? (fastTanh(tf, z) as Tensor2D) : z;
  });
  return a;
}

/** The baseline's loss (1/B) Σ_b ‖f(x_b) − q̈_b‖². Call inside tf.tidy. */
export function accelerationLoss(tf: Tf, net: NetTensors, x: Tensor2D, target: Tensor2D): Scalar {
  return tf.div(tf.sum(tf.square(tf.sub(outputs(tf, net, x), target))), x.shape[0]) as Scalar;
}

/**
 * The baseline's loss and weight gradients by ordinary autodiff (tf.valueAndGrads). Kept as
 * the check of `accelerationLossAndGradients`. Call inside tf.tidy.
 */
export function accelerationLossAutodiff(
  tf: Tf,
  net: NetTensors,
  x: Tensor2D,
  target: Tensor2D
): LossAndGradients {
  const count = net.weights.length;
  const loss = (...p: Tensor[]) =>
    accelerationLoss(
      tf,
      { weights: p.slice(0, count) as Tensor2D[], biases: p.slice(count) as Tensor2D[] },
      x,
      target
    );
  const { value, grads } = tf.valueAndGrads(loss)([...net.weights, ...net.biases]);
  return {
    loss: value as Scalar,
    weights: grads.slice(0, count) as Tensor2D[],
    biases: grads.slice(count) as Tensor2D[]
  };
}

/**
 * The baseline's loss and weight gradients by a hand-written backward pass, with explicit
 * transposes (see `transposedProduct` in ld-loss.ts for why). Call inside tf.tidy.
 */
export function accelerationLossAndGradients(
  tf: Tf,
  net: NetTensors,
  x: Tensor2D,
  target: Tensor2D
): LossAndGradients {
  const last = net.weights.length - 1;
  const batch = x.shape[0];
  const acts: Tensor2D[] = [x];
  for (let k = 0; k < last; k++) {
    const z = tf.add(tf.matMul(acts[k], net.weights[k]), net.biases[k]);
    acts.push(fastTanh(tf, z) as Tensor2D);
  }
  const out = tf.add(tf.matMul(acts[last], net.weights[last]), net.biases[last]);
  const error = tf.sub(out, target);
  const loss = tf.div(tf.sum(tf.square(error)), batch) as Scalar;

  const ones = tf.ones([1, batch]) as Tensor2D;
  const weights: Tensor2D[] = new Array(last + 1);
  const biases: Tensor2D[] = new Array(last + 1);
  let zBar = tf.mul(error, 2 / batch) as Tensor2D;
  for (let k = last; k >= 0; k--) {
    weights[k] = tf.matMul(tf.transpose(acts[k]), zBar);
    biases[k] = tf.matMul(ones, zBar);
    if (k > 0) {
      const aBar = tf.matMul(zBar, tf.transpose(net.weights[k]));
      zBar = tf.mul(aBar, tf.sub(1, tf.square(acts[k]))) as Tensor2D;
    }
  }
  return { loss, weights, biases };
}

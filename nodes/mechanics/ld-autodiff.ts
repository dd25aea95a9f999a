import type { Scalar, Tensor, Tensor2D } from '@tensorflow/tfjs';
import { fastTanh, type LossAndGradients, type NetTensors, type Tf } from './ld-loss';

const cache = new WeakMap<Tf, (x: Tensor) => Tensor>();

/**
 * tanh whose gradient is written with itself: d tanhR(x) = dy (1 − tanhR(x)²). tfjs 4.22's
 * built-in tanh takes its gradient from the saved output, and gradients of gradients through
 * it come back silently wrong or throw (tfjs issue 3252); this form is right to any order
 * (checked to the 4th in tests/unit/nodes/mechanics/ld-loss.test.ts).
 */
export function tanhR(tf: Tf): (x: Tensor) => Tensor {
  const known = cache.get(tf);
  if (known) return known;
  const op = tf.customGrad(((x: Tensor, save: (tensors: Tensor[]) => void) => {
    save([x]);
    return {
      value: fastTanh(tf, x),
      gradFunc: (dy: Tensor, saved: Tensor[]) => tf.mul(dy, tf.sub(1, tf.square(op(saved[0]))))
    };
  }) as Parameters<Tf['customGrad']>[0]) as (x: Tensor) => Tensor;
  cache.set(tf, op);
  return op;
}

/** The scalar network's output L for each row of x (B × 1), with tanhR between layers. */
export function lagrangianTensor(tf: Tf, net: NetTensors, x: Tensor2D): Tensor2D {
  const act = tanhR(tf);
  let a: Tensor2D = x;
  const last = net.weights.length - 1;
  net.weights.forEach((w, k) => {
    const z = tf.add(tf.matMul(a, w), net.biases[k]) as Tensor2D;
    a = k < last ? (act(z) as Tensor2D) : z;
  });
  return a;
}

/**
 * The same loss and weight gradients as `ldLossAndGradients`, by nested autodiff instead:
 * ∇ₓL from tf.grad inside the loss, the weight gradients from tf.grads around it. Slower;
 * kept as an independent check of the hand-written passes and for the benchmark. The output
 * bias does not reach the loss (tf.grads would refuse it), so its gradient is set to zero.
 */
export function ldLossAutodiff(
  tf: Tf,
  net: NetTensors,
  x: Tensor2D,
  target: Tensor2D
): LossAndGradients {
  const count = net.weights.length;
  const outBias = net.biases[count - 1];
  const loss = (...params: Tensor[]): Scalar => {
    const inner: NetTensors = {
      weights: params.slice(0, count) as Tensor2D[],
      biases: [...(params.slice(count) as Tensor2D[]), outBias]
    };
    const lagrangian = (input: Tensor) => tf.sum(lagrangianTensor(tf, inner, input as Tensor2D));
    const inputGradient = tf.grad(lagrangian)(x);
    return tf.div(tf.sum(tf.square(tf.sub(inputGradient, target))), x.shape[0]) as Scalar;
  };
  const params = [...net.weights, ...net.biases.slice(0, count - 1)];
  const { value, grads } = tf.valueAndGrads(loss)(params);
  return {
    loss: value as Scalar,
    weights: grads.slice(0, count) as Tensor2D[],
    biases: [...(grads.slice(count) as Tensor2D[]), tf.zerosLike(outBias)]
  };
}

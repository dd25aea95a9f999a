import type { GradSaveFunc, Tensor, Tensor2D, Variable } from '@tensorflow/tfjs';
import type { RunContext } from '../../src/lib/graph/node-type';
import type { DenseLayer, MlpNoisePredictor } from '../../src/lib/graph/values';

/** The tfjs namespace a node gets from its run context. */
export type Tf = RunContext['tf'];

/**
 * Writes the time features of step i of n into `out` from `offset` on:
 * sin(2^k π t), cos(2^k π t) for k = 0..frequencies−1 with t = i/n, so the network sees the
 * step as a smooth position in (0, 1] that means the same for every n.
 */
export function writeTimeFeatures(
  i: number,
  n: number,
  frequencies: number,
  out: Float32Array | Float64Array,
  offset: number
): void {
  const t = i / n;
  for (let k = 0; k < frequencies; k++) {
    const angle = 2 ** k * Math.PI * t;
    out[offset + 2 * k] = Math.sin(angle);
    out[offset + 2 * k + 1] = Math.cos(angle);
  }
}

/**
 * Dense layers of the given sizes (sizes[0] inputs, ..., sizes[last] outputs), initialised as
 * PyTorch's nn.Linear does: weights and biases uniform in ±1/√inputs, drawn from `random`.
 */
export function initLayers(sizes: number[], random: () => number): DenseLayer[] {
  return sizes.slice(1).map((outputs, k) => {
    const inputs = sizes[k];
    const bound = 1 / Math.sqrt(inputs);
    const draw = () => (2 * random() - 1) * bound;
    return {
      inputs,
      outputs,
      weights: Float32Array.from({ length: inputs * outputs }, draw),
      bias: Float32Array.from({ length: outputs }, draw)
    };
  });
}

/** The trainable tensors of an MLP: one weight matrix and one bias per layer. */
export interface MlpVariables {
  weights: Variable[];
  biases: Variable[];
}

/**
 * Copies layers into tfjs variables (the caller disposes them with `disposeVariables`); tidy
 * frees the tensors they were made from and keeps the variables.
 */
export function toVariables(tf: Tf, layers: DenseLayer[]): MlpVariables {
  return tf.tidy(() => ({
    weights: layers.map((l) => tf.variable(tf.tensor2d(l.weights, [l.inputs, l.outputs]))),
    biases: layers.map((l) => tf.variable(tf.tensor1d(l.bias)))
  }));
}

/** Reads variables back into plain float32 layers. */
export function fromVariables(variables: MlpVariables): DenseLayer[] {
  return variables.weights.map((w, k) => ({
    inputs: w.shape[0]!,
    outputs: w.shape[1]!,
    weights: Float32Array.from(w.dataSync()),
    bias: Float32Array.from(variables.biases[k].dataSync())
  }));
}

/** Disposes every variable of an MLP. */
export function disposeVariables(variables: MlpVariables): void {
  for (const v of [...variables.weights, ...variables.biases]) v.dispose();
}

type Product = (x: Tensor, w: Tensor) => Tensor2D;
const products = new WeakMap<Tf, Product>();

/**
 * x·W with a gradient that transposes its operands explicitly, dx = dy·transpose(W) and
 * dW = transpose(x)·dy. The wasm backend's matMul with a transposed-operand flag, which
 * tfjs's own gradient uses, ran 2–3 times slower than transposing first (3×64 MLP, batch
 * 256), and a training step needs two such products per layer.
 */
function productOf(tf: Tf): Product {
  let product = products.get(tf);
  if (!product) {
    product = tf.customGrad((...args: Array<Tensor | GradSaveFunc>) => {
      const [x, w, save] = args as [Tensor2D, Tensor2D, GradSaveFunc];
      save([x, w]);
      return {
        value: tf.matMul(x, w),
        gradFunc: (dy: Tensor2D, [xs, ws]: Tensor[]) => [
          tf.matMul(dy, tf.transpose(ws as Tensor2D)),
          tf.matMul(tf.transpose(xs as Tensor2D), dy)
        ]
      };
    }) as Product;
    products.set(tf, product);
  }
  return product;
}

/**
 * The MLP's output for a batch of inputs (rows): dense layers with SiLU, x·sigmoid(x), between
 * them and none after the last. Call inside tf.tidy.
 */
export function applyMlp(tf: Tf, variables: MlpVariables, input: Tensor2D): Tensor2D {
  const product = productOf(tf);
  let h = input;
  const last = variables.weights.length - 1;
  variables.weights.forEach((w, k) => {
    h = tf.add(product(h, w), variables.biases[k]);
    if (k < last) h = tf.mul(h, tf.sigmoid(h));
  });
  return h;
}

/** The layer sizes of a noise predictor: x and its time features in, `width` × `hidden`, x out. */
export function layerSizes(
  dim: number,
  frequencies: number,
  width: number,
  hidden: number
): number[] {
  return [dim + 2 * frequencies, ...new Array<number>(hidden).fill(width), dim];
}

/** The number of trainable numbers of a predictor, for the node's summary. */
export function parameterCount(predictor: MlpNoisePredictor): number {
  return predictor.layers.reduce((s, l) => s + l.weights.length + l.bias.length, 0);
}

import type { PlainLayer } from '../../src/lib/graph/values';

/**
 * Dense layers of the given sizes (sizes[0] inputs, ..., sizes[last] outputs) with Glorot
 * uniform weights, ±√(6 / (inputs + outputs)), drawn from `random`, and zero biases.
 */
export function initLayers(sizes: number[], random: () => number): PlainLayer[] {
  return sizes.slice(1).map((outputs, k) => {
    const inputs = sizes[k];
    const bound = Math.sqrt(6 / (inputs + outputs));
    const weights = Array.from({ length: inputs * outputs }, () => (2 * random() - 1) * bound);
    return { inputs, outputs, weights, bias: new Array<number>(outputs).fill(0) };
  });
}

/** x W + b for one row x, with W row-major `inputs` × `outputs`. */
function affine(layer: PlainLayer, x: ArrayLike<number>, withBias: boolean): Float64Array {
  const out = new Float64Array(layer.outputs);
  if (withBias) for (let o = 0; o < layer.outputs; o++) out[o] = layer.bias[o];
  for (let i = 0; i < layer.inputs; i++) {
    const xi = x[i];
    if (xi === 0) continue;
    const row = i * layer.outputs;
    for (let o = 0; o < layer.outputs; o++) out[o] += xi * layer.weights[row + o];
  }
  return out;
}

/** W d for one row d of length `outputs`: the backward product, of length `inputs`. */
function backward(layer: PlainLayer, d: ArrayLike<number>): Float64Array {
  const out = new Float64Array(layer.inputs);
  for (let i = 0; i < layer.inputs; i++) {
    const row = i * layer.outputs;
    let sum = 0;
    for (let o = 0; o < layer.outputs; o++) sum += layer.weights[row + o] * d[o];
    out[i] = sum;
  }
  return out;
}

/** The network's output at x in float64: tanh after every layer but the last. */
export function forward(layers: PlainLayer[], x: ArrayLike<number>): Float64Array {
  let a: ArrayLike<number> = x;
  layers.forEach((layer, k) => {
    const z = affine(layer, a, true);
    if (k < layers.length - 1) for (let o = 0; o < z.length; o++) z[o] = Math.tanh(z[o]);
    a = z;
  });
  return a as Float64Array;
}

/** A scalar function's value, gradient and Hessian–vector products at one point. */
export interface SecondOrder {
  value: number;
  gradient: Float64Array;
  /** H d for each direction d that was asked for. */
  products: Float64Array[];
}

/**
 * Value, gradient ∇L(x) and Hessian–vector products ∇²L(x) d of a scalar network (last layer
 * with one output) in float64, by a backward pass for the gradient and forward-mode tangents
 * of both passes for each direction d (forward over reverse).
 */
export function secondOrder(
  layers: PlainLayer[],
  x: ArrayLike<number>,
  directions: ArrayLike<number>[] = []
): SecondOrder {
  const hidden = layers.length - 1;
  const acts: Float64Array[] = [];
  const slopes: Float64Array[] = [];
  let a: ArrayLike<number> = x;
  for (let k = 0; k < hidden; k++) {
    const z = affine(layers[k], a, true);
    const s = new Float64Array(z.length);
    for (let o = 0; o < z.length; o++) {
      z[o] = Math.tanh(z[o]);
      s[o] = 1 - z[o] * z[o];
    }
    acts.push(z);
    slopes.push(s);
    a = z;
  }
  const last = layers[hidden];
  const value = affine(last, a, true)[0];
  const w = Float64Array.from({ length: last.inputs }, (_, i) => last.weights[i * last.outputs]);

  // Backward: δ_k = ∂L/∂z_k, u_k = W_k δ_k, and ∇L = u_1.
  const us: Float64Array[] = new Array(hidden + 1);
  let delta = w;
  us[hidden] = w;
  for (let k = hidden - 1; k >= 0; k--) {
    delta = Float64Array.from(us[k + 1], (u, o) => u * slopes[k][o]);
    us[k] = backward(layers[k], delta);
  }

  const products = directions.map((d) => {
    // Tangents of the activations (ȧ_k) and slopes (ṡ_k = −2 a_k ȧ_k) along d.
    const slopeDots: Float64Array[] = [];
    let tangent: ArrayLike<number> = d;
    for (let k = 0; k < hidden; k++) {
      const zDot = affine(layers[k], tangent, false);
      const aDot = Float64Array.from(zDot, (v, o) => v * slopes[k][o]);
      slopeDots.push(Float64Array.from(aDot, (v, o) => -2 * acts[k][o] * v));
      tangent = aDot;
    }
    let uDot: Float64Array = new Float64Array(last.inputs);
    for (let k = hidden - 1; k >= 0; k--) {
      const deltaDot = Float64Array.from(
        uDot,
        (v, o) => v * slopes[k][o] + us[k + 1][o] * slopeDots[k][o]
      );
      uDot = backward(layers[k], deltaDot);
    }
    return hidden === 0 ? new Float64Array(x.length) : uDot;
  });

  return { value, gradient: us[0], products };
}

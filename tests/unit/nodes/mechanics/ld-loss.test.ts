import { readFileSync } from 'node:fs';
import type { Tensor2D } from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  accelerationLossAndGradients,
  accelerationLossAutodiff
} from '../../../../nodes/mechanics/baseline';
import { ldLossAutodiff, tanhR } from '../../../../nodes/mechanics/ld-autodiff';
import {
  fastTranspose,
  ldLossAndGradients,
  type NetTensors
} from '../../../../nodes/mechanics/ld-loss';
import { secondOrder } from '../../../../nodes/mechanics/network';
import type { PlainLayer } from '../../../../src/lib/graph/values';
import { tf, tfContext } from '../tf-context';

/** Values from PyTorch autograd, float64 (make_ldnn_gradients.py beside the fixture). */
const ref = JSON.parse(
  readFileSync(new URL('../../../fixtures/mechanics/ldnn-gradients.json', import.meta.url), 'utf8')
);
const sizes: number[] = ref.sizes;
const layers: PlainLayer[] = sizes.slice(1).map((outputs, k) => ({
  inputs: sizes[k],
  outputs,
  weights: ref.weights[k],
  bias: ref.biases[k]
}));

function tensors(): NetTensors {
  return {
    weights: layers.map((l) => tf.tensor2d(l.weights, [l.inputs, l.outputs])),
    biases: layers.map((l) => tf.tensor2d(l.bias, [1, l.outputs]))
  };
}

/** Largest |a − b| relative to the largest |b|. */
function relative(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let error = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    error = Math.max(error, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return error / scale;
}

type Method = typeof ldLossAndGradients;

/** Loss and flattened weight gradients, read back from tensors, with none left behind. */
function evaluate(method: Method) {
  const before = tf.memory().numTensors;
  const net = tensors();
  const x = tf.tensor2d(ref.x) as Tensor2D;
  const target = tf.tensor2d(ref.target) as Tensor2D;
  const out = tf.tidy(() => method(tf, net, x, target));
  const result = {
    loss: out.loss.dataSync()[0],
    weights: out.weights.map((w) => w.dataSync()),
    biases: out.biases.map((b) => b.dataSync())
  };
  tf.dispose([out.loss, ...out.weights, ...out.biases, ...net.weights, ...net.biases, x, target]);
  expect(tf.memory().numTensors).toBe(before);
  return result;
}

beforeAll(async () => void (await tfContext()));

describe('Lagrange–Dirac loss gradients', () => {
  for (const [name, method] of [
    ['hand-written passes', ldLossAndGradients],
    ['nested autodiff with tanhR', ldLossAutodiff]
  ] as const) {
    it(`${name} match PyTorch's loss and weight gradients within 1e-5`, () => {
      const out = evaluate(method);
      // float32 against float64: measured about 1e-7 relative on wasm.
      expect(Math.abs(out.loss - ref.loss) / ref.loss).toBeLessThan(1e-5);
      out.weights.forEach((g, k) => expect(relative(g, ref.gradWeights[k])).toBeLessThan(1e-5));
      out.biases.forEach((g, k) => {
        if (k < layers.length - 1) expect(relative(g, ref.gradBiases[k])).toBeLessThan(1e-5);
        else expect(g[0]).toBe(0);
      });
    });
  }

  it('agree with central differences of the loss on a tiny net (float64 loss in JS)', () => {
    // The loss from the float64 JS network, differentiated numerically in a few weights.
    const lossOf = (net: PlainLayer[]) => {
      let sum = 0;
      ref.x.forEach((row: number[], b: number) => {
        const g = secondOrder(net, row).gradient;
        g.forEach((v, j) => (sum += (v - ref.target[b][j]) ** 2));
      });
      return sum / ref.x.length;
    };
    const out = evaluate(ldLossAndGradients);
    expect(Math.abs(lossOf(layers) - ref.loss)).toBeLessThan(1e-10);
    const probes: Array<[number, 'weights' | 'bias', number]> = [
      [0, 'weights', 5],
      [1, 'weights', 40],
      [2, 'bias', 3],
      [3, 'weights', 7],
      [0, 'bias', 11]
    ];
    for (const [k, field, i] of probes) {
      const h = 1e-6;
      const shifted = (delta: number) =>
        layers.map((l, j) => {
          if (j !== k) return l;
          const copy = { ...l, weights: [...l.weights], bias: [...l.bias] };
          copy[field][i] += delta;
          return copy;
        });
      const numeric = (lossOf(shifted(h)) - lossOf(shifted(-h))) / (2 * h);
      const ours = field === 'weights' ? out.weights[k][i] : out.biases[k][i];
      expect(Math.abs(ours - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
    }
  });

  it('computes L, ∂L/∂q, ∂L/∂v and Hessian columns in float64 as PyTorch does', () => {
    const directions = [4, 5, 6, 7, 0].map((j) =>
      Float64Array.from({ length: 8 }, (_, i) => +(i === j))
    );
    ref.x.forEach((row: number[], b: number) => {
      const out = secondOrder(layers, row, directions);
      expect(Math.abs(out.value - ref.L[b])).toBeLessThan(1e-12);
      expect(relative(out.gradient, [...ref.dLdq[b], ...ref.dLdv[b]])).toBeLessThan(1e-12);
      directions.forEach((d, c) => {
        const j = d.indexOf(1);
        const column = ref.hessian[b].map((r: number[]) => r[j]);
        expect(relative(out.products[c], column)).toBeLessThan(1e-10);
      });
    });
  });

  it('tanhR has the right derivatives up to the 4th order; tf.tanh nested is refused', () => {
    const act = tanhR(tf);
    const d = (f: (x: tf.Tensor) => tf.Tensor) => (x: tf.Tensor) => tf.grad(f)(x);
    const x = tf.scalar(0.3);
    const d4 = d(d(d(d(act))));
    const d3 = d(d(d(act)));
    const t = Math.tanh(0.3);
    const s = 1 - t * t;
    // With t = tanh x and s = 1 − t²: d³ = −2s(1 − 3t²), d⁴ = 8ts(2 − 3t²).
    const third = -2 * s * (1 - 3 * t * t);
    const fourth = 8 * t * s * (2 - 3 * t * t);
    expect(d3(x).dataSync()[0]).toBeCloseTo(third, 4);
    expect(d4(x).dataSync()[0]).toBeCloseTo(fourth, 4);
    expect(() => d(d(tf.tanh))(x)).toThrow(/Cannot compute gradient/);
  });
});

describe('fastTranspose', () => {
  it('moves every entry (i, j) to (j, i), for the block-of-8, block-of-4 and plain paths', () => {
    for (const [rows, cols] of [
      [1024, 256],
      [2048, 16],
      [10, 12],
      [1024, 8],
      [7, 5]
    ]) {
      const values = Float32Array.from({ length: rows * cols }, (_, i) => i * 0.5 - 3);
      const before = tf.memory().numTensors;
      const out = tf.tidy(() => fastTranspose(tf, tf.tensor2d(values, [rows, cols])));
      expect(out.shape).toEqual([cols, rows]);
      const data = out.dataSync();
      out.dispose();
      expect(tf.memory().numTensors).toBe(before);
      let mismatches = 0;
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++)
          if (data[j * rows + i] !== values[i * cols + j]) mismatches++;
      }
      expect(mismatches).toBe(0);
    }
  });
});

describe('acceleration baseline gradients', () => {
  it('the hand-written backward pass matches tfjs autodiff', () => {
    const wide: PlainLayer[] = [
      ...layers.slice(0, 3),
      {
        inputs: 12,
        outputs: 4,
        weights: ref.weights[3].concat(ref.weights[3], ref.weights[3], ref.weights[3]),
        bias: [0.1, -0.2, 0.3, 0]
      }
    ];
    const net: NetTensors = {
      weights: wide.map((l) => tf.tensor2d(l.weights, [l.inputs, l.outputs])),
      biases: wide.map((l) => tf.tensor2d(l.bias, [1, l.outputs]))
    };
    const x = tf.tensor2d(ref.x) as Tensor2D;
    const target = tf.tensor2d(ref.target.map((r: number[]) => r.slice(0, 4))) as Tensor2D;
    const read = (m: typeof accelerationLossAndGradients) =>
      tf.tidy(() => {
        const out = m(tf, net, x, target);
        return [out.loss, ...out.weights, ...out.biases].map((t) => t.dataSync());
      });
    const hand = read(accelerationLossAndGradients);
    const auto = read(accelerationLossAutodiff);
    hand.forEach((h, i) => expect(relative(h, auto[i])).toBeLessThan(1e-5));
    tf.dispose([...net.weights, ...net.biases, x, target]);
  });
});

import type * as TF from '@tensorflow/tfjs';
import type { Tensor, Tensor2D } from '@tensorflow/tfjs';
import { adam } from '../../nodes/mechanics/adam';
import { ldLossAndGradients, type NetTensors } from '../../nodes/mechanics/ld-loss';
import { initLayers } from '../../nodes/mechanics/network';
import { seededRandom } from '../../src/lib/engine/random';

/**
 * The network and batch every mechanics step bench uses (in Node, in the browser and, through
 * a JSON file, in PyTorch): MLP 8-256-256-256-256-1 with seeded Glorot weights, inputs
 * (q, v) with |q| ≤ 1.5 and |v| ≤ 3, and targets in [−2, 2].
 */
export function stepSpec(batch: number) {
  const random = seededRandom(1, 'bench-mechanics');
  const layers = initLayers([8, 256, 256, 256, 256, 1], random);
  const x = Float32Array.from(
    { length: 8 * batch },
    (_, i) => (2 * random() - 1) * (i % 8 < 4 ? 1.5 : 3)
  );
  const target = Float32Array.from({ length: 8 * batch }, () => 4 * (random() - 0.5));
  return { layers, x, target };
}

/**
 * One training step on the spec's network and batch as the node takes it: the loss with its
 * weight gradients from `method`, then Adam. Each call reads the loss and the first weight
 * back, so a timed step includes finishing the work, as it would before the next batch.
 * `dispose` frees the tensors it holds.
 */
export function trainingStep(
  tf: typeof TF,
  batch: number,
  method: typeof ldLossAndGradients = ldLossAndGradients
): { step: () => number; dispose: () => void } {
  const { layers, x, target } = stepSpec(batch);
  let params: Tensor[] = [
    ...layers.map((l) => tf.tensor2d(l.weights, [l.inputs, l.outputs])),
    ...layers.map((l) => tf.tensor2d(l.bias, [1, l.outputs]))
  ];
  const optimizer = adam(tf, params, 1e-3);
  const xs = tf.tensor2d(x, [batch, 8]);
  const ts = tf.tensor2d(target, [batch, 8]);
  const n = layers.length;
  const step = () => {
    const weights = params.slice(0, n) as Tensor2D[];
    const net: NetTensors = { weights, biases: params.slice(n) as Tensor2D[] };
    const out = tf.tidy(() => method(tf, net, xs, ts));
    params = optimizer.step(params, [...out.weights, ...out.biases]);
    const loss = out.loss.dataSync()[0];
    params[0].dataSync();
    tf.dispose([out.loss, ...out.weights, ...out.biases]);
    return loss;
  };
  const dispose = () => {
    optimizer.dispose();
    tf.dispose([...params, xs, ts]);
  };
  return { step, dispose };
}

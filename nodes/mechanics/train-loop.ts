import type { Scalar, Tensor, Tensor2D } from '@tensorflow/tfjs';
import { NodeInputError, type ProgressFn } from '../../src/lib/graph/node-type';
import type { PlainLayer } from '../../src/lib/graph/values';
import { Pacer } from '../pace';
import { adam } from './adam';
import { batchOrder, gather, type LdData } from './ld-data';
import type { LossAndGradients, NetTensors, Tf } from './ld-loss';

/** What a training run needs besides its data. */
export interface TrainOptions {
  tf: Tf;
  layers: PlainLayer[];
  /** Loss and weight gradients of a batch; called inside tf.tidy. */
  lossAndGradients: (net: NetTensors, x: Tensor2D, target: Tensor2D) => LossAndGradients;
  /** The loss alone, for held-out rows; called inside tf.tidy. */
  lossOnly: (net: NetTensors, x: Tensor2D, target: Tensor2D) => Scalar;
  steps: number;
  batch: number;
  learningRate: number;
  random: () => number;
  signal: AbortSignal;
  progress: ProgressFn;
  /** The param to name when the loss stops being finite. */
  rateParam: string;
}

/** The trained layers and the loss history (every step, held-out at some of them). */
export interface TrainResult {
  layers: PlainLayer[];
  lossSteps: number[];
  loss: number[];
  heldOutLoss: number[];
}

/**
 * Trains dense layers by Adam on shuffled batches of `data`, the held-out loss (on up to 2048
 * held-out rows) about 50 times along the way. Yields every ~50 ms to report the current loss
 * and check the signal, throws when it is aborted, and throws a NodeInputError naming the
 * learning rate when the loss is NaN or infinite. Leaves no tensor behind.
 */
export async function train(
  data: LdData,
  heldOut: LdData | undefined,
  options: TrainOptions
): Promise<TrainResult> {
  const { tf, steps } = options;
  const width = data.target.length / data.count;
  let params: Tensor[] = [
    ...options.layers.map((l) => tf.tensor2d(l.weights, [l.inputs, l.outputs])),
    ...options.layers.map((l) => tf.tensor2d(l.bias, [1, l.outputs]))
  ];
  const count = options.layers.length;
  const asNet = (p: Tensor[]): NetTensors => ({
    weights: p.slice(0, count) as Tensor2D[],
    biases: p.slice(count) as Tensor2D[]
  });
  const optimizer = adam(tf, params, options.learningRate);
  const held = heldOut && heldOutTensors(tf, heldOut);
  const nextRows = batchOrder(data.count, Math.min(options.batch, data.count), options.random);
  const result: TrainResult = { layers: [], lossSteps: [], loss: [], heldOutLoss: [] };
  const every = Math.max(1, Math.round(steps / 50));
  const pacer = new Pacer(options.signal, options.progress);

  try {
    for (let step = 1; step <= steps; step++) {
      const batch = gather(data, nextRows());
      const rows = batch.x.length / 8;
      const out = tf.tidy(() =>
        options.lossAndGradients(
          asNet(params),
          tf.tensor2d(batch.x, [rows, 8]),
          tf.tensor2d(batch.target, [rows, width])
        )
      );
      const value = out.loss.dataSync()[0];
      if (!Number.isFinite(value)) {
        tf.dispose([out.loss, ...out.weights, ...out.biases]);
        const last = result.loss.at(-1);
        throw new NodeInputError(
          `Training stopped at step ${step}: the loss became ${value}` +
            (last === undefined ? '' : ` (it was ${last.toPrecision(4)} the step before)`) +
            `. Lower "${options.rateParam}" or check the data.`,
          options.rateParam
        );
      }
      params = optimizer.step(params, [...out.weights, ...out.biases]);
      tf.dispose([out.loss, ...out.weights, ...out.biases]);

      result.lossSteps.push(step);
      result.loss.push(value);
      result.heldOutLoss.push(NaN);
      if (held && (step % every === 0 || step === steps)) {
        const heldLoss = tf.tidy(() => options.lossOnly(asNet(params), held.x, held.target));
        result.heldOutLoss[step - 1] = heldLoss.dataSync()[0];
        heldLoss.dispose();
      }

      if (pacer.due || step === steps) {
        await pacer.tick(step / steps, `step ${step} of ${steps}, loss ${value.toPrecision(4)}`);
      }
    }
    result.layers = await toLayers(params, options.layers);
    return result;
  } finally {
    optimizer.dispose();
    tf.dispose(params);
    if (held) tf.dispose([held.x, held.target]);
  }
}

/** Up to 2048 held-out rows, evenly spread, as tensors. */
function heldOutTensors(tf: Tf, data: LdData) {
  const rows = Math.min(2048, data.count);
  const pick = Int32Array.from({ length: rows }, (_, i) => Math.floor((i * data.count) / rows));
  const batch = gather(data, pick);
  return {
    x: tf.tensor2d(batch.x, [rows, 8]),
    target: tf.tensor2d(batch.target, [rows, batch.width])
  };
}

/** The parameter tensors back as plain-array layers of the same shapes. */
async function toLayers(params: Tensor[], shapes: PlainLayer[]): Promise<PlainLayer[]> {
  const count = shapes.length;
  return Promise.all(
    shapes.map(async (l, k) => ({
      inputs: l.inputs,
      outputs: l.outputs,
      weights: Array.from(await params[k].data()),
      bias: Array.from(await params[count + k].data())
    }))
  );
}

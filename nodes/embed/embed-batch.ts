import type { GraphModel, Tensor } from '@tensorflow/tfjs';
import type { RunContext } from '../../src/lib/graph/node-type';
import { UNKNOWN_ID } from './tokenizer';
import { USE_LITE_DIM } from './use-lite';

/**
 * Embeds one batch of tokenized sentences with the USE-lite graph model and returns one
 * 512-dim vector per row, in row order. An empty row (an empty sentence) is allowed.
 *
 * The model takes the batch as a sparse matrix: `indices` [n, 2] int32 holds (row, position) of
 * each of the n tokens and `values` [n] int32 their vocabulary ids.
 */
export async function embedBatch(
  tf: RunContext['tf'],
  model: GraphModel,
  rows: readonly number[][]
): Promise<Float32Array[]> {
  if (rows.length === 0) return [];

  // The graph takes its batch size from the largest row that holds a token, so a trailing empty
  // row would be dropped and an all-empty batch fails: a one-token filler row keeps them all.
  const fed = rows[rows.length - 1].length === 0 ? [...rows, [UNKNOWN_ID]] : rows;
  const { indices, values } = sparseBatch(fed);

  const inputs = {
    indices: tf.tensor2d(indices, [values.length, 2], 'int32'),
    values: tf.tensor1d(values, 'int32')
  };
  let output: Tensor;
  try {
    output = (await model.executeAsync(inputs)) as Tensor;
  } finally {
    tf.dispose(inputs);
  }

  let data: Float32Array;
  try {
    checkShape(output.shape, fed.length);
    data = (await output.data()) as Float32Array;
  } finally {
    output.dispose();
  }

  return rows.map((_, row) => data.slice(row * USE_LITE_DIM, (row + 1) * USE_LITE_DIM));
}

function sparseBatch(rows: readonly number[][]): { indices: Int32Array; values: Int32Array } {
  const count = rows.reduce((sum, row) => sum + row.length, 0);
  const indices = new Int32Array(count * 2);
  const values = new Int32Array(count);

  let k = 0;
  rows.forEach((row, r) => {
    row.forEach((id, position) => {
      indices[2 * k] = r;
      indices[2 * k + 1] = position;
      values[k] = id;
      k++;
    });
  });

  return { indices, values };
}

function checkShape(shape: number[], rows: number): void {
  if (shape.length !== 2 || shape[0] !== rows || shape[1] !== USE_LITE_DIM) {
    throw new Error(
      `The sentence encoder returned a tensor of shape [${shape.join(', ')}]; expected ` +
        `[${rows}, ${USE_LITE_DIM}].`
    );
  }
}

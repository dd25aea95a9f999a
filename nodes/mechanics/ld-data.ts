import { NodeInputError } from '../../src/lib/graph/node-type';
import type { Trajectories } from '../../src/lib/graph/values';
import { constraintJacobian } from './pendulum';

/**
 * Training rows in float32: network inputs x = (q, v) (8 numbers a row) and targets (8 a row
 * for the Lagrange–Dirac loss, 4 for the acceleration baseline).
 */
export interface LdData {
  count: number;
  x: Float32Array;
  target: Float32Array;
}

/**
 * The rows of the Lagrange–Dirac loss from trajectories: x = (q, v) and the targets
 * r = (ṗ − Σ_r λ_r ∂φ_r/∂q, p), so that the loss is ‖∇ₓL − r‖², with λ in the sign
 * convention of `Trajectories` (ṗ = ∂L/∂q + Σ_r λ_r ∂φ_r/∂q). Refuses non-finite numbers,
 * naming the socket.
 */
export function ldData(data: Trajectories, socket: string): LdData {
  const count = data.count * (data.steps + 1);
  const x = new Float32Array(8 * count);
  const target = new Float32Array(8 * count);
  for (let i = 0; i < count; i++) {
    const q = data.q.subarray(4 * i, 4 * i + 4);
    const jac = constraintJacobian(q);
    const l0 = data.lambda[2 * i];
    const l1 = data.lambda[2 * i + 1];
    for (let j = 0; j < 4; j++) {
      x[8 * i + j] = q[j];
      x[8 * i + 4 + j] = data.v[4 * i + j];
      target[8 * i + j] = data.pdot[4 * i + j] - l0 * jac[j] - l1 * jac[4 + j];
      target[8 * i + 4 + j] = data.p[4 * i + j];
    }
  }
  for (let k = 0; k < 8 * count; k++) {
    if (!Number.isFinite(x[k]) || !Number.isFinite(target[k])) {
      const sample = Math.floor(k / 8);
      throw new NodeInputError(
        `Input "${socket}" holds a number that is not finite at sample ${sample} ` +
          `(trajectory ${Math.floor(sample / (data.steps + 1)) + 1}); regenerate the data.`,
        socket
      );
    }
  }
  return { count, x, target };
}

/** The rows `rows` of a data set as one batch (x 8 numbers a row, the target as wide as given). */
export function gather(data: LdData, rows: ArrayLike<number>) {
  const width = data.target.length / data.count;
  const x = new Float32Array(8 * rows.length);
  const target = new Float32Array(width * rows.length);
  for (let b = 0; b < rows.length; b++) {
    x.set(data.x.subarray(8 * rows[b], 8 * rows[b] + 8), 8 * b);
    target.set(data.target.subarray(width * rows[b], width * rows[b] + width), width * b);
  }
  return { x, target, width };
}

/**
 * Row indices for `steps` batches of `size`: passes over a fresh shuffle of all rows (Fisher–
 * Yates with `random`), so every row is used once per epoch.
 */
export function batchOrder(count: number, size: number, random: () => number) {
  let order = new Int32Array(0);
  let next = 0;
  return (): Int32Array => {
    const rows = new Int32Array(size);
    for (let b = 0; b < size; b++) {
      if (next >= order.length) {
        order = Int32Array.from({ length: count }, (_, i) => i);
        for (let i = count - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [order[i], order[j]] = [order[j], order[i]];
        }
        next = 0;
      }
      rows[b] = order[next++];
    }
    return rows;
  };
}

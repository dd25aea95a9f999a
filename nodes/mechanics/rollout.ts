import type { Lagrangian } from './lagrangian';
import { Pacer } from '../pace';
import { solveDense } from './linear';
import { constraintJacobian, project, type PendulumSpec } from './pendulum';

/** q̈ at (q, v): a Lagrangian with the constraints, or a network that predicts it directly. */
export type Acceleration = (q: Float64Array, v: Float64Array) => Float64Array;

const UNIT = Array.from({ length: 4 }, (_, j) =>
  Float64Array.from({ length: 8 }, (_, i) => +(i === 4 + j))
);

/**
 * The constrained acceleration of a Lagrangian: the KKT system
 * [H_vv −Gᵀ; G 0] [q̈; λ] = [∂L/∂q − H_vq q̇; −Ġq̇] from d/dt ∂L/∂v = ∂L/∂q + Gᵀλ and
 * G q̈ + Ġ q̇ = 0, with Ġq̇ = (2|v₁|², 2|v₂ − v₁|²) for the rod constraints. Solved densely
 * (6 × 6, partial pivoting); throws when it is singular, such as where a learned H_vv is.
 */
export function constrainedAcceleration(lagrangian: Lagrangian): Acceleration {
  return (q, v) => {
    const x = new Float64Array(8);
    x.set(q);
    x.set(v, 4);
    const along = new Float64Array(8);
    along.set(v);
    const { gradient, products } = lagrangian(x, [...UNIT, along]);
    const jac = constraintJacobian(q);

    const a = new Float64Array(36);
    const b = new Float64Array(6);
    for (let r = 0; r < 4; r++) {
      for (let c = 0; c < 4; c++) a[r * 6 + c] = products[c][4 + r];
      a[r * 6 + 4] = -jac[r];
      a[r * 6 + 5] = -jac[4 + r];
      a[(4 + 0) * 6 + r] = jac[r];
      a[(4 + 1) * 6 + r] = jac[4 + r];
      b[r] = gradient[r] - products[4][4 + r];
    }
    b[4] = -2 * (v[0] ** 2 + v[1] ** 2);
    b[5] = -2 * ((v[2] - v[0]) ** 2 + (v[3] - v[1]) ** 2);
    if (!solveDense(a, b, 6) || !b.every(Number.isFinite)) {
      // Short, as it ends up in a plot note; the rollout's notes also say from when the
      // learned ∂²L/∂v² stopped being positive definite, which is what makes it singular.
      throw new RangeError('the KKT matrix is singular');
    }
    return b.slice(0, 4);
  };
}

/** A rolled-out path, and why it ended early when it did. */
export interface RolloutResult {
  path: Float64Array;
  failure?: string;
}

/** How a rollout runs: step, number of steps, and the rods to project onto (if any). */
export interface RolloutOptions {
  dt: number;
  steps: number;
  /** When given, q and v are projected onto φ = 0, Gv = 0 after every step. */
  rods?: { l1: number; l2: number };
  signal?: AbortSignal;
}

/**
 * Integrates q' = v, v' = a(q, v) from (q, v) = `start` by classical Runge–Kutta (order 4),
 * projecting onto the constraints after each step when `rods` are given (Euclidean metric).
 * Returns (steps + 1) × 8 numbers (q, v per sample). A step that fails (a singular KKT matrix)
 * or leaves non-finite numbers ends the rollout there: the rest of the path is NaN and
 * `failure` says when and why. Yields to the event loop every ~50 ms and stops when `signal`
 * is aborted.
 */
export async function rollout(
  accel: Acceleration,
  start: ArrayLike<number>,
  options: RolloutOptions
): Promise<RolloutResult> {
  const { dt, steps } = options;
  const out = new Float64Array(8 * (steps + 1));
  const y = Float64Array.from(start);
  out.set(y);
  const spec: PendulumSpec | undefined = options.rods && { m1: 1, m2: 1, g: 0, ...options.rods };
  const field = (s: Float64Array) => {
    const d = new Float64Array(8);
    d.set(s.subarray(4, 8));
    d.set(accel(s.subarray(0, 4), s.subarray(4, 8)), 4);
    return d;
  };
  const shifted = (k: Float64Array, h: number) => Float64Array.from(y, (v, i) => v + h * k[i]);

  const pacer = new Pacer(options.signal);
  for (let step = 1; step <= steps; step++) {
    await pacer.tick();
    try {
      const k1 = field(y);
      const k2 = field(shifted(k1, dt / 2));
      const k3 = field(shifted(k2, dt / 2));
      const k4 = field(shifted(k3, dt));
      for (let i = 0; i < 8; i++) y[i] += (dt / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
      if (spec) project(spec, y);
      if (!y.every(Number.isFinite)) throw new RangeError('the state became non-finite');
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      out.fill(NaN, 8 * step);
      return {
        path: out,
        failure: `failed at t = ${(step * dt).toFixed(3)} s (step ${step}): ${error.message}`
      };
    }
    out.set(y, 8 * step);
  }
  return { path: out };
}

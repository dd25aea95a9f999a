import { NodeInputError, type ProgressFn } from '../../src/lib/graph/node-type';
import type { Trajectories } from '../../src/lib/graph/values';
import { Pacer } from '../pace';
import { implicitStep, type Tableau } from './gauss-legendre';
import { multipliers, momentumRate, pendulumField, project, type PendulumSpec } from './pendulum';

/** Step size, number of steps and implicit Runge–Kutta tableau of a simulation. */
export interface SimulationOptions {
  dt: number;
  steps: number;
  tableau: Tableau;
  signal?: AbortSignal;
  progress?: ProgressFn;
}

/**
 * Integrates the double pendulum from each initial state (q, v) (8 numbers, on the constraint
 * manifold) for `steps` steps of `dt` seconds: each step is one implicit Runge–Kutta step of
 * the index-reduced equations (`pendulumField`) followed by the projection of q and v onto
 * φ = 0, Gv = 0 (`project`). Records q, v, p = Mv, ṗ and λ at every sample, and the drift
 * |φ| each step left before projection. Throws a NodeInputError naming `dt` when Newton's
 * iteration fails to converge. Yields to the event loop every few milliseconds, so a cancel
 * reaches it mid-trajectory.
 */
export async function simulate(
  spec: PendulumSpec,
  initial: Float64Array[],
  options: SimulationOptions
): Promise<Trajectories> {
  const { dt, steps, tableau } = options;
  const samples = steps + 1;
  const total = initial.length * samples;
  const out: Trajectories = {
    steps,
    dt,
    count: initial.length,
    q: new Float64Array(4 * total),
    v: new Float64Array(4 * total),
    p: new Float64Array(4 * total),
    pdot: new Float64Array(4 * total),
    lambda: new Float64Array(2 * total),
    drift: new Float64Array(total),
    ...spec
  };
  const field = pendulumField(spec);
  const mass = [spec.m1, spec.m1, spec.m2, spec.m2];

  const pacer = new Pacer(options.signal, options.progress);
  for (let n = 0; n < initial.length; n++) {
    const y = Float64Array.from(initial[n]);
    for (let k = 0; k < samples; k++) {
      if (k % 16 === 0) await pacer.tick((n + k / samples) / initial.length);
      if (k > 0) {
        if (implicitStep(field, y, dt, tableau) < 0) {
          throw new NodeInputError(
            `The implicit Runge–Kutta step did not converge at t = ${(k * dt).toFixed(4)} s ` +
              `(step ${k} of trajectory ${n + 1}) with Δt = ${dt} s; choose a smaller "dt".`,
            'dt'
          );
        }
        out.drift[n * samples + k] = project(spec, y);
      }
      record(out, n * samples + k, y, spec, mass);
    }
    options.progress?.((n + 1) / initial.length, `trajectory ${n + 1} of ${initial.length}`);
  }
  return out;
}

function record(
  out: Trajectories,
  i: number,
  y: Float64Array,
  spec: PendulumSpec,
  mass: number[]
): void {
  const q = y.subarray(0, 4);
  const v = y.subarray(4, 8);
  const lambda = multipliers(spec, q, v);
  const pdot = momentumRate(spec, q, lambda);
  out.q.set(q, 4 * i);
  out.v.set(v, 4 * i);
  out.pdot.set(pdot, 4 * i);
  out.lambda.set(lambda, 2 * i);
  for (let j = 0; j < 4; j++) out.p[4 * i + j] = mass[j] * v[j];
}

import type { LinesPlot, PlainLayer, Trajectories } from '../../src/lib/graph/values';
import type { Lagrangian } from './lagrangian';
import { smallestMass } from './mass-matrix';
import { forward } from './network';
import { constraints, energy } from './pendulum';
import { constrainedAcceleration, rollout, type Acceleration } from './rollout';

/** One rolled-out model: its name and (steps + 1) × 8 states per trajectory. */
interface Run {
  name: string;
  paths: Float64Array[];
}

/** Rollouts of held-out trajectories against the truth (see `compareRollouts`). */
export interface Comparison {
  /**
   * Per model: mean over trajectories of |q − q_true| at the last step (m); Infinity when a
   * rollout failed before it.
   */
  finalError: number[];
  /**
   * Per model: the largest |E − E(0)| of the exact energy along its rollouts (J), up to where
   * a rollout failed, if one did (the final error is then Infinity and the plot notes say when).
   */
  energyDrift: number[];
  /** Per model: the largest |φ_r| along its rollouts (m²). */
  constraintError: number[];
  names: string[];
  positions: LinesPlot;
  energy: LinesPlot;
  path: LinesPlot;
}

/** The baseline network as an acceleration field. */
export function networkAcceleration(layers: PlainLayer[]): Acceleration {
  return (q, v) => forward(layers, [...q, ...v]);
}

/**
 * Rolls out the first `count` held-out trajectories from their initial states with the
 * learned Lagrangian (KKT solve with the rods, RK4, projection) and, when given, the baseline
 * (RK4 on its predicted q̈, no constraints), for `steps` steps of the data's Δt, and compares
 * positions and the exact energy with the recorded truth.
 */
export async function compareRollouts(
  data: Trajectories,
  count: number,
  steps: number,
  lagrangian: Lagrangian,
  baseline: PlainLayer[] | undefined,
  signal?: AbortSignal
): Promise<Comparison> {
  const samples = data.steps + 1;
  const starts = Array.from({ length: count }, (_, n) => {
    const i = n * samples;
    return [...data.q.subarray(4 * i, 4 * i + 4), ...data.v.subarray(4 * i, 4 * i + 4)];
  });
  const options = { dt: data.dt, steps, signal };
  const failures: string[] = [];
  const paths = async (name: string, accel: Acceleration, rods?: Trajectories) => {
    const out: Float64Array[] = [];
    for (const [n, s] of starts.entries()) {
      const result = await rollout(accel, s, { ...options, rods });
      if (rods) {
        const onset = indefiniteOnset(lagrangian, result.path, steps);
        if (onset !== undefined) {
          failures.push(
            `${name}, trajectory ${n + 1}: ∂²L/∂v² not positive definite from ` +
              `t = ${(onset * data.dt).toFixed(3)} s`
          );
        }
      }
      if (result.failure) failures.push(`${name}, trajectory ${n + 1}: ${result.failure}`);
      out.push(result.path);
    }
    return out;
  };
  const runs: Run[] = [
    {
      name: 'Lagrange–Dirac network',
      paths: await paths('network', constrainedAcceleration(lagrangian), data)
    }
  ];
  if (baseline) {
    const accel = networkAcceleration(baseline);
    runs.push({ name: 'acceleration baseline', paths: await paths('baseline', accel) });
  }

  const t = Float64Array.from({ length: steps + 1 }, (_, k) => k * data.dt);
  const truthAt = (n: number, k: number) =>
    data.q.subarray(4 * (n * samples + k), 4 * (n * samples + k) + 4);
  const state = (path: Float64Array, k: number) => path.subarray(8 * k, 8 * k + 8);
  const e0 = starts.map((s) => energy(data, s.slice(0, 4), s.slice(4)));

  const positionSeries = runs.map((run) => ({
    name: run.name,
    x: t,
    mean: Float64Array.from(t, (_, k) => {
      let sum = 0;
      run.paths.forEach((p, n) => (sum += distance(state(p, k), truthAt(n, k))));
      return sum / count;
    })
  }));
  const energySeries = runs.map((run) => ({
    name: run.name,
    x: t,
    mean: Float64Array.from(t, (_, k) => {
      let sum = 0;
      run.paths.forEach((p, n) => {
        const s = state(p, k);
        sum += energy(data, s.subarray(0, 4), s.subarray(4)) - e0[n];
      });
      return sum / count;
    })
  }));
  const energyDrift = runs.map((run) =>
    finiteMax(
      run.paths.flatMap((p, n) =>
        Array.from(t, (_, k) =>
          Math.abs(energy(data, state(p, k).subarray(0, 4), state(p, k).subarray(4)) - e0[n])
        )
      )
    )
  );
  const constraintError = runs.map((run) =>
    finiteMax(
      run.paths.flatMap((p) =>
        Array.from(t, (_, k) => Math.max(...constraints(data, state(p, k)).map(Math.abs)))
      )
    )
  );
  const finalError = positionSeries.map((s) =>
    Number.isNaN(s.mean[steps]) ? Infinity : s.mean[steps]
  );
  const names = runs.map((r) => r.name);
  const notes = (values: number[], unit: string) =>
    names.map((name, m) => `${name}: ${values[m].toPrecision(3)} ${unit}`);

  const outer = (path: Float64Array | undefined, j: number) =>
    Float64Array.from(t, (_, k) => (path ? path[8 * k + j] : truthAt(0, k)[j]));
  return {
    finalError,
    energyDrift,
    constraintError,
    names,
    positions: {
      kind: 'lines',
      title: `Position error of rollouts, mean over ${count} held-out trajectories`,
      xLabel: 't (s)',
      yLabel: '|q − q_true| (m)',
      series: positionSeries,
      // The node's preview: it also says what the `errors` output holds, in order.
      notes: [
        'errors: final |Δq| m, max |ΔE| J, max |φ| m²' +
          (names.length > 1 ? '; network, then baseline' : ' of the network'),
        ...notes(finalError, 'm at the end'),
        ...failures
      ]
    },
    energy: {
      kind: 'lines',
      title: `Exact energy along the rollouts, E − E(0), mean over ${count} trajectories`,
      xLabel: 't (s)',
      yLabel: 'E − E(0) (J)',
      series: energySeries,
      notes: [
        ...notes(energyDrift, 'J largest |E − E(0)|'),
        ...notes(constraintError, 'm² largest |φ|')
      ]
    },
    path: {
      kind: 'lines',
      title: 'Path of the outer bob, held-out trajectory 1',
      xLabel: 'x₂ (m)',
      yLabel: 'y₂ (m)',
      series: [
        { name: 'truth', x: outer(undefined, 2), mean: outer(undefined, 3) },
        ...runs.map((run) => ({
          name: run.name,
          x: outer(run.paths[0], 2),
          mean: outer(run.paths[0], 3)
        }))
      ]
    }
  };
}

/**
 * The first step of a Lagrangian rollout where the mass matrix on the rods' tangent space has
 * an eigenvalue ≤ 0; undefined when there is none before the path ends.
 */
function indefiniteOnset(lagrangian: Lagrangian, path: Float64Array, steps: number) {
  for (let k = 0; k <= steps; k++) {
    const s = path.subarray(8 * k, 8 * k + 8);
    if (!s.every(Number.isFinite)) return undefined;
    if (!(smallestMass(lagrangian, s.subarray(0, 4), s.subarray(4)) > 0)) return k;
  }
  return undefined;
}

/** The largest finite value (the part of a rollout before it failed), NaN when none is. */
function finiteMax(values: number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.length ? finite.reduce((a, b) => Math.max(a, b)) : NaN;
}

function distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let j = 0; j < 4; j++) sum += (a[j] - b[j]) ** 2;
  return Math.sqrt(sum);
}

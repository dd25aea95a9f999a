import type { LinesPlot, Trajectories } from '../../src/lib/graph/values';
import { constraints, energy } from './pendulum';

/** The 4 numbers of q (or v) at sample i, trajectory-major as in `Trajectories`. */
function at(values: Float64Array, i: number): Float64Array {
  return values.subarray(4 * i, 4 * i + 4);
}

/**
 * The pendulum of trajectory `n` drawn at `frames` evenly spaced times, each as a polyline from
 * the pivot through bob 1 to bob 2 (metres). The axes are not scaled equally.
 */
export function snapshotPlot(data: Trajectories, n: number, frames: number): LinesPlot {
  const samples = data.steps + 1;
  const series = Array.from({ length: frames }, (_, f) => {
    const k = frames === 1 ? 0 : Math.round((f * data.steps) / (frames - 1));
    const q = at(data.q, n * samples + k);
    return {
      name: `t = ${(k * data.dt).toFixed(2)} s`,
      x: Float64Array.of(0, q[0], q[2]),
      mean: Float64Array.of(0, q[1], q[3])
    };
  });
  return {
    kind: 'lines',
    title: `Double pendulum, trajectory ${n + 1}`,
    xLabel: 'x (m)',
    yLabel: 'y (m)',
    series
  };
}

/**
 * The largest constraint drift |φ_r| over all trajectories at each time: what one integrator
 * step left before projection (m²), with the largest residual after projection as a note.
 */
export function residualPlot(data: Trajectories): LinesPlot {
  const samples = data.steps + 1;
  const drift = new Float64Array(samples);
  let after = 0;
  for (let n = 0; n < data.count; n++) {
    for (let k = 0; k < samples; k++) {
      const i = n * samples + k;
      drift[k] = Math.max(drift[k], data.drift[i]);
      after = Math.max(after, ...constraints(data, at(data.q, i)).map(Math.abs));
    }
  }
  const x = Float64Array.from({ length: samples }, (_, k) => k * data.dt);
  return {
    kind: 'lines',
    title: 'Constraint drift per step, before projection',
    xLabel: 't (s)',
    yLabel: 'max |φ| (m²)',
    series: [{ name: 'max over trajectories', x, mean: drift }],
    notes: [`after projection: max |φ| = ${after.toExponential(1)} m²`]
  };
}

/** Energy error E(t) − E(0) (J) of the first `limit` trajectories over time. */
export function energyPlot(data: Trajectories, limit: number): LinesPlot {
  const samples = data.steps + 1;
  const x = Float64Array.from({ length: samples }, (_, k) => k * data.dt);
  const series = Array.from({ length: Math.min(limit, data.count) }, (_, n) => {
    const e = (k: number) => energy(data, at(data.q, n * samples + k), at(data.v, n * samples + k));
    const e0 = e(0);
    return { name: `trajectory ${n + 1}`, x, mean: Float64Array.from(x, (_, k) => e(k) - e0) };
  });
  const yLabel = 'E − E(0) (J)';
  return { kind: 'lines', title: 'Energy error', xLabel: 't (s)', yLabel, series };
}

import type { LinesPlot, Trajectories } from '../../src/lib/graph/values';
import { energyAndMomentum, pendulumLagrangian, type Lagrangian } from './lagrangian';
import { smallestMass } from './mass-matrix';

/** Learned against exact quantities on held-out trajectories (see `evaluateLagrangian`). */
export interface Evaluation {
  /** The constant c = mean(L_learned − L_true), which the loss cannot see. */
  offset: number;
  /** Root mean square of L_learned − c − L_true (J). */
  lagrangianError: number;
  /** Root mean square of E_learned + c − E_true with E = v·∂L/∂v − L (J). */
  energyError: number;
  /** Root mean square of |∂L/∂v − p| over that of |p|. */
  momentumError: number;
  /**
   * The share of held-out samples where the learned mass matrix ∂²L/∂v² is not positive
   * definite on the rods' tangent space (see `smallestMass`); 0 for a physical Lagrangian.
   */
  indefiniteShare: number;
  /** The smallest of those eigenvalues over all held-out samples (kg). */
  smallestMass: number;
  lagrangian: LinesPlot;
  energy: LinesPlot;
  momentum: LinesPlot;
}

/**
 * Compares a learned Lagrangian with the exact one of the held-out trajectories' pendulum at
 * every sample: L (after removing the constant offset c, which shifts E by −c), the energy
 * v·∂L/∂v − L and the momentum ∂L/∂v, and draws them over time for trajectory `n`.
 */
export function evaluateLagrangian(learned: Lagrangian, data: Trajectories, n: number): Evaluation {
  const exact = pendulumLagrangian(data);
  const count = data.count * (data.steps + 1);
  const rows = Array.from({ length: count }, (_, i) => {
    const x = new Float64Array(8);
    x.set(data.q.subarray(4 * i, 4 * i + 4));
    x.set(data.v.subarray(4 * i, 4 * i + 4), 4);
    return {
      ours: energyAndMomentum(learned, x),
      truth: energyAndMomentum(exact, x),
      mass: smallestMass(learned, x.subarray(0, 4), x.subarray(4))
    };
  });
  const offset = rows.reduce((s, r) => s + r.ours.value - r.truth.value, 0) / count;

  let lagrangianError = 0;
  let energyError = 0;
  let momentumError = 0;
  let momentumSize = 0;
  for (const { ours, truth } of rows) {
    lagrangianError += (ours.value - offset - truth.value) ** 2 / count;
    energyError += (ours.energy + offset - truth.energy) ** 2 / count;
    for (let j = 0; j < 4; j++) {
      momentumError += (ours.momentum[j] - truth.momentum[j]) ** 2;
      momentumSize += truth.momentum[j] ** 2;
    }
  }

  const samples = data.steps + 1;
  const part = rows.slice(n * samples, (n + 1) * samples);
  const t = Float64Array.from({ length: samples }, (_, k) => k * data.dt);
  const line = (name: string, f: (r: (typeof rows)[number]) => number) => ({
    name,
    x: t,
    mean: Float64Array.from(part, f)
  });
  const title = (what: string) => `${what}, held-out trajectory ${n + 1}`;
  const note = (what: string, value: number) => `${what}: ${value.toPrecision(3)}`;
  const result = {
    offset,
    lagrangianError: Math.sqrt(lagrangianError),
    energyError: Math.sqrt(energyError),
    momentumError: Math.sqrt(momentumError / momentumSize),
    indefiniteShare: rows.filter((r) => !(r.mass > 0)).length / count,
    smallestMass: rows.reduce((low, r) => Math.min(low, r.mass), Infinity)
  };
  return {
    ...result,
    lagrangian: {
      kind: 'lines',
      title: title('Lagrangian'),
      xLabel: 't (s)',
      yLabel: 'L (J)',
      series: [
        line('exact', (r) => r.truth.value),
        line('learned − c', (r) => r.ours.value - offset)
      ],
      // The node's preview: it names each entry of the `errors` output, in order.
      notes: errorNotes(result)
    },
    energy: {
      kind: 'lines',
      title: title('Energy v·∂L/∂v − L'),
      xLabel: 't (s)',
      yLabel: 'E (J)',
      series: [
        line('exact', (r) => r.truth.energy),
        line('learned + c', (r) => r.ours.energy + offset)
      ],
      notes: [note('rms error over all held-out samples (J)', result.energyError)]
    },
    momentum: {
      kind: 'lines',
      title: title('Momentum ∂L/∂v of the outer bob'),
      xLabel: 't (s)',
      yLabel: 'p (kg m/s)',
      // The outer bob only: eight curves would repeat the palette's colours.
      series: [2, 3].flatMap((j) => [
        line(`exact p ${j === 2 ? 'x₂' : 'y₂'}`, (r) => r.truth.momentum[j]),
        line(`learned p ${j === 2 ? 'x₂' : 'y₂'}`, (r) => r.ours.momentum[j])
      ]),
      notes: [note('relative rms error, both bobs, all held-out samples', result.momentumError)]
    }
  };
}

/**
 * The `errors` output in words, in its order, for the Lagrangian plot (the node's preview):
 * a bare list of numbers would otherwise carry its names only on the socket.
 */
export function errorNotes(e: Omit<Evaluation, 'lagrangian' | 'energy' | 'momentum'>): string[] {
  const f = (v: number) => v.toPrecision(3);
  const share = `${(100 * e.indefiniteShare).toPrecision(3)}%`;
  return [
    `errors 1–2: rms L error ${f(e.lagrangianError)} J, rms E error ${f(e.energyError)} J`,
    `errors 3–4: relative rms p error ${f(e.momentumError)}, c ${f(e.offset)} J`,
    `errors 5–6: ∂²L/∂v² not positive definite at ${share} of samples,`,
    `smallest eigenvalue ${f(e.smallestMass)} kg (on the rods' tangent space)`,
    'all held-out samples; c: the constant the loss cannot see, removed'
  ];
}

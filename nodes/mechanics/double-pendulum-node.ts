import { NodeInputError, type NodeType, type NumberParam } from '../../src/lib/graph/node-type';
import { readGroups } from '../diffusion/text-params';
import { readEnumParam, readNumberParam } from '../topology/params';
import { GAUSS_LEGENDRE } from './gauss-legendre';
import { stateFromAngles, type PendulumSpec } from './pendulum';
import { energyPlot, residualPlot, snapshotPlot } from './pendulum-plots';
import { simulate } from './simulate';

const METHODS = ['gauss-legendre-2', 'gauss-legendre-3'] as const;

const positive = (unit: string, value: number, help: string): NumberParam => ({
  kind: 'number',
  default: value,
  min: 0,
  max: 1000,
  unit,
  help
});

const SPECS = {
  trajectories: {
    kind: 'integer',
    default: 8,
    min: 1,
    max: 10_000,
    help: 'How many random initial states to draw; ignored when "initial" is given.'
  },
  steps: { kind: 'integer', default: 300, min: 1, max: 1_000_000, help: 'Steps per trajectory.' },
  dt: positive('s', 0.01, 'The time step Δt.'),
  m1: positive('kg', 1, 'Mass of the inner bob.'),
  m2: positive('kg', 1, 'Mass of the outer bob.'),
  l1: positive('m', 1, 'Length of the inner rod.'),
  l2: positive('m', 1, 'Length of the outer rod.'),
  g: { kind: 'number', default: 9.81, min: 0, max: 1000, unit: 'm/s²', help: 'Gravity.' },
  maxAngle: {
    kind: 'number',
    default: 1.5,
    min: 0,
    max: Math.PI,
    unit: 'rad',
    help: 'Random initial angles θ₁, θ₂ are uniform in [−maxAngle, maxAngle].'
  },
  maxSpeed: {
    kind: 'number',
    default: 1,
    min: 0,
    max: 100,
    unit: 'rad/s',
    help: 'Random initial angular velocities are uniform in [−maxSpeed, maxSpeed].'
  }
} satisfies Record<string, NumberParam>;

/**
 * Node `mechanics/double-pendulum`: trajectories of a planar double pendulum in Cartesian
 * coordinates q = (x₁, y₁, x₂, y₂) with the rod constraints of issue 6, as training data
 * for a Lagrange–Dirac network. Initial states come from angles θ (from the downward vertical)
 * and angular velocities ω, seeded random or given, so they satisfy the constraints exactly.
 *
 * Method: index reduction to the index-1 form (λ from the acceleration-level constraints,
 * `multipliers`), one Gauss–Legendre step (2 stages, order 4, or 3 stages, order 6; simplified
 * Newton on the stage equations) and then projection of q onto φ = 0 and of v onto Gv = 0 in
 * the metric of M (Hairer, Lubich and Wanner, Geometric Numerical Integration, §IV.4; Hairer
 * and Wanner, Solving ODEs II, §VII.2). The projection keeps the method's order; the drift each
 * step left before projection is recorded and plotted.
 */
export const doublePendulumNode: NodeType = {
  type: 'mechanics/double-pendulum',
  version: 1,
  title: 'Double pendulum',
  category: 'mechanics',
  description:
    'Integrates a planar double pendulum in Cartesian coordinates with its two rod constraints ' +
    '(implicit Gauss–Legendre Runge–Kutta and projection) and outputs q, v, p, ṗ and λ.',
  inputs: {},
  outputs: {
    trajectories: { type: 'trajectories', label: 'trajectories' },
    snapshot: { type: 'plot', label: 'snapshot' },
    residual: { type: 'plot', label: 'constraint drift' },
    energy: { type: 'plot', label: 'energy error' }
  },
  params: {
    ...SPECS,
    method: {
      kind: 'enum',
      default: 'gauss-legendre-2',
      options: METHODS,
      help:
        'Implicit Runge–Kutta method: ' +
        'Gauss–Legendre with 2 stages (order 4) ' +
        'or 3 (order 6).'
    },
    initial: {
      kind: 'text',
      default: '',
      help:
        'Initial states ' +
        '"θ₁, θ₂, ω₁, ω₂; ..." ' +
        '(rad, rad/s); ' +
        'empty draws them at random.'
    }
  },

  async run(_inputs, params, context) {
    const read = (name: keyof typeof SPECS) => readNumberParam(params, name, SPECS[name]);
    const spec: PendulumSpec = {
      m1: read('m1'),
      m2: read('m2'),
      l1: read('l1'),
      l2: read('l2'),
      g: read('g')
    };
    for (const name of ['m1', 'm2', 'l1', 'l2', 'dt'] as const) {
      if (read(name) <= 0) {
        throw new NodeInputError(
          `Param "${name}" must be greater than 0; it is ${read(name)}.`,
          name
        );
      }
    }

    const angles = readGroups(params, 'initial', '', 4);
    if (angles.length === 0) {
      const [maxAngle, maxSpeed] = [read('maxAngle'), read('maxSpeed')];
      const draw = (scale: number) => (2 * context.random() - 1) * scale;
      for (let n = 0; n < read('trajectories'); n++) {
        angles.push([draw(maxAngle), draw(maxAngle), draw(maxSpeed), draw(maxSpeed)]);
      }
    }

    const steps = read('steps');
    if (angles.length * (steps + 1) > 10_000_000) {
      throw new NodeInputError(
        `Trajectories × (steps + 1) must be at most 10 000 000 samples; it is ` +
          `${angles.length} × ${steps + 1}. Lower "steps" or "trajectories".`,
        'steps'
      );
    }

    const method = readEnumParam(params, 'method', METHODS, 'gauss-legendre-2');
    const trajectories = await simulate(
      spec,
      angles.map((a) => stateFromAngles(spec, a)),
      {
        dt: read('dt'),
        steps,
        tableau: GAUSS_LEGENDRE[method === 'gauss-legendre-3' ? 3 : 2],
        signal: context.signal,
        progress: context.progress
      }
    );
    return {
      trajectories,
      snapshot: snapshotPlot(trajectories, 0, 5),
      residual: residualPlot(trajectories),
      energy: energyPlot(trajectories, 5)
    };
  }
};

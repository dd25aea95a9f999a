import { NodeInputError, type NodeType, type NumberParam } from '../../src/lib/graph/node-type';
import { readNumberParam } from '../topology/params';
import { compareRollouts } from './compare';
import { evaluateLagrangian } from './evaluate';
import { networkLagrangian } from './lagrangian';
import { readModel } from './model-input';
import { requireSameSystem } from './same-system';
import { readTrajectories } from './train-nodes';

const TRAJECTORY: NumberParam = {
  kind: 'integer',
  default: 1,
  min: 1,
  max: 100_000,
  help: 'Which held-out trajectory to draw over time, counting from 1.'
};

/**
 * Node `mechanics/ldnn-evaluate`: compares a learned Lagrangian with the exact one on held-out
 * trajectories. The Lagrange–Dirac loss sees only ∇L, so L is learned up to a constant c; it
 * is estimated as the mean of L_learned − L_true and removed (E = v·∂L/∂v − L moves by −c).
 * Outputs the three curves over time for one trajectory and, as numbers, the rms errors of L
 * and E (J), the relative rms error of p = ∂L/∂v, c, and the share of samples where the
 * learned mass matrix ∂²L/∂v² is not positive definite on the rods' tangent space with the
 * smallest eigenvalue found (kg): where it is not, the learned dynamics have no meaning and
 * a rollout can meet a singular KKT matrix.
 */
export const ldnnEvaluateNode: NodeType = {
  type: 'mechanics/ldnn-evaluate',
  version: 1,
  title: 'Learned Lagrangian vs truth',
  category: 'mechanics',
  description:
    'Compares the learned Lagrangian, its energy v·∂L/∂v − L and momentum ∂L/∂v with the exact ' +
    'ones on held-out trajectories, up to the additive constant the loss cannot see, and ' +
    'counts the samples where the learned mass matrix ∂²L/∂v² is not positive definite.',
  inputs: {
    model: { type: 'mechanics-model', label: 'Lagrangian network' },
    'held-out': { type: 'trajectories', label: 'held-out trajectories' }
  },
  outputs: {
    lagrangian: { type: 'plot', label: 'Lagrangian' },
    energy: { type: 'plot', label: 'energy' },
    momentum: { type: 'plot', label: 'momentum' },
    errors: {
      type: 'numbers',
      label: 'rms L, E (J), p relative, c; ∂²L/∂v²: share not positive definite, least eigenvalue'
    }
  },
  params: { trajectory: TRAJECTORY },

  async run(inputs, params) {
    const model = readModel(inputs, 'model', 'lagrangian');
    const data = readTrajectories(inputs, 'held-out');
    requireSameSystem(model.system, 'the network was trained on', data, 'held-out');
    const n = readNumberParam(params, 'trajectory', TRAJECTORY);
    if (n > data.count) {
      throw new NodeInputError(
        `Param "trajectory" must be at most ${data.count}, the number of held-out ` +
          `trajectories; it is ${n}.`,
        'trajectory'
      );
    }
    const result = evaluateLagrangian(networkLagrangian(model.layers), data, n - 1);
    return {
      lagrangian: result.lagrangian,
      energy: result.energy,
      momentum: result.momentum,
      errors: Float64Array.of(
        result.lagrangianError,
        result.energyError,
        result.momentumError,
        result.offset,
        result.indefiniteShare,
        result.smallestMass
      )
    };
  }
};

const ROLLOUT_SPECS = {
  trajectories: {
    kind: 'integer',
    default: 2,
    min: 1,
    max: 1000,
    help: 'How many held-out trajectories to roll out (the first ones).'
  },
  steps: {
    kind: 'integer',
    default: 0,
    min: 0,
    max: 1_000_000,
    help: 'Steps of the data’s Δt per rollout; 0 takes as many as the data has.'
  }
} satisfies Record<string, NumberParam>;

/**
 * Node `mechanics/rollout`: integrates the learned dynamics from the initial states of
 * held-out trajectories and compares them with the recorded truth. The Lagrange–Dirac network
 * moves by the KKT system [H_vv −Gᵀ; G 0][q̈; λ] = [∂L/∂q − H_vq q̇; −Ġq̇] with the known rod
 * constraints, classical Runge–Kutta and projection; the baseline, when connected, by RK4 on
 * its predicted q̈ with no constraint. Outputs the mean position error and the exact energy
 * along the rollouts over time, the outer bob's path, and as numbers per model (network,
 * then baseline): final position error (m; Infinity when a rollout failed before the end,
 * which the position plot's notes explain), largest |E − E(0)| (J), largest |φ| (m²).
 */
export const rolloutNode: NodeType = {
  type: 'mechanics/rollout',
  version: 1,
  title: 'Rollout vs truth',
  category: 'mechanics',
  description:
    'Integrates the learned Lagrangian with the rod constraints (KKT solve, RK4, projection) ' +
    'and the acceleration baseline from held-out initial states, against the recorded motion.',
  inputs: {
    model: { type: 'mechanics-model', label: 'Lagrangian network' },
    'held-out': { type: 'trajectories', label: 'held-out trajectories' },
    baseline: { type: 'mechanics-model', label: 'acceleration baseline', optional: true }
  },
  outputs: {
    positions: { type: 'plot', label: 'position error' },
    energy: { type: 'plot', label: 'energy drift' },
    path: { type: 'plot', label: 'outer bob path' },
    errors: { type: 'numbers', label: 'per model: final |Δq|, max |ΔE|, max |φ|' }
  },
  params: ROLLOUT_SPECS,

  async run(inputs, params, context) {
    const model = readModel(inputs, 'model', 'lagrangian');
    const baseline = inputs.baseline ? readModel(inputs, 'baseline', 'acceleration') : undefined;
    const data = readTrajectories(inputs, 'held-out');
    requireSameSystem(model.system, 'the network was trained on', data, 'held-out');
    if (baseline) {
      requireSameSystem(data, 'the held-out trajectories', baseline.system, 'baseline');
    }
    const count = readNumberParam(params, 'trajectories', ROLLOUT_SPECS.trajectories);
    if (count > data.count) {
      throw new NodeInputError(
        `Param "trajectories" must be at most ${data.count}, the number of held-out ` +
          `trajectories; it is ${count}.`,
        'trajectories'
      );
    }
    const asked = readNumberParam(params, 'steps', ROLLOUT_SPECS.steps);
    if (asked > data.steps) {
      throw new NodeInputError(
        `Param "steps" must be at most ${data.steps}, the steps recorded in the held-out ` +
          `data; it is ${asked}.`,
        'steps'
      );
    }
    const steps = asked === 0 ? data.steps : asked;
    const result = await compareRollouts(
      data,
      count,
      steps,
      networkLagrangian(model.layers),
      baseline?.layers,
      context.signal
    );
    return {
      positions: result.positions,
      energy: result.energy,
      path: result.path,
      errors: Float64Array.from(
        result.names.flatMap((_, m) => [
          result.finalError[m],
          result.energyDrift[m],
          result.constraintError[m]
        ])
      )
    };
  }
};

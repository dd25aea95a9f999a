import {
  NodeInputError,
  type NodeType,
  type Params,
  type RunContext
} from '../../src/lib/graph/node-type';
import type { MechanicsModel, Trajectories } from '../../src/lib/graph/values';
import { readNumberParam } from '../topology/params';
import {
  accelerationData,
  accelerationLoss,
  accelerationLossAndGradients,
  unscale
} from './baseline';
import { ldData, type LdData } from './ld-data';
import { ldLoss, ldLossAndGradients } from './ld-loss';
import { lossPlot } from './loss-plot';
import { initLayers } from './network';
import { TRAIN_SPECS } from './network-params';
import { requireSameSystem } from './same-system';
import { train } from './train-loop';
import { requireInput } from '../inputs';

/** The trajectories on an input socket, or a NodeInputError naming it. */
export function readTrajectories(inputs: Record<string, unknown>, name: string): Trajectories {
  return requireInput<Trajectories>(inputs, name);
}

/** The largest batch × hiddenWidth a training step may use (8 MB per float32 tensor). */
const MAX_BATCH_UNITS = 2 ** 21;

/** Trains a network of the given kind; shared by the two training nodes. */
async function trainModel(
  kind: MechanicsModel['kind'],
  inputs: Record<string, unknown>,
  params: Params,
  context: RunContext
): Promise<MechanicsModel> {
  const read = (name: keyof typeof TRAIN_SPECS) => readNumberParam(params, name, TRAIN_SPECS[name]);
  const data = readTrajectories(inputs, 'trajectories');
  const heldOutData = inputs['held-out'] as Trajectories | undefined;
  if (heldOutData) requireSameSystem(data, 'the training trajectories', heldOutData, 'held-out');
  const standard = kind === 'acceleration' ? accelerationData(data) : undefined;
  const rows = (d: Trajectories, socket: string): LdData =>
    standard ? checked(accelerationData(d, standard), socket) : ldData(d, socket);

  const width = read('hiddenWidth');
  if (read('learningRate') <= 0) {
    throw new NodeInputError(
      `Param "learningRate" must be greater than 0; it is ${read('learningRate')}.`,
      'learningRate'
    );
  }
  // Each hidden layer keeps several batch × width float32 tensors alive within a step.
  if (read('batch') * width > MAX_BATCH_UNITS) {
    throw new NodeInputError(
      `Param "batch" times "hiddenWidth" must be at most ${MAX_BATCH_UNITS}, or a training ` +
        `step holds gigabytes; it is ${read('batch')} × ${width}. Lower "batch".`,
      'batch'
    );
  }
  const sizes = [
    8,
    ...new Array<number>(read('hiddenLayers')).fill(width),
    kind === 'lagrangian' ? 1 : 4
  ];
  const tf = context.tf;
  const lagrangian = kind === 'lagrangian';
  const result = await train(
    rows(data, 'trajectories'),
    heldOutData && rows(heldOutData, 'held-out'),
    {
      tf,
      layers: initLayers(sizes, context.random),
      lossAndGradients: (net, x, t) =>
        lagrangian
          ? ldLossAndGradients(tf, net, x, t)
          : accelerationLossAndGradients(tf, net, x, t),
      lossOnly: (net, x, t) =>
        lagrangian ? ldLoss(tf, net, x, t) : accelerationLoss(tf, net, x, t),
      steps: read('steps'),
      batch: read('batch'),
      learningRate: read('learningRate'),
      random: context.random,
      signal: context.signal,
      progress: context.progress,
      rateParam: 'learningRate'
    }
  );
  if (standard) {
    const last = result.layers.length - 1;
    result.layers[last] = unscale(result.layers[last], standard.mean, standard.scale);
  }
  const { m1, m2, l1, l2, g } = data;
  return { kind, ...result, system: { m1, m2, l1, l2, g } };
}

function checked(rows: LdData, socket: string): LdData {
  const bad = [...rows.x, ...rows.target].findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    throw new NodeInputError(`Input "${socket}" holds a number that is not finite.`, socket);
  }
  return rows;
}

const INPUTS = {
  trajectories: { type: 'trajectories', label: 'training trajectories' },
  'held-out': { type: 'trajectories', label: 'held-out trajectories', optional: true }
} as const;

/**
 * Node `mechanics/ldnn-train`: a Lagrange–Dirac neural network. An MLP (q, v) ∈ R⁸ → L with
 * tanh hidden layers is trained by Adam on the loss
 * (1/B) Σ_b ‖ṗ − ∂L/∂q − Σ_r λ_r ∂φ_r/∂q‖² + ‖p − ∂L/∂v‖²,
 * with λ in the generator's sign convention (ṗ = ∂L/∂q + Σ_r λ_r ∂φ_r/∂q, so λ_r < 0 when rod
 * r pulls). ∂L/∂q and ∂L/∂v come from an explicit backward pass through the MLP, and the
 * weight gradients from reverse mode through both passes (`ld-loss.ts`), checked against
 * PyTorch and finite differences. The loss sees only ∇L, so L is learned up to a constant.
 */
export const ldnnTrainNode: NodeType = {
  type: 'mechanics/ldnn-train',
  version: 1,
  title: 'Lagrange–Dirac network',
  category: 'mechanics',
  description:
    'Trains a tanh MLP whose output is the Lagrangian L(q, v) on pendulum trajectories with the ' +
    'Lagrange–Dirac loss ‖ṗ − ∂L/∂q − Σλ∂φ/∂q‖² + ‖p − ∂L/∂v‖² (mean over the batch), by ' +
    'Adam. λ has the generator’s sign: ṗ = ∂L/∂q + Σ_r λ_r ∂φ_r/∂q.',
  inputs: INPUTS,
  // The loss curve first: the canvas previews a node's first output.
  outputs: {
    loss: { type: 'plot', label: 'loss curve' },
    model: { type: 'mechanics-model', label: 'Lagrangian network' }
  },
  params: TRAIN_SPECS,

  async run(inputs, params, context) {
    const model = await trainModel('lagrangian', inputs, params, context);
    return { model, loss: lossPlot(model, 'Lagrange–Dirac loss') };
  }
};

/**
 * Node `mechanics/baseline-train`: the baseline without constraint structure, an MLP
 * (q, v) → q̈ trained by Adam on the mean squared error against the recorded accelerations
 * q̈ = ṗ/m, standardised per component (the loss curve is in those units; the output model
 * has the scaling folded into its last layer). Same layers, batches and optimiser as
 * `mechanics/ldnn-train`.
 */
export const baselineTrainNode: NodeType = {
  type: 'mechanics/baseline-train',
  version: 1,
  title: 'Acceleration baseline',
  category: 'mechanics',
  description:
    'Trains a tanh MLP (q, v) → q̈ on the recorded accelerations by mean squared error: a ' +
    'baseline that knows neither the Lagrangian form nor the constraints.',
  inputs: INPUTS,
  // The loss curve first: the canvas previews a node's first output.
  outputs: {
    loss: { type: 'plot', label: 'loss curve' },
    model: { type: 'mechanics-model', label: 'acceleration network' }
  },
  params: TRAIN_SPECS,

  async run(inputs, params, context) {
    const model = await trainModel('acceleration', inputs, params, context);
    return { model, loss: lossPlot(model, 'Acceleration baseline loss (MSE of standardised q̈)') };
  }
};

import { NodeInputError, type NodeType, type NumberParam } from '../../src/lib/graph/node-type';
import type { Trajectories } from '../../src/lib/graph/values';
import { readNumberParam } from '../topology/params';
import { energyPlot, residualPlot, snapshotPlot } from './pendulum-plots';
import { requireInput } from '../inputs';

const SPECS = {
  trajectory: {
    kind: 'integer',
    default: 1,
    min: 1,
    max: 100_000,
    help: 'Which trajectory to draw, counting from 1.'
  },
  frames: { kind: 'integer', default: 5, min: 1, max: 50, help: 'How many evenly spaced times.' }
} satisfies Record<string, NumberParam>;

/**
 * Node `mechanics/pendulum-view`: draws one trajectory of a double pendulum at a few evenly
 * spaced times, with the energy error of that trajectory and the constraint drift of all.
 */
export const pendulumViewNode: NodeType = {
  type: 'mechanics/pendulum-view',
  version: 1,
  title: 'Pendulum view',
  category: 'mechanics',
  description:
    'Draws a double-pendulum trajectory as snapshots at evenly spaced times, its energy error ' +
    'and the constraint drift per step.',
  inputs: { trajectories: { type: 'trajectories', label: 'trajectories' } },
  outputs: {
    snapshot: { type: 'plot', label: 'snapshot' },
    energy: { type: 'plot', label: 'energy error' },
    residual: { type: 'plot', label: 'constraint drift' }
  },
  params: SPECS,

  async run(inputs, params) {
    const data = requireInput<Trajectories>(inputs, 'trajectories');
    const n = readNumberParam(params, 'trajectory', SPECS.trajectory);
    if (n > data.count) {
      throw new NodeInputError(
        `Param "trajectory" must be at most ${data.count}, the number of trajectories; it is ${n}.`,
        'trajectory'
      );
    }

    const single: Trajectories = { ...data, count: 1, ...slice(data, n - 1) };
    return {
      snapshot: snapshotPlot(data, n - 1, readNumberParam(params, 'frames', SPECS.frames)),
      energy: energyPlot(single, 1),
      residual: residualPlot(data)
    };
  }
};

/** The arrays of trajectory n alone. */
function slice(data: Trajectories, n: number) {
  const samples = data.steps + 1;
  const part = (a: Float64Array, width: number) =>
    a.slice(n * samples * width, (n + 1) * samples * width);
  return {
    q: part(data.q, 4),
    v: part(data.v, 4),
    p: part(data.p, 4),
    pdot: part(data.pdot, 4),
    lambda: part(data.lambda, 2),
    drift: part(data.drift, 1)
  };
}

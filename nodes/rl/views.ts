import { NodeInputError, type NodeType } from '../../src/lib/graph/node-type';
import type { EnvironmentPlot, HeatmapPlot, RlRuns } from '../../src/lib/graph/values';

function readRuns(value: unknown): RlRuns {
  const runs = value as RlRuns | undefined;
  if (!runs || !(runs.meanQ instanceof Float64Array) || !runs.environment) {
    throw new NodeInputError('Input "runs" must be the runs of an agent; found none.', 'runs');
  }
  return runs;
}

/**
 * Node `rl/greedy-path`: the environment with the path an agent's final Q-table (averaged over
 * seeds) follows greedily from the start.
 */
export const greedyPathNode: NodeType = {
  type: 'rl/greedy-path',
  version: 1,
  title: 'Greedy path',
  category: 'reinforcement learning',
  description:
    'Draws the environment with the path the agent’s final Q-table, averaged over seeds, ' +
    'follows greedily from the start.',
  inputs: { runs: { type: 'rl-runs', label: 'runs' } },
  outputs: { plot: { type: 'plot', label: 'plot' } },
  params: { title: { kind: 'text', default: '', help: 'The title; empty names the agent.' } },
  async run(inputs, params) {
    const runs = readRuns(inputs.runs);
    const env = runs.environment;
    const last = runs.greedyPath[runs.greedyPath.length - 1];
    const plot: EnvironmentPlot = {
      kind: 'environment',
      title: String(params.title ?? '').trim() || `Greedy path of ${runs.name}`,
      environment: env,
      path: Int32Array.from(runs.greedyPath),
      notes: [
        env.terminal[last]
          ? `${runs.greedyPath.length - 1} steps from start to goal on ${env.name}`
          : `the greedy path does not reach a goal on ${env.name}`
      ]
    };
    return { plot };
  }
};

/**
 * Node `rl/q-table`: a heatmap of an agent's final Q-table averaged over seeds, one row per
 * state and one column per action; actions a state does not offer are left blank.
 */
export const qTableNode: NodeType = {
  type: 'rl/q-table',
  version: 1,
  title: 'Q-table heatmap',
  category: 'reinforcement learning',
  description:
    'Shows the agent’s final Q-values, averaged over seeds, as a heatmap of states by actions.',
  inputs: { runs: { type: 'rl-runs', label: 'runs' } },
  outputs: { plot: { type: 'plot', label: 'plot' } },
  params: { title: { kind: 'text', default: '', help: 'The title; empty names the agent.' } },
  async run(inputs, params) {
    const runs = readRuns(inputs.runs);
    const env = runs.environment;
    const z = Float64Array.from(runs.meanQ);
    for (let s = 0; s < env.stateCount; s++) {
      for (let a = env.actionsIn[s]; a < env.actionCount; a++) z[s * env.actionCount + a] = NaN;
    }
    const plot: HeatmapPlot = {
      kind: 'heatmap',
      title: String(params.title ?? '').trim() || `Q-values of ${runs.name}`,
      xLabel:
        env.layout.kind === 'grid' ? 'action (0 up, 1 right, 2 down, 3 left)' : 'action (edge out)',
      yLabel: 'state',
      xValues: Array.from({ length: env.actionCount }, (_, a) => a),
      yValues: Array.from({ length: env.stateCount }, (_, s) => s),
      z
    };
    return { plot };
  }
};

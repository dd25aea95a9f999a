import { NodeInputError, type NodeType, type NumberParam } from '../../src/lib/graph/node-type';
import type { LineSeries, LinesPlot, RlRuns } from '../../src/lib/graph/values';
import { readEnumParam, readNumberParam } from '../topology/params';

/** What a learning curve shows per episode. */
export const MEASURES = ['return', 'steps', 'start-max-q'] as const;
export type Measure = (typeof MEASURES)[number];
const LABELS: Record<Measure, string> = {
  return: 'return (sum of rewards)',
  steps: 'steps per episode',
  'start-max-q': 'max Q of the start state'
};
const WINDOW: NumberParam = {
  kind: 'integer',
  default: 1,
  min: 1,
  max: 10_000,
  unit: 'episodes',
  help: 'Each seed’s curve is first averaged over this many episodes (a trailing mean).'
};

/**
 * The mean curve of one measure over seeds with a 95% normal band, mean ± 1.96 · s/√n, where s
 * is the sample standard deviation over the n seeds (no band with one seed). Each seed's curve
 * is first smoothed by a trailing mean over `window` episodes.
 */
export function learningCurve(runs: RlRuns, measure: Measure, window = 1): LineSeries {
  const { seeds: n, episodes } = runs;
  const values =
    measure === 'return' ? runs.returns : measure === 'steps' ? runs.steps : runs.startMaxQ;
  const mean = new Float64Array(episodes);
  const lower = new Float64Array(episodes);
  const upper = new Float64Array(episodes);
  const smooth = new Float64Array(n * episodes);

  for (let s = 0; s < n; s++) {
    let sum = 0;
    for (let e = 0; e < episodes; e++) {
      sum += values[s * episodes + e];
      if (e >= window) sum -= values[s * episodes + e - window];
      smooth[s * episodes + e] = sum / Math.min(e + 1, window);
    }
  }

  for (let e = 0; e < episodes; e++) {
    let sum = 0;
    for (let s = 0; s < n; s++) sum += smooth[s * episodes + e];
    const m = sum / n;
    let squares = 0;
    for (let s = 0; s < n; s++) squares += (smooth[s * episodes + e] - m) ** 2;
    const half = n > 1 ? 1.96 * Math.sqrt(squares / (n - 1) / n) : 0;
    mean[e] = m;
    lower[e] = m - half;
    upper[e] = m + half;
  }

  const x = Float64Array.from({ length: episodes }, (_, e) => e + 1);
  return { name: runs.name, x, mean, lower, upper };
}

function checkRuns(value: unknown, field: string): RlRuns {
  const runs = value as RlRuns | undefined;
  if (!runs || !(runs.returns instanceof Float64Array) || !(runs.seeds >= 1)) {
    throw new NodeInputError(`Input "${field}" must be the runs of an agent; found none.`, field);
  }
  return runs;
}

/**
 * Node `rl/learning-curves`: the mean learning curves of one to three agents (input a, and
 * optionally b and c) in one plot, each with its 95% confidence band over seeds
 * (`learningCurve`): return, steps or the max-Q of the start state per episode.
 */
export const learningCurvesNode: NodeType = {
  type: 'rl/learning-curves',
  version: 1,
  title: 'Learning curves',
  category: 'reinforcement learning',
  description:
    'Plots the mean return, episode length or max-Q of the start state per episode of three ' +
    'agents, each with a 95% confidence band over seeds.',
  inputs: {
    a: { type: 'rl-runs', label: 'agent a' },
    b: { type: 'rl-runs', label: 'agent b', optional: true },
    c: { type: 'rl-runs', label: 'agent c', optional: true }
  },
  outputs: { plot: { type: 'plot', label: 'plot' } },
  params: {
    measure: {
      kind: 'enum',
      default: 'return',
      options: MEASURES,
      help: 'Per episode: the return, the number of steps, or the max-Q of the start state.'
    },
    window: WINDOW,
    title: { kind: 'text', default: 'Learning curves', help: 'The title above the plot.' }
  },

  async run(inputs, params) {
    const measure = readEnumParam(params, 'measure', MEASURES, 'return');
    const window = readNumberParam(params, 'window', WINDOW);
    const fields = (['a', 'b', 'c'] as const).filter((f) => f === 'a' || inputs[f] !== undefined);
    const all = fields.map((field) => checkRuns(inputs[field], field));
    const env = all[0].environment;
    all.forEach((runs, i) => {
      if (runs.environment.name !== env.name || runs.environment.stateCount !== env.stateCount) {
        throw new NodeInputError(
          `Input "${fields[i]}" ran on "${runs.environment.name}", but input "a" ran on ` +
            `"${env.name}"; compare agents on the same environment.`,
          'abc'[i]
        );
      }
    });

    const plot: LinesPlot = {
      kind: 'lines',
      title: String(params.title ?? 'Learning curves'),
      xLabel: 'episode',
      yLabel: LABELS[measure],
      series: all.map((runs) => learningCurve(runs, measure, window)),
      notes: [
        `${env.name}; mean over ${all.map((r) => r.seeds).join(' / ')} seeds, band ±1.96 SE` +
          (window > 1 ? `, trailing mean of ${window} episodes` : '')
      ]
    };
    return { plot };
  }
};

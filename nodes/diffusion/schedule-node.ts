import {
  NodeInputError,
  type NodeType,
  type NumberParam,
  type Params
} from '../../src/lib/graph/node-type';
import type { LinesPlot, Schedule } from '../../src/lib/graph/values';
import { readEnumParam, readNumberParam } from '../topology/params';
import {
  conditionRatio,
  cosineAlphas,
  linearBetaAlphas,
  logLogAlphas,
  makeSchedule
} from './schedule';
import { readNumberList } from './text-params';

const KINDS = ['log-log', 'linear', 'cosine', 'custom'] as const;
type Kind = (typeof KINDS)[number];

const STEPS: NumberParam = {
  kind: 'integer',
  default: 100,
  min: 1,
  max: 100_000,
  unit: 'steps',
  help: 'The number of steps n; a custom list must give exactly n values.'
};
const BETA_MIN: NumberParam = {
  kind: 'number',
  default: 1e-4,
  min: 0,
  max: 0.999,
  help: 'Linear schedule: β_1 = 1 − α_1.'
};
const BETA_MAX: NumberParam = {
  kind: 'number',
  default: 0.02,
  min: 0,
  max: 0.999,
  help: 'Linear schedule: β_n = 1 − α_n.'
};
const OFFSET: NumberParam = {
  kind: 'number',
  default: 0.008,
  min: 0,
  max: 1,
  help: 'Cosine schedule: the offset s.'
};
const RATE: NumberParam = {
  kind: 'number',
  default: 2,
  min: 0.01,
  max: 100,
  help: 'Log-log schedule: c in −log α_i = c log log n / n, so ᾱ_n = (log n)^−c.'
};

/** The α_i of a schedule kind at n steps, from the node's params. */
export function scheduleAlphas(kind: Kind, n: number, params: Params): Float64Array {
  if (kind === 'linear') {
    return linearBetaAlphas(
      n,
      readNumberParam(params, 'betaMin', BETA_MIN),
      readNumberParam(params, 'betaMax', BETA_MAX)
    );
  }
  if (kind === 'cosine') return cosineAlphas(n, readNumberParam(params, 'offset', OFFSET));
  if (kind === 'log-log') return logLogAlphas(n, readNumberParam(params, 'rate', RATE));

  const alphas = readNumberList(params, 'alphas', '');
  if (alphas.length !== n) {
    throw new NodeInputError(
      `Param "alphas" lists ${alphas.length} values but "steps" is ${n}; give exactly one α ` +
        'per step.',
      'alphas'
    );
  }
  return Float64Array.from(alphas);
}

function alphaPlot(schedule: Schedule): LinesPlot {
  const x = Float64Array.from(schedule.alphas, (_, k) => k + 1);
  return {
    kind: 'lines',
    title: `Schedule: ${schedule.name}, n = ${schedule.alphas.length}`,
    xLabel: 'step i',
    yLabel: 'α_i, ᾱ_i',
    series: [
      { name: 'α_i', x, mean: schedule.alphas },
      { name: 'ᾱ_i', x, mean: schedule.alphaBars }
    ],
    notes: [`ᾱ_n = ${schedule.alphaBars[schedule.alphaBars.length - 1].toPrecision(3)}`]
  };
}

function conditionPlot(kind: Kind, n: number, params: Params, schedule: Schedule): LinesPlot {
  const grid = kind === 'custom' ? [n] : [10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];
  const ratios = grid.map((m) => (m < 3 ? NaN : conditionRatio(scheduleAlphas(kind, m, params))));
  const here = conditionRatio(schedule.alphas);
  return {
    kind: 'lines',
    title: 'Schedule condition: n · (−log min α_i) / log log n',
    xLabel: 'log10 n',
    yLabel: 'n · (−log min α_i) / log log n',
    series: [
      {
        name: schedule.name,
        x: Float64Array.from(grid, Math.log10),
        mean: Float64Array.from(ratios)
      }
    ],
    notes: [`At n = ${n}: ${here.toPrecision(3)}; the condition holds when this stays bounded.`]
  };
}

/**
 * Node `diffusion/schedule`: a noise schedule α_1..α_n (linear β, cosine, the log-log family
 * that meets the condition −log min α_i = O(log log n / n), or a custom list), with
 * plots of α_i and ᾱ_i and of the condition's ratio n · (−log min α_i) / log log n over n.
 */
export const scheduleNode: NodeType = {
  type: 'diffusion/schedule',
  version: 1,
  title: 'Noise schedule',
  category: 'diffusion',
  description:
    'Makes the α_i of a DDPM noise schedule (log-log family, linear β, cosine or a custom ' +
    'list), with plots of α_i, ᾱ_i and the convergence condition over n.',
  inputs: {},
  outputs: {
    schedule: { type: 'schedule', label: 'schedule' },
    plot: { type: 'plot', label: 'α_i and ᾱ_i' },
    condition: { type: 'plot', label: 'condition over n' }
  },
  params: {
    kind: {
      kind: 'enum',
      default: 'log-log',
      options: KINDS,
      help:
        'log-log: constant α with ᾱ_n = (log n)^−c; ' +
        'linear β; cosine; ' +
        'custom: the list below.'
    },
    steps: STEPS,
    rate: RATE,
    betaMin: BETA_MIN,
    betaMax: BETA_MAX,
    offset: OFFSET,
    alphas: { kind: 'text', default: '', help: 'Custom schedule: α_1..α_n separated by commas.' }
  },

  async run(_inputs, params) {
    const kind = readEnumParam(params, 'kind', KINDS, 'log-log');
    const n = readNumberParam(params, 'steps', STEPS);

    const field = kind === 'custom' ? 'alphas' : kind === 'linear' ? 'betaMax' : 'steps';
    const schedule = makeSchedule(kind, scheduleAlphas(kind, n, params), field);
    return {
      schedule,
      plot: alphaPlot(schedule),
      condition: conditionPlot(kind, n, params, schedule)
    };
  }
};

import {
  NodeInputError,
  type NodeType,
  type NumberParam,
  type Params
} from '../../src/lib/graph/node-type';
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
const Y_RANGES = ['auto', 'clip', 'fixed'] as const;
const CLIP_PERCENT: NumberParam = {
  kind: 'number',
  default: 5,
  min: 0,
  max: 49,
  unit: '%',
  help: 'With y range "clip": the share of the lowest and of the highest mean points left out.'
};
const Y_BOUND = (which: string): NumberParam => ({
  kind: 'number',
  default: which === 'lowest' ? -100 : 0,
  min: -1e12,
  max: 1e12,
  help: `With y range "fixed": the ${which} y value shown.`
});

/** The p-th percentile (0..100) of sorted values, by linear interpolation. */
function percentile(sorted: Float64Array, p: number): number {
  const at = (p / 100) * (sorted.length - 1);
  const i = Math.floor(at);
  return i + 1 < sorted.length ? sorted[i] + (at - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
}

/**
 * The y range of a "clip" plot: from the `p`-th to the (100 − p)-th percentile of every mean
 * point of every curve, widened by 5% on each side but not past the data, so that a few
 * early episodes far below the rest (cliff walking's first returns near −2000) no longer
 * squeeze the plateaus that follow into a thin line.
 */
export function clippedRange(series: LineSeries[], p: number): [number, number] {
  const values = Float64Array.from(series.flatMap((s) => Array.from(s.mean))).filter(
    Number.isFinite
  );
  if (values.length === 0) return [0, 1];
  values.sort();
  const [lo, hi] = [percentile(values, p), percentile(values, 100 - p)];
  const pad = (hi - lo) * 0.05 || Math.abs(hi) * 0.05 || 1;
  return [Math.max(values[0], lo - pad), Math.min(values[values.length - 1], hi + pad)];
}

/**
 * The most episodes a curve draws. A run of a million episodes gave a 93 MB SVG per plot;
 * past this many, evenly spaced episodes (the last one always among them) are drawn.
 */
export const MAX_CURVE_POINTS = 2000;

/** The series at evenly spaced points, at most `max` of them, keeping the first and last. */
export function thinSeries(series: LineSeries, max = MAX_CURVE_POINTS): LineSeries {
  const count = series.x.length;
  if (count <= max) return series;
  const pick = (v: Float64Array) =>
    Float64Array.from({ length: max }, (_, k) => v[Math.round((k * (count - 1)) / (max - 1))]);
  return {
    name: series.name,
    x: pick(series.x),
    mean: pick(series.mean),
    ...(series.lower ? { lower: pick(series.lower) } : {}),
    ...(series.upper ? { upper: pick(series.upper) } : {})
  };
}

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
  // One running sum per seed, not a smoothed copy of every curve: seeds × episodes may reach
  // 50 million, and a copy of that size would double the memory of the run.
  const sums = new Float64Array(n);
  const smooth = new Float64Array(n);

  for (let e = 0; e < episodes; e++) {
    let sum = 0;
    for (let s = 0; s < n; s++) {
      sums[s] += values[s * episodes + e];
      if (e >= window) sums[s] -= values[s * episodes + e - window];
      smooth[s] = sums[s] / Math.min(e + 1, window);
      sum += smooth[s];
    }
    const m = sum / n;
    let squares = 0;
    for (let s = 0; s < n; s++) squares += (smooth[s] - m) ** 2;
    const half = n > 1 ? 1.96 * Math.sqrt(squares / (n - 1) / n) : 0;
    mean[e] = m;
    lower[e] = m - half;
    upper[e] = m + half;
  }

  const x = Float64Array.from({ length: episodes }, (_, e) => e + 1);
  return { name: runs.name, x, mean, lower, upper };
}

function readYRange(params: Params, series: LineSeries[]): [number, number] | undefined {
  const mode = readEnumParam(params, 'yRange', Y_RANGES, 'auto');
  if (mode === 'auto') return undefined;
  if (mode === 'clip')
    return clippedRange(series, readNumberParam(params, 'clipPercent', CLIP_PERCENT));

  const yMin = readNumberParam(params, 'yMin', Y_BOUND('lowest'));
  const yMax = readNumberParam(params, 'yMax', Y_BOUND('highest'));
  if (!(yMin < yMax)) {
    throw new NodeInputError(
      `Param "yMax" (${yMax}) must be above "yMin" (${yMin}) for a fixed y range.`,
      'yMax'
    );
  }
  return [yMin, yMax];
}

/** A note saying how many mean points lie outside the y range shown. */
function outsideNote(series: LineSeries[], [lo, hi]: [number, number]): string {
  let outside = 0;
  let total = 0;
  for (const s of series) {
    for (const v of s.mean) {
      total++;
      if (v < lo || v > hi) outside++;
    }
  }
  const range = `${+lo.toPrecision(4)} to ${+hi.toPrecision(4)}`;
  return `y from ${range}, ${outside} of ${total} points cut off`;
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
    yRange: {
      kind: 'enum',
      default: 'auto',
      options: Y_RANGES,
      help: 'The y axis: fit every point (auto), leave out the extremes (clip), or yMin..yMax.'
    },
    clipPercent: CLIP_PERCENT,
    yMin: Y_BOUND('lowest'),
    yMax: Y_BOUND('highest'),
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

    const series = all.map((runs) => thinSeries(learningCurve(runs, measure, window)));
    // Two short lines rather than one long one, so that they fit the plot's width.
    const seeds = `${all.map((r) => r.seeds).join(' / ')} seeds`;
    const notes = [
      `${env.name}; mean over ${seeds}` + (window > 1 ? `, ${window}-episode trailing mean` : '')
    ];
    const yRange = readYRange(params, series);
    notes.push('band ±1.96 SE' + (yRange ? `; ${outsideNote(series, yRange)}` : ''));
    const episodes = all.reduce((most, runs) => Math.max(most, runs.episodes), 0);
    if (episodes > MAX_CURVE_POINTS) {
      notes.push(`${MAX_CURVE_POINTS} evenly spaced episodes of ${episodes} drawn`);
    }
    const plot: LinesPlot = {
      kind: 'lines',
      title: String(params.title ?? 'Learning curves'),
      xLabel: 'episode',
      yLabel: LABELS[measure],
      series,
      ...(yRange ? { yRange } : {}),
      notes
    };
    return { plot };
  }
};

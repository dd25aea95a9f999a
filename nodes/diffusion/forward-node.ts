import { NodeInputError, type NodeType } from '../../src/lib/graph/node-type';
import type { Plot, Samples, Schedule } from '../../src/lib/graph/values';
import { normalSource } from './normal';
import { Pacer } from '../pace';
import { MAX_SCATTER_POINTS, shownRows, thinningNotes } from './thin';
import { histogram } from './samples-plot';
import { readStepList } from './trajectories';
import { requireInput } from '../inputs';

/**
 * Runs the forward process x_i = √α_i x_{i−1} + √(1−α_i) Z_i from the data x₀ and keeps
 * the points at the chosen steps (sorted from n down to 0), one array per step.
 */
export async function forwardSnapshots(
  data: Samples,
  schedule: Schedule,
  steps: number[],
  normal: () => number,
  pacer: Pacer = new Pacer()
): Promise<Map<number, Float64Array>> {
  const x = Float64Array.from(data.points);
  const kept = new Map<number, Float64Array>();
  const last = steps.reduce((most, i) => Math.max(most, i), 0);
  if (steps.includes(0)) kept.set(0, Float64Array.from(x));

  for (let i = 1; i <= last; i++) {
    await pacer.tick(i / last);
    const a = schedule.alphas[i - 1];
    const keep = Math.sqrt(a);
    const spread = Math.sqrt(1 - a);
    for (let k = 0; k < x.length; k++) x[k] = keep * x[k] + spread * normal();
    if (steps.includes(i)) kept.set(i, Float64Array.from(x));
  }
  return kept;
}

/** Up to five steps spread over 0..n: 0, n/10, n/4, n/2 and n, rounded, without repeats. */
function defaultSteps(n: number): number[] {
  return [...new Set([n, Math.round(n / 2), Math.round(n / 4), Math.round(n / 10), 0])];
}

function snapshotPlot(dim: number, steps: number[], kept: Map<number, Float64Array>): Plot {
  const ordered = [...steps].sort((a, b) => a - b);
  if (dim === 1) {
    const series = ordered.map((i) => ({ ...histogram(kept.get(i)!, 50, `i = ${i}`).series[0] }));
    return {
      kind: 'lines',
      title: 'Forward process: density of x_i',
      xLabel: 'x',
      yLabel: 'density',
      series
    };
  }

  // Noisiest first, so the data (i = 0) is drawn on top of the wider clouds.
  ordered.reverse();
  const total = kept.get(ordered[0])!.length / dim;
  const rows = shownRows(total, Math.floor(MAX_SCATTER_POINTS / ordered.length));
  const count = rows.length;
  const x = new Float64Array(count * ordered.length);
  const y = new Float64Array(x.length);
  const groups = new Uint8Array(x.length);
  ordered.forEach((i, g) => {
    const points = kept.get(i)!;
    for (let k = 0; k < count; k++) {
      x[g * count + k] = points[rows[k] * dim];
      y[g * count + k] = points[rows[k] * dim + 1];
      groups[g * count + k] = g;
    }
  });
  const notes = thinningNotes(count, total).map((note) => `${note} per step`);
  return {
    kind: 'scatter',
    title: 'Forward process: x_i at chosen steps',
    xLabel: 'x₁',
    yLabel: 'x₂',
    x,
    y,
    groups,
    groupNames: ordered.map((i) => `i = ${i}`),
    ...(notes.length ? { notes } : {})
  };
}

/**
 * Node `diffusion/forward`: the forward (noising) process of issue 5 run on the data with a
 * schedule, drawn at a few chosen steps i: densities in 1-D, coloured scatters in 2-D.
 */
export const forwardNode: NodeType = {
  type: 'diffusion/forward',
  version: 1,
  title: 'Forward process view',
  category: 'diffusion',
  description:
    'Noises the data by x_i = √α_i x_{i−1} + √(1−α_i) Z_i and draws the points at chosen ' +
    'steps i, so one sees the data law melt into N(0, I).',
  inputs: {
    data: { type: 'samples', label: 'data' },
    schedule: { type: 'schedule', label: 'schedule' }
  },
  outputs: { plot: { type: 'plot', label: 'x_i at chosen steps' } },
  params: {
    steps: {
      kind: 'text',
      default: '',
      help: 'Steps i to draw, at most 5, e.g. "0, 10, 50, 100"; empty: 0, n/10, n/4, n/2, n.'
    }
  },

  async run(inputs, params, context) {
    const data = inputs.data as Samples | undefined;
    if (!data || data.count < 1) {
      throw new NodeInputError('Input "data" must hold at least one point; found none.', 'data');
    }
    const schedule = requireInput<Schedule>(inputs, 'schedule');
    if (!data.points.every(Number.isFinite)) {
      throw new NodeInputError('Input "data" must hold finite numbers; it holds NaN.', 'data');
    }

    const n = schedule.alphas.length;
    const text = String(params.steps ?? '');
    const steps = text.trim() === '' ? defaultSteps(n) : readStepList(text, n, 'steps');
    if (steps.length > 5) {
      throw new NodeInputError(
        `Param "steps" lists ${steps.length} steps; the view draws at most 5.`,
        'steps'
      );
    }
    const pacer = new Pacer(context.signal, context.progress);
    const kept = await forwardSnapshots(data, schedule, steps, normalSource(context.random), pacer);
    context.progress(1);
    return { plot: snapshotPlot(data.dim, steps, kept) };
  }
};

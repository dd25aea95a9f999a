import { NodeInputError, type NodeType, type NumberParam } from '../../src/lib/graph/node-type';
import type { LinesPlot, Plot, Samples } from '../../src/lib/graph/values';
import { readNumberParam } from '../topology/params';
import { shownRows, thinningNotes } from './thin';
import { requireInput } from '../inputs';

const BINS: NumberParam = {
  kind: 'integer',
  default: 60,
  min: 2,
  max: 1000,
  unit: 'bins',
  help: '1-D samples: the number of histogram bins.'
};

/** A density histogram of 1-D samples over `bins` equal bins between the extremes. */
export function histogram(values: Float64Array, bins: number, title: string): LinesPlot {
  const lo = values.reduce((m, v) => Math.min(m, v), Infinity);
  const hi = values.reduce((m, v) => Math.max(m, v), -Infinity);
  const width = (hi - lo) / bins || 1;
  const counts = new Float64Array(bins);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;

  const x = Float64Array.from({ length: bins }, (_, b) => lo + (b + 0.5) * width);
  const mean = counts.map((c) => c / (values.length * width));
  return {
    kind: 'lines',
    title,
    xLabel: 'x',
    yLabel: 'density',
    series: [{ name: title, x, mean }]
  };
}

/**
 * Node `diffusion/samples-plot`: a view of samples, a scatter of the first two coordinates, or
 * a density histogram when the samples are 1-D.
 */
export const samplesPlotNode: NodeType = {
  type: 'diffusion/samples-plot',
  version: 1,
  title: 'Samples plot',
  category: 'diffusion',
  description:
    'Draws samples: a scatter plot of the first two coordinates, or a density histogram in 1-D.',
  inputs: { samples: { type: 'samples', label: 'samples' } },
  outputs: { plot: { type: 'plot', label: 'plot' } },
  params: {
    title: { kind: 'text', default: 'Samples', help: 'The title above the plot.' },
    bins: BINS
  },

  async run(inputs, params) {
    const samples = requireInput<Samples>(inputs, 'samples');
    const title = String(params.title ?? 'Samples');
    const bad = samples.points.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      throw new NodeInputError(
        `Input "samples" must hold finite numbers; point ${Math.floor(bad / samples.dim)} has ` +
          `${samples.points[bad]}.`,
        'samples'
      );
    }

    if (samples.dim === 1) {
      return { plot: histogram(samples.points, readNumberParam(params, 'bins', BINS), title) };
    }
    const rows = shownRows(samples.count);
    const column = (j: number) =>
      Float64Array.from(rows, (p) => samples.points[p * samples.dim + j]);
    const notes = thinningNotes(rows.length, samples.count);
    const plot: Plot = {
      kind: 'scatter',
      title,
      xLabel: 'x₁',
      yLabel: 'x₂',
      x: column(0),
      y: column(1),
      ...(notes.length ? { notes } : {})
    };
    return { plot };
  }
};

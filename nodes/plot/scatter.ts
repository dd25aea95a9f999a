import { NodeInputError, type NodeType } from '../../src/lib/graph/node-type';
import type { ScatterPlot } from '../../src/lib/graph/values';

/**
 * A scatter plot of two equally long series, such as per-pair distances against the human
 * similarity scores. The chart description is drawn as SVG by src/lib/plot in the editor and
 * by the command line alike.
 */
export const scatterNode: NodeType = {
  type: 'plot/scatter',
  version: 1,
  title: 'Scatter plot',
  category: 'plot',
  description: 'Plots one series of numbers against another, one dot per item.',
  inputs: {
    x: { type: 'numbers', label: 'x' },
    y: { type: 'numbers', label: 'y' }
  },
  outputs: { plot: { type: 'plot', label: 'plot' } },
  params: {
    title: { kind: 'text', default: 'Scatter plot', help: 'The title above the plot.' },
    xLabel: { kind: 'text', default: 'x', help: 'The label of the horizontal axis.' },
    yLabel: { kind: 'text', default: 'y', help: 'The label of the vertical axis.' }
  },
  async run(inputs, params) {
    const x = inputs.x as Float64Array;
    const y = inputs.y as Float64Array;
    if (x.length !== y.length) {
      throw new NodeInputError(
        `The inputs must be equally long; x has ${x.length} values and y has ${y.length}.`,
        'inputs.y'
      );
    }
    const plot: ScatterPlot = {
      kind: 'scatter',
      title: String(params.title),
      xLabel: String(params.xLabel),
      yLabel: String(params.yLabel),
      x: Float64Array.from(x),
      y: Float64Array.from(y)
    };
    return { plot };
  }
};

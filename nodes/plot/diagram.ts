import { NodeInputError, type NodeType, type NumberParam } from '../../src/lib/graph/node-type';
import type { DiagramPairs, DiagramPlot, BarcodePlot } from '../../src/lib/graph/values';
import { checkDiagram } from '../topology/diagram-points';
import { listLengths } from '../topology/pair-loop';
import { readEnumParam, readNumberParam } from '../topology/params';

const WHICH = ['first', 'second'] as const;
const STYLES = ['diagram', 'barcode'] as const;
const INDEX: NumberParam = {
  kind: 'integer',
  default: 0,
  min: 0,
  max: 1_000_000,
  help: 'Which diagram of the chosen list to draw, counting from 0 (the pair number).'
};

/**
 * Node `plot/diagram`: draws one persistence diagram of the input, chosen by list (`which`) and
 * position (`index`), as a diagram (birth against death, with the diagonal and a line for
 * points at infinity) or a barcode, one colour per homology dimension. Drawn by src/lib/plot.
 */
export const diagramPlotNode: NodeType = {
  type: 'plot/diagram',
  version: 1,
  title: 'Diagram plot',
  category: 'plot',
  description:
    'Draws one persistence diagram as birth against death (with the diagonal and a line for ' +
    'points at infinity) or as a barcode, one colour per homology dimension.',
  inputs: { diagrams: { type: 'diagram-pairs', label: 'diagrams' } },
  outputs: { plot: { type: 'plot', label: 'plot' } },
  params: {
    which: {
      kind: 'enum',
      default: 'first',
      options: WHICH,
      help: 'The list to draw from: the first or second diagram of each pair.'
    },
    index: INDEX,
    style: {
      kind: 'enum',
      default: 'diagram',
      options: STYLES,
      help: 'Birth against death ("diagram") or one bar per point ("barcode").'
    },
    title: {
      kind: 'text',
      default: '',
      help: 'The title above the plot; empty gives "Persistence diagram (first 0)" and the like.'
    }
  },

  async run(inputs, params) {
    const which = readEnumParam(params, 'which', WHICH, 'first');
    const style = readEnumParam(params, 'style', STYLES, 'diagram');
    const index = readNumberParam(params, 'index', INDEX);
    const lengths = listLengths(inputs.diagrams, 'diagrams');
    const available = lengths[which];
    if (index >= available) {
      const unpaired = which === 'second' && available === 0 && lengths.first > 0;
      throw new NodeInputError(
        `Param "index" must be below the number of ${which} diagrams, ${available}; found ` +
          `${index}.` +
          (unpaired ? ' The diagrams are not paired: choose "first" for "which".' : ''),
        unpaired ? 'which' : 'index'
      );
    }

    const diagram = (inputs.diagrams as DiagramPairs)[which][index];
    const label = `${which} ${index}`;
    checkDiagram(diagram, 'diagrams', `diagram "${label}"`);
    const name = style === 'diagram' ? 'Persistence diagram' : 'Persistence barcode';
    const title =
      typeof params.title === 'string' && params.title.trim() !== '' ? params.title : '';
    const plot: DiagramPlot | BarcodePlot = {
      kind: style,
      title: title || `${name} (${label})`,
      diagram
    };
    return { plot };
  }
};

import { NodeInputError, type NodeType } from '../../src/lib/graph/node-type';
import type { Diagram, DiagramPairs, Matrix } from '../../src/lib/graph/values';
import { bottleneckDistance } from './bottleneck';
import { checkDiagram } from './diagram-points';
import { forEachPair, listLengths } from './pair-loop';
import { readEnumParam, readNumberParam } from './params';
import { DIMENSIONS, GROUNDS, ORDER, wassersteinDistance } from './wasserstein';

const DISTANCES = ['wasserstein', 'bottleneck'] as const;

/** The distance between two diagrams, as `diagramDistanceMatrix` computes every entry. */
export type DiagramDistance = (a: Diagram, b: Diagram) => number;

/**
 * The labelled list of every diagram of a diagram-pairs value: first[0..], then second[0..],
 * labelled "first i" and "second i".
 */
export function labelledDiagrams(diagrams: DiagramPairs): { items: Diagram[]; labels: string[] } {
  const items = [...diagrams.first, ...diagrams.second];
  const labels = [
    ...diagrams.first.map((_, i) => `first ${i}`),
    ...diagrams.second.map((_, i) => `second ${i}`)
  ];
  return { items, labels };
}

/**
 * Node `topology/distance-matrix`: the distance between every two diagrams of the input, first
 * and second lists together (first ++ second), as a symmetric matrix with zeros on the diagonal
 * and rows labelled "first i" and "second i". The input need not be paired. The distance is the
 * Wasserstein distance of `topology/wasserstein` (order p, ground metric, dimension) or the
 * bottleneck distance of `topology/bottleneck`; k diagrams take k(k − 1)/2 distances.
 */
export const distanceMatrixNode: NodeType = {
  type: 'topology/distance-matrix',
  version: 1,
  title: 'Diagram distance matrix',
  category: 'topology',
  description:
    'Computes the Wasserstein or bottleneck distance between every two persistence diagrams ' +
    '(first and second lists together), as a symmetric matrix. The input need not be paired.',
  inputs: { diagrams: { type: 'diagram-pairs', label: 'diagrams' } },
  outputs: { matrix: { type: 'matrix', label: 'distances' } },
  params: {
    distance: {
      kind: 'enum',
      default: 'wasserstein',
      options: DISTANCES,
      help: 'Wasserstein (order p, ground metric) or bottleneck (L∞ ground metric).'
    },
    order: { ...ORDER, help: 'Order p of the Wasserstein distance; the bottleneck ignores it.' },
    ground: {
      kind: 'enum',
      default: 'linf',
      options: GROUNDS,
      help: 'Distance between two diagram points: L∞ (as GUDHI) or L2 (Wasserstein only).'
    },
    dimension: {
      kind: 'enum',
      default: 'all',
      options: DIMENSIONS,
      help: 'Homology dimension to compare; "all" combines every dimension.'
    }
  },

  async run(inputs, params, context) {
    const kind = readEnumParam(params, 'distance', DISTANCES, 'wasserstein');
    const order = readNumberParam(params, 'order', ORDER);
    const ground = readEnumParam(params, 'ground', GROUNDS, 'linf');
    const choice = readEnumParam(params, 'dimension', DIMENSIONS, 'all');
    const dimension = choice === 'all' ? 'all' : Number(choice);
    if (kind === 'bottleneck' && ground !== 'linf') {
      throw new NodeInputError(
        'Param "ground" must be "linf" for the bottleneck distance, which is defined with the ' +
          'L∞ ground metric only; found "l2". Choose "linf" or the Wasserstein distance.',
        'ground'
      );
    }

    listLengths(inputs.diagrams, 'diagrams');
    const { items, labels } = labelledDiagrams(inputs.diagrams as DiagramPairs);
    items.forEach((d, k) => checkDiagram(d, 'diagrams', `diagram "${labels[k]}"`));
    const distance: DiagramDistance =
      kind === 'bottleneck'
        ? (a, b) => bottleneckDistance(a, b, dimension)
        : (a, b) => wassersteinDistance(a, b, { order, ground, dimension });

    const matrix = await diagramDistanceMatrix(items, distance, context);
    return { matrix: { ...matrix, labels } satisfies Matrix };
  }
};

/**
 * Fills the symmetric matrix of `distance` between every two of `items`, one entry above the
 * diagonal per step of the pair loop (so cancel and progress work however large it is).
 */
async function diagramDistanceMatrix(
  items: Diagram[],
  distance: DiagramDistance,
  context: Parameters<NodeType['run']>[2]
): Promise<{ size: number; values: Float64Array }> {
  const size = items.length;
  const values = new Float64Array(size * size);
  let row = 0;
  let column = 0;

  await forEachPair((size * (size - 1)) / 2, context, () => {
    column++;
    if (column >= size) {
      row++;
      column = row + 1;
    }
    const value = distance(items[row], items[column]);
    values[row * size + column] = value;
    values[column * size + row] = value;
  });

  return { size, values };
}

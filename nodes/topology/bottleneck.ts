import type { NodeType } from '../../src/lib/graph/node-type';
import type { Diagram } from '../../src/lib/graph/values';
import { essentialGaps, pairDistances, splitPoints, type DiagramPart } from './diagram-points';
import { readEnumParam } from './params';
import { hasOneBirth, lineBottleneck } from './line-matching';
import { hasPerfectMatching } from './perfect-matching';
import type { MatchingMethod } from './wasserstein';

const DIMENSIONS = ['all', '0', '1', '2'] as const;

/**
 * The bottleneck distance between the points of dimension `dim` of two diagrams (Cohen-Steiner,
 * Edelsbrunner and Harer 2007), exact, with the L∞ ground metric of GUDHI's
 * `bottleneck_distance(X, Y, e=0)`: the smallest δ such that some matching moves every point
 * by at most δ, where a point may be matched to one of the other diagram (cost max(|b − b′|,
 * |d − d′|)) or to the diagonal (cost (d − b)/2).
 *
 * Points at infinity follow GUDHI: essential points (death Infinity) are matched only among
 * themselves, by sorted birth, at cost |b − b′|, and the distance is Infinity when the two
 * diagrams hold different numbers of them.
 *
 * Finite points: δ is one of the costs above, so the costs are sorted and a binary search keeps
 * the smallest one at which the graph of moves of cost ≤ δ (with the diagonal slots of the
 * Wasserstein matching) has a perfect matching (Hopcroft–Karp). O(k² log k · √k) for k
 * points.
 * When each diagram's finite points share one birth (dimension 0 of a Rips diagram), method
 * 'auto' takes the exact O(n·m) matching on a line of `lineBottleneck` instead.
 */
export function bottleneckOfDimension(
  a: Diagram,
  b: Diagram,
  dim: number,
  method: MatchingMethod = 'auto'
): number {
  const pa = splitPoints(a, dim);
  const pb = splitPoints(b, dim);
  const gaps = essentialGaps(pa, pb);
  if (!gaps) return Infinity;
  const essential = gaps.reduce((m, g) => Math.max(m, g), 0);

  const onLines = method === 'auto' && hasOneBirth(pa) && hasOneBirth(pb);
  return Math.max(essential, onLines ? lineBottleneck(pa, pb) : finiteBottleneck(pa, pb));
}

/**
 * The bottleneck distance between two diagrams, in their units: for one dimension
 * `bottleneckOfDimension`, for 'all' the largest of the distances of the dimensions present in
 * either diagram (points never change dimension, so this is the distance of the diagrams as
 * one object; GUDHI computes one dimension at a time).
 */
export function bottleneckDistance(a: Diagram, b: Diagram, dimension: 'all' | number): number {
  const dims = dimension === 'all' ? [...new Set([...a.dimension, ...b.dimension])] : [dimension];

  let largest = 0;
  for (const dim of dims) largest = Math.max(largest, bottleneckOfDimension(a, b, dim));
  return largest;
}

/** The bottleneck distance between the finite points of two diagram parts. */
function finiteBottleneck(pa: DiagramPart, pb: DiagramPart): number {
  const n = pa.birth.length;
  const m = pb.birth.length;
  const gap = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const db = Math.abs(pa.birth[i] - pb.birth[j]);
      const dd = Math.abs(pa.death[i] - pb.death[j]);
      gap[i * m + j] = Math.max(db, dd);
    }
  }
  const reachA = pa.birth.map((birth, i) => (pa.death[i] - birth) / 2);
  const reachB = pb.birth.map((birth, j) => (pb.death[j] - birth) / 2);

  const candidates = Float64Array.from([0, ...gap, ...reachA, ...reachB]).sort();
  let low = 0;
  let high = candidates.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (feasible(candidates[middle], gap, reachA, reachB)) high = middle;
    else low = middle + 1;
  }

  return candidates[low];
}

/**
 * Whether every point can move by at most `delta`: a perfect matching in the graph whose rows
 * are the n points of A then m diagonal slots, and whose columns are the m points of B then n
 * diagonal slots. Point i of A joins point j of B when their gap is ≤ delta and its own slot
 * m + i when its reach to the diagonal is; slot n + j joins point j of B likewise and every
 * slot of A (diagonal to diagonal costs nothing).
 */
function feasible(delta: number, gap: Float64Array, reachA: number[], reachB: number[]) {
  const n = reachA.length;
  const m = reachB.length;
  const start = new Int32Array(n + m + 1);
  const columns: number[] = [];

  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) if (gap[i * m + j] <= delta) columns.push(j);
    if (reachA[i] <= delta) columns.push(m + i);
    start[i + 1] = columns.length;
  }
  for (let j = 0; j < m; j++) {
    if (reachB[j] <= delta) columns.push(j);
    for (let i = 0; i < n; i++) columns.push(m + i);
    start[n + j + 1] = columns.length;
  }

  return hasPerfectMatching({ size: n + m, start, columns: Int32Array.from(columns) });
}

/**
 * Node `topology/bottleneck`: the exact bottleneck distance between the two diagrams of each
 * pair (`bottleneckDistance`), one number per pair.
 */
export const bottleneckNode: NodeType = {
  type: 'topology/bottleneck',
  version: 1,
  title: 'Bottleneck distance',
  category: 'topology',
  description:
    'Computes the exact bottleneck distance (L∞ ground metric) between the two persistence ' +
    'diagrams of each pair. Points at infinity are matched by sorted birth, as in GUDHI.',
  inputs: { diagrams: { type: 'diagram-pairs', label: 'diagrams' } },
  outputs: { distances: { type: 'numbers', label: 'distances' } },
  params: {
    dimension: {
      kind: 'enum',
      default: 'all',
      options: DIMENSIONS,
      help: 'Homology dimension to compare; "all" takes the largest distance over dimensions.'
    }
  },

  async run(inputs, params, context) {
    const choice = readEnumParam(params, 'dimension', DIMENSIONS, 'all');
    const dimension = choice === 'all' ? 'all' : Number(choice);
    const distances = await pairDistances(inputs.diagrams, context, (a, b) =>
      bottleneckDistance(a, b, dimension)
    );

    return { distances };
  }
};

import type { NodeType, NumberParam } from '../../src/lib/graph/node-type';
import type { Diagram } from '../../src/lib/graph/values';
import { essentialGaps, pairDistances, splitPoints, type DiagramPart } from './diagram-points';
import { hasOneBirth, lineWassersteinPower } from './line-matching';
import { solveAssignment } from './matching';
import { readEnumParam, readNumberParam } from './params';

/** The order param of Wasserstein distances: p ≥ 1. */
export const ORDER: NumberParam = {
  kind: 'number',
  default: 1,
  min: 1,
  max: 50,
  help:
    'Order p of the Wasserstein distance (1 = earth mover, larger weighs long moves more; ' +
    'for p beyond 50 use the bottleneck distance, its limit).'
};
/** The ground metrics between diagram points. */
export const GROUNDS = ['linf', 'l2'] as const;
/** The choices of the dimension param: one homology dimension or all of them. */
export const DIMENSIONS = ['all', '0', '1', '2'] as const;

/** The ground metric between diagram points: L∞ (GUDHI's default internal_p = inf) or L2. */
export type Ground = (typeof GROUNDS)[number];

/**
 * How finite points are matched: 'auto' takes the O(n·m) matching on a line when each
 * diagram's points share one birth (dimension 0 of a Rips diagram) and the optimal assignment
 * otherwise; 'assignment' always takes the assignment (for tests and benchmarks).
 */
export type MatchingMethod = 'auto' | 'assignment';

/** Options of `wassersteinDistance`. */
export interface WassersteinOptions {
  /** The order p ≥ 1. */
  order: number;
  ground: Ground;
  /** One homology dimension, or 'all' to combine every dimension present. */
  dimension: 'all' | number;
}

/**
 * The p-th power of the Wasserstein distance between the points of dimension `dim` of two
 * diagrams; Infinity when they hold different numbers of essential points (death Infinity).
 *
 * Finite points: an exact optimal matching in which a point may also go to the diagonal, by
 * optimal assignment on the (n+m)×(n+m) matrix whose extra rows and columns are diagonal
 * slots (point to point: ground distance^p; point to slot: distance to the diagonal^p, which
 * is (death − birth)/2 under L∞ and (death − birth)/√2 under L2; slot to slot: 0).
 * When each diagram's finite points share one birth, the same optimum comes in O(n·m) from
 * `lineWassersteinPower` (method 'auto').
 * Essential points: as in gudhi.wasserstein.wasserstein_distance, they are matched among
 * themselves by sorted birth, at cost |birth − birth′|^p.
 */
export function wassersteinPower(
  a: Diagram,
  b: Diagram,
  dim: number,
  order: number,
  ground: Ground,
  method: MatchingMethod = 'auto'
): number {
  const pa = splitPoints(a, dim);
  const pb = splitPoints(b, dim);
  const gaps = essentialGaps(pa, pb);
  if (!gaps) return Infinity;
  const total = gaps.reduce((sum, g) => sum + g ** order, 0);

  if (method === 'auto' && hasOneBirth(pa) && hasOneBirth(pb)) {
    return total + lineWassersteinPower(pa, pb, order, ground);
  }
  const size = pa.birth.length + pb.birth.length;
  return total + solveAssignment(augmentedCost(pa, pb, order, ground), size).cost;
}

/**
 * The (n+m)×(n+m) cost matrix of the matching with the diagonal, row-major: rows are the n
 * finite points of `pa` then m diagonal slots, columns the m finite points of `pb` then n
 * diagonal slots.
 */
function augmentedCost(pa: DiagramPart, pb: DiagramPart, order: number, ground: Ground) {
  const n = pa.birth.length;
  const m = pb.birth.length;
  const size = n + m;
  // Distance from (b, d) to the diagonal is (d − b) times this factor under each ground metric.
  const diagonalFactor = ground === 'linf' ? 0.5 : Math.SQRT1_2;
  const cost = new Float64Array(size * size);

  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const db = Math.abs(pa.birth[i] - pb.birth[j]);
      const dd = Math.abs(pa.death[i] - pb.death[j]);
      const gap = ground === 'linf' ? Math.max(db, dd) : Math.hypot(db, dd);
      cost[i * size + j] = gap ** order;
    }
    const toDiagonal = ((pa.death[i] - pa.birth[i]) * diagonalFactor) ** order;
    cost.fill(toDiagonal, i * size + m, (i + 1) * size);
  }

  for (let j = 0; j < m; j++) {
    const toDiagonal = ((pb.death[j] - pb.birth[j]) * diagonalFactor) ** order;
    for (let i = n; i < size; i++) cost[i * size + j] = toDiagonal;
  }

  return cost;
}

/**
 * The Wasserstein distance of order p between two persistence diagrams (Cohen-Steiner et al.
 * 2010), in the units of the diagrams. For one dimension it is wassersteinPower^(1/p). For
 * 'all' it is (Σ_d W_p,d^p)^(1/p) over every dimension present in either diagram: each
 * dimension is matched separately, which is the distance of the diagrams as one object whose
 * points may not change dimension. GUDHI computes one dimension at a time, so 'all' equals the
 * p-norm of GUDHI's per-dimension distances.
 */
export function wassersteinDistance(a: Diagram, b: Diagram, options: WassersteinOptions): number {
  const dims =
    options.dimension === 'all'
      ? [...new Set([...a.dimension, ...b.dimension])]
      : [options.dimension];

  // The distance scales with the diagrams, so compute it on diagrams scaled to a largest finite
  // coordinate of 1: with p ≤ 50, costs down to 1e-6 of that then survive being raised to p.
  const scale = largestFinite(a, b);
  const [sa, sb] = scale > 0 && scale !== 1 ? [scaled(a, scale), scaled(b, scale)] : [a, b];
  let total = 0;
  for (const dim of dims) total += wassersteinPower(sa, sb, dim, options.order, options.ground);
  return scale > 0 ? scale * total ** (1 / options.order) : total ** (1 / options.order);
}

function largestFinite(a: Diagram, b: Diagram): number {
  let largest = 0;
  for (const d of [a, b]) {
    for (const list of [d.birth, d.death]) {
      for (const v of list) if (Number.isFinite(v) && Math.abs(v) > largest) largest = Math.abs(v);
    }
  }
  return largest;
}

function scaled(d: Diagram, scale: number): Diagram {
  return {
    dimension: d.dimension,
    birth: d.birth.map((v) => v / scale),
    death: d.death.map((v) => v / scale)
  };
}

/**
 * Node `topology/wasserstein`: the Wasserstein distance between the two diagrams of each pair
 * (`wassersteinDistance`), one number per pair. Points at infinity follow GUDHI's
 * `wasserstein_distance`: essential points are matched among themselves by sorted birth, and
 * the distance is Infinity when a dimension holds different numbers of them in the two diagrams.
 */
export const wassersteinNode: NodeType = {
  type: 'topology/wasserstein',
  version: 1,
  title: 'Wasserstein distance',
  category: 'topology',
  description:
    'Computes the exact Wasserstein distance between the two persistence diagrams of each pair, ' +
    'matching points to each other or to the diagonal. Points at infinity are matched by ' +
    'sorted birth, as in GUDHI; different numbers of them give Infinity.',
  inputs: { diagrams: { type: 'diagram-pairs', label: 'diagrams' } },
  outputs: { distances: { type: 'numbers', label: 'distances' } },
  params: {
    order: ORDER,
    ground: {
      kind: 'enum',
      default: 'linf',
      options: GROUNDS,
      help: 'Distance between two diagram points: L∞ (as GUDHI) or L2.'
    },
    dimension: {
      kind: 'enum',
      default: 'all',
      options: DIMENSIONS,
      help: 'Homology dimension to compare; "all" adds the p-th powers over dimensions.'
    }
  },

  async run(inputs, params, context) {
    const dimension = readEnumParam(params, 'dimension', DIMENSIONS, 'all');
    const options: WassersteinOptions = {
      order: readNumberParam(params, 'order', ORDER),
      ground: readEnumParam(params, 'ground', GROUNDS, 'linf'),
      dimension: dimension === 'all' ? 'all' : Number(dimension)
    };
    const distances = await pairDistances(inputs.diagrams, context, (a, b) =>
      wassersteinDistance(a, b, options)
    );

    return { distances };
  }
};

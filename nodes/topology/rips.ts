import type { PointCloud } from '../../src/lib/graph/values';
import { sortedOrderSteps } from './radix-sort';
import { finish, STEP_WORK, type Steps } from './steps';

/**
 * The rank of a missing edge (longer than the threshold, or a vertex with itself). It is larger
 * than every real rank, so a test `rank < r` is false for a missing edge.
 */
export const NO_EDGE = 0x7fffffff;

/**
 * The edges of a Vietoris–Rips complex in filtration order. Edge r (its rank) joins `edgeU[r]`
 * and `edgeV[r]` and has length `length[r]`; lengths never decrease with the rank, and equal
 * lengths keep the lexicographic order of (u, v). `rank[u * n + v]` gives an edge's rank from
 * its ends (either order), or NO_EDGE when the edge is longer than the threshold or u = v.
 */
export interface RipsEdges {
  /** Number of vertices (points). */
  n: number;
  edgeU: Int32Array;
  edgeV: Int32Array;
  /** Lengths under the chosen metric, in the units of the point coordinates. */
  length: Float64Array;
  rank: Int32Array;
}

/** The distances between points that Rips complexes can be built on. */
export const METRICS = ['euclidean', 'chebyshev', 'manhattan'] as const;

/**
 * A distance on R^dim: Euclidean (L2), Chebyshev (L∞, the largest coordinate difference) or
 * Manhattan (L1, the sum of coordinate differences), as in scipy.spatial.distance.
 */
export type Metric = (typeof METRICS)[number];

/**
 * The distances between all pairs u < v of the points of a cloud under `metric`, in the order
 * (0, 1), (0, 2), …, (1, 2), …: the condensed layout of SciPy's pdist.
 */
export function pairwiseDistances(cloud: PointCloud, metric: Metric): Float64Array {
  return finish(pairwiseDistancesSteps(cloud, metric));
}

/**
 * `pairwiseDistances` as a stepwise computation (see `steps.ts`), yielding between rows. The
 * rows are computed by a plain function: V8 optimizes a generator's own loops only from its
 * next call, so hot loops inside one would run slowly the first time.
 */
function* pairwiseDistancesSteps(cloud: PointCloud, metric: Metric): Steps<Float64Array> {
  const n = cloud.count;
  const lengths = new Float64Array((n * (n - 1)) / 2);

  let k = 0;
  let work = 0;
  for (let u = 0; u < n; u++) {
    if (work >= STEP_WORK) {
      work = 0;
      yield;
    }
    work += (n - u) * cloud.dim;
    k = distanceRow(cloud, metric, u, lengths, k);
  }

  return lengths;
}

/** Writes the distances from point u to the later points at `lengths[k…]`; returns the next k. */
function distanceRow(
  cloud: PointCloud,
  metric: Metric,
  u: number,
  lengths: Float64Array,
  k: number
): number {
  const { count: n, dim, points } = cloud;
  const euclidean = metric === 'euclidean';
  const manhattan = metric === 'manhattan';
  for (let v = u + 1; v < n; v++) {
    let total = 0;
    for (let c = 0; c < dim; c++) {
      const diff = points[u * dim + c] - points[v * dim + c];
      if (euclidean) total += diff * diff;
      else if (manhattan) total += Math.abs(diff);
      else if (Math.abs(diff) > total) total = Math.abs(diff);
    }
    lengths[k++] = euclidean ? Math.sqrt(total) : total;
  }
  return k;
}

/**
 * Builds the edges of the Rips complex of `cloud`: every pair of points at distance at most
 * `threshold` under `metric`, sorted by length. Ranks give a strict total order that refines
 * the filtration, which is what the persistence algorithms pair simplices by.
 */
export function ripsEdges(
  cloud: PointCloud,
  threshold = Infinity,
  metric: Metric = 'euclidean'
): RipsEdges {
  return finish(ripsEdgesSteps(cloud, threshold, metric));
}

/**
 * `ripsEdges` as a stepwise computation (see `steps.ts`): for thousands of points the n²
 * distances, their sort and the rank table take seconds, so it yields every few thousand
 * units of work; the loops themselves are plain functions, as in `pairwiseDistancesSteps`.
 */
export function* ripsEdgesSteps(
  cloud: PointCloud,
  threshold = Infinity,
  metric: Metric = 'euclidean'
): Steps<RipsEdges> {
  const n = cloud.count;
  const all = yield* pairwiseDistancesSteps(cloud, metric);
  const pairs: Pairs = {
    u: new Int32Array(all.length),
    v: new Int32Array(all.length),
    length: new Float64Array(all.length),
    found: 0
  };
  let k = 0;
  let work = 0;
  for (let u = 0; u < n; u++) {
    if (work >= STEP_WORK) {
      work = 0;
      yield;
    }
    work += n - u;
    keepRow(all, k, u, n, threshold, pairs);
    k += n - u - 1;
  }

  const found = pairs.found;
  const lengths = pairs.length.subarray(0, found);
  const order = yield* sortedOrderSteps(lengths);

  const edges: RipsEdges = {
    n,
    edgeU: new Int32Array(found),
    edgeV: new Int32Array(found),
    length: new Float64Array(found),
    rank: new Int32Array(n * n).fill(NO_EDGE)
  };
  for (let r = 0; r < found; r += STEP_WORK) {
    if (r > 0) yield;
    placeEdges(pairs, order, r, Math.min(found, r + STEP_WORK), edges);
  }

  return edges;
}

/** The pairs of points kept so far (the first `found` entries), before sorting. */
interface Pairs {
  u: Int32Array;
  v: Int32Array;
  length: Float64Array;
  found: number;
}

/** Appends to `pairs` the pairs (u, v > u) no longer than `threshold`; row u starts at all[k]. */
function keepRow(
  all: Float64Array,
  k: number,
  u: number,
  n: number,
  threshold: number,
  pairs: Pairs
): void {
  let found = pairs.found;
  for (let v = u + 1; v < n; v++) {
    const length = all[k++];
    if (length <= threshold) {
      pairs.u[found] = u;
      pairs.v[found] = v;
      pairs.length[found++] = length;
    }
  }
  pairs.found = found;
}

/** Stores the edges of ranks from..to-1, the r-th being the pair `order[r]`. */
function placeEdges(
  pairs: Pairs,
  order: Uint32Array,
  from: number,
  to: number,
  edges: RipsEdges
): void {
  const { n, edgeU, edgeV, length, rank } = edges;
  for (let r = from; r < to; r++) {
    const u = pairs.u[order[r]];
    const v = pairs.v[order[r]];
    edgeU[r] = u;
    edgeV[r] = v;
    length[r] = pairs.length[order[r]];
    rank[u * n + v] = r;
    rank[v * n + u] = r;
  }
}

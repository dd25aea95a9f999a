import type { PointCloud } from '../../src/lib/graph/values';
import { sortedOrder } from './radix-sort';

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
  const { count: n, dim, points } = cloud;
  const lengths = new Float64Array((n * (n - 1)) / 2);
  const euclidean = metric === 'euclidean';
  const manhattan = metric === 'manhattan';

  let k = 0;
  for (let u = 0; u < n; u++) {
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
  }

  return lengths;
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
  const n = cloud.count;
  const all = pairwiseDistances(cloud, metric);
  const pairU = new Int32Array(all.length);
  const pairV = new Int32Array(all.length);
  const pairLength = new Float64Array(all.length);
  let found = 0;
  let k = 0;
  for (let u = 0; u < n; u++) {
    for (let v = u + 1; v < n; v++) {
      const length = all[k++];
      if (length <= threshold) {
        pairU[found] = u;
        pairV[found] = v;
        pairLength[found++] = length;
      }
    }
  }

  const lengths = pairLength.subarray(0, found);
  const order = sortedOrder(lengths);

  const edgeU = new Int32Array(found);
  const edgeV = new Int32Array(found);
  const length = new Float64Array(found);
  const rank = new Int32Array(n * n).fill(NO_EDGE);
  for (let r = 0; r < found; r++) {
    const u = pairU[order[r]];
    const v = pairV[order[r]];
    edgeU[r] = u;
    edgeV[r] = v;
    length[r] = lengths[order[r]];
    rank[u * n + v] = r;
    rank[v * n + u] = r;
  }

  return { n, edgeU, edgeV, length, rank };
}

import type { ColumnHeap } from './column-heap';
import { CoboundaryReduction } from './column-reduction';
import { NO_EDGE, type RipsEdges } from './rips';
import { finish, STEP_WORK, type Steps } from './steps';

/** Dimension-1 persistence pairs of a Rips filtration; an essential class has death Infinity. */
export interface RipsH1 {
  birth: number[];
  death: number[];
  /**
   * The keys m·n + c (see `triangleKey`) of the triangles paired with an edge, in increasing
   * order. Such a triangle has a zero column in the next dimension's reduction, which may skip
   * it (clearing). Computed on demand, as only dimension 2 needs it.
   */
  pairedTriangles: () => Float64Array;
}

/**
 * Dimension-1 persistence of the Rips filtration over Z/2, by reducing the coboundary matrix
 * of the edges (persistent cohomology, de Silva, Morozov and Vejdemo-Johansson 2011) with the
 * three shortcuts of Ripser (Bauer 2021), implemented here from the paper:
 *
 * - clearing: an edge in `killer` (it killed a component) has a zero column and is skipped;
 * - implicit columns: a triangle {u, v, w} whose longest edge (by rank) is m and whose third
 *   vertex is c has the key m·n + c; the keys order the triangles along the filtration, and a
 *   column's entries are enumerated from the edge on demand instead of being stored;
 * - apparent pairs: when an edge's first cofacet has that edge as its last facet, the two form
 *   a (zero-length) pair with no reduction. That holds exactly when some vertex c sees both
 *   ends of the edge through shorter edges, and the pair's triangle is the smallest such c.
 *
 * Columns are reduced from the longest edge down; a column's pivot is its smallest key. Only
 * pairs of positive length are returned, as GUDHI does with `min_persistence = 0`.
 */
export function ripsH1(edges: RipsEdges, killer: Uint8Array): RipsH1 {
  return finish(ripsH1Steps(edges, killer));
}

/**
 * `ripsH1` as a stepwise computation (see `steps.ts`): it yields every few thousand units of
 * work, a unit being one vertex scanned, so that a node can pause inside one cloud.
 */
export function* ripsH1Steps(edges: RipsEdges, killer: Uint8Array): Steps<RipsH1> {
  const { n, edgeU, edgeV, length, rank } = edges;
  const apparent = yield* apparentVertices(edges, killer);
  const none = NO_EDGE; // a local copy: an imported binding may be read through a getter

  // Pushes the triangles that contain edge r: all {u, v, k} whose other two edges exist.
  const pushCoboundary = (heap: ColumnHeap, r: number): void => {
    const u = edgeU[r];
    const v = edgeV[r];
    for (let k = 0; k < n; k++) {
      const ru = rank[u * n + k];
      const rv = rank[v * n + k];
      if (ru === none || rv === none) continue;
      heap.push(triangleKey(r, ru, rv, u, v, k, n));
    }
  };
  const apparentEdge = (key: number): number => {
    const m = Math.floor(key / n);
    return apparent[m] === key - m * n ? m : -1;
  };
  const reduction = new CoboundaryReduction(pushCoboundary, apparentEdge);

  const birth: number[] = [];
  const death: number[] = [];
  let work = 0;
  for (let r = length.length - 1; r >= 0; r--) {
    if (work >= STEP_WORK) {
      work = 0;
      yield;
    }
    work++;
    if (killer[r] || apparent[r] >= 0) continue;

    // A reduction scans at least one coboundary of n vertices; longer ones are rare.
    work += n;
    const pivot = reduction.reduce(r);
    const end = pivot < 0 ? Infinity : length[Math.floor(pivot / n)];
    if (end > length[r]) {
      birth.push(length[r]);
      death.push(end);
    }
  }

  const pairedTriangles = () => {
    const paired = reduction.pivots();
    for (let r = 0; r < apparent.length; r++) {
      if (apparent[r] >= 0) paired.push(r * n + apparent[r]);
    }
    return Float64Array.from(paired).sort();
  };
  return { birth, death, pairedTriangles };
}

/**
 * The key m·n + c of triangle {u, v, k}, given the ranks of its edges uv = r, uk and vk: m is
 * the rank of its longest edge and c the vertex opposite that edge. Keys order triangles along
 * the filtration.
 */
export function triangleKey(
  r: number,
  ru: number,
  rv: number,
  u: number,
  v: number,
  k: number,
  n: number
) {
  if (r > ru && r > rv) return r * n + k;
  return ru > rv ? ru * n + v : rv * n + u;
}

/**
 * For each edge, the smallest vertex c with both edges to the ends shorter (by rank), which
 * makes the triangle a zero-length apparent pair with the edge; -1 when there is none.
 */
function* apparentVertices(edges: RipsEdges, killer: Uint8Array): Steps<Int32Array> {
  const { n, edgeU, edgeV, rank } = edges;
  const apparent = new Int32Array(edgeU.length).fill(-1);

  let work = 0;
  for (let r = 0; r < edgeU.length; r++) {
    if (work >= STEP_WORK) {
      work = 0;
      yield;
    }
    work++;
    if (killer[r]) continue;
    apparent[r] = smallestSeeing(edges, r);
    work += apparent[r] < 0 ? n : apparent[r];
  }

  return apparent;
}

/**
 * The smallest vertex c with both edges to the ends of edge r shorter (by rank), or -1. A plain
 * function, not a loop of the generator, so V8 optimizes it on its first long run.
 */
function smallestSeeing(edges: RipsEdges, r: number): number {
  const { n, edgeU, edgeV, rank } = edges;
  const rowU = edgeU[r] * n;
  const rowV = edgeV[r] * n;
  for (let c = 0; c < n; c++) {
    if (rank[rowU + c] < r && rank[rowV + c] < r) return c;
  }
  return -1;
}

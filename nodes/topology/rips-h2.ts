import { NodeInputError } from '../../src/lib/graph/node-type';
import type { ColumnHeap } from './column-heap';
import { CoboundaryReduction } from './column-reduction';
import { NO_EDGE, type RipsEdges } from './rips';
import type { RipsH1 } from './rips-h1';
import { finish, STEP_WORK, type Steps } from './steps';

/** Dimension-2 persistence pairs of a Rips filtration; an essential class has death Infinity. */
export interface RipsH2 {
  birth: number[];
  death: number[];
}

/**
 * The most points `ripsH2` accepts: tetrahedron keys M·n² + a·n + b must stay exact integers
 * in a double (below 2^53), and the n × n rank table must fit in memory.
 */
export const MAX_H2_POINTS = 8192;

/**
 * Dimension-2 persistence of the Rips filtration over Z/2: the coboundary matrix from triangles
 * to tetrahedra is reduced as `ripsH1` reduces the edges' (persistent cohomology with Ripser's
 * shortcuts, Bauer 2021), here from the paper:
 *
 * - keys: triangle m·n + c as in `triangleKey`; tetrahedron M·n² + a·n + b, where M is the rank
 *   of its longest edge and a < b its two vertices off that edge. Keys order the simplices of
 *   each dimension along the filtration;
 * - clearing: a triangle paired with an edge in dimension 1 (`h1.pairedTriangles`) has a zero
 *   column and is skipped;
 * - apparent pairs: triangle (m, c) and its first cofacet form a zero-length pair when the
 *   smallest vertex d that sees all three corners through edges shorter than m is below c
 *   (then the triangle is that tetrahedron's last facet);
 * - emergent pairs: when a column's first cofacet belongs to no other column, the column is
 *   already reduced and is kept implicitly, with no heap.
 *
 * Triangles are reduced from the last to the first. Only pairs of positive length are
 * returned, as GUDHI does with `min_persistence = 0`.
 */
export function ripsH2(edges: RipsEdges, h1: RipsH1): RipsH2 {
  return finish(ripsH2Steps(edges, h1));
}

/**
 * `ripsH2` as a stepwise computation (see `steps.ts`): it yields every few thousand units of
 * work, a unit being one vertex scanned, so that a node can pause inside one cloud.
 */
export function* ripsH2Steps(edges: RipsEdges, h1: RipsH1): Steps<RipsH2> {
  const { n, edgeU, edgeV, length, rank } = edges;
  if (n > MAX_H2_POINTS) {
    throw new NodeInputError(
      `Param "maxDimension" 2 handles clouds of at most ${MAX_H2_POINTS} points; found a cloud ` +
        `of ${n}. Lower maxDimension to 1 or use fewer points.`,
      'maxDimension'
    );
  }
  const nn = n * n;
  const none = NO_EDGE; // a local copy: an imported binding may be read through a getter

  const tetraKey = (m: number, c: number, d: number, ru: number, rv: number, rc: number) => {
    const u = edgeU[m];
    const v = edgeV[m];
    if (m > ru && m > rv && m > rc) return m * nn + Math.min(c, d) * n + Math.max(c, d);
    if (ru > rv && ru > rc) return ru * nn + Math.min(v, c) * n + Math.max(v, c);
    if (rv > rc) return rv * nn + Math.min(u, c) * n + Math.max(u, c);
    return rc * nn + Math.min(u, v) * n + Math.max(u, v);
  };

  // Whether some vertex d < c sees the corners of triangle (m, c) through edges shorter than m:
  // then the triangle pairs apparently with its first cofacet. Missing edges rank above m.
  const seenBelow = (m: number, c: number, last: number): boolean => {
    const rowU = edgeU[m] * n;
    const rowV = edgeV[m] * n;
    const rowC = c * n;
    for (let d = 0; d < last; d++) {
      if (rank[rowU + d] < m && rank[rowV + d] < m && rank[rowC + d] < m) return true;
    }
    return false;
  };

  // The first cofacet of triangle t (smallest key), or -1 when it has none.
  const firstCofacet = (t: number): number => {
    const m = Math.floor(t / n);
    const c = t - m * n;
    const rowU = edgeU[m] * n;
    const rowV = edgeV[m] * n;
    const rowC = c * n;
    let best = -1;
    for (let d = 0; d < n; d++) {
      const ru = rank[rowU + d];
      const rv = rank[rowV + d];
      const rc = rank[rowC + d];
      if (ru === none || rv === none || rc === none) continue;
      const key = tetraKey(m, c, d, ru, rv, rc);
      if (best < 0 || key < best) best = key;
    }
    return best;
  };

  const pushCoboundary = (heap: ColumnHeap, t: number): void => {
    const m = Math.floor(t / n);
    const c = t - m * n;
    const rowU = edgeU[m] * n;
    const rowV = edgeV[m] * n;
    const rowC = c * n;
    for (let d = 0; d < n; d++) {
      const ru = rank[rowU + d];
      const rv = rank[rowV + d];
      const rc = rank[rowC + d];
      if (ru === none || rv === none || rc === none) continue;
      heap.push(tetraKey(m, c, d, ru, rv, rc));
    }
  };

  // Tetrahedron (M, a, b) pairs apparently with its last facet, triangle (M, b), when no vertex
  // below a sees the three corners of that triangle through edges shorter than M.
  const apparentTriangle = (key: number): number => {
    const m = Math.floor(key / nn);
    const rest = key - m * nn;
    const a = Math.floor(rest / n);
    const b = rest - a * n;
    return seenBelow(m, b, a) ? -1 : m * n + b;
  };

  const reduction = new CoboundaryReduction(pushCoboundary, apparentTriangle);
  const birth: number[] = [];
  const death: number[] = [];
  // Triangles come in decreasing key order, so the cleared ones are met from the last down.
  const cleared = h1.pairedTriangles();
  let next = cleared.length - 1;

  // The triangles whose longest edge is m, reduced from the last; returns the units of work
  // (vertices scanned). A plain function, not the generator's own loop, so V8 optimizes it
  // on its first long run.
  const reduceTrianglesOf = (m: number): number => {
    const rowU = edgeU[m] * n;
    const rowV = edgeV[m] * n;
    let work = n;
    for (let c = n - 1; c >= 0; c--) {
      if (!(rank[rowU + c] < m && rank[rowV + c] < m)) continue;
      const t = m * n + c;
      while (next >= 0 && cleared[next] > t) next--;
      if (next >= 0 && cleared[next] === t) continue;

      work += c;
      if (seenBelow(m, c, c)) continue;

      // The first cofacet scans n vertices, and a reduction at least one coboundary more.
      work += 2 * n;
      let pivot = firstCofacet(t);
      if (pivot >= 0 && reduction.columnOf(pivot) < 0) reduction.claim(pivot, t);
      else pivot = reduction.reduce(t);

      const end = pivot < 0 ? Infinity : length[Math.floor(pivot / nn)];
      if (end > length[m]) {
        birth.push(length[m]);
        death.push(end);
      }
    }
    return work;
  };

  let work = 0;
  for (let m = length.length - 1; m >= 0; m--) {
    if (work >= STEP_WORK) {
      work = 0;
      yield;
    }
    work += reduceTrianglesOf(m);
  }

  return { birth, death };
}

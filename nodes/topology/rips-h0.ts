import type { RipsEdges } from './rips';
import { UnionFind } from './union-find';

/** The dimension-0 persistence of a Rips filtration, and the edges that killed a component. */
export interface RipsH0 {
  /** Deaths of the finite classes (all are born at 0), in filtration order, zero ones left out. */
  death: number[];
  /** The number of classes that never die: one per component of the whole complex. */
  essential: number;
  /** `killer[r]` is 1 when edge r merged two components (an edge of the minimum spanning tree). */
  killer: Uint8Array;
}

/**
 * Dimension-0 persistence of the Rips filtration by Kruskal's algorithm: every vertex is born
 * at 0, and an edge that joins two components kills one class at the edge's length. Pairs of
 * length zero (duplicate points) are left out, as GUDHI does with `min_persistence = 0`.
 */
export function ripsH0(edges: RipsEdges): RipsH0 {
  const { n, edgeU, edgeV, length } = edges;
  const sets = new UnionFind(n);
  const killer = new Uint8Array(length.length);
  const death: number[] = [];

  let merges = 0;
  for (let r = 0; r < length.length && merges < n - 1; r++) {
    if (!sets.union(edgeU[r], edgeV[r])) continue;

    killer[r] = 1;
    merges++;
    if (length[r] > 0) death.push(length[r]);
  }

  return { death, essential: n - merges, killer };
}

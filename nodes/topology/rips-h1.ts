import { ColumnHeap } from './column-heap';
import { NO_EDGE, type RipsEdges } from './rips';

/** Dimension-1 persistence pairs of a Rips filtration; an essential class has death Infinity. */
export interface RipsH1 {
  birth: number[];
  death: number[];
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
  const { n, edgeU, edgeV, length, rank } = edges;
  const edgeCount = length.length;
  const apparent = apparentVertices(edges, killer);

  const owner = new Map<number, number>();
  const added = new Map<number, Int32Array>();
  const heap = new ColumnHeap();
  const birth: number[] = [];
  const death: number[] = [];

  // Pushes the triangles that contain edge r: all {u, v, k} whose other two edges exist.
  const pushCoboundary = (r: number): void => {
    const u = edgeU[r];
    const v = edgeV[r];
    for (let k = 0; k < n; k++) {
      const ru = rank[u * n + k];
      const rv = rank[v * n + k];
      if (ru === NO_EDGE || rv === NO_EDGE) continue;
      heap.push(triangleKey(r, ru, rv, u, v, k, n));
    }
  };

  // The column whose pivot is this triangle: a reduced one, or the edge of an apparent pair.
  const columnOf = (key: number): number => {
    const known = owner.get(key);
    if (known !== undefined) return known;
    const m = Math.floor(key / n);
    return apparent[m] === key - m * n ? m : -1;
  };

  // Reduces the column of edge r by earlier columns; returns its pivot, or -1 when it is zero
  // (an essential class). `added` keeps which edges' coboundaries were summed into a column.
  const reduce = (r: number): number => {
    heap.clear();
    pushCoboundary(r);
    const sum: number[] = [];

    for (;;) {
      const pivot = heap.pivot();
      if (pivot < 0) return pivot;

      const other = columnOf(pivot);
      if (other < 0) {
        owner.set(pivot, r);
        if (sum.length > 0) added.set(r, oddOnly(sum));
        return pivot;
      }

      for (const s of [other, ...(added.get(other) ?? [])]) {
        pushCoboundary(s);
        sum.push(s);
      }
    }
  };

  for (let r = edgeCount - 1; r >= 0; r--) {
    if (killer[r] || apparent[r] >= 0) continue;

    const pivot = reduce(r);
    const end = pivot < 0 ? Infinity : length[Math.floor(pivot / n)];
    if (end > length[r]) {
      birth.push(length[r]);
      death.push(end);
    }
  }

  return { birth, death };
}

/** The key m·n + c of triangle {u, v, k}, given the ranks of its edges uv = r, uk and vk. */
function triangleKey(
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
function apparentVertices(edges: RipsEdges, killer: Uint8Array): Int32Array {
  const { n, edgeU, edgeV, rank } = edges;
  const apparent = new Int32Array(edgeU.length).fill(-1);

  for (let r = 0; r < edgeU.length; r++) {
    if (killer[r]) continue;
    const rowU = edgeU[r] * n;
    const rowV = edgeV[r] * n;
    for (let c = 0; c < n; c++) {
      if (rank[rowU + c] < r && rank[rowV + c] < r) {
        apparent[r] = c;
        break;
      }
    }
  }

  return apparent;
}

/** The entries of a Z/2 sum that occur an odd number of times. */
function oddOnly(entries: number[]): Int32Array {
  entries.sort((a, b) => a - b);
  const kept: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    if (i + 1 < entries.length && entries[i + 1] === entries[i]) i++;
    else kept.push(entries[i]);
  }
  return Int32Array.from(kept);
}

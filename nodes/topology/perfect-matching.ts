/**
 * A bipartite graph with `size` rows and `size` columns in compressed rows: the columns joined
 * to row i are `columns[start[i]]` up to (not including) `columns[start[i + 1]]`.
 */
export interface BipartiteGraph {
  size: number;
  start: Int32Array;
  columns: Int32Array;
}

const FREE = -1;

/**
 * Whether the graph has a perfect matching, by the Hopcroft–Karp algorithm (Hopcroft and Karp,
 * SIAM J. Comput. 1973): each phase finds, by a breadth-first search from the free rows, the
 * length of the shortest augmenting paths, then augments along a maximal set of disjoint
 * shortest paths by depth-first search. O(E √V) in all.
 */
export function hasPerfectMatching(graph: BipartiteGraph): boolean {
  const { size, start, columns } = graph;
  const columnOfRow = new Int32Array(size).fill(FREE);
  const rowOfColumn = new Int32Array(size).fill(FREE);
  const layer = new Int32Array(size);
  const queue = new Int32Array(size);
  const cursor = new Int32Array(size);
  let matched = 0;

  // Layers rows by their distance from a free row along alternating paths; true when some
  // path reaches a free column.
  const search = (): boolean => {
    let head = 0;
    let tail = 0;
    for (let row = 0; row < size; row++) {
      layer[row] = columnOfRow[row] === FREE ? 0 : -1;
      if (layer[row] === 0) queue[tail++] = row;
    }

    let found = false;
    while (head < tail) {
      const row = queue[head++];
      for (let k = start[row]; k < start[row + 1]; k++) {
        const next = rowOfColumn[columns[k]];
        if (next === FREE) found = true;
        else if (layer[next] < 0) {
          layer[next] = layer[row] + 1;
          queue[tail++] = next;
        }
      }
    }
    return found;
  };

  // Looks for an augmenting path from `row` along the layers, and flips it when found.
  const augment = (row: number): boolean => {
    for (; cursor[row] < start[row + 1]; cursor[row]++) {
      const column = columns[cursor[row]];
      const next = rowOfColumn[column];
      if (next === FREE || (layer[next] === layer[row] + 1 && augment(next))) {
        columnOfRow[row] = column;
        rowOfColumn[column] = row;
        return true;
      }
    }
    layer[row] = -1;
    return false;
  };

  while (matched < size && search()) {
    cursor.set(start.subarray(0, size));
    for (let row = 0; row < size; row++) {
      if (columnOfRow[row] === FREE && augment(row)) matched++;
    }
  }

  return matched === size;
}

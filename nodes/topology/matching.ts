/** An optimal assignment: `columnOf[i]` is the column given to row i, `cost` the summed cost. */
export interface Assignment {
  columnOf: Int32Array;
  cost: number;
}

/**
 * Solves the square linear assignment problem exactly: the permutation that minimises the sum
 * of `cost[i * size + j]` over rows i and their columns j. Costs must be finite. Hungarian
 * method in its shortest augmenting path form with row and column potentials (Kuhn 1955,
 * Munkres 1957; the O(size³) form of Jonker and Volgenant 1987): potentials start from the
 * column and row minima with a greedy matching on tight entries, then each row left over joins
 * by a Dijkstra-like search for a shortest augmenting path over reduced costs.
 */
export function solveAssignment(cost: Float64Array, size: number): Assignment {
  // Arrays are indexed from 1; column 0 is a virtual column holding the row being added.
  const rowPotential = new Float64Array(size + 1);
  const columnPotential = new Float64Array(size + 1);
  const rowOfColumn = new Int32Array(size + 1);
  const previous = new Int32Array(size + 1);
  const slack = new Float64Array(size + 1);
  const visited = new Uint8Array(size + 1);
  const matched = startTight(cost, size, rowPotential, columnPotential, rowOfColumn);

  for (let row = 1; row <= size; row++) {
    if (matched[row]) continue;
    rowOfColumn[0] = row;
    slack.fill(Infinity);
    visited.fill(0);

    let column = 0;
    do {
      visited[column] = 1;
      const i = rowOfColumn[column];
      const base = (i - 1) * size - 1;
      let delta = Infinity;
      let next = 0;
      for (let j = 1; j <= size; j++) {
        if (visited[j]) continue;
        const reduced = cost[base + j] - rowPotential[i] - columnPotential[j];
        if (reduced < slack[j]) {
          slack[j] = reduced;
          previous[j] = column;
        }
        if (slack[j] < delta) {
          delta = slack[j];
          next = j;
        }
      }

      for (let j = 0; j <= size; j++) {
        if (visited[j]) {
          rowPotential[rowOfColumn[j]] += delta;
          columnPotential[j] -= delta;
        } else {
          slack[j] -= delta;
        }
      }
      column = next;
    } while (rowOfColumn[column] !== 0);

    while (column !== 0) {
      const before = previous[column];
      rowOfColumn[column] = rowOfColumn[before];
      column = before;
    }
  }

  const columnOf = new Int32Array(size);
  let total = 0;
  for (let j = 1; j <= size; j++) {
    const i = rowOfColumn[j] - 1;
    columnOf[i] = j - 1;
    total += cost[i * size + j - 1];
  }
  return { columnOf, cost: total };
}

/**
 * Feasible starting potentials (column minima, then row minima of the reduced costs) and a
 * greedy matching of each row to a free column where its reduced cost is zero. Fills the
 * 1-based arrays and returns, per row, 1 when the row is already matched.
 */
function startTight(
  cost: Float64Array,
  size: number,
  rowPotential: Float64Array,
  columnPotential: Float64Array,
  rowOfColumn: Int32Array
): Uint8Array {
  columnPotential.fill(Infinity, 1);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const c = cost[i * size + j];
      if (c < columnPotential[j + 1]) columnPotential[j + 1] = c;
    }
  }

  const matched = new Uint8Array(size + 1);
  for (let i = 0; i < size; i++) {
    let least = Infinity;
    let free = -1;
    for (let j = 0; j < size; j++) {
      const reduced = cost[i * size + j] - columnPotential[j + 1];
      if (reduced < least) {
        least = reduced;
        free = -1;
      }
      if (reduced === least && free < 0 && rowOfColumn[j + 1] === 0) free = j;
    }
    rowPotential[i + 1] = least;
    if (free >= 0) {
      rowOfColumn[free + 1] = i + 1;
      matched[i + 1] = 1;
    }
  }

  return matched;
}

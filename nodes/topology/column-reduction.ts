import { ColumnHeap } from './column-heap';

/** Adds to `heap` the key of every cofacet of the simplex with key `column`. */
export type PushCoboundary = (heap: ColumnHeap, column: number) => void;

/**
 * The reduced columns of one coboundary matrix over Z/2, in the manner of Ripser (Bauer 2021):
 * columns are simplex keys, reduced from the last simplex of the filtration to the first, and a
 * column's pivot is its smallest cofacet key. Reduced columns are kept implicitly: for each
 * pivot, the column that owns it and the earlier columns that were added to it, so that a
 * column's entries are enumerated again from the coboundaries when it is needed.
 */
export class CoboundaryReduction {
  private readonly owner = new Map<number, number>();
  private readonly added = new Map<number, number[]>();
  private readonly heap = new ColumnHeap();

  /**
   * @param pushCoboundary enumerates a column's entries into the heap.
   * @param apparentColumn the column that owns `pivot` through an apparent pair (a pair found
   *   without reduction), or -1 when there is none.
   */
  constructor(
    private readonly pushCoboundary: PushCoboundary,
    private readonly apparentColumn: (pivot: number) => number
  ) {}

  /** The column whose pivot is `key`: a reduced one, an apparent one, or -1 for none. */
  columnOf(key: number): number {
    const known = this.owner.get(key);
    return known !== undefined ? known : this.apparentColumn(key);
  }

  /** The pivots of the columns reduced or claimed so far, apparent pairs left aside. */
  pivots(): number[] {
    return [...this.owner.keys()];
  }

  /** Records that `column`, unreduced, has the pivot `key` that no other column owns. */
  claim(key: number, column: number): void {
    this.owner.set(key, column);
  }

  /**
   * Reduces `column` by the columns reduced before it and returns its pivot, or -1 when the
   * column reduces to zero (an essential class).
   */
  reduce(column: number): number {
    const heap = this.heap;
    heap.clear();
    this.pushCoboundary(heap, column);
    const sum: number[] = [];

    for (;;) {
      const pivot = heap.pivot();
      if (pivot < 0) return pivot;

      const other = this.columnOf(pivot);
      if (other < 0) {
        this.owner.set(pivot, column);
        if (sum.length > 0) this.added.set(column, oddOnly(sum));
        return pivot;
      }

      this.pushCoboundary(heap, other);
      sum.push(other);
      for (const s of this.added.get(other) ?? []) {
        this.pushCoboundary(heap, s);
        sum.push(s);
      }
    }
  }
}

/** The entries of a Z/2 sum that occur an odd number of times, in increasing order. */
function oddOnly(entries: number[]): number[] {
  entries.sort((a, b) => a - b);
  const kept: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    if (i + 1 < entries.length && entries[i + 1] === entries[i]) i++;
    else kept.push(entries[i]);
  }
  return kept;
}

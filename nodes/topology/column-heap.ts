/**
 * A binary min-heap of simplex keys that holds one column of a coboundary matrix over the
 * field Z/2: a key pushed twice cancels out. Used by the Rips reduction (in the manner of
 * Bauer, "Ripser", J. Appl. Comput. Topology 2021) to add columns without sorting them.
 */
export class ColumnHeap {
  private keys = new Float64Array(256);
  private size = 0;

  /** Empties the heap. */
  clear(): void {
    this.size = 0;
  }

  /** Adds one key (an entry of a column). */
  push(key: number): void {
    if (this.size === this.keys.length) {
      const grown = new Float64Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }

    const keys = this.keys;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      i = parent;
    }
    keys[i] = key;
  }

  /**
   * The smallest key with odd multiplicity (the column's pivot), or -1 when the column is zero.
   * Keys below the pivot that cancel in pairs are removed; the pivot itself stays in the heap.
   */
  pivot(): number {
    while (this.size > 0) {
      const key = this.pop();
      if (this.size === 0 || this.keys[0] !== key) {
        this.push(key);
        return key;
      }
      this.pop();
    }
    return -1;
  }

  private pop(): number {
    const keys = this.keys;
    const top = keys[0];
    const last = keys[--this.size];
    const size = this.size;

    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[child + 1] < keys[child]) child++;
      if (keys[child] >= last) break;
      keys[i] = keys[child];
      i = child;
    }
    keys[i] = last;
    return top;
  }
}

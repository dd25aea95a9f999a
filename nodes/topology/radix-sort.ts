const DIGIT_BITS = 8;
const BUCKETS = 1 << DIGIT_BITS;

/**
 * The stable sorting permutation of non-negative finite numbers: `order[r]` is the index of the
 * r-th smallest value, and equal values keep their index order. It is an LSD radix sort on the
 * IEEE 754 bits (which order non-negative doubles like the numbers themselves), eight passes of
 * one byte each, skipping a pass when all values share that byte; linear in the count.
 */
export function sortedOrder(values: Float64Array): Uint32Array {
  const count = values.length;
  const bytes = new Uint8Array(values.buffer, values.byteOffset, count * 8);
  const little = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

  let order = new Uint32Array(count);
  let spare = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;

  const histogram = new Uint32Array(BUCKETS);
  for (let pass = 0; pass < 8; pass++) {
    const offset = little ? pass : 7 - pass;

    histogram.fill(0);
    for (let i = 0; i < count; i++) histogram[bytes[i * 8 + offset]]++;
    if (count === 0 || histogram[bytes[offset]] === count) continue;

    let start = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const size = histogram[b];
      histogram[b] = start;
      start += size;
    }
    for (let i = 0; i < count; i++) {
      const index = order[i];
      spare[histogram[bytes[index * 8 + offset]]++] = index;
    }
    [order, spare] = [spare, order];
  }

  return order;
}

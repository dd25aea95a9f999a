import { finish, type Steps } from './steps';

const DIGIT_BITS = 8;
const BUCKETS = 1 << DIGIT_BITS;

/**
 * The stable sorting permutation of non-negative finite numbers: `order[r]` is the index of the
 * r-th smallest value, and equal values keep their index order. It is an LSD radix sort on the
 * IEEE 754 bits (which order non-negative doubles like the numbers themselves), eight passes of
 * one byte each, skipping a pass when all values share that byte; linear in the count.
 */
export function sortedOrder(values: Float64Array): Uint32Array {
  return finish(sortedOrderSteps(values));
}

/** Items between two steps of `sortedOrderSteps`. */
const STEP_ITEMS = 1 << 16;

/**
 * `sortedOrder` as a stepwise computation (see `steps.ts`), yielding every 65536 items. The
 * loops are plain functions, which V8 optimizes on their first long run (a generator's own
 * loops it optimizes only from the next call).
 */
export function* sortedOrderSteps(values: Float64Array): Steps<Uint32Array> {
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
    for (let from = 0; from < count; from += STEP_ITEMS) {
      yield;
      countBytes(bytes, offset, from, Math.min(count, from + STEP_ITEMS), histogram);
    }
    if (count === 0 || histogram[bytes[offset]] === count) continue;

    let start = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const size = histogram[b];
      histogram[b] = start;
      start += size;
    }
    for (let from = 0; from < count; from += STEP_ITEMS) {
      yield;
      scatter(bytes, offset, order, from, Math.min(count, from + STEP_ITEMS), histogram, spare);
    }
    [order, spare] = [spare, order];
  }

  return order;
}

/** Counts byte `offset` of values from..to-1 into `histogram`. */
function countBytes(
  bytes: Uint8Array,
  offset: number,
  from: number,
  to: number,
  histogram: Uint32Array
): void {
  for (let i = from; i < to; i++) histogram[bytes[i * 8 + offset]]++;
}

/** Moves order[from..to-1] to their buckets in `target`; `next` holds each bucket's next slot. */
function scatter(
  bytes: Uint8Array,
  offset: number,
  order: Uint32Array,
  from: number,
  to: number,
  next: Uint32Array,
  target: Uint32Array
): void {
  for (let i = from; i < to; i++) {
    const index = order[i];
    target[next[bytes[index * 8 + offset]]++] = index;
  }
}

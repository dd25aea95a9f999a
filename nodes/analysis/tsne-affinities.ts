/** The smallest probability kept, as in scikit-learn: the double-precision machine epsilon. */
export const MACHINE_EPSILON = 2 ** -52;

const PERPLEXITY_TOLERANCE = 1e-5;
const SEARCH_STEPS = 100;

/**
 * The index of pair (i, j), i < j, in a condensed symmetric matrix of `count` rows: the upper
 * triangle row by row, (0, 1), (0, 2), …, (1, 2), …, the layout of SciPy's pdist.
 */
export function condensedIndex(i: number, j: number, count: number): number {
  return i * count - (i * (i + 1)) / 2 + (j - i - 1);
}

/**
 * The conditional probabilities p(j | i) of row i, written into `row`: a Gaussian kernel
 * exp(−β d²(i, j)) normalised over j ≠ i, with the precision β found by bisection so that
 * the row's perplexity exp(H) is `perplexity` (H the entropy in nats), within 1e-5 in H or after
 * 100 steps. β starts at 1 and doubles or halves until the target is bracketed (van der Maaten
 * and Hinton 2008, section 2; the same search as scikit-learn's exact t-SNE).
 */
export function conditionalRow(
  squared: Float64Array,
  i: number,
  perplexity: number,
  row: Float64Array
): void {
  const count = squared.length;
  const target = Math.log(perplexity);
  let beta = 1;
  let low = -Infinity;
  let high = Infinity;

  for (let step = 0; step < SEARCH_STEPS; step++) {
    let sum = 0;
    for (let j = 0; j < count; j++) {
      row[j] = j === i ? 0 : Math.exp(-squared[j] * beta);
      sum += row[j];
    }
    if (sum === 0) sum = 1e-8;

    let weighted = 0;
    for (let j = 0; j < count; j++) {
      row[j] /= sum;
      weighted += squared[j] * row[j];
    }

    const excess = Math.log(sum) + beta * weighted - target;
    if (Math.abs(excess) <= PERPLEXITY_TOLERANCE) return;
    if (excess > 0) {
      low = beta;
      beta = high === Infinity ? beta * 2 : (beta + high) / 2;
    } else {
      high = beta;
      beta = low === -Infinity ? beta / 2 : (beta + low) / 2;
    }
  }
}

/** Builds the joint probabilities row by row, so that a caller may yield between rows. */
export interface AffinityRows {
  /** Adds the conditional probabilities of row i; rows must come in order 0, 1, 2, … */
  add(i: number): void;
  /** Symmetrises and normalises the rows added, as `jointProbabilities` describes. */
  finish(): Float64Array;
}

/**
 * The row-by-row form of `jointProbabilities`. Each squared distance is computed once, when
 * the smaller of its two rows is added, and kept (condensed) for the larger one: twice the
 * memory of P, half the distance work.
 */
export function affinityRows(
  points: Float64Array,
  count: number,
  dim: number,
  perplexity: number
): AffinityRows {
  const joint = new Float64Array((count * (count - 1)) / 2);
  let distances = new Float64Array(joint.length);
  const squared = new Float64Array(count);
  const row = new Float64Array(count);

  const add = (i: number) => {
    for (let j = 0; j < i; j++) squared[j] = distances[condensedIndex(j, i, count)];
    squared[i] = 0;
    let k = condensedIndex(i, i + 1, count);
    for (let j = i + 1; j < count; j++) {
      let sum = 0;
      for (let c = 0; c < dim; c++) {
        const diff = points[i * dim + c] - points[j * dim + c];
        sum += diff * diff;
      }
      squared[j] = sum;
      distances[k++] = sum;
    }

    conditionalRow(squared, i, perplexity, row);
    for (let j = 0; j < count; j++) {
      if (j === i) continue;
      joint[j > i ? condensedIndex(i, j, count) : condensedIndex(j, i, count)] += row[j];
    }
  };

  const finish = () => {
    distances = new Float64Array(0); // no longer needed: let it go before the descent
    let total = 0;
    for (let k = 0; k < joint.length; k++) total += joint[k];
    total = Math.max(2 * total, MACHINE_EPSILON);
    for (let k = 0; k < joint.length; k++) joint[k] = Math.max(joint[k] / total, MACHINE_EPSILON);
    return joint;
  };

  return { add, finish };
}

/**
 * The joint probabilities of symmetric SNE for `count` points of `dim` coordinates (row-major):
 * p_ij = (p(j | i) + p(i | j)) / S, where S is the sum of all the p(j | i) + p(i | j) (2·count),
 * floored at MACHINE_EPSILON, in condensed layout (they sum to 1/2 there, 1 over the full
 * matrix), as scikit-learn's `_joint_probabilities`. Distances are squared Euclidean.
 * O(count² · (dim + steps)) time, O(count²) memory.
 */
export function jointProbabilities(
  points: Float64Array,
  count: number,
  dim: number,
  perplexity: number
): Float64Array {
  const rows = affinityRows(points, count, dim, perplexity);
  for (let i = 0; i < count; i++) rows.add(i);
  return rows.finish();
}

import type { Samples } from '../../src/lib/graph/values';

/** Mean Euclidean distance between the rows of `a` and the rows of `b`, over all pairs. */
function meanPairDistance(a: Samples, b: Samples): number {
  const dim = a.dim;
  let total = 0;

  for (let p = 0; p < a.count; p++) {
    let row = 0;
    for (let q = 0; q < b.count; q++) {
      let s = 0;
      for (let j = 0; j < dim; j++) {
        const d = a.points[p * dim + j] - b.points[q * dim + j];
        s += d * d;
      }
      row += Math.sqrt(s);
    }
    total += row / b.count;
  }

  return total / a.count;
}

/**
 * Energy distance (Székely and Rizzo) between the empirical laws of two samples in R^d:
 * √(2 E|X − Y| − E|X − X′| − E|Y − Y′|) with every mean over all pairs
 * (V-statistics), which in 1-D equals scipy.stats.energy_distance. O(m·n) time.
 */
export function energyDistance(a: Samples, b: Samples): number {
  const squared = 2 * meanPairDistance(a, b) - meanPairDistance(a, a) - meanPairDistance(b, b);
  return Math.sqrt(Math.max(squared, 0));
}

/**
 * The 1-Wasserstein distance between the empirical laws of two lists of numbers:
 * ∫ |F_u(t) − F_v(t)| dt over the merged sorted values, as scipy.stats.wasserstein_distance.
 */
export function wasserstein1d(u: Float64Array, v: Float64Array): number {
  const su = Float64Array.from(u).sort();
  const sv = Float64Array.from(v).sort();
  let i = 0;
  let j = 0;
  let last = Math.min(su[0], sv[0]);
  let total = 0;

  while (i < su.length || j < sv.length) {
    const next = j >= sv.length || (i < su.length && su[i] <= sv[j]) ? su[i] : sv[j];
    total += Math.abs(i / su.length - j / sv.length) * (next - last);
    last = next;
    while (i < su.length && su[i] === next) i++;
    while (j < sv.length && sv[j] === next) j++;
  }

  return total;
}

/** The projections x·θ of every row of `samples` onto the direction θ. */
export function project(samples: Samples, direction: ArrayLike<number>): Float64Array {
  const out = new Float64Array(samples.count);
  for (let p = 0; p < samples.count; p++) {
    let s = 0;
    for (let j = 0; j < samples.dim; j++) s += samples.points[p * samples.dim + j] * direction[j];
    out[p] = s;
  }
  return out;
}

/**
 * Sliced 1-Wasserstein distance: the mean over the given unit `directions` θ_l (rows of length
 * dim) of W1 between the projected samples, (1/L) Σ_l W1(θ_l·X, θ_l·Y).
 */
export function slicedWasserstein(a: Samples, b: Samples, directions: Float64Array[]): number {
  let total = 0;
  for (const theta of directions) total += wasserstein1d(project(a, theta), project(b, theta));
  return total / directions.length;
}

/** `count` directions uniform on the unit sphere of R^dim: normalised standard normal vectors. */
export function randomDirections(dim: number, count: number, normal: () => number): Float64Array[] {
  return Array.from({ length: count }, () => {
    const theta = Float64Array.from({ length: dim }, () => normal());
    const norm = Math.hypot(...theta) || 1;
    return theta.map((v) => v / norm);
  });
}

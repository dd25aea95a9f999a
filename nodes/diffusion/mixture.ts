import { NodeInputError, type Params } from '../../src/lib/graph/node-type';
import type { GaussianMixture, Samples } from '../../src/lib/graph/values';
import { readGroups, readNumberList } from './text-params';

/**
 * Bounds on a mixture. The exact predictor costs one term per component and point at every
 * step, and squared distances of means beyond 1e6 (or variances beyond 1e12) leave nothing
 * for the distances and the 32-bit training to resolve: means of 1e300 ended in a NaN distance.
 */
const MAX_COMPONENTS = 256;
const MAX_MEAN = 1e6;
const MAX_VARIANCE = 1e12;

/**
 * Builds a Gaussian mixture on R^dim from the text params `weights` ("0.3, 0.7"), `means` (one
 * point per component, components separated by ";") and `variances` (per component, one number
 * for all coordinates or one per coordinate). Weights are normalised to sum to 1.
 */
export function readMixture(params: Params, dim: number, defaults: Params): GaussianMixture {
  const weights = readNumberList(params, 'weights', String(defaults.weights));
  const means = readGroups(params, 'means', String(defaults.means), dim);
  const variances = readGroups(params, 'variances', String(defaults.variances), dim, true);

  const k = weights.length;
  if (means.length !== k || variances.length !== k) {
    throw new NodeInputError(
      `Params "weights", "means" and "variances" must describe the same number of components; ` +
        `found ${k}, ${means.length} and ${variances.length}.`,
      means.length !== k ? 'means' : 'variances'
    );
  }
  if (weights.some((w) => w < 0) || weights.every((w) => w === 0)) {
    throw new NodeInputError(
      `Param "weights" must hold non-negative numbers, not all zero; found ${weights.join(', ')}.`,
      'weights'
    );
  }
  if (k > MAX_COMPONENTS) {
    throw new NodeInputError(
      `Param "weights" lists ${k} components; at most ${MAX_COMPONENTS} are supported.`,
      'weights'
    );
  }
  const far = means.flat().find((m) => Math.abs(m) > MAX_MEAN);
  if (far !== undefined) {
    throw new NodeInputError(
      `Param "means" must hold numbers between -${MAX_MEAN} and ${MAX_MEAN}; found ${far}. ` +
        'Rescale the mixture.',
      'means'
    );
  }
  if (variances.flat().some((v) => v > MAX_VARIANCE)) {
    throw new NodeInputError(
      `Param "variances" must hold numbers of at most ${MAX_VARIANCE}; found ` +
        `${variances.flat().join(', ')}. Rescale the mixture.`,
      'variances'
    );
  }
  if (variances.flat().some((v) => !(v > 0))) {
    throw new NodeInputError(
      `Param "variances" must hold positive numbers; found ${variances.flat().join(', ')}.`,
      'variances'
    );
  }

  // A sum that overflows ("1e308, 1e308" gave Infinity and weights of 0) is redone with the
  // weights scaled by the largest; otherwise the plain sum, as before.
  const top = weights.reduce((m, w) => Math.max(m, w), 0);
  const plain = weights.reduce((s, w) => s + w, 0);
  const scale = Number.isFinite(plain) ? 1 : top;
  const total = Number.isFinite(plain) ? plain : weights.reduce((s, w) => s + w / top, 0);
  return {
    dim,
    weights: Float64Array.from(weights, (w) => w / scale / total),
    means: Float64Array.from(means.flat()),
    variances: Float64Array.from(variances.flat())
  };
}

/**
 * Draws `count` points from the mixture: a component by its weight (one uniform), then each
 * coordinate from its normal law (`normal` gives standard normal numbers).
 */
export function sampleMixture(
  mixture: GaussianMixture,
  count: number,
  random: () => number,
  normal: () => number
): Samples {
  const { dim, weights, means, variances } = mixture;
  const points = new Float64Array(count * dim);

  for (let p = 0; p < count; p++) {
    let u = random();
    let k = 0;
    while (k < weights.length - 1 && u >= weights[k]) u -= weights[k++];

    for (let j = 0; j < dim; j++) {
      const c = k * dim + j;
      points[p * dim + j] = means[c] + Math.sqrt(variances[c]) * normal();
    }
  }

  return { dim, count, points };
}

/**
 * The exact noise predictor of mixture data at a step with cumulative product ᾱ (`alphaBar`):
 * the forward marginal is p(x) = Σ_k w_k N(x; √ᾱ μ_k, diag(ᾱ v_k + 1 − ᾱ)), and
 * z(x) = −√(1−ᾱ) ∇log p(x) = √(1−ᾱ) Σ_k r_k(x) (x − √ᾱ μ_k) / (ᾱ v_k + 1
 * − ᾱ), with the responsibilities r_k computed in log space (log-sum-exp). Writes z of every
 * row of `x` into `out` (same layout) and returns it.
 */
export function exactMixtureNoise(
  mixture: GaussianMixture,
  alphaBar: number,
  x: Float64Array,
  out: Float64Array
): Float64Array {
  const { dim, weights, means, variances } = mixture;
  const count = x.length / dim;
  const components = weights.length;
  const rootBar = Math.sqrt(alphaBar);
  const variance = variances.map((v) => alphaBar * v + 1 - alphaBar);
  const logNorm = weights.map((w, k) => {
    let s = Math.log(w);
    for (let j = 0; j < dim; j++) s -= 0.5 * Math.log(2 * Math.PI * variance[k * dim + j]);
    return s;
  });
  // Per component: the log of its weighted density at x, then exp of that less the largest.
  const share = new Float64Array(components);

  for (let p = 0; p < count; p++) {
    const row = p * dim;
    let top = -Infinity;
    for (let k = 0; k < components; k++) {
      let s = logNorm[k];
      for (let j = 0; j < dim; j++) {
        const d = x[row + j] - rootBar * means[k * dim + j];
        s -= (0.5 * d * d) / variance[k * dim + j];
      }
      share[k] = s;
      top = Math.max(top, s);
    }

    let total = 0;
    for (let k = 0; k < components; k++) {
      share[k] = Math.exp(share[k] - top);
      total += share[k];
    }
    for (let j = 0; j < dim; j++) out[row + j] = 0;
    for (let k = 0; k < components; k++) {
      const r = share[k] / total;
      for (let j = 0; j < dim; j++) {
        const c = k * dim + j;
        out[row + j] += (r * (x[row + j] - rootBar * means[c])) / variance[c];
      }
    }
    for (let j = 0; j < dim; j++) out[row + j] *= Math.sqrt(1 - alphaBar);
  }

  return out;
}

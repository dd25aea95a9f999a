import { NodeInputError } from '../../src/lib/graph/node-type';
import type { NoisePredictor, Samples, Schedule } from '../../src/lib/graph/values';
import { exactMixtureNoise } from './mixture';
import { fillNormal } from './normal';

/** The choices of the reverse-step noise variance σ_i² offered by the sampler. */
export const SIGMA_KINDS = ['default', 'beta', 'posterior'] as const;
export type SigmaKind = (typeof SIGMA_KINDS)[number];

/**
 * σ_i² at step i (1-based): `default` (1 − α_i)/α_i, `beta` 1 − α_i, or `posterior`
 * (1 − ᾱ_{i−1})/(1 − ᾱ_i) · (1 − α_i) with ᾱ_0 = 1, as in issue 5.
 */
export function sigmaSquared(schedule: Schedule, i: number, kind: SigmaKind): number {
  const a = schedule.alphas[i - 1];
  if (kind === 'default') return (1 - a) / a;
  if (kind === 'beta') return 1 - a;

  const barBefore = i >= 2 ? schedule.alphaBars[i - 2] : 1;
  return ((1 - barBefore) / (1 - schedule.alphaBars[i - 1])) * (1 - a);
}

/**
 * One reverse step from x̂_i to x̂_{i−1} for every row:
 * x̂_{i−1} = (x̂_i − (1 − α_i)/√(1 − ᾱ_i) · z) / √α_i + σ_i ξ, where `z` holds
 * z_i(x̂_i) and `xi` standard normal numbers (ignored at i = 1, where ξ_1 = 0). Writes into
 * `out`, which may be `x`.
 */
export function reverseStep(
  schedule: Schedule,
  i: number,
  kind: SigmaKind,
  x: Float64Array,
  z: Float64Array,
  xi: Float64Array,
  out: Float64Array
): Float64Array {
  const a = schedule.alphas[i - 1];
  const gain = (1 - a) / Math.sqrt(1 - schedule.alphaBars[i - 1]);
  const scale = 1 / Math.sqrt(a);
  const sigma = i === 1 ? 0 : Math.sqrt(sigmaSquared(schedule, i, kind));

  for (let k = 0; k < x.length; k++) out[k] = scale * (x[k] - gain * z[k]) + sigma * xi[k];
  return out;
}

/** z_i(x) for every row of `x`, written into `out`: the predictor evaluated at step i. */
export function predictNoise(
  predictor: NoisePredictor,
  schedule: Schedule,
  i: number,
  x: Float64Array,
  out: Float64Array
): Float64Array {
  return exactMixtureNoise(predictor.mixture, schedule.alphaBars[i - 1], x, out);
}

/** The dimension of the points a predictor works on. */
export function predictorDim(predictor: NoisePredictor): number {
  return predictor.mixture.dim;
}

/**
 * Runs the reverse process from x̂_n = ξ_n ~ N(0, I) down to x̂_0 for `count` points, with
 * standard normal numbers from `normal`. Checks the signal and reports progress every 1/50 of
 * the steps, and stops with a NodeInputError when a point stops being finite.
 */
export function sampleReverse(
  schedule: Schedule,
  predictor: NoisePredictor,
  sigma: SigmaKind,
  count: number,
  normal: () => number,
  report: { signal?: AbortSignal; progress?: (fraction: number) => void } = {}
): Samples {
  const dim = predictorDim(predictor);
  const n = schedule.alphas.length;
  const x = fillNormal(new Float64Array(count * dim), normal);
  const z = new Float64Array(x.length);
  const xi = new Float64Array(x.length);
  const every = Math.max(1, Math.floor(n / 50));

  for (let i = n; i >= 1; i--) {
    predictNoise(predictor, schedule, i, x, z);
    if (i > 1) fillNormal(xi, normal);
    reverseStep(schedule, i, sigma, x, z, xi, x);

    if ((n - i + 1) % every === 0) {
      report.signal?.throwIfAborted();
      report.progress?.((n - i + 1) / n);
      if (!x.every(Number.isFinite)) {
        throw new NodeInputError(
          `The sampler diverged: a point is no longer finite at step ${i - 1} of ${n}. Check ` +
            'the schedule (α_i near 0 blow up 1/√α_i) and the predictor.',
          'schedule'
        );
      }
    }
  }

  return { dim, count, points: x };
}

import { NodeInputError } from '../../src/lib/graph/node-type';
import type { Samples, Schedule } from '../../src/lib/graph/values';
import { fillNormal } from './normal';
import { Pacer } from '../pace';
import { evaluateNoise, type NoiseFunction } from './predict';

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

/** Called after each reverse step with the step reached (n − 1 down to 0) and the points. */
export type StepWatcher = (step: number, x: Float64Array) => void;

/**
 * Runs the reverse process from x̂_n = ξ_n ~ N(0, I) down to x̂_0 for `count` points, with
 * standard normal numbers from `normal` and the predictor `noise`. `watch` sees x̂_n and every
 * later x̂_i. Checks the signal every step and between blocks of rows (`evaluateNoise`); every
 * `SLICE_MS` it reports progress and yields to the event loop, so a cancel sent to a worker
 * arrives. Stops with a NodeInputError when a point stops being finite (checked every 1/50
 * of the steps and at the end).
 */
export async function sampleReverse(
  schedule: Schedule,
  noise: NoiseFunction,
  sigma: SigmaKind,
  count: number,
  normal: () => number,
  report: { signal?: AbortSignal; progress?: (fraction: number) => void } = {},
  watch?: StepWatcher
): Promise<Samples> {
  const dim = noise.dim;
  const n = schedule.alphas.length;
  const x = fillNormal(new Float64Array(count * dim), normal);
  const z = new Float64Array(x.length);
  const xi = new Float64Array(x.length);
  const every = Math.max(1, Math.floor(n / 50));
  const pacer = new Pacer(report.signal, report.progress);
  watch?.(n, x);

  for (let i = n; i >= 1; i--) {
    await pacer.tick((n - i) / n);
    await evaluateNoise(noise, i, x, z, pacer);
    if (i > 1) fillNormal(xi, normal);
    reverseStep(schedule, i, sigma, x, z, xi, x);
    watch?.(i - 1, x);

    if ((n - i + 1) % every === 0 || i === 1) {
      if (!x.every(Number.isFinite)) {
        throw new NodeInputError(
          `The sampler diverged: a point is no longer finite at step ${i - 1} of ${n}. Check ` +
            'the schedule (α_i near 0 blow up 1/√α_i) and the predictor.',
          'schedule'
        );
      }
    }
  }

  report.progress?.(1);
  return { dim, count, points: x };
}

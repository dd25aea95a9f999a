import type { GaussianMixture, Schedule } from '../../src/lib/graph/values';
import { exactMixtureNoise, sampleMixture } from './mixture';
import { Pacer } from '../pace';
import { evaluateNoise, type NoiseFunction } from './predict';

/** Monte Carlo estimates of how far a noise predictor is from a mixture's exact one. */
export interface ScoreErrorEstimate {
  /** L(n) = (1/n) Σ_i E|s_i(x_i) − ∇log p_i(x_i)|², with s_i = −z_i/√(1 − ᾱ_i). */
  scoreError: number;
  /** (1/n) Σ_i E|z_i(x_i) − z*_i(x_i)|², the same error on the noise scale. */
  noiseError: number;
  /** The largest |z_i(x_i)| (Euclidean norm) over every point evaluated. */
  supNoise: number;
  /** The per-step terms E|s_i − ∇log p_i|², at index i − 1. */
  perStep: Float64Array;
}

/**
 * Estimates L(n), the noise-scale error and sup |z| of `noise` against the exact predictor
 * of `mixture`: for every step i it draws `perStep` points x_i = √ᾱ_i x₀ + √(1−ᾱ_i) Z with
 * x₀ from the mixture, so the mean over i is exact and only E over x_i is Monte Carlo. Since
 * ∇log p_i = −z*_i/√(1−ᾱ_i), each term is |z_i − z*_i|²/(1 − ᾱ_i). Checks `signal` and
 * yields to the event loop as it goes, so a cancel arrives mid-estimate.
 */
export async function estimateScoreError(
  noise: NoiseFunction,
  mixture: GaussianMixture,
  schedule: Schedule,
  perStep: number,
  random: () => number,
  normal: () => number,
  signal?: AbortSignal,
  progress?: (fraction: number) => void
): Promise<ScoreErrorEstimate> {
  const { dim } = mixture;
  const n = schedule.alphaBars.length;
  const x = new Float64Array(perStep * dim);
  const z = new Float64Array(x.length);
  const exact = new Float64Array(x.length);
  const terms = new Float64Array(n);
  let noiseSum = 0;
  let supNoise = 0;
  const pacer = new Pacer(signal, progress);

  for (let i = 1; i <= n; i++) {
    await pacer.tick((i - 1) / n);
    const bar = schedule.alphaBars[i - 1];
    const data = sampleMixture(mixture, perStep, random, normal).points;
    for (let k = 0; k < x.length; k++) {
      x[k] = Math.sqrt(bar) * data[k] + Math.sqrt(1 - bar) * normal();
    }
    await evaluateNoise(noise, i, x, z, pacer);
    exactMixtureNoise(mixture, bar, x, exact);

    let squared = 0;
    for (let p = 0; p < perStep; p++) {
      let norm = 0;
      for (let j = 0; j < dim; j++) {
        const v = z[p * dim + j];
        const d = v - exact[p * dim + j];
        squared += d * d;
        norm += v * v;
      }
      supNoise = Math.max(supNoise, Math.sqrt(norm));
    }
    noiseSum += squared / perStep;
    terms[i - 1] = squared / perStep / (1 - bar);
  }

  const scoreError = terms.reduce((s, t) => s + t, 0) / n;
  return { scoreError, noiseError: noiseSum / n, supNoise, perStep: terms };
}

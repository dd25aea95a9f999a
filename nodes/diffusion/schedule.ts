import { NodeInputError } from '../../src/lib/graph/node-type';
import type { Schedule } from '../../src/lib/graph/values';

/**
 * A schedule from its α_i, after checking that each lies strictly between 0 and 1; the
 * cumulative products ᾱ_i = α_1⋯α_i are accumulated in log space. Errors name `field`.
 */
export function makeSchedule(name: string, alphas: Float64Array, field = 'alphas'): Schedule {
  if (alphas.length < 1) {
    throw new NodeInputError(`A schedule needs at least 1 step; "${field}" gives none.`, field);
  }

  const alphaBars = new Float64Array(alphas.length);
  let logBar = 0;
  for (let i = 0; i < alphas.length; i++) {
    const a = alphas[i];
    if (!(a > 0 && a < 1)) {
      throw new NodeInputError(
        `Every α_i must lie strictly between 0 and 1; α_${i + 1} of the ${name} schedule is ` +
          `${a}. Change "${field}".`,
        field
      );
    }
    logBar += Math.log(a);
    alphaBars[i] = Math.exp(logBar);
  }

  return { name, alphas, alphaBars };
}

/**
 * Linear β (Ho, Jain and Abbeel 2020): β_i rises linearly from `betaMin` at i = 1 to `betaMax`
 * at i = n, and α_i = 1 − β_i. Ho et al. use 1e-4 and 0.02 with n = 1000.
 */
export function linearBetaAlphas(n: number, betaMin: number, betaMax: number): Float64Array {
  return Float64Array.from({ length: n }, (_, k) => {
    const t = n === 1 ? 0 : k / (n - 1);
    return 1 - (betaMin + (betaMax - betaMin) * t);
  });
}

/**
 * Cosine schedule (Nichol and Dhariwal 2021): ᾱ(i) = f(i)/f(0) with
 * f(i) = cos²(((i/n + s)/(1 + s)) π/2), α_i = ᾱ(i)/ᾱ(i−1), and β_i = 1 − α_i clipped
 * at 0.999 so the last step keeps α_n > 0.
 */
export function cosineAlphas(n: number, offset: number): Float64Array {
  const f = (i: number) => Math.cos((((i / n + offset) / (1 + offset)) * Math.PI) / 2) ** 2;
  return Float64Array.from({ length: n }, (_, k) => Math.max(f(k + 1) / f(k), 0.001));
}

/**
 * The log-log family: a constant α_i = exp(−c · log log n / n) for all i, so that
 * −log min_i α_i = c · log log n / n meets the condition O(log log n / n) exactly and
 * ᾱ_n = (log n)^−c tends to 0 as n grows. Defined for n ≥ 3 (log log n > 0).
 */
export function logLogAlphas(n: number, rate: number): Float64Array {
  if (n < 3) {
    throw new NodeInputError(
      `The log-log schedule needs n ≥ 3 steps, since log log n ≤ 0 below; found n = ${n}.`,
      'steps'
    );
  }
  return new Float64Array(n).fill(Math.exp((-rate * Math.log(Math.log(n))) / n));
}

/**
 * The quantity n · (−log min_i α_i) / log log n of the schedule condition: it stays
 * bounded as n grows exactly when the condition holds. NaN for n < 3, where log log n ≤ 0.
 */
export function conditionRatio(alphas: Float64Array): number {
  const n = alphas.length;
  if (n < 3) return NaN;
  const smallest = alphas.reduce((m, a) => Math.min(m, a), 1);
  return (n * -Math.log(smallest)) / Math.log(Math.log(n));
}

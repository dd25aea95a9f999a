import { readFileSync } from 'node:fs';
import { seededRandom } from '../../../../src/lib/engine/random';
import type { RlRuns } from '../../../../src/lib/graph/values';
import { fakeContext, type TestContext } from '../topology/fake-context';

/** Mean, sample standard deviation and count of per-seed values, as the NumPy script writes. */
export interface Summary {
  mean: number;
  sd: number;
  n: number;
}

/** Reads a fixture of tests/fixtures/rl. */
export function readRlFixture<T>(name: string): T {
  return JSON.parse(
    readFileSync(new URL(`../../../fixtures/rl/${name}`, import.meta.url), 'utf8')
  ) as T;
}

/** A test context whose random source is the engine's seeded one. */
export function seededContext(seed = 7): TestContext {
  return { ...fakeContext(), random: seededRandom(seed, 'rl-test') };
}

/** Summary over seeds of one per-seed statistic of the runs. */
export function perSeed(runs: RlRuns, value: (seed: number) => number): Summary {
  const values = Array.from({ length: runs.seeds }, (_, s) => value(s));
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, sd: Math.sqrt(variance), n: values.length };
}

/** Mean of `series` over episodes from..to-1 of one seed. */
export function seedMean(
  runs: RlRuns,
  series: ArrayLike<number>,
  seed: number,
  from = 0,
  to = runs.episodes
): number {
  let sum = 0;
  for (let e = from; e < to; e++) sum += series[seed * runs.episodes + e];
  return sum / (to - from);
}

/**
 * Welch's z statistic of the difference of two means over independent seeds. Both sides are
 * means of 100+ independent seeds, so under the hypothesis that both implementations sample
 * the same process it is close to standard normal; |z| > 4 then happens with probability
 * 6e-5 per comparison.
 */
export function welchZ(a: Summary, b: Summary): number {
  const se = Math.sqrt((a.sd * a.sd) / a.n + (b.sd * b.sd) / b.n);
  return se === 0 ? (a.mean === b.mean ? 0 : Infinity) : (a.mean - b.mean) / se;
}

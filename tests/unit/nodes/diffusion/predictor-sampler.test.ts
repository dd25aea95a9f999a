import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GaussianMixture, Schedule } from '../../../../src/lib/graph/values';
import { exactMixtureNoise, readMixture } from '../../../../nodes/diffusion/mixture';
import { makeSchedule } from '../../../../nodes/diffusion/schedule';
import { reverseStep, sampleReverse, type SigmaKind } from '../../../../nodes/diffusion/sampler';
import { normalSource } from '../../../../nodes/diffusion/normal';
import { noiseFunction } from '../../../../nodes/diffusion/predict';
import type { RunContext } from '../../../../src/lib/graph/node-type';

const noTf = {} as RunContext['tf'];

interface MixtureCase {
  dim: number;
  weights: number[];
  means: number[][];
  variances: number[][];
}
const fixture = JSON.parse(
  readFileSync(new URL('../../../fixtures/diffusion/ddpm.json', import.meta.url), 'utf8')
);

function mixtureOf(m: MixtureCase): GaussianMixture {
  return {
    dim: m.dim,
    weights: Float64Array.from(m.weights),
    means: Float64Array.from(m.means.flat()),
    variances: Float64Array.from(m.variances.flat())
  };
}

describe('exactMixtureNoise', () => {
  // The reference differentiates scipy's log-density by central differences (h = 1e-5), whose
  // error is about 1e-9 here; 1e-6 leaves room for it and for rounding.
  it('matches −√(1−ᾱ) ∇log p_i from SciPy at given points and steps', () => {
    for (const c of fixture.predictor) {
      const z = exactMixtureNoise(
        mixtureOf(c.mixture),
        c.alphaBar,
        Float64Array.from(c.x),
        new Float64Array(c.x.length)
      );
      c.z.forEach((v: number, j: number) => expect(Math.abs(z[j] - v)).toBeLessThan(1e-6));
    }
  });

  it('gives the standard normal noise x itself when ᾱ is tiny (p_i ≈ N(0, I))', () => {
    const mixture = mixtureOf(fixture.predictor[0].mixture);
    const z = exactMixtureNoise(mixture, 1e-12, Float64Array.of(1.5), new Float64Array(1));

    expect(z[0]).toBeCloseTo(1.5, 5);
  });
});

describe('reverseStep', () => {
  const schedule: Schedule = makeSchedule('fixture', Float64Array.from(fixture.step.alphas));

  it('takes one step from given x, z and ξ as the NumPy reference, for each σ choice', () => {
    for (const c of fixture.step.cases) {
      const out = reverseStep(
        schedule,
        c.i,
        c.sigma as SigmaKind,
        Float64Array.from(c.x),
        Float64Array.from(c.z),
        Float64Array.from(c.xi),
        new Float64Array(2)
      );
      c.expected.forEach((v: number, j: number) => expect(out[j]).toBeCloseTo(v, 12));
    }
  });
});

describe('sampleReverse', () => {
  it('gives the same points for the same seed', async () => {
    const mixture = readMixture({}, 1, { weights: '1', means: '2', variances: '0.5' });
    const schedule = makeSchedule('constant', new Float64Array(20).fill(0.8));
    const noise = noiseFunction({ kind: 'exact-mixture', mixture }, schedule, noTf);
    const draw = () => {
      let k = 0;
      return normalSource(() => ((k = (k * 16807 + 11) % 2147483647) + 0.5) / 2147483647);
    };

    const a = await sampleReverse(schedule, noise, 'default', 50, draw());
    const b = await sampleReverse(schedule, noise, 'default', 50, draw());

    expect(Array.from(a.points)).toEqual(Array.from(b.points));
  });

  it('stops when the run is cancelled', async () => {
    const mixture = readMixture({}, 1, { weights: '1', means: '2', variances: '0.5' });
    const schedule = makeSchedule('constant', new Float64Array(10).fill(0.8));
    const noise = noiseFunction({ kind: 'exact-mixture', mixture }, schedule, noTf);
    const controller = new AbortController();
    controller.abort();
    const run = sampleReverse(schedule, noise, 'default', 3, () => 0.1, {
      signal: controller.signal
    });

    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('stops with a message naming the step when a point stops being finite', async () => {
    const mixture = readMixture({}, 1, { weights: '1', means: '2', variances: '0.5' });
    const schedule = makeSchedule('constant', new Float64Array(10).fill(0.8));
    const noise = noiseFunction({ kind: 'exact-mixture', mixture }, schedule, noTf);
    const run = sampleReverse(schedule, noise, 'default', 3, () => NaN);

    await expect(run).rejects.toThrow(/diverged.*at step 9 of 10/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Correlation } from '../../../../src/lib/graph/values';
import { bootstrapCorrelation, quantile } from '../../../../nodes/analysis/bootstrap';
import { correlationNode } from '../../../../nodes/analysis/correlation';
import { fakeContext } from '../topology/fake-context';
import { seededContext } from './seeded';

interface Coefficient {
  estimate: number;
  interval: [number, number];
  standardError: number;
}
interface BootstrapCase {
  name: string;
  x: number[];
  y: number[];
  confidence: number;
  pearson: Coefficient;
  spearman: Coefficient;
}

const fixture: { cases: BootstrapCase[] } = JSON.parse(
  readFileSync(new URL('../../../fixtures/analysis/bootstrap.json', import.meta.url), 'utf8')
);

/**
 * A quantile estimated from B resamples has a Monte Carlo standard error of about
 * √(q(1 − q)/B) / f(ξ_q); for a normal bootstrap law of spread s and q = 0.025 that is 0.085 s
 * at B = 1000 and 0.042 s at B = 4000 (0.055 s and 0.027 s at q = 0.05). The tolerances allow about
 * five of those, in units of SciPy's bootstrap standard error.
 */
const TOLERANCE = { 1000: 0.45, 4000: 0.25 };

function expectNear(actual: [number, number], expected: Coefficient, relative: number) {
  const allowed = relative * expected.standardError;
  expect(Math.abs(actual[0] - expected.interval[0])).toBeLessThanOrEqual(allowed);
  expect(Math.abs(actual[1] - expected.interval[1])).toBeLessThanOrEqual(allowed);
}

describe('quantile', () => {
  it('interpolates linearly between order statistics, as NumPy percentile', () => {
    const sorted = Float64Array.of(1, 2, 3, 4);

    expect(quantile(sorted, 0.25)).toBe(1.75);
    expect(quantile(sorted, 0)).toBe(1);
    expect(quantile(sorted, 1)).toBe(4);
  });
});

describe('bootstrapCorrelation', () => {
  it.each(fixture.cases.map((c) => [c.name, c]))(
    'gives the percentile intervals of scipy.stats.bootstrap for %s (4000 resamples)',
    async (_, c) => {
      const intervals = await bootstrapCorrelation(c.x, c.y, 4000, c.confidence, seededContext(1));

      expect(intervals.used).toBe(4000);
      expectNear(intervals.pearson!, c.pearson, TOLERANCE[4000]);
      expectNear(intervals.spearman!, c.spearman, TOLERANCE[4000]);
    }
  );

  it('gives the same intervals for the same seed', async () => {
    const c = fixture.cases[1];

    const once = await bootstrapCorrelation(c.x, c.y, 200, 0.95, seededContext(9));
    const again = await bootstrapCorrelation(c.x, c.y, 200, 0.95, seededContext(9));

    expect(again).toEqual(once);
  });

  it('leaves out resamples in which a series is constant', async () => {
    // A random source stuck at 0.5 draws the same pair n times: every resample is constant.
    const intervals = await bootstrapCorrelation([1, 2, 3], [3, 1, 2], 50, 0.95, fakeContext());

    expect(intervals).toEqual({ used: 0 });
  });
});

describe('correlationNode with bootstrap intervals', () => {
  const c = fixture.cases[0];
  const inputs = { x: Float64Array.from(c.x), y: Float64Array.from(c.y) };

  it('adds intervals from 1000 resamples by default that contain the point estimates', async () => {
    const { correlation } = (await correlationNode.run(inputs, {}, seededContext(3))) as {
      correlation: Correlation;
    };

    const { pearsonInterval: p, spearmanInterval: s } = correlation;
    expect(p![0]).toBeLessThan(correlation.pearson);
    expect(p![1]).toBeGreaterThan(correlation.pearson);
    expect(s![0]).toBeLessThan(correlation.spearman);
    expect(s![1]).toBeGreaterThan(correlation.spearman);
    expectNear(p!, c.pearson, TOLERANCE[1000]);
    expectNear(s!, c.spearman, TOLERANCE[1000]);
    expect(correlation.count).toBe(200);
  });

  it('computes no interval when bootstrap is 0', async () => {
    const { correlation } = (await correlationNode.run(
      inputs,
      { bootstrap: 0 },
      seededContext(3)
    )) as { correlation: Correlation };

    expect(correlation.pearsonInterval).toBeUndefined();
    expect(correlation.spearmanInterval).toBeUndefined();
  });

  it('narrows the intervals when the confidence is lowered', async () => {
    const run = async (confidence: number) =>
      (
        (await correlationNode.run(inputs, { confidence }, seededContext(4))) as {
          correlation: Correlation;
        }
      ).correlation.pearsonInterval!;

    const wide = await run(0.99);
    const narrow = await run(0.8);

    expect(narrow[0]).toBeGreaterThan(wide[0]);
    expect(narrow[1]).toBeLessThan(wide[1]);
  });

  it('says in the log how many resamples were left out', async () => {
    const context = { ...seededContext(1), random: () => 0.5 };
    const logged: string[] = [];
    context.log = (message: string) => void logged.push(message);

    const { correlation } = (await correlationNode.run(inputs, { bootstrap: 10 }, context)) as {
      correlation: Correlation;
    };

    expect(correlation.pearsonInterval).toBeUndefined();
    expect(logged[0]).toMatch(/10 of 10 bootstrap resamples held a constant series/);
  });

  it('rejects a confidence outside [0.5, 0.999], naming the param', async () => {
    const run = correlationNode.run(inputs, { confidence: 1 }, seededContext(1));

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'confidence' });
  });

  it('rejects a negative number of resamples, naming the param', async () => {
    const run = correlationNode.run(inputs, { bootstrap: -5 }, seededContext(1));

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'bootstrap' });
  });
});

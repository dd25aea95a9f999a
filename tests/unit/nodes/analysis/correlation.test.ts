import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NodeInputError } from '../../../../src/lib/graph/node-type';
import type { Correlation } from '../../../../src/lib/graph/values';
import { averageRanks, correlate, correlationNode } from '../../../../nodes/analysis/correlation';
import { fakeContext } from '../topology/fake-context';

interface CorrelationCase {
  name: string;
  x: number[];
  y: number[];
  pearson: number;
  spearman: number;
  ranksX: number[];
}

const fixture: { cases: CorrelationCase[] } = JSON.parse(
  readFileSync(new URL('../../../fixtures/analysis/correlation.json', import.meta.url), 'utf8')
);
const TOLERANCE = 1e-12;

function errorOf(work: () => unknown): NodeInputError {
  try {
    work();
  } catch (error) {
    return error as NodeInputError;
  }
  throw new Error('Expected the call to throw, but it returned.');
}

describe('correlate', () => {
  it.each(fixture.cases.map((c) => [c.name, c]))('matches SciPy for %s', (_, c) => {
    const result = correlate(Float64Array.from(c.x), Float64Array.from(c.y));

    expect(Math.abs(result.pearson - c.pearson)).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(result.spearman - c.spearman)).toBeLessThanOrEqual(TOLERANCE);
    expect(result.count).toBe(c.x.length);
  });

  it('gives tied values the average of their ranks, as SciPy rankdata', () => {
    for (const c of fixture.cases) {
      expect(Array.from(averageRanks(c.x))).toEqual(c.ranksX);
    }
  });

  it('ranks a small series with ties by hand', () => {
    expect(Array.from(averageRanks([10, 20, 10, 30, 20, 20]))).toEqual([1.5, 4, 1.5, 6, 4, 4]);
  });

  it('rejects series of different lengths, giving both lengths', () => {
    const run = () => correlate([1, 2, 3], [1, 2]);

    expect(run).toThrow(NodeInputError);
    expect(run).toThrow(/same number of values; found 3 and 2/);
  });

  it('rejects a series of fewer than 2 values, naming the input', () => {
    expect(() => correlate([1], [2])).toThrow(/"x" must hold at least 2 values.*found 1/);
  });

  it('rejects NaN, naming the input and the position', () => {
    expect(() => correlate([1, 2, 3], [1, Number.NaN, 3])).toThrow(
      /"y" must hold finite.*value 1 is NaN/
    );
  });

  it('rejects a constant series as having zero variance, naming the input', () => {
    const error = errorOf(() => correlate([1, 2, 3], [4, 4, 4]));

    expect(error).toBeInstanceOf(NodeInputError);
    expect(error.message).toMatch(/"y" has zero variance/);
    expect(error.field).toBe('y');
  });
});

describe('correlationNode', () => {
  it('outputs pearson, spearman and count for its two inputs', async () => {
    const c = fixture.cases[0];

    const { correlation } = (await correlationNode.run(
      { x: Float64Array.from(c.x), y: Float64Array.from(c.y) },
      {},
      fakeContext()
    )) as { correlation: Correlation };

    expect(Math.abs(correlation.pearson - c.pearson)).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(correlation.spearman - c.spearman)).toBeLessThanOrEqual(TOLERANCE);
    expect(correlation.count).toBe(c.x.length);
  });

  it('rejects a missing input with a message naming it', async () => {
    const run = correlationNode.run({ x: Float64Array.of(1, 2) }, {}, fakeContext());

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'y' });
  });
});

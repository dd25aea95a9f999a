import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { spearman } from '../../nodes/analysis/correlation';
import type { RunSummary } from '../../src/lib/engine/events';
import type { Correlation } from '../../src/lib/graph/values';
import { runGraphFile } from './run-graph';

interface TsneRun {
  seed: number;
  distances: number[];
  pearson: number;
  spearman: number;
}
const reference: {
  count: number;
  cosine: { similarities: number[]; pearson: number; spearman: number };
  tsne: { perplexity: number; runs: TsneRun[]; agreement: { min: number; median: number } };
} = JSON.parse(readFileSync('tests/fixtures/graphs/tsne-baseline.json', 'utf-8'));
const runs = reference.tsne.runs;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

describe('graphs/tsne-baseline.json', () => {
  let summary: RunSummary;
  beforeAll(async () => {
    summary = await runGraphFile('graphs/tsne-baseline.json', {
      stsb: { limit: reference.count },
      tsne: { perplexity: reference.tsne.perplexity }
    });
  });
  const correlation = (id: string) => summary.outputs[id].correlation as Correlation;

  it(`runs headlessly on the first ${reference.count} dev pairs`, () => {
    for (const [id, node] of Object.entries(summary.nodes)) {
      expect(node.status, id).toBe('finished');
    }
  });

  it('gives SciPy’s cosine similarities and their correlation with the scores', () => {
    const similarities = summary.outputs.cosine.similarities as Float64Array;

    similarities.forEach((s, i) => expect(s).toBeCloseTo(reference.cosine.similarities[i], 6));
    expect(correlation('cosineCorrelation').count).toBe(reference.count);
    expect(correlation('cosineCorrelation').pearson).toBeCloseTo(reference.cosine.pearson, 6);
    expect(correlation('cosineCorrelation').spearman).toBeCloseTo(reference.cosine.spearman, 6);
  });

  it('gives t-SNE distances whose correlations fall among ten scikit-learn runs (±0.1)', () => {
    const tsne = correlation('tsneCorrelation');
    const range = (key: 'pearson' | 'spearman') => runs.map((r) => r[key]);

    expect(tsne.count).toBe(reference.count);
    expect(tsne.spearman).toBeGreaterThan(Math.min(...range('spearman')) - 0.1);
    expect(tsne.spearman).toBeLessThan(Math.max(...range('spearman')) + 0.1);
    expect(tsne.pearson).toBeGreaterThan(Math.min(...range('pearson')) - 0.1);
    expect(tsne.pearson).toBeLessThan(Math.max(...range('pearson')) + 0.1);
  });

  it('agrees with scikit-learn’s runs about as well as they agree with each other', () => {
    const distances = Array.from(summary.outputs.tsne.distances as Float64Array);

    const agreement = runs.map((r) => spearman(distances, r.distances));

    expect(median(agreement)).toBeGreaterThanOrEqual(reference.tsne.agreement.min);
  });
});

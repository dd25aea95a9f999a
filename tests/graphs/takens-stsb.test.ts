import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Correlation } from '../../src/lib/graph/values';
import { runGraphFile } from './run-graph';

const reference = JSON.parse(readFileSync('tests/fixtures/graphs/takens-stsb.json', 'utf-8'));

describe('graphs/takens-stsb.json', () => {
  const name =
    `runs headlessly on the first ${reference.count} dev pairs ` +
    'and matches the GUDHI/SciPy pipeline';
  it(name, async () => {
    const summary = await runGraphFile('graphs/takens-stsb.json', {
      stsb: { limit: reference.count }
    });
    for (const [id, node] of Object.entries(summary.nodes))
      expect(node.status, id).toBe('finished');

    const distances = summary.outputs.wasserstein.distances as Float64Array;
    expect(distances.length).toBe(reference.count);
    distances.forEach((d, i) => expect(d).toBeCloseTo(reference.distances[i], 4));

    const correlation = summary.outputs.correlation.correlation as Correlation;
    expect(correlation.count).toBe(reference.count);
    expect(correlation.pearson).toBeCloseTo(reference.pearson, 4);
    expect(correlation.spearman).toBeCloseTo(reference.spearman, 4);
  });
});

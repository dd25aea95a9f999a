import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { VectorPairs } from '../../../../src/lib/graph/values';
import { jointProbabilities } from '../../../../nodes/analysis/tsne-affinities';
import { tsneDistanceNode, tsneEmbedding } from '../../../../nodes/analysis/tsne';
import { seededContext } from './seeded';
import { trustworthiness } from './trustworthiness';

interface AffinityCase {
  name: string;
  dim: number;
  points: number[];
  perplexity: number;
  joint: number[];
}
interface Run {
  seed: number;
  divergence: number;
  trustworthiness: number;
}
const fixture: {
  affinities: AffinityCase[];
  divergence: {
    points: number[];
    dim: number;
    perplexity: number;
    neighbours: number;
    runs: Run[];
    embeddingOfSeed0: number[];
  };
} = JSON.parse(
  readFileSync(new URL('../../../fixtures/analysis/tsne.json', import.meta.url), 'utf8')
);
const clustered = fixture.divergence;
const clusteredCount = clustered.points.length / clustered.dim;

function largestRelativeGap(actual: Float64Array, expected: number[]): number {
  let worst = 0;
  expected.forEach((p, k) => (worst = Math.max(worst, Math.abs(actual[k] - p) / p)));
  return worst;
}

describe('jointProbabilities', () => {
  it.each(fixture.affinities.filter((c) => c.name.includes('integer')).map((c) => [c.name, c]))(
    'equals scikit-learn _joint_probabilities to rounding for %s',
    (_, c) => {
      const count = c.points.length / c.dim;

      const joint = jointProbabilities(Float64Array.from(c.points), count, c.dim, c.perplexity);

      expect(joint).toHaveLength(c.joint.length);
      expect(largestRelativeGap(joint, c.joint)).toBeLessThanOrEqual(1e-12);
    }
  );

  it('agrees with scikit-learn within its float32 rounding of distances on real data', () => {
    const c = fixture.affinities.find((c) => c.name.includes('Gaussian'))!;

    const joint = jointProbabilities(Float64Array.from(c.points), 40, c.dim, c.perplexity);

    // float32 distances are off by up to 6e-8 relative; exp(−βd²) turns that into about
    // βd²·6e-8.
    expect(largestRelativeGap(joint, c.joint)).toBeLessThanOrEqual(1e-5);
  });

  it('sums to 1/2 over the condensed pairs (1 over the full matrix)', () => {
    const c = fixture.affinities[0];

    const joint = jointProbabilities(Float64Array.from(c.points), 40, c.dim, c.perplexity);

    expect(Math.abs(joint.reduce((a, b) => a + b, 0) - 0.5)).toBeLessThan(1e-12);
  });
});

describe('tsneEmbedding', () => {
  const points = Float64Array.from(clustered.points);
  const options = { perplexity: clustered.perplexity, iterations: 1000, learningRate: 0 };
  const sklearn = clustered.runs.map((r) => r.divergence);

  it('checks its trustworthiness code against scikit-learn on scikit-learn’s embedding', () => {
    const value = trustworthiness(points, 10, clustered.embeddingOfSeed0, 2, clustered.neighbours);

    expect(Math.abs(value - clustered.runs[0].trustworthiness)).toBeLessThan(1e-12);
  });

  it('ends at a KL divergence within the spread of five scikit-learn runs (±10 %)', async () => {
    const { divergence } = await tsneEmbedding(
      points,
      clusteredCount,
      10,
      options,
      seededContext(1)
    );

    expect(divergence).toBeGreaterThan(0.9 * Math.min(...sklearn));
    expect(divergence).toBeLessThan(1.1 * Math.max(...sklearn));
  });

  it('keeps neighbours: trustworthiness as high as scikit-learn’s embeddings reach', async () => {
    const { embedding } = await tsneEmbedding(
      points,
      clusteredCount,
      10,
      options,
      seededContext(2)
    );

    const value = trustworthiness(points, 10, embedding, 2, clustered.neighbours);

    const worst = Math.min(...clustered.runs.map((r) => r.trustworthiness));
    expect(value).toBeGreaterThan(worst - 0.02);
  });

  it('gives the same embedding for the same seed and another for another seed', async () => {
    const short = { ...options, iterations: 50 };

    const a = await tsneEmbedding(points, clusteredCount, 10, short, seededContext(5));
    const b = await tsneEmbedding(points, clusteredCount, 10, short, seededContext(5));
    const c = await tsneEmbedding(points, clusteredCount, 10, short, seededContext(6));

    expect(b.embedding).toEqual(a.embedding);
    expect(c.embedding).not.toEqual(a.embedding);
  });
});

describe('tsneDistanceNode', () => {
  // Clusters hold points 0–29, 30–59 and 60–89. Pairs 0–14 join two points of the first
  // cluster; pairs 15–44 join points of two different clusters.
  const point = (k: number) => Float32Array.from(clustered.points.slice(k * 10, (k + 1) * 10));
  const range = (from: number) => Array.from({ length: 15 }, (_, i) => point(from + i));
  const first = [...range(0), ...range(30), ...range(60)];
  const second = [...range(15), ...range(75), ...range(45)];
  const vectors: VectorPairs = { dim: 10, first, second };

  it('gives one distance per pair, short within a cluster and long across clusters', async () => {
    const context = seededContext(3);

    const { distances } = (await tsneDistanceNode.run(
      { vectors },
      { perplexity: 10 },
      context
    )) as { distances: Float64Array };

    expect(distances).toHaveLength(45);
    const within = Math.max(...distances.subarray(0, 15));
    const across = Math.min(...distances.subarray(15, 45));
    expect(within).toBeLessThan(across);
    expect(context.fractions.at(-1)).toBe(1);
  });

  it('rejects a perplexity not below the number of sentences, naming the param', async () => {
    const run = tsneDistanceNode.run({ vectors }, { perplexity: 90 }, seededContext(1));

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'perplexity' });
    await expect(run).rejects.toThrow(/below the number of sentences, 90 \(45 pairs\); found 90/);
  });

  it('rejects more sentences than exact t-SNE takes, naming the socket and the count', async () => {
    const one = new Float32Array(2).fill(1);
    const many = { dim: 2, first: Array(3001).fill(one), second: Array(3001).fill(one) };

    const run = tsneDistanceNode.run({ vectors: many }, {}, seededContext(1));

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'vectors' });
    await expect(run).rejects.toThrow(
      /6002 sentences \(3001 pairs\), but exact t-SNE takes at most 6000/
    );
  });

  it('rejects a NaN component, naming the pair', async () => {
    const broken = { ...vectors, first: [...vectors.first] };
    broken.first[4] = Float32Array.from({ length: 10 }, (_, k) => (k === 2 ? NaN : 1));

    const run = tsneDistanceNode.run({ vectors: broken }, {}, seededContext(1));

    await expect(run).rejects.toThrow(/first vector of pair 4 has NaN at component 2/);
  });

  it('stops promptly when cancelled during the iterations', async () => {
    const controller = new AbortController();
    const context = { ...seededContext(1), signal: controller.signal };
    setTimeout(() => controller.abort(), 50);

    const started = Date.now();
    const run = tsneDistanceNode.run({ vectors }, { perplexity: 10, iterations: 100000 }, context);

    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { VectorPairs } from '../../../../src/lib/graph/values';
import { cosineNode, cosineSimilarity } from '../../../../nodes/analysis/cosine';
import { fakeContext } from '../topology/fake-context';

const fixture: { dim: number; first: number[][]; second: number[][]; similarity: number[] } =
  JSON.parse(
    readFileSync(new URL('../../../fixtures/analysis/cosine.json', import.meta.url), 'utf8')
  );
const vectors: VectorPairs = {
  dim: fixture.dim,
  first: fixture.first.map((v) => Float32Array.from(v)),
  second: fixture.second.map((v) => Float32Array.from(v))
};

async function similaritiesOf(value: VectorPairs): Promise<Float64Array> {
  const { similarities } = (await cosineNode.run({ vectors: value }, {}, fakeContext())) as {
    similarities: Float64Array;
  };
  return similarities;
}

describe('cosineSimilarity', () => {
  it('gives 1, −1 and 0 for equal, opposite and orthogonal vectors', () => {
    expect(cosineSimilarity([1, 2, 3], [1, 2, 3])).toBe(1);
    expect(cosineSimilarity([1, 2, 3], [-1, -2, -3])).toBe(-1);
    expect(cosineSimilarity([0, 2], [1, 0])).toBe(0);
  });
});

describe('cosineNode', () => {
  it('matches SciPy for every pair, including vectors scaled by 1e-18 and 1e30', async () => {
    const similarities = await similaritiesOf(vectors);

    expect(similarities).toHaveLength(fixture.similarity.length);
    fixture.similarity.forEach((expected, i) => {
      expect(Math.abs(similarities[i] - expected), `pair ${i}`).toBeLessThanOrEqual(1e-12);
    });
  });

  it('rejects a vector of zeros, naming the pair', async () => {
    const zero = { ...vectors, second: [...vectors.second] };
    zero.second[7] = new Float32Array(fixture.dim);

    const run = similaritiesOf(zero);

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'vectors' });
    await expect(run).rejects.toThrow(/pair 7 has a vector of zeros/);
  });

  it('rejects vectors of different lengths, naming the pair and both lengths', async () => {
    const ragged = { ...vectors, first: [...vectors.first] };
    ragged.first[2] = new Float32Array(fixture.dim - 1).fill(1);

    const run = similaritiesOf(ragged);

    await expect(run).rejects.toThrow(/vectors of 64 components.*first vector of pair 2 has 63/);
  });

  it('rejects a NaN component, naming the pair, the vector and the component', async () => {
    const broken = { ...vectors, second: [...vectors.second] };
    broken.second[5] = vectors.second[5].slice();
    broken.second[5][9] = Number.NaN;

    const run = similaritiesOf(broken);

    await expect(run).rejects.toThrow(/second vector of pair 5 has NaN at component 9/);
  });

  it('rejects different numbers of first and second vectors', async () => {
    const uneven = { ...vectors, second: vectors.second.slice(1) };

    await expect(similaritiesOf(uneven)).rejects.toThrow(
      /vectors .* are not paired: 12 in first, 11 in second/
    );
  });
});

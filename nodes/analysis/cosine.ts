import { NodeInputError, type NodeType } from '../../src/lib/graph/node-type';
import type { VectorPairs } from '../../src/lib/graph/values';
import { forEachPair } from '../topology/pair-loop';
import { checkVectorPairs } from '../topology/vector-pairs';

/**
 * The cosine similarity a·b / (|a| |b|) of two vectors of equal length, in [−1, 1], computed in
 * double precision. NaN when either vector is zero (the angle is undefined).
 */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let k = 0; k < a.length; k++) {
    dot += a[k] * b[k];
    normA += a[k] * a[k];
    normB += b[k] * b[k];
  }

  // Norms are taken apart so that very large or very small vectors do not overflow the product.
  const similarity = dot / Math.sqrt(normA) / Math.sqrt(normB);
  return Math.max(-1, Math.min(1, similarity));
}

/**
 * Node `analysis/cosine`: the cosine similarity of the two sentence vectors of each pair, the
 * plain baseline against which topological distances are judged. Larger means more similar.
 */
export const cosineNode: NodeType = {
  type: 'analysis/cosine',
  version: 1,
  title: 'Cosine similarity',
  category: 'analysis',
  description:
    'Computes the cosine similarity of the two vectors of each pair: the baseline that ' +
    'compares raw embeddings without topology.',
  inputs: { vectors: { type: 'vector-pairs', label: 'vectors' } },
  outputs: { similarities: { type: 'numbers', label: 'similarities' } },
  params: {},

  async run(inputs, _params, context) {
    const vectors = inputs.vectors as VectorPairs;
    const count = checkVectorPairs(vectors, 'vectors');

    const similarities = new Float64Array(count);
    await forEachPair(count, context, (i) => {
      similarities[i] = cosineSimilarity(vectors.first[i], vectors.second[i]);
      if (Number.isNaN(similarities[i])) {
        throw new NodeInputError(
          `Input "vectors" must hold non-zero vectors for a cosine similarity; pair ${i} has a ` +
            'vector of zeros. Remove the pair or check how its vector was made.',
          'vectors'
        );
      }
    });

    return { similarities };
  }
};

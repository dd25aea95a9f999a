import {
  NodeInputError,
  type NodeType,
  type NumberParam,
  type RunContext
} from '../../src/lib/graph/node-type';
import type { VectorPairs } from '../../src/lib/graph/values';
import { forEachPair } from '../topology/pair-loop';
import { readNumberParam } from '../topology/params';
import { checkVectorPairs } from '../topology/vector-pairs';
import { affinityRows } from './tsne-affinities';
import {
  EARLY_EXAGGERATION,
  EXPLORATION_ITERATIONS,
  TsneDescent,
  klDivergence
} from './tsne-optimize';

const PERPLEXITY: NumberParam = {
  kind: 'number',
  default: 30,
  min: 1,
  // Below the sentence count anyway, which MAX_TSNE_POINTS bounds.
  max: 6000,
  help: 'Effective number of neighbours of each sentence; must be below the sentence count.'
};
const ITERATIONS: NumberParam = {
  kind: 'integer',
  default: 1000,
  min: 1,
  max: 100000,
  help: 'Gradient descent steps; the first 250 use early exaggeration.'
};
/**
 * The most sentences the exact method takes: P and the distances need 16 bytes per pair of
 * points while P is built (290 MB at 6000), and each iteration visits every pair.
 */
export const MAX_TSNE_POINTS = 6000;

const LEARNING_RATE: NumberParam = {
  kind: 'number',
  default: 0,
  min: 0,
  max: 1_000_000,
  help: 'Step size; 0 picks max(sentences / 48, 50), scikit-learn\'s "auto".'
};

/** Options of `tsneEmbedding`. */
export interface TsneOptions {
  perplexity: number;
  iterations: number;
  /** Step size; 0 means max(count / 48, 50). */
  learningRate: number;
}

/** A 2-D t-SNE embedding (row-major, two numbers per point) and its final KL divergence. */
export interface TsneResult {
  embedding: Float64Array;
  divergence: number;
}

/**
 * Exact t-SNE (van der Maaten and Hinton 2008) of `count` points of `dim` coordinates into the
 * plane, with scikit-learn's schedule for method='exact', init='random': P from the perplexity
 * search (`jointProbabilities`, row by row), start at N(0, 1e-4²) per coordinate drawn from
 * `context.random` (Box–Muller), early exaggeration 12 with momentum 0.5 for the first 250
 * iterations, then momentum 0.8, with adaptive gains (`TsneDescent`). Cost: O(count²) memory (P
 * and the distances, 8 bytes per pair each, 72 MB at 3000 points while P is built, half that after)
 * and O(count²) time per iteration: at 3000 points of 384 coordinates P takes about 5 s and each
 * iteration about 35 ms, so 1000 iterations take about 40 s. Progress goes from 0 to 0.1 while P is
 * computed, then to 1 over the iterations.
 */
export async function tsneEmbedding(
  points: Float64Array,
  count: number,
  dim: number,
  options: TsneOptions,
  context: RunContext
): Promise<TsneResult> {
  const scaled = (from: number, to: number) => ({
    ...context,
    progress: (fraction: number) => context.progress(from + (to - from) * fraction)
  });

  const rows = affinityRows(points, count, dim, options.perplexity);
  await forEachPair(count, scaled(0, 0.1), (i) => rows.add(i));
  const joint = rows.finish();

  const embedding = new Float64Array(2 * count);
  for (let c = 0; c < embedding.length; c += 2) {
    const radius = 1e-4 * Math.sqrt(-2 * Math.log(1 - context.random()));
    const angle = 2 * Math.PI * context.random();
    embedding[c] = radius * Math.cos(angle);
    embedding[c + 1] = radius * Math.sin(angle);
  }

  const learningRate = options.learningRate > 0 ? options.learningRate : Math.max(count / 48, 50);
  const descent = new TsneDescent(joint, embedding, {
    iterations: options.iterations,
    learningRate,
    exaggeration: EARLY_EXAGGERATION,
    exaggerationIterations: Math.min(EXPLORATION_ITERATIONS, options.iterations)
  });
  await forEachPair(options.iterations, scaled(0.1, 1), (t) => descent.step(t));

  return { embedding, divergence: klDivergence(joint, embedding) };
}

/**
 * Node `analysis/tsne-distance`: the t-SNE baseline of the STS-B study. All 2n sentence vectors
 * (first sentences, then second ones) are embedded together in the plane by `tsneEmbedding`,
 * seeded by the run; the output is the Euclidean distance between the two sentences of each
 * pair in that plane (smaller means more similar). At most MAX_TSNE_POINTS sentences.
 */
export const tsneDistanceNode: NodeType = {
  type: 'analysis/tsne-distance',
  version: 1,
  title: 't-SNE distance',
  category: 'analysis',
  description:
    'Embeds all sentence vectors in the plane with exact t-SNE (seeded), then gives the ' +
    'distance between the two sentences of each pair. Cost grows with the square of the count.',
  inputs: { vectors: { type: 'vector-pairs', label: 'vectors' } },
  outputs: { distances: { type: 'numbers', label: 'distances' } },
  params: { perplexity: PERPLEXITY, iterations: ITERATIONS, learningRate: LEARNING_RATE },

  async run(inputs, params, context) {
    const options: TsneOptions = {
      perplexity: readNumberParam(params, 'perplexity', PERPLEXITY),
      iterations: readNumberParam(params, 'iterations', ITERATIONS),
      learningRate: readNumberParam(params, 'learningRate', LEARNING_RATE)
    };
    const vectors = inputs.vectors as VectorPairs;
    const pairs = checkVectorPairs(vectors, 'vectors');
    const count = 2 * pairs;
    if (count > MAX_TSNE_POINTS) {
      throw new NodeInputError(
        `Input "vectors" holds ${count} sentences (${pairs} pairs), but exact t-SNE takes at ` +
          `most ${MAX_TSNE_POINTS}: its memory and time grow with the square of the count. ` +
          'Use a smaller split or a sample of the pairs.',
        'vectors'
      );
    }
    if (options.perplexity >= count) {
      throw new NodeInputError(
        `Param "perplexity" must be below the number of sentences, ${count} (${pairs} pairs); ` +
          `found ${options.perplexity}. Lower the perplexity or use more pairs.`,
        'perplexity'
      );
    }

    const dim = vectors.dim;
    const points = new Float64Array(count * dim);
    vectors.first.forEach((v, i) => points.set(v, i * dim));
    vectors.second.forEach((v, i) => points.set(v, (pairs + i) * dim));
    const { embedding } = await tsneEmbedding(points, count, dim, options, context);

    const distances = new Float64Array(pairs);
    for (let i = 0; i < pairs; i++) {
      const j = pairs + i;
      distances[i] = Math.hypot(
        embedding[2 * i] - embedding[2 * j],
        embedding[2 * i + 1] - embedding[2 * j + 1]
      );
    }
    return { distances };
  }
};

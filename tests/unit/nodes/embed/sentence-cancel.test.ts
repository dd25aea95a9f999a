import { describe, expect, it } from 'vitest';
import { getNodeType } from '../../../../nodes/registry';
import { loadUseLite } from '../../../../nodes/embed/use-lite';
import type { GraphDocument } from '../../../../src/lib/graph/document';
import type { NodeType } from '../../../../src/lib/graph/node-type';
import type { VectorPairs } from '../../../../src/lib/graph/values';
import { Executor } from '../../../../src/lib/engine/executor';
import { createNodeHost } from '../../../../src/cli/host-node';
import { readFixture } from './fixture';

/**
 * Cancelling the embedding node: the run ends cancelled, no tensor is left behind, and the
 * next run gives the reference vectors. Not timed (bench/cancel measures the latency).
 */
const { embeddings } = readFixture();
const texts = embeddings.map((entry) => entry.text);
// Enough distinct sentences that the node is still embedding when the cancel comes.
const padding = Array.from({ length: 300 }, (_, i) => `${texts[i % texts.length]} (${i})`);

/** A source node that hands the test's sentence pairs to the embedding node. */
const pairsNode: NodeType = {
  type: 'test/pairs',
  version: 1,
  title: 'Pairs',
  category: 'test',
  description: 'The test sentences.',
  inputs: {},
  outputs: { pairs: { type: 'sentence-pairs', label: 'Pairs' } },
  params: {
    extra: { kind: 'integer', default: 0, min: 0, max: 300, help: 'Padding sentences to add.' }
  },
  run: async (_inputs, params) => {
    const first = [...texts, ...padding.slice(0, params.extra as number)];
    return { pairs: { first, second: [...first].reverse() } };
  }
};

const lookup = (type: string) => (type === pairsNode.type ? pairsNode : getNodeType(type));

const graph = (seed: number, extra: number): GraphDocument => ({
  format: 'kumiki-graph',
  version: 1,
  title: 'cancel',
  seed,
  nodes: [
    { id: 'pairs', type: 'test/pairs', version: 1, params: { extra }, position: { x: 0, y: 0 } },
    {
      id: 'embed',
      type: 'embed/sentence',
      version: 1,
      params: { batchSize: 64 },
      position: { x: 0, y: 0 }
    }
  ],
  edges: [{ from: { node: 'pairs', output: 'pairs' }, to: { node: 'embed', input: 'pairs' } }]
});

async function setUp() {
  const host = await createNodeHost({ baseDir: '.' });
  // A cache that keeps nothing, so every run embeds every sentence again.
  host.cache = { get: async () => undefined, set: async () => {} };
  return { host, executor: new Executor(host, lookup) };
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return Array.from(a).reduce((worst, x, i) => Math.max(worst, Math.abs(x - b[i])), 0);
}

describe('embed/sentence cancel', () => {
  it('ends cancelled, leaves no tensors and then matches the reference vectors', async () => {
    const { host, executor } = await setUp();
    const warm = await executor.run(graph(0, 0));
    expect(warm.nodes.embed.status).toBe('finished');
    const tensors = host.tf.memory().numTensors;

    // Cancel at the first progress report and at several moments inside the encoder calls.
    for (const [i, delay] of [-1, 0, 15, 60, 200].entries()) {
      const controller = new AbortController();
      const summary = await executor.run(graph(i + 1, 300), {
        signal: controller.signal,
        onEvent: (event) => {
          if (event.nodeId !== 'embed') return;
          if (delay < 0 && event.kind === 'progress') controller.abort();
          if (delay >= 0 && event.kind === 'started') setTimeout(() => controller.abort(), delay);
        }
      });

      expect(summary.cancelled).toBe(true);
      expect(summary.nodes.embed.status).toBe('cancelled');
      // Let the node's own run settle before counting.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(host.tf.memory().numTensors).toBe(tensors);
    }

    const next = await executor.run(graph(99, 0));
    expect(next.nodes.embed).toMatchObject({ status: 'finished', cached: false });
    expect(host.tf.memory().numTensors).toBe(tensors);
    const vectors = next.outputs.embed.vectors as VectorPairs;
    embeddings.forEach(({ vector }, i) => {
      expect(maxDifference(vectors.first[i], vector)).toBeLessThan(1e-4);
    });
  });

  // The bound that keeps one call near 50 ms on WASM (docs/security.md, bench/cancel).
  it('feeds the encoder at most 128 padded tokens per call', async () => {
    const { host, executor } = await setUp();
    const encoder = await loadUseLite({ tf: host.tf, assets: host.assets } as never);
    const sizes: number[][] = [];
    const execute = encoder.model.executeAsync.bind(encoder.model);
    encoder.model.executeAsync = async (inputs, outputs) => {
      const indices = (inputs as Record<string, import('@tensorflow/tfjs').Tensor>).indices;
      const pairs = (await indices.array()) as number[][];
      const rows = 1 + Math.max(...pairs.map(([row]) => row));
      const longest = 1 + Math.max(...pairs.map(([, position]) => position));
      sizes.push([rows, longest]);
      return execute(inputs, outputs);
    };

    try {
      const summary = await executor.run(graph(1, 60));
      expect(summary.nodes.embed.status).toBe('finished');
    } finally {
      encoder.model.executeAsync = execute;
    }

    expect(sizes.length).toBeGreaterThan(1);
    for (const [rows, longest] of sizes) {
      if (rows > 1) expect(rows * longest).toBeLessThanOrEqual(128);
    }
  });
});

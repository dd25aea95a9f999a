import { describe, expect, it } from 'vitest';
import { getNodeType } from '../../../../nodes/registry';
import type { GraphDocument } from '../../../../src/lib/graph/document';
import { Executor } from '../../../../src/lib/engine/executor';
import { createNodeHost } from '../../../../src/cli/host-node';

/**
 * A long session must not leak tensors: the same embedding graph run 100 times (with a new
 * seed each time, so nothing comes from the in-memory cache, and a cache that keeps nothing,
 * so every sentence is embedded again) leaves tf.memory().numTensors where the first run left
 * it. The first run loads the encoder, whose weights stay for later runs.
 */
const RUNS = 100;

const graph = (seed: number): GraphDocument => ({
  format: 'kumiki-graph',
  version: 1,
  title: 'embedding',
  seed,
  nodes: [
    {
      id: 'stsb',
      type: 'data/stsb',
      version: 1,
      params: { split: 'dev', file: '', limit: 1 },
      position: { x: 0, y: 0 }
    },
    {
      id: 'embed',
      type: 'embed/sentence',
      version: 1,
      params: { batchSize: 8 },
      position: { x: 0, y: 0 }
    },
    { id: 'cosine', type: 'analysis/cosine', version: 1, params: {}, position: { x: 0, y: 0 } }
  ],
  edges: [
    { from: { node: 'stsb', output: 'pairs' }, to: { node: 'embed', input: 'pairs' } },
    { from: { node: 'embed', output: 'vectors' }, to: { node: 'cosine', input: 'vectors' } }
  ]
});

describe('tensor memory over repeated runs', () => {
  it(`stays flat over ${RUNS} runs of an embedding graph`, async () => {
    const host = await createNodeHost({ baseDir: '.' });
    host.cache = { get: async () => undefined, set: async () => {} };
    const executor = new Executor(host, getNodeType);

    const first = await executor.run(graph(0));
    expect(first.nodes.cosine.status).toBe('finished');
    const after = host.tf.memory().numTensors;

    const counts: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const summary = await executor.run(graph(run));
      expect(summary.nodes.embed).toMatchObject({ status: 'finished', cached: false });
      counts.push(host.tf.memory().numTensors);
    }
    expect(new Set(counts)).toEqual(new Set([after]));
  });
});

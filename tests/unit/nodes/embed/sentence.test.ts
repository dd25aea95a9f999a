import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { NodeType } from '../../../../src/lib/graph/node-type';
import type { VectorPairs } from '../../../../src/lib/graph/values';
import { sentenceEmbedNode } from '../../../../nodes/embed/sentence';
import { makeTestContext, type TestContext } from './context';
import { readFixture } from './fixture';

const { embeddings } = readFixture();
const texts = embeddings.map((entry) => entry.text);
const pairs = { first: texts, second: [...texts].reverse() };

async function embed(context: TestContext, batchSize = 64, node: NodeType = sentenceEmbedNode) {
  const result = await node.run({ pairs }, { batchSize }, context);
  return result.vectors as VectorPairs;
}

/** The node module loaded afresh, so its model cache starts empty. */
async function freshNode(): Promise<NodeType> {
  vi.resetModules();
  const module = await import('../../../../nodes/embed/sentence');
  return module.sentenceEmbedNode;
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  return Array.from(a).reduce((worst, x, i) => Math.max(worst, Math.abs(x - b[i])), 0);
}

describe('embed/sentence', () => {
  it('matches the reference embeddings within 1e-4', async () => {
    const vectors = await embed(await makeTestContext());

    expect(vectors.dim).toBe(512);
    embeddings.forEach(({ vector }, i) => {
      expect(maxDifference(vectors.first[i], vector)).toBeLessThan(1e-4);
      expect(maxDifference(vectors.second[texts.length - 1 - i], vector)).toBeLessThan(1e-4);
    });
  });

  it('gives the same vectors with batch size 1 and 64', async () => {
    const one = await embed(await makeTestContext(), 1);
    const many = await embed(await makeTestContext(), 64);

    one.first.forEach((vector, i) => {
      expect(maxDifference(vector, many.first[i])).toBeLessThan(1e-5);
    });
  });

  it('stores each distinct sentence once under use-lite:v1 and its SHA-256', async () => {
    const context = await makeTestContext();
    const vectors = await embed(context);

    const expectedKeys = texts.map((text) => {
      return 'use-lite:v1:' + createHash('sha256').update(text, 'utf8').digest('hex');
    });
    expect([...context.store.keys()].sort()).toEqual([...new Set(expectedKeys)].sort());

    const stored = context.store.get(expectedKeys[1]) as Uint8Array;
    expect(Array.from(new Float32Array(stored.slice().buffer))).toEqual(
      Array.from(vectors.first[1])
    );
  });

  it('loads the model once and reuses it in later runs', async () => {
    const node = await freshNode();
    const first = await makeTestContext();
    await embed(first, 64, node);

    const second = await makeTestContext();
    await embed(second, 64, node);

    expect(first.assetReads).toContain('use-lite/group1-shard7of7');
    expect(second.assetReads).toEqual([]);
    expect(second.store.size).toBe(texts.length);
  });

  it('does not load the model when every sentence is cached', async () => {
    const warm = await makeTestContext();
    const expected = await embed(warm);

    const context = await makeTestContext(warm.store);
    const vectors = await embed(context, 64, await freshNode());

    expect(context.assetReads).toEqual([]);
    expect(vectors).toEqual(expected);
  });

  it('leaves the tensor count flat over repeated runs', async () => {
    await embed(await makeTestContext());
    const context = await makeTestContext();
    const before = context.tf.memory().numTensors;

    for (let run = 0; run < 3; run++) await embed(await makeTestContext(), 3);

    expect(context.tf.memory().numTensors).toBe(before);
  });

  it('reports progress after each batch, ending at 1', async () => {
    const context = await makeTestContext();
    await embed(context, 3);

    expect(context.fractions).toEqual([3 / 8, 6 / 8, 1]);
  });

  it('stops with an AbortError when cancelled between batches', async () => {
    const context = await makeTestContext();
    context.progress = (fraction) => {
      context.fractions.push(fraction);
      context.controller.abort();
    };

    await expect(embed(context, 2)).rejects.toMatchObject({ name: 'AbortError' });
    expect(context.fractions).toEqual([2 / 8]);
    expect(context.store.size).toBe(2);
  });

  it('stops with an AbortError before loading when cancelled up front', async () => {
    const node = await freshNode();
    const context = await makeTestContext();
    context.controller.abort();

    await expect(embed(context, 64, node)).rejects.toMatchObject({ name: 'AbortError' });
    expect(context.assetReads).toEqual([]);
  });

  it('stops with an AbortError while the model loads and keeps the load for later', async () => {
    const node = await freshNode();
    const context = await makeTestContext();
    const { read } = context.assets;
    context.assets = {
      read: (name) => {
        context.controller.abort();
        return read(name);
      }
    };

    await expect(embed(context, 64, node)).rejects.toMatchObject({ name: 'AbortError' });
    expect(context.store.size).toBe(0);

    const next = await makeTestContext();
    await embed(next, 64, node);
    expect(next.assetReads).toEqual([]);
    expect(context.assetReads).toContain('use-lite/vocab.json');
  });

  it('gives empty output for an empty sentence list without loading the model', async () => {
    const node = await freshNode();
    const context = await makeTestContext();

    const result = await node.run({ pairs: { first: [], second: [] } }, { batchSize: 64 }, context);

    expect(result.vectors).toEqual({ dim: 512, first: [], second: [] });
    expect(context.assetReads).toEqual([]);
  });

  it('rejects a batch size outside 1 to 512, naming the param', async () => {
    const context = await makeTestContext();

    await expect(embed(context, 0)).rejects.toMatchObject({
      name: 'NodeInputError',
      field: 'batchSize'
    });
    await expect(embed(context, 2.5)).rejects.toMatchObject({ field: 'batchSize' });
  });

  it('rejects pairs of unequal length, naming the input', async () => {
    const context = await makeTestContext();
    const uneven = { first: ['a'], second: [] };
    const run = sentenceEmbedNode.run({ pairs: uneven }, { batchSize: 8 }, context);

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'pairs' });
  });
});

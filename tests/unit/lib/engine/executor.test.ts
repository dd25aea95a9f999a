import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../../../src/lib/graph/document';
import { NodeInputError, type NodeType } from '../../../../src/lib/graph/node-type';
import type { RunEvent } from '../../../../src/lib/engine/events';
import { Executor } from '../../../../src/lib/engine/executor';
import { memoryCache } from '../../../../src/lib/engine/host';

/** Toy node types whose results are easy to check by hand. */
const calls: string[] = [];
const source: NodeType = {
  type: 'test/source',
  version: 1,
  title: 'Source',
  category: 'test',
  description: '',
  inputs: {},
  outputs: { out: { type: 'numbers' } },
  params: { value: { kind: 'number', default: 1, help: '' } },
  async run(_i, params, ctx) {
    calls.push(ctx.nodeId);
    return { out: Float64Array.of(Number(params.value ?? 1)) };
  }
};
const double: NodeType = {
  type: 'test/double',
  version: 1,
  title: 'Double',
  category: 'test',
  description: '',
  inputs: { in: { type: 'numbers' } },
  outputs: { out: { type: 'numbers' } },
  params: { fail: { kind: 'boolean', default: false, help: '' } },
  async run(inputs, params, ctx) {
    calls.push(ctx.nodeId);
    if (params.fail) throw new NodeInputError('Asked to fail.', 'fail');
    return { out: (inputs.in as Float64Array).map((v) => 2 * v) };
  }
};
const slow: NodeType = {
  ...double,
  type: 'test/slow',
  async run(inputs, _p, ctx) {
    for (let i = 0; i < 1000; i++) {
      if (ctx.signal.aborted) throw new DOMException('stopped', 'AbortError');
      await new Promise((r) => setTimeout(r, 5));
    }
    return { out: inputs.in as Float64Array };
  }
};
const draw: NodeType = {
  ...source,
  type: 'test/draw',
  async run(_i, _p, ctx) {
    return { out: Float64Array.from({ length: 4 }, () => ctx.random()) };
  }
};
const types = new Map([source, double, slow, draw].map((t) => [t.type, t]));

const graph = (
  nodes: Array<[string, string, Record<string, unknown>?]>,
  edges: Array<[string, string]>
): GraphDocument => ({
  format: 'kumiki-graph',
  version: 1,
  title: 't',
  seed: 7,
  nodes: nodes.map(([id, type, params]) => ({
    id,
    type,
    version: 1,
    params: (params ?? {}) as never,
    position: { x: 0, y: 0 }
  })),
  edges: edges.map(([from, to]) => ({
    from: { node: from, output: 'out' },
    to: { node: to, input: 'in' }
  }))
});

describe('Executor', () => {
  let executor: Executor;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    executor = new Executor(
      {
        tf,
        files: { read: async () => new Uint8Array() },
        assets: { read: async () => new Uint8Array() },
        cache: memoryCache()
      },
      (t) => types.get(t)
    );
  });

  it('runs nodes in order and passes values along edges', async () => {
    const doc = graph(
      [
        ['b', 'test/double'],
        ['a', 'test/source', { value: 3 }]
      ],
      [['a', 'b']]
    );
    const summary = await executor.run(doc);
    expect(Array.from(summary.outputs.b.out as Float64Array)).toEqual([6]);
  });

  it('re-runs only the changed node and what depends on it', async () => {
    const doc = graph(
      [
        ['a', 'test/source', { value: 1 }],
        ['b', 'test/double'],
        ['c', 'test/source', { value: 5 }]
      ],
      [['a', 'b']]
    );
    await executor.run(doc);
    calls.length = 0;
    doc.nodes[0].params.value = 2;
    const events: RunEvent[] = [];
    await executor.run(doc, { onEvent: (e) => events.push(e) });
    expect(calls).toEqual(['a', 'b']);
    expect(events).toContainEqual({ kind: 'finished', nodeId: 'c', ms: 0, cached: true });
  });

  it('gives two random nodes with equal params their own streams, not one cached result', async () => {
    const both = await executor.run(
      graph(
        [
          ['m1', 'test/draw'],
          ['m2', 'test/draw']
        ],
        []
      )
    );
    expect(both.nodes.m2.cached).toBe(false);
    const fresh = () =>
      new Executor(
        {
          tf,
          files: { read: async () => new Uint8Array() },
          assets: { read: async () => new Uint8Array() },
          cache: memoryCache()
        },
        (t) => types.get(t)
      );
    for (const id of ['m1', 'm2']) {
      const alone = await fresh().run(graph([[id, 'test/draw']], []));
      expect(both.outputs[id].out).toEqual(alone.outputs[id].out);
    }
    expect(both.outputs.m1.out).not.toEqual(both.outputs.m2.out);
  });

  it('blocks only the dependants of a failed node and names the field', async () => {
    const doc = graph(
      [
        ['a', 'test/source'],
        ['b', 'test/double', { fail: true }],
        ['c', 'test/double'],
        ['d', 'test/double']
      ],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['a', 'd']
      ]
    );
    const events: RunEvent[] = [];
    const summary = await executor.run(doc, { onEvent: (e) => events.push(e) });
    expect(summary.nodes.b).toMatchObject({ status: 'failed', error: 'Asked to fail.' });
    expect(events).toContainEqual({
      kind: 'failed',
      nodeId: 'b',
      message: 'Asked to fail.',
      field: 'fail'
    });
    expect(summary.nodes.c.status).toBe('blocked');
    expect(summary.nodes.d.status).toBe('finished');
  });

  it('stops promptly when cancelled', async () => {
    const doc = graph(
      [
        ['a', 'test/source'],
        ['s', 'test/slow'],
        ['c', 'test/double']
      ],
      [
        ['a', 's'],
        ['s', 'c']
      ]
    );
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 100);
    const summary = await executor.run(doc, { signal: controller.signal });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(summary.cancelled).toBe(true);
    expect(summary.nodes.s.status).toBe('cancelled');
    expect(summary.nodes.c.status).toBe('cancelled');
  });

  it('fails the nodes of a cycle and what follows them, and runs the rest', async () => {
    const doc = graph(
      [
        ['a', 'test/source'],
        ['b', 'test/double'],
        ['c', 'test/double'],
        ['d', 'test/double']
      ],
      [
        ['b', 'c'],
        ['c', 'b'],
        ['c', 'd']
      ]
    );
    const summary = await executor.run(doc);
    expect(summary.nodes.a.status).toBe('finished');
    expect(summary.nodes.b.error).toContain('b → c → b');
    expect(summary.nodes.d.status).toBe('blocked');
  });
});

describe('optional inputs', () => {
  it('run the node with the input undefined when nothing feeds it', async () => {
    await tf.setBackend('cpu');
    const seen: unknown[] = [];
    const optional: NodeType = {
      ...double,
      type: 'test/optional',
      inputs: { in: { type: 'numbers', optional: true } },
      async run(inputs) {
        seen.push(inputs.in);
        return { out: Float64Array.of(1) };
      }
    };
    const lookup = (t: string) => (t === 'test/optional' ? optional : types.get(t));
    const host = {
      tf,
      files: { read: async () => new Uint8Array() },
      assets: { read: async () => new Uint8Array() },
      cache: memoryCache()
    };
    const summary = await new Executor(host, lookup).run(graph([['o', 'test/optional']], []));
    expect(summary.nodes.o.status).toBe('finished');
    expect(seen).toEqual([undefined]);
  });
});

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../../../src/lib/graph/document';
import type { NodeType } from '../../../../src/lib/graph/node-type';
import type { RunEvent } from '../../../../src/lib/engine/events';
import { Executor } from '../../../../src/lib/engine/executor';
import { memoryCache } from '../../../../src/lib/engine/host';
import { findNaN, sizeOf } from '../../../../src/lib/engine/output-checks';

/**
 * A node that misbehaves fails alone, with a message: it throws, returns NaN, runs past its
 * time budget, or returns more than its memory budget. Independent nodes still finish.
 */
const node = (type: string, run: NodeType['run'], inputs: NodeType['inputs'] = {}): NodeType => ({
  type,
  version: 1,
  title: type,
  category: 'test',
  description: '',
  inputs,
  outputs: { out: { type: 'numbers' } },
  params: {},
  run
});
const never = new Promise<never>(() => {});
const types = new Map(
  [
    node('t/ok', async () => ({ out: Float64Array.of(1, 2) })),
    node('t/throws', async () => {
      throw new RangeError('Invalid typed array length: -1');
    }),
    node('t/nan', async () => ({ out: Float64Array.of(1, NaN, 3) })),
    node('t/inf', async () => ({ out: Float64Array.of(1, Infinity) })),
    node('t/hangs', async () => never),
    node('t/huge', async () => ({ out: new Float64Array(300_000) })),
    node('t/use', async (inputs) => ({ out: inputs.in as Float64Array }), {
      in: { type: 'numbers' }
    })
  ].map((t) => [t.type, t])
);

/** A graph of one misbehaving node `bad`, its dependant `after`, and an independent `ok`. */
function graphWith(badType: string): GraphDocument {
  const at = { x: 0, y: 0 };
  return {
    format: 'kumiki-graph',
    version: 1,
    title: 't',
    seed: 1,
    nodes: [
      { id: 'bad', type: badType, version: 1, params: {}, position: at },
      { id: 'after', type: 't/use', version: 1, params: {}, position: at },
      { id: 'ok', type: 't/ok', version: 1, params: {}, position: at }
    ],
    edges: [{ from: { node: 'bad', output: 'out' }, to: { node: 'after', input: 'in' } }]
  };
}

let executor: Executor;
beforeAll(async () => {
  await tf.setBackend('cpu');
  const files = { read: async () => new Uint8Array() };
  executor = new Executor({ tf, files, assets: files, cache: memoryCache() }, (t) => types.get(t));
});

async function runBad(badType: string, options = {}) {
  const events: RunEvent[] = [];
  const summary = await executor.run(graphWith(badType), {
    ...options,
    onEvent: (e) => events.push(e)
  });
  expect(summary.nodes.ok.status).toBe('finished');
  expect(summary.nodes.bad.status).toBe('failed');
  expect(summary.nodes.after.status).toBe('blocked');
  const failed = events.find((e) => e.kind === 'failed' && e.nodeId === 'bad');
  expect(failed).toBeDefined();
  return summary.nodes.bad;
}

describe('a misbehaving node fails alone', () => {
  it('when it throws, with its message', async () => {
    expect((await runBad('t/throws')).error).toBe('Invalid typed array length: -1');
  });

  it('when it returns NaN where numbers are expected, naming the output and index', async () => {
    const { error } = await runBad('t/nan');
    expect(error).toContain('The output "out" holds NaN');
    expect(error).toContain('[1]');
    const summary = await executor.run(graphWith('t/inf'));
    expect(summary.nodes.bad.status).toBe('finished');
  });

  it('when it runs past its time budget, even if it never looks at the signal', async () => {
    const result = await runBad('t/hangs', { nodeTimeoutMs: 50 });
    expect(result.error).toContain('time budget of 0.05 s');
    expect(result.timedOut).toBe(true);
  });

  it('when its outputs exceed the memory budget', async () => {
    const { error } = await runBad('t/huge', { maxOutputBytes: 1024 * 1024 });
    expect(error).toContain('more than 1 MB, its memory budget');
    const summary = await executor.run(graphWith('t/huge'));
    expect(summary.nodes.bad.status).toBe('finished');
  });
});

describe('cancel', () => {
  it('ends the run at once even when a node ignores the signal', async () => {
    const controller = new AbortController();
    const running = executor.run(graphWith('t/hangs'), {
      signal: controller.signal,
      onEvent: (e) => {
        if (e.kind === 'started' && e.nodeId === 'bad') queueMicrotask(() => controller.abort());
      }
    });
    const summary = await running;
    expect(summary.cancelled).toBe(true);
    expect(summary.nodes.bad.status).toBe('cancelled');
    expect(summary.nodes.after.status).toBe('cancelled');
    expect(summary.nodes.ok.status).toBe('cancelled');
    expect(summary.outputs).toEqual({});
  });
});

describe('output checks', () => {
  it('find the path of the first NaN and count bytes of nested values', () => {
    const value = { first: [Float64Array.of(0), Float32Array.of(1, NaN)], second: [] };
    expect(findNaN(value)).toBe('first[1][1]');
    expect(findNaN({ a: 1, b: [Infinity] })).toBeUndefined();
    expect(sizeOf({ a: new Float64Array(10), b: 'xy', c: [1, true] })).toBe(80 + 4 + 16);
  });
});

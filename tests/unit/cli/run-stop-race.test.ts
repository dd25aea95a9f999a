import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../../src/lib/graph/document';
import type { NodeType } from '../../../src/lib/graph/node-type';
import { Executor } from '../../../src/lib/engine/executor';
import { memoryCache } from '../../../src/lib/engine/host';

/**
 * `--timeout` and Ctrl+C abort the run's signal at any moment, also while the executor awaits
 * a node's cache key, after checking the signal and before the node starts. The node must
 * then start stopped, not run on unstoppable (the run's timer has fired and will not again).
 */
let armed = false;
let sawStopped: boolean | undefined;
const controller = new AbortController();

const first: NodeType = {
  type: 'test/first',
  version: 1,
  title: 'First',
  category: 'test',
  description: '',
  inputs: {},
  outputs: { out: { type: 'numbers' } },
  params: {},
  async run() {
    armed = true;
    return { out: Float64Array.of(1) };
  }
};
const second: NodeType = {
  type: 'test/second',
  version: 1,
  title: 'Second',
  category: 'test',
  description: '',
  inputs: { in: { type: 'numbers' } },
  outputs: { out: { type: 'numbers' } },
  params: {},
  async run(inputs, _params, context) {
    sawStopped = context.signal.aborted;
    if (context.signal.aborted) throw new DOMException('Stopped.', 'AbortError');
    return { out: inputs.in as Float64Array };
  }
};

/** Looking up the second node's type to run it is the last step before the awaited key. */
function lookup(type: string): NodeType | undefined {
  if (type === second.type && armed) controller.abort();
  return type === first.type ? first : type === second.type ? second : undefined;
}

const doc: GraphDocument = {
  format: 'kumiki-graph',
  version: 1,
  title: 'race',
  seed: 1,
  nodes: [
    { id: 'a', type: first.type, version: 1, params: {}, position: { x: 0, y: 0 } },
    { id: 'b', type: second.type, version: 1, params: {}, position: { x: 0, y: 0 } }
  ],
  edges: [{ from: { node: 'a', output: 'out' }, to: { node: 'b', input: 'in' } }]
};

describe('a run stopped just before a node starts', () => {
  it('starts that node with a stopped signal and reports it cancelled', async () => {
    await tf.setBackend('cpu');
    const host = {
      tf,
      files: { read: async () => new Uint8Array() },
      assets: { read: async () => new Uint8Array() },
      cache: memoryCache()
    };
    const summary = await new Executor(host, lookup).run(doc, { signal: controller.signal });
    expect(summary.nodes.a.status).toBe('finished');
    expect(sawStopped).toBe(true);
    expect(summary.nodes.b.status).toBe('cancelled');
    expect(summary.cancelled).toBe(true);
  });
});

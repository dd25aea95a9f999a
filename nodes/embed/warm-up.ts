import type { GraphModel } from '@tensorflow/tfjs';
import type { RunContext } from '../../src/lib/graph/node-type';
import type { Pacer } from '../pace';
import { embedBatch } from './embed-batch';
import { UNKNOWN_ID } from './tokenizer';

/** One node of a TensorFlow GraphDef as model.json stores it. */
interface GraphNode {
  name: string;
  op: string;
  input?: string[];
}

/** Ops whose first use is slow (weights packed, kernels compiled): one warm-up stage each. */
const HEAVY_OPS = new Set(['MatMul', 'BatchMatMul', 'Conv2D']);

/** Models whose first run is done, so later runs skip the stages. */
const warm = new WeakSet<GraphModel>();

/**
 * The names of the heavy nodes of a GraphDef in an order that respects their inputs. Running
 * the model up to each in turn spreads the cost of its first run over short steps.
 */
export function warmUpStages(topology: unknown): string[] {
  const list = (topology as { node?: GraphNode[] } | null)?.node ?? [];
  const byName = new Map(list.map((node) => [node.name, node]));
  const seen = new Set<string>();
  const order: GraphNode[] = [];

  // Depth-first over inputs, with an explicit stack: each node follows everything it reads.
  for (const root of list) {
    const stack: [GraphNode, boolean][] = [[root, false]];
    while (stack.length > 0) {
      const [node, expanded] = stack.pop() as [GraphNode, boolean];
      if (expanded) {
        order.push(node);
        continue;
      }
      if (seen.has(node.name)) continue;
      seen.add(node.name);
      stack.push([node, true]);
      for (const input of node.input ?? []) {
        const source = byName.get(input.replace(/^\^/, '').split(':')[0]);
        if (source && !seen.has(source.name)) stack.push([source, false]);
      }
    }
  }

  return order.filter((node) => HEAVY_OPS.has(node.op)).map((node) => node.name);
}

/**
 * Gives the encoder its first run in stages. A model's first run is several times slower than
 * later ones (the WASM backend packs each weight matrix on first use, WebGL compiles a shader
 * per op) and cannot be interrupted, so it would hold the thread past the 200 ms cancel aim;
 * run up to one heavy node at a time, with the pacer between stages, no step holds it long.
 * A cancelled warm-up is taken up again by the next run.
 */
export async function warmUpEncoder(
  context: Pick<RunContext, 'tf'>,
  model: GraphModel,
  stages: readonly string[],
  pacer: Pacer
): Promise<void> {
  if (warm.has(model)) return;

  const { tf } = context;
  for (const stage of stages) {
    await pacer.tick();
    const indices = tf.tensor2d([0, 0], [1, 2], 'int32');
    const inputs = { indices, values: tf.tensor1d([UNKNOWN_ID], 'int32') };
    try {
      tf.dispose(await model.executeAsync(inputs, stage));
    } finally {
      tf.dispose(inputs);
    }
  }

  await pacer.tick();
  await embedBatch(tf, model, [[UNKNOWN_ID]]);
  warm.add(model);
}

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { getNodeType } from '../../nodes/registry';
import { createNodeHost } from '../../src/cli/host-node';
import type { RunSummary } from '../../src/lib/engine/events';
import { Executor } from '../../src/lib/engine/executor';
import { parseGraph } from '../../src/lib/graph/load';
import type { ParamValue } from '../../src/lib/graph/node-type';

/**
 * Runs a graph file headlessly in this process, as `kumiki run` does, with param overrides
 * given as `{ nodeId: { param: value } }`. Throws if the file has errors.
 */
export async function runGraphFile(
  path: string,
  overrides: Record<string, Record<string, ParamValue>> = {},
  only?: string[]
): Promise<RunSummary> {
  const { doc, problems } = parseGraph(readFileSync(path, 'utf-8'), path, getNodeType);
  const errors = problems.filter((p) => p.severity === 'error');
  if (!doc || errors.length) throw new Error(errors.map((p) => p.message).join('\n'));

  for (const [nodeId, params] of Object.entries(overrides)) {
    const node = doc.nodes.find((n) => n.id === nodeId);
    if (!node) throw new Error(`${path} has no node "${nodeId}".`);
    Object.assign(node.params, params);
  }
  const host = await createNodeHost({ baseDir: dirname(resolve(path)) });
  return new Executor(host, getNodeType).run(doc, { only });
}

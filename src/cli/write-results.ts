import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GraphDocument } from '../lib/graph/document';
import { toJsonValue } from '../lib/graph/export-value';
import type { Plot } from '../lib/graph/values';
import type { RunSummary } from '../lib/engine/events';
import { plotToSvg } from '../lib/plot/svg';
import { getNodeType } from '../../nodes/registry';

/**
 * Writes `<out>/<nodeId>/<output>.json` for every node without outgoing edges (every node
 * with `all`), plots also as `.svg`, and `<out>/summary.json`.
 */
export async function writeResults(
  out: string,
  graphPath: string,
  doc: GraphDocument,
  summary: RunSummary,
  all: boolean
) {
  await mkdir(out, { recursive: true });
  const feeding = new Set(doc.edges.map((e) => e.from.node));

  for (const node of doc.nodes) {
    const outputs = summary.outputs[node.id];
    if (!outputs || (!all && feeding.has(node.id))) continue;
    const dir = join(out, node.id);
    await mkdir(dir, { recursive: true });
    const sockets = getNodeType(node.type)?.outputs ?? {};
    for (const [name, value] of Object.entries(outputs)) {
      await writeFile(join(dir, `${name}.json`), `${JSON.stringify(toJsonValue(value))}\n`);
      if (sockets[name]?.type === 'plot')
        await writeFile(join(dir, `${name}.svg`), plotToSvg(value as Plot));
    }
  }

  const nodes = Object.fromEntries(
    doc.nodes.map((n) => [
      n.id,
      summary.nodes[n.id] ?? { status: 'cancelled', ms: 0, cached: false }
    ])
  );
  const failed = Object.values(nodes).some((n) => n.status !== 'finished');
  const report = {
    graph: graphPath,
    backend: summary.backend,
    status: summary.cancelled ? 'cancelled' : failed ? 'failed' : 'finished',
    nodes
  };
  await writeFile(join(out, 'summary.json'), `${JSON.stringify(report, null, 2)}\n`);
}

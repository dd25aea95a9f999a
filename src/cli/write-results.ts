import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GraphDocument } from '../lib/graph/document';
import { toJsonValue } from '../lib/graph/export-value';
import { correlationCsv, matrixCsv, numbersCsv } from '../lib/graph/export-csv';
import { diagramPairsNpz } from '../lib/graph/export-npy';
import type { Correlation, DiagramPairs, Matrix, Plot, SocketType } from '../lib/graph/values';
import type { RunSummary } from '../lib/engine/events';
import { plotToSvg } from '../lib/plot/svg';
import { getNodeType } from '../../nodes/registry';
import type { NodeType } from '../lib/graph/node-type';
import { withSubgraphs } from '../lib/graph/subgraph';

/**
 * The second file an output gets beside its JSON: plots as SVG, numbers and correlations as
 * CSV, diagrams as a NumPy .npz of (n, 3) [birth, death, dimension] arrays.
 */
function sideFile(type: SocketType | undefined, value: unknown) {
  if (type === 'plot') return { extension: 'svg', bytes: plotToSvg(value as Plot) };
  if (type === 'numbers') return { extension: 'csv', bytes: numbersCsv(value as Float64Array) };
  if (type === 'correlation')
    return { extension: 'csv', bytes: correlationCsv(value as Correlation) };
  if (type === 'matrix') return { extension: 'csv', bytes: matrixCsv(value as Matrix) };
  if (type === 'diagram-pairs')
    return { extension: 'npz', bytes: diagramPairsNpz(value as DiagramPairs) };
  return undefined;
}

/**
 * Writes `<out>/<nodeId>/<output>.json` for every node without outgoing edges (every node
 * with `all`), with a side file where one helps (see sideFile), and `<out>/summary.json`.
 */
export async function writeResults(
  out: string,
  graphPath: string,
  doc: GraphDocument,
  summary: RunSummary,
  all: boolean,
  timeoutSeconds?: number
) {
  await mkdir(out, { recursive: true });
  const feeding = new Set(doc.edges.map((e) => e.from.node));
  // Subgraph nodes take their output types from the file's definitions.
  const lookup = withSubgraphs(getNodeType, doc.subgraphs);

  // A result that cannot be written (disk full, a value too large to serialise) costs only
  // that node's files: the summary below is still written and names the problem.
  const writeErrors = new Map<string, string>();
  for (const node of doc.nodes) {
    const outputs = summary.outputs[node.id];
    if (!outputs || (!all && feeding.has(node.id))) continue;
    try {
      await writeNodeOutputs(join(out, node.id), lookup(node.type)?.outputs ?? {}, outputs);
    } catch (error) {
      writeErrors.set(node.id, error instanceof Error ? error.message : String(error));
    }
  }

  const nodes = Object.fromEntries(
    doc.nodes.map((n) => {
      const ended = summary.nodes[n.id] ?? { status: 'cancelled', ms: 0, cached: false };
      const writeError = writeErrors.get(n.id);
      return [n.id, writeError === undefined ? ended : { ...ended, writeError }];
    })
  );
  const unfinished = Object.keys(nodes).filter((id) => nodes[id].status !== 'finished');
  const stopped = timeoutSeconds !== undefined ? 'timed-out' : 'cancelled';
  const report = {
    graph: graphPath,
    backend: summary.backend,
    // A run past --timeout is timed out even when a node's own budget stopped it first.
    status:
      summary.cancelled || timeoutSeconds !== undefined
        ? stopped
        : unfinished.length > 0 || writeErrors.size > 0
          ? 'failed'
          : 'finished',
    ...(timeoutSeconds !== undefined && { timeout: timeoutSeconds }),
    unfinished,
    nodes
  };
  await writeFile(join(out, 'summary.json'), `${JSON.stringify(report, null, 2)}\n`);
  return writeErrors;
}

/** Writes one node's outputs as `<name>.json`, with a side file where one helps. */
async function writeNodeOutputs(
  dir: string,
  sockets: NodeType['outputs'],
  outputs: Record<string, unknown>
) {
  await mkdir(dir, { recursive: true });
  for (const [name, value] of Object.entries(outputs)) {
    await writeFile(join(dir, `${name}.json`), `${JSON.stringify(toJsonValue(value))}\n`);
    const extra = sideFile(sockets[name]?.type, value);
    if (extra) await writeFile(join(dir, `${name}.${extra.extension}`), extra.bytes);
  }
}

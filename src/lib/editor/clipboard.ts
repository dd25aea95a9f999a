import type { GraphDocument, GraphEdge, GraphNode } from '../graph/document';
import type { SubgraphMap } from '../graph/subgraph';
import { definitionOf, usedDefinitions } from '../graph/subgraph';
import { newNodeId } from './node-ids';

/**
 * What Copy puts on the clipboard: some nodes, the edges between them, and the subgraph
 * definitions they use (also those used inside those), so a paste into another graph runs.
 */
export interface ClipboardGraph {
  format: 'kumiki-nodes';
  nodes: GraphNode[];
  edges: GraphEdge[];
  subgraphs?: SubgraphMap;
}

const FORMAT = 'kumiki-nodes';

/** The nodes `ids` of `doc` and only the edges that run between two of them. */
export function copyNodes(doc: GraphDocument, ids: readonly string[]): ClipboardGraph {
  const chosen = new Set(ids);
  const nodes = doc.nodes.filter((n) => chosen.has(n.id));
  const edges = doc.edges.filter((e) => chosen.has(e.from.node) && chosen.has(e.to.node));
  const clip: ClipboardGraph = {
    format: FORMAT,
    nodes: structuredClone(nodes),
    edges: structuredClone(edges)
  };
  const subgraphs = definitionsUsed(doc.subgraphs, nodes);
  if (Object.keys(subgraphs).length > 0) clip.subgraphs = structuredClone(subgraphs);
  return clip;
}

/** The definitions `nodes` use, directly or inside other definitions. */
function definitionsUsed(map: SubgraphMap | undefined, nodes: GraphNode[]): SubgraphMap {
  const used: SubgraphMap = {};
  const stack = usedDefinitions({ nodes });
  while (stack.length > 0) {
    const id = stack.pop()!;
    const def = definitionOf(map, id);
    if (!def || Object.hasOwn(used, id)) continue;
    used[id] = def;
    stack.push(...usedDefinitions(def));
  }
  return used;
}

/**
 * The copied nodes as they are pasted: each keeps its id when that is free (as when pasting
 * into another tab), else gets a fresh one not in `taken`; all move by `offset`, and the edges
 * follow the new ids.
 */
export function pasteNodes(
  clip: ClipboardGraph,
  taken: ReadonlySet<string>,
  offset: { x: number; y: number }
): ClipboardGraph {
  const used = new Set(taken);
  const rename = new Map<string, string>();
  const nodes = clip.nodes.map((node) => {
    const id = used.has(node.id) ? newNodeId(node.type, used) : node.id;
    used.add(id);
    rename.set(node.id, id);
    const position = { x: node.position.x + offset.x, y: node.position.y + offset.y };
    return { ...structuredClone(node), id, position };
  });
  const edges = clip.edges.map((edge) => ({
    from: { ...edge.from, node: rename.get(edge.from.node)! },
    to: { ...edge.to, node: rename.get(edge.to.node)! }
  }));
  const pasted: ClipboardGraph = { format: FORMAT, nodes, edges };
  if (clip.subgraphs) pasted.subgraphs = clip.subgraphs;
  return pasted;
}

/** Reads clipboard text back, or null when it is not Kumiki nodes. */
export function parseClipboard(text: string | null): ClipboardGraph | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<ClipboardGraph>;
    if (value.format !== FORMAT || !Array.isArray(value.nodes) || !Array.isArray(value.edges))
      return null;
    const ids = new Set(value.nodes.map((n) => n.id));
    const edges = value.edges.filter((e) => ids.has(e.from?.node) && ids.has(e.to?.node));
    const clip: ClipboardGraph = { format: FORMAT, nodes: value.nodes, edges };
    const { subgraphs } = value;
    if (subgraphs && typeof subgraphs === 'object' && !Array.isArray(subgraphs)) {
      clip.subgraphs = subgraphs;
    }
    return clip;
  } catch {
    return null;
  }
}

import type { GraphDocument, GraphEdge, GraphNode } from '../graph/document';
import { newNodeId } from './node-ids';

/** What Copy puts on the clipboard: some nodes and the edges between them. */
export interface ClipboardGraph {
  format: 'kumiki-nodes';
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const FORMAT = 'kumiki-nodes';

/** The nodes `ids` of `doc` and only the edges that run between two of them. */
export function copyNodes(doc: GraphDocument, ids: readonly string[]): ClipboardGraph {
  const chosen = new Set(ids);
  const nodes = doc.nodes.filter((n) => chosen.has(n.id));
  const edges = doc.edges.filter((e) => chosen.has(e.from.node) && chosen.has(e.to.node));
  return { format: FORMAT, nodes: structuredClone(nodes), edges: structuredClone(edges) };
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
  return { format: FORMAT, nodes, edges };
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
    return { format: FORMAT, nodes: value.nodes, edges };
  } catch {
    return null;
  }
}

import { MAX_NODES } from './bounds';
import type { GraphDocument, GraphEdge, GraphNode } from './document';
import type { SubgraphDefinition, SubgraphMap } from './subgraph';
import { definitionIdOf, definitionOf, inlinedSizes } from './subgraph';

/** Separates an instance's id from its inner node's id in a flattened graph (`g1/takens`). */
export const PATH_SEPARATOR = '/';

/** A socket of a node in the flattened graph. */
interface FlatSocket {
  node: string;
  socket: string;
}

/** A graph with every subgraph instance replaced by its inner nodes, and how to map back. */
export interface FlatGraph {
  /** A plain graph: no node of it is a subgraph instance, except those in `refused`. */
  doc: GraphDocument;
  /** Per top-level instance id: each of its outputs and the inner output that gives it. */
  outputs: Map<string, Record<string, { node: string; output: string }>>;
  /**
   * Per top-level instance id: (inner path, param) → the exposed param's name, through every
   * level of nesting (`inner/points` + `file` → `cloudFile`).
   */
  exposed: Map<string, Map<string, string>>;
  /**
   * Instances that could not be inlined, with the reason: a definition that contains itself,
   * or inlining that would pass the node bound. They stay as they are and fail when run.
   */
  refused: Map<string, string>;
  /** The ids of the flat graph's nodes. */
  ids: Set<string>;
}

/** The top-level node a flattened node came from: its own id, or the instance's id. */
export function ownerOf(flatId: string): string {
  const cut = flatId.indexOf(PATH_SEPARATOR);
  return cut < 0 ? flatId : flatId.slice(0, cut);
}

/** A flattened node's path inside its top-level instance (`takens`, `inner/takens`). */
export function innerPathOf(flatId: string): string {
  const cut = flatId.indexOf(PATH_SEPARATOR);
  return cut < 0 ? '' : flatId.slice(cut + 1);
}

/** Whether a graph has nodes that are subgraph instances. */
export function hasSubgraphNodes(doc: GraphDocument): boolean {
  return doc.nodes.some((n) => definitionIdOf(n.type) !== undefined);
}

/** How one scope's node sockets map to flattened sockets. */
interface Scope {
  source(node: string, output: string): FlatSocket | undefined;
  targets(node: string, input: string): FlatSocket[];
}

/** What inlining writes into, shared by every level. */
interface Sink {
  nodes: GraphNode[];
  edges: GraphEdge[];
  map: SubgraphMap;
  refused: Map<string, string>;
  /** Nodes and instances placed so far; with `size`, what keeps inlining within the bound. */
  placed: number;
  size: (id: string) => number;
}

/**
 * Inlines every subgraph instance of `doc`, recursively, into plain nodes. Inner nodes get the
 * id `<instance>/<inner>` (a `/` never occurs in a node id of a file, so these cannot clash),
 * which also gives each instance its own seeded random stream. Exposed params override the
 * inner values; edges through exposed sockets are rewired to the inner sockets.
 */
export function flattenGraph(doc: GraphDocument): FlatGraph {
  const map = doc.subgraphs ?? {};
  const sink: Sink = {
    nodes: [],
    edges: [],
    map,
    refused: new Map(),
    placed: 0,
    size: inlinedSizes(map)
  };
  const scope = inline(doc.nodes, doc.edges, '', [], sink);

  const outputs = new Map<string, Record<string, { node: string; output: string }>>();
  const exposed = new Map<string, Map<string, string>>();
  const names = new Map<string, Map<string, string>>();
  for (const node of doc.nodes) {
    const def = instanceDefinition(node, map);
    if (!def || sink.refused.has(node.id)) continue;
    const sockets: Record<string, { node: string; output: string }> = {};
    for (const port of def.outputs) {
      const from = scope.source(node.id, port.name);
      if (from) sockets[port.name] = { node: from.node, output: from.socket };
    }
    outputs.set(node.id, sockets);
    exposed.set(node.id, exposedNames(definitionIdOf(node.type)!, map, names, []));
  }

  const { subgraphs: _definitions, ...rest } = doc;
  const flat: GraphDocument = { ...rest, nodes: sink.nodes, edges: sink.edges };
  const ids = new Set(sink.nodes.map((n) => n.id));
  return { doc: flat, outputs, exposed, refused: sink.refused, ids };
}

/**
 * (inner path, param) → exposed name for one definition, following a param exposed from a
 * nested subgraph node down to the plain node it sets. Memoised per definition; one that
 * contains itself ends at the repeat (it is refused when inlined anyway).
 */
function exposedNames(
  id: string,
  map: SubgraphMap,
  memo: Map<string, Map<string, string>>,
  open: string[]
): Map<string, string> {
  const known = memo.get(id);
  if (known) return known;
  const found = new Map<string, string>();
  const def = definitionOf(map, id);
  if (!def || open.includes(id)) return found;
  const byId = new Map(def.nodes.map((n) => [n.id, n]));
  for (const p of def.params) {
    const node = byId.get(p.node);
    const innerId = node ? definitionIdOf(node.type) : undefined;
    if (innerId === undefined || !definitionOf(map, innerId)) {
      found.set(`${p.node}\u0000${p.param}`, p.name);
      continue;
    }
    for (const [key, name] of exposedNames(innerId, map, memo, [...open, id])) {
      if (name === p.param) found.set(`${p.node}${PATH_SEPARATOR}${key}`, p.name);
    }
  }
  memo.set(id, found);
  return found;
}

function instanceDefinition(node: GraphNode, map: SubgraphMap): SubgraphDefinition | undefined {
  const id = definitionIdOf(node.type);
  return id === undefined ? undefined : definitionOf(map, id);
}

function inline(
  nodes: GraphNode[],
  edges: GraphEdge[],
  prefix: string,
  chain: string[],
  sink: Sink
): Scope {
  const children = new Map<string, { def: SubgraphDefinition; scope: Scope }>();

  for (const node of nodes) {
    const id = definitionIdOf(node.type);
    const def = id === undefined ? undefined : definitionOf(sink.map, id);
    const reason = def ? refusal(id!, chain, sink, def) : undefined;
    sink.placed += 1;
    if (!def || reason) {
      if (reason) sink.refused.set(ownerOf(prefix + node.id), reason);
      sink.nodes.push({ ...node, params: { ...node.params }, id: prefix + node.id });
      continue;
    }
    const inner = def.nodes.map((n) => ({ ...n, params: { ...n.params } }));
    const byId = new Map(inner.map((n) => [n.id, n]));
    for (const exposed of def.params) {
      const target = byId.get(exposed.node);
      if (target && Object.hasOwn(node.params, exposed.name)) {
        target.params[exposed.param] = node.params[exposed.name];
      }
    }
    const scope = inline(
      inner,
      def.edges,
      `${prefix}${node.id}${PATH_SEPARATOR}`,
      [...chain, id!],
      sink
    );
    children.set(node.id, { def, scope });
  }

  const scope: Scope = {
    source(node, output) {
      const child = children.get(node);
      if (!child) return { node: prefix + node, socket: output };
      const port = child.def.outputs.find((p) => p.name === output);
      return port ? child.scope.source(port.from.node, port.from.output) : undefined;
    },
    targets(node, input) {
      const child = children.get(node);
      if (!child) return [{ node: prefix + node, socket: input }];
      const port = child.def.inputs.find((p) => p.name === input);
      return (port?.targets ?? []).flatMap((t) => child.scope.targets(t.node, t.input));
    }
  };

  for (const edge of edges) {
    const from = scope.source(edge.from.node, edge.from.output);
    if (!from) continue;
    for (const to of scope.targets(edge.to.node, edge.to.input)) {
      sink.edges.push({
        from: { node: from.node, output: from.socket },
        to: { node: to.node, input: to.socket }
      });
    }
  }
  return scope;
}

/** Why an instance of `id` cannot be inlined here, or undefined when it can. */
function refusal(
  id: string,
  chain: string[],
  sink: Sink,
  def: SubgraphDefinition
): string | undefined {
  if (chain.includes(id)) {
    const path = [...chain.slice(chain.indexOf(id)), id].join(' → ');
    return `The subgraph definition "${id}" contains itself (${path}), so it cannot run.`;
  }
  // Checked before going in, with what the whole instance would add at every level, so a
  // tower of nested instances is refused without being built (nested ones then always fit).
  if (sink.placed + 1 + sink.size(id) > MAX_NODES) {
    return (
      `Inlining the subgraph "${def.title}" would make more than ${MAX_NODES} nodes; ` +
      'use fewer nested instances.'
    );
  }
  return undefined;
}

import type { GraphEdge, GraphNode } from './document';
import type { NodeType, ParamSpec, SocketSpec } from './node-type';

/** The type of a subgraph instance node is this prefix and the definition's id. */
export const SUBGRAPH_PREFIX = 'subgraph/';

/** The palette and menu category of subgraph instances. */
export const SUBGRAPH_CATEGORY = 'Subgraphs';

/**
 * An input of the subgraph node: one socket outside that feeds one or more inner inputs (an
 * outside output wired to several nodes of a selection becomes one input, as in Blender).
 */
export interface SubgraphInput {
  /** The socket name on the subgraph node. */
  name: string;
  targets: { node: string; input: string }[];
}

/** An output of the subgraph node: one inner output shown outside. */
export interface SubgraphOutput {
  name: string;
  from: { node: string; output: string };
}

/** An inner param shown on the subgraph node; its value there overrides the inner one. */
export interface SubgraphParam {
  name: string;
  node: string;
  param: string;
}

/**
 * A reusable graph stored once in a file's `subgraphs` map. Its nodes and edges form a plain
 * graph; `inputs`, `outputs` and `params` say what a node of type `subgraph/<id>` shows.
 */
export interface SubgraphDefinition {
  title: string;
  description?: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  inputs: SubgraphInput[];
  outputs: SubgraphOutput[];
  params: SubgraphParam[];
}

/** Subgraph definitions by id. */
export type SubgraphMap = Record<string, SubgraphDefinition>;

/** Finds a node type by id. */
type Lookup = (type: string) => NodeType | undefined;

/** Each exposed param spec's help as the innermost node type wrote it. */
const baseHelp = new WeakMap<ParamSpec, string>();

/** The node type id of an instance of definition `id`. */
export function subgraphType(id: string): string {
  return `${SUBGRAPH_PREFIX}${id}`;
}

/** The definition id a node type names, or undefined when it is not a subgraph type. */
export function definitionIdOf(type: string): string | undefined {
  return type.startsWith(SUBGRAPH_PREFIX) ? type.slice(SUBGRAPH_PREFIX.length) : undefined;
}

/** The definition `id` of `map`, reading own keys only (a file may name `constructor`). */
export function definitionOf(
  map: SubgraphMap | undefined,
  id: string
): SubgraphDefinition | undefined {
  return map && Object.hasOwn(map, id) ? map[id] : undefined;
}

/**
 * The node type a definition shows as: its exposed sockets with the inner sockets' types and
 * its exposed params with the inner specs, defaulting to the inner node's value. `run` is
 * never called: the executor inlines instances first (subgraph-flatten.ts).
 */
export function subgraphNodeType(id: string, def: SubgraphDefinition, lookup: Lookup): NodeType {
  const byId = new Map(def.nodes.map((n) => [n.id, n]));
  const socketOf = (nodeId: string, side: 'inputs' | 'outputs', key: string) => {
    const node = byId.get(nodeId);
    const type = node ? lookup(node.type) : undefined;
    return type && Object.hasOwn(type[side], key) ? type[side][key] : undefined;
  };

  const inputs: Record<string, SocketSpec> = {};
  for (const port of def.inputs) {
    const inner = port.targets
      .map((t) => socketOf(t.node, 'inputs', t.input))
      .find((s) => s !== undefined);
    if (!inner) continue;
    const optional = port.targets.every((t) => socketOf(t.node, 'inputs', t.input)?.optional);
    inputs[port.name] = { type: inner.type, label: port.name, ...(optional ? { optional } : {}) };
  }
  const outputs: Record<string, SocketSpec> = {};
  for (const port of def.outputs) {
    const inner = socketOf(port.from.node, 'outputs', port.from.output);
    if (inner) outputs[port.name] = { type: inner.type, label: port.name };
  }
  const params: Record<string, ParamSpec> = {};
  for (const exposed of def.params) {
    const node = byId.get(exposed.node);
    const spec = node ? lookup(node.type)?.params[exposed.param] : undefined;
    if (!node || !spec || !Object.hasOwn(node.params, exposed.param)) continue;
    const where = node.label || node.id;
    // The help names only the nearest inner node: nesting it at every level would make it
    // grow with the depth of nesting, and loading a deep chain of definitions quadratic.
    const base = baseHelp.get(spec) ?? spec.help;
    const help = `${base} (the param "${exposed.param}" of the inner node "${where}")`;
    const built = { ...spec, default: node.params[exposed.param], help } as ParamSpec;
    baseHelp.set(built, base);
    params[exposed.name] = built;
  }

  return {
    type: subgraphType(id),
    version: 1,
    title: def.title,
    category: SUBGRAPH_CATEGORY,
    description: def.description || summary(def, lookup),
    inputs,
    outputs,
    params,
    run: () =>
      Promise.reject(new Error('A subgraph node runs through its inner nodes; flatten first.'))
  };
}

/** What a definition without a description says about itself: its nodes, by title. */
function summary(def: SubgraphDefinition, lookup: Lookup): string {
  const titles = def.nodes.slice(0, 4).map((n) => lookup(n.type)?.title ?? n.type);
  const more = def.nodes.length > 4 ? ', …' : '';
  const count = `${def.nodes.length} node${def.nodes.length === 1 ? '' : 's'}`;
  return `A subgraph of ${count} (${titles.join(', ')}${more}), defined once in this graph file.`;
}

/**
 * A lookup that knows the definitions of `map` besides the registered types. Instance types
 * are built once per definition object, so a lookup in a loop costs nothing.
 */
export function withSubgraphs(lookup: Lookup, map: SubgraphMap | undefined): Lookup {
  if (!map || Object.keys(map).length === 0) return lookup;
  return growingLookup(lookup, map);
}

/**
 * withSubgraphs for a map that is still being filled, in dependency order: a definition is
 * read on the first lookup of its type, so one added after an earlier lookup of its type is
 * not seen. The loader uses it so that each definition's type is built once, not once per
 * definition checked after it.
 */
export function growingLookup(lookup: Lookup, map: SubgraphMap): Lookup {
  const built = new Map<string, NodeType | undefined>();
  const wrapped: Lookup = (type) => {
    const id = definitionIdOf(type);
    if (id === undefined) return lookup(type);
    if (!built.has(id)) {
      // Marked first, so a definition that contains itself ends here instead of looping.
      built.set(id, undefined);
      const def = definitionOf(map, id);
      built.set(id, def ? subgraphNodeType(id, def, wrapped) : undefined);
    }
    return built.get(id);
  };
  return wrapped;
}

/**
 * The definition ids `def`'s nodes use, directly. It also runs on definitions read from a
 * file before their nodes are checked, so an entry that is not a node with a text type is
 * skipped here and reported by the node checks.
 */
export function usedDefinitions(def: { nodes: readonly unknown[] }): string[] {
  const ids = new Set<string>();
  for (const node of def.nodes) {
    const type = typeof node === 'object' && node !== null ? (node as GraphNode).type : undefined;
    const id = typeof type === 'string' ? definitionIdOf(type) : undefined;
    if (id !== undefined) ids.add(id);
  }
  return [...ids];
}

/**
 * Definitions that contain themselves, directly or through others, each named once by the
 * chain that leads back to it (`a → b → a`). Such a definition would never end when inlined.
 */
export function recursiveDefinitions(map: SubgraphMap): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const start of Object.keys(map)) {
    const path = chainBack(map, start, start, [start], new Set());
    if (path) found.set(start, path);
  }
  return found;
}

function chainBack(
  map: SubgraphMap,
  start: string,
  at: string,
  path: string[],
  seen: Set<string>
): string[] | undefined {
  const def = definitionOf(map, at);
  if (!def || seen.has(at)) return undefined;
  seen.add(at);
  for (const next of usedDefinitions(def)) {
    if (next === start) return [...path, next];
    const found = chainBack(map, start, next, [...path, next], seen);
    if (found) return found;
  }
  return undefined;
}

/**
 * How many nodes inlining one instance of each definition makes, counting every nested
 * instance as one besides its own inner nodes, so a tower of empty definitions counts too.
 * Memoised, so it costs one pass over the definitions however deep the nesting. A definition
 * met again while its own count is open (one that contains itself) adds nothing here; such
 * definitions are refused elsewhere. Counts past the bound may be Infinity; they only need to
 * compare as too large.
 */
export function inlinedSizes(map: SubgraphMap): (id: string) => number {
  const sizes = new Map<string, number>();
  const open = new Set<string>();
  const size = (id: string): number => {
    const known = sizes.get(id);
    if (known !== undefined) return known;
    const def = definitionOf(map, id);
    if (!def || open.has(id)) return 0;
    open.add(id);
    let total = 0;
    for (const node of def.nodes) {
      const inner = typeof node?.type === 'string' ? definitionIdOf(node.type) : undefined;
      total += 1 + (inner === undefined ? 0 : size(inner));
    }
    open.delete(id);
    sizes.set(id, total);
    return total;
  };
  return size;
}

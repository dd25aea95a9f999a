import { MAX_NODES } from './bounds';
import type { GraphEdge, GraphNode } from './document';
import type { Report, TypeLookup } from './load-nodes';
import { checkEdges, checkInputs, checkNodes } from './load-nodes';
import { orderNodes } from './order';
import { MAX_SUBGRAPHS, NODE_ID_PATTERN, subgraphCoreSchema } from './schema';
import type { SubgraphDefinition, SubgraphMap } from './subgraph';
import {
  definitionIdOf,
  definitionOf,
  growingLookup,
  inlinedSizes,
  recursiveDefinitions,
  withSubgraphs
} from './subgraph';
import { Ports } from './subgraph-ports';

export { MAX_PORTS } from './subgraph-ports';

/** A definition whose shape passed, with its parts not yet checked. */
type Shell = Omit<SubgraphDefinition, 'nodes' | 'edges' | 'inputs' | 'outputs' | 'params'> & {
  nodes: unknown[];
  edges: unknown[];
  inputs: unknown[];
  outputs: unknown[];
  params: unknown[];
};

/**
 * Checks a file's `subgraphs` map one definition at a time, and inside each definition one
 * node, edge, socket and param at a time, as the loader checks the graph itself. A broken
 * part costs that part; a definition that contains itself is left out, naming the chain.
 * Returns the kept definitions and a lookup that knows their instance types.
 */
export function checkSubgraphs(
  raw: unknown,
  lookup: TypeLookup,
  report: Report
): { subgraphs: SubgraphMap; lookup: TypeLookup } {
  const subgraphs: SubgraphMap = {};
  if (raw === undefined) return { subgraphs, lookup };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    report(
      'E_SUBGRAPH',
      'The field "subgraphs" must be an object of definitions by id; it was dropped.',
      undefined,
      'subgraphs'
    );
    return { subgraphs, lookup };
  }

  const shells = readShells(raw as Record<string, unknown>, report);
  for (const [id, chain] of recursiveDefinitions(shells as unknown as SubgraphMap)) {
    report(
      'E_SUBGRAPH_RECURSION',
      `The subgraph definition "${id}" contains itself (${chain.join(' → ')}); ` +
        'it was left out, and its instances cannot run.',
      undefined,
      `subgraphs.${id}`
    );
    delete shells[id];
  }

  refuseTooLarge(shells, report);

  // One lookup for the whole pass: each definition's type is built once, when first used.
  const types = growingLookup(lookup, subgraphs);
  for (const id of dependencyOrder(shells)) {
    subgraphs[id] = checkDefinition(id, shells[id], types, report);
  }
  // Keep the file's order of definitions, so a saved file diffs cleanly.
  const ordered: SubgraphMap = {};
  for (const id of Object.keys(shells)) {
    if (Object.hasOwn(subgraphs, id)) ordered[id] = subgraphs[id];
  }
  return { subgraphs: ordered, lookup: withSubgraphs(lookup, ordered) };
}

/**
 * Leaves out each definition one instance of which would inline to more than the node bound,
 * counting every nested instance as one besides its nodes (so a tower of empty definitions,
 * each holding ten of the next, counts too). Counted on the entries as read, before their
 * checks, so a definition that uses one left out here is left out too, with its own count,
 * rather than checked with unknown nodes. The counts are memoised: one pass however deep.
 */
function refuseTooLarge(shells: Record<string, Shell>, report: Report): void {
  const size = inlinedSizes(shells as unknown as SubgraphMap);
  const refused = dependencyOrder(shells).filter((id) => size(id) > MAX_NODES);
  for (const id of refused) {
    const count = size(id);
    const amount = count < 1e12 ? `${count} nodes` : `far more than ${MAX_NODES} nodes`;
    report(
      'E_TOO_LARGE',
      `Inlining one node of the subgraph "${id}" would make ${amount}, counting every ` +
        `nested subgraph node as one; at most ${MAX_NODES} run. The definition was left out; ` +
        'use fewer nested subgraph nodes.',
      undefined,
      `subgraphs.${id}`
    );
  }
  for (const id of refused) delete shells[id];
}

/** The nodes inlining `node` adds besides itself: none unless it is a kept subgraph's. */
function nestedSize(node: GraphNode, map: SubgraphMap, size: (id: string) => number): number {
  const id = definitionIdOf(node.type);
  return id !== undefined && definitionOf(map, id) ? size(id) : 0;
}

/**
 * Refuses a graph whose subgraph nodes, inlined, would pass the node bound (E_TOO_LARGE on
 * the node that passes it), so `kumiki validate` says what `kumiki run` would refuse. Every
 * nested subgraph node counts as one too: a tower of empty definitions adds no node, but
 * inlining it still takes time and memory for each instance.
 */
export function checkInlinedSize(nodes: GraphNode[], map: SubgraphMap, report: Report): void {
  const size = inlinedSizes(map);
  let total = 0;
  for (const node of nodes) {
    const extra = nestedSize(node, map, size);
    total += 1 + extra;
    if (extra > 0 && total > MAX_NODES) {
      report(
        'E_TOO_LARGE',
        `With this subgraph node ("${node.type}") inlined, the graph would have more than ` +
          `${MAX_NODES} nodes, counting every nested subgraph node as one; use fewer ` +
          'subgraph nodes or smaller definitions.',
        node.id,
        'type'
      );
      return;
    }
  }
}

function readShells(raw: Record<string, unknown>, report: Report): Record<string, Shell> {
  const shells: Record<string, Shell> = {};
  let innerNodes = 0;
  for (const [index, id] of Object.keys(raw).entries()) {
    const field = `subgraphs.${id}`;
    if (index >= MAX_SUBGRAPHS) {
      report(
        'E_SUBGRAPH',
        `Only the first ${MAX_SUBGRAPHS} subgraph definitions were kept.`,
        undefined,
        'subgraphs'
      );
      break;
    }
    if (!NODE_ID_PATTERN.test(id)) {
      report(
        'E_SUBGRAPH',
        `The subgraph id "${id}" must start with a letter and use letters, digits, _ or -; the definition was left out.`,
        undefined,
        field
      );
      continue;
    }
    const parsed = subgraphCoreSchema.safeParse(raw[id]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = [field, ...issue.path].join('.');
      report(
        'E_SUBGRAPH',
        `The subgraph definition "${id}" was left out: "${where}" ${issue.message.toLowerCase()}.`,
        undefined,
        where
      );
      continue;
    }
    innerNodes += parsed.data.nodes.length;
    if (innerNodes > MAX_NODES) {
      report(
        'E_TOO_LARGE',
        `The subgraph definitions hold more than ${MAX_NODES} nodes; "${id}" and those after it were left out.`,
        undefined,
        field
      );
      break;
    }
    shells[id] = parsed.data as Shell;
  }
  return shells;
}

/** Definition ids with every definition after the ones its nodes use. */
function dependencyOrder(shells: Record<string, Shell>): string[] {
  const order: string[] = [];
  const done = new Set<string>();
  const visit = (id: string) => {
    if (done.has(id) || !Object.hasOwn(shells, id)) return;
    done.add(id);
    for (const node of shells[id].nodes) {
      const type = (node as { type?: unknown } | null)?.type;
      const used = typeof type === 'string' ? definitionIdOf(type) : undefined;
      if (used !== undefined) visit(used);
    }
    order.push(id);
  };
  Object.keys(shells).forEach(visit);
  return order;
}

function checkDefinition(
  id: string,
  shell: Shell,
  lookup: TypeLookup,
  report: Report
): SubgraphDefinition {
  const prefix = `subgraphs.${id}`;
  // A node's own fields are named under its place in the list (`nodes.3.params.count`), so
  // they cannot be read as the definition's exposed `params`, `inputs` or `outputs`.
  const indices = new Map<string, number>();
  const inner: Report = (code, message, nodeId, field) => {
    const place = nodeId === undefined ? undefined : indices.get(nodeId);
    const local =
      place !== undefined && field !== undefined && /^(inputs|outputs)\./.test(field)
        ? `nodes.${place}.${field}`
        : field;
    report(
      code,
      `In the subgraph "${id}": ${message}`,
      nodeId === undefined ? undefined : `${id}/${nodeId}`,
      local === undefined ? prefix : `${prefix}.${local}`
    );
  };
  const nodes = checkNodes(shell.nodes, lookup, inner, {
    field: (index, field) => (field ? `nodes.${index}.${field}` : `nodes.${index}`),
    indices
  });
  const edges = checkEdges(shell.edges, nodes, lookup, inner);
  for (const cycle of orderNodes(
    nodes.map((n) => n.id),
    edges
  ).cycles) {
    inner(
      'E_CYCLE',
      `The edges form a cycle: ${cycle.join(' → ')}. Remove one of these edges.`,
      cycle[0],
      'edges'
    );
  }

  const ports = new Ports(id, nodes, edges, lookup, report);
  const def: SubgraphDefinition = {
    title: shell.title,
    ...(shell.description === undefined ? {} : { description: shell.description }),
    nodes,
    edges,
    inputs: ports.inputs(shell.inputs),
    outputs: ports.outputs(shell.outputs),
    params: ports.params(shell.params)
  };
  const fed = def.inputs.flatMap((p) => p.targets.map((t) => `${t.node}\u0000${t.input}`));
  checkInputs(nodes, edges, lookup, inner, fed);
  return def;
}

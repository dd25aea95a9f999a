import { MAX_NODES } from './bounds';
import type { GraphEdge, GraphNode } from './document';
import type { Report, TypeLookup } from './load-nodes';
import { checkEdges, checkInputs, checkNodes } from './load-nodes';
import { orderNodes } from './order';
import {
  MAX_SUBGRAPHS,
  NODE_ID_PATTERN,
  subgraphCoreSchema,
  subgraphInputSchema,
  subgraphOutputSchema,
  subgraphParamSchema
} from './schema';
import type { SubgraphDefinition, SubgraphMap } from './subgraph';
import { definitionIdOf, recursiveDefinitions, withSubgraphs } from './subgraph';

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

  let types = lookup;
  for (const id of dependencyOrder(shells)) {
    subgraphs[id] = checkDefinition(id, shells[id], types, report);
    types = withSubgraphs(lookup, subgraphs);
  }
  // Keep the file's order of definitions, so a saved file diffs cleanly.
  const ordered: SubgraphMap = {};
  for (const id of Object.keys(shells)) ordered[id] = subgraphs[id];
  return { subgraphs: ordered, lookup: withSubgraphs(lookup, ordered) };
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
  const inner: Report = (code, message, nodeId, field) =>
    report(
      code,
      `In the subgraph "${id}": ${message}`,
      nodeId === undefined ? undefined : `${id}/${nodeId}`,
      field === undefined ? prefix : `${prefix}.${field}`
    );
  const nodes = checkNodes(shell.nodes, lookup, inner);
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

/** Checks a definition's exposed sockets and params one by one against its inner graph. */
class Ports {
  private byId: Map<string, GraphNode>;
  private fedInside: Set<string>;

  constructor(
    private id: string,
    nodes: GraphNode[],
    edges: GraphEdge[],
    private lookup: TypeLookup,
    private report: Report
  ) {
    this.byId = new Map(nodes.map((n) => [n.id, n]));
    this.fedInside = new Set(edges.map((e) => `${e.to.node}\u0000${e.to.input}`));
  }

  inputs(raw: unknown[]): SubgraphDefinition['inputs'] {
    const names = new Set<string>();
    const taken = new Set(this.fedInside);
    return this.each(raw, 'inputs', subgraphInputSchema, names, (port, field) => {
      for (const [i, target] of port.targets.entries()) {
        const why = this.socketProblem(target.node, 'inputs', target.input);
        const key = `${target.node}\u0000${target.input}`;
        if (why) return [`${field}.targets.${i}`, why];
        if (taken.has(key))
          return [
            `${field}.targets.${i}`,
            `the input "${target.node}.${target.input}" already has an edge`
          ];
        taken.add(key);
      }
      return undefined;
    });
  }

  outputs(raw: unknown[]): SubgraphDefinition['outputs'] {
    return this.each(raw, 'outputs', subgraphOutputSchema, new Set(), (port, field) => {
      const why = this.socketProblem(port.from.node, 'outputs', port.from.output);
      return why ? [`${field}.from`, why] : undefined;
    });
  }

  params(raw: unknown[]): SubgraphDefinition['params'] {
    return this.each(raw, 'params', subgraphParamSchema, new Set(), (port, field) => {
      const node = this.byId.get(port.node);
      if (!node) return [`${field}.node`, `the inner node "${port.node}" does not exist`];
      const type = this.lookup(node.type);
      if (!type || !Object.hasOwn(type.params, port.param)) {
        return [`${field}.param`, `the inner node "${port.node}" has no param "${port.param}"`];
      }
      return undefined;
    });
  }

  /** Parses each entry, refuses duplicate names and what `problem` finds, and reports both. */
  private each<T extends { name: string }>(
    raw: unknown[],
    side: string,
    schema: {
      safeParse(
        v: unknown
      ):
        | { success: true; data: T }
        | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
    },
    names: Set<string>,
    problem: (port: T, field: string) => [string, string] | undefined
  ): T[] {
    const kept: T[] = [];
    raw.forEach((entry, index) => {
      const field = `subgraphs.${this.id}.${side}.${index}`;
      const parsed = schema.safeParse(entry);
      const data = parsed.success ? parsed.data : undefined;
      let found: [string, string] | undefined;
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        found = [[field, ...issue.path.map(String)].join('.'), issue.message.toLowerCase()];
      } else if (names.has(parsed.data.name)) {
        found = [`${field}.name`, `the name "${parsed.data.name}" is used twice`];
      } else {
        found = problem(parsed.data, field);
      }
      if (found) {
        const [where, why] = found;
        this.report(
          'E_SUBGRAPH',
          `In the subgraph "${this.id}", "${where}": ${why}. It was left out.`,
          undefined,
          where
        );
        return;
      }
      if (!data) return;
      names.add(data.name);
      kept.push(data);
    });
    return kept;
  }

  private socketProblem(
    nodeId: string,
    side: 'inputs' | 'outputs',
    key: string
  ): string | undefined {
    const node = this.byId.get(nodeId);
    if (!node) return `the inner node "${nodeId}" does not exist`;
    const type = this.lookup(node.type);
    if (type && !Object.hasOwn(type[side], key)) {
      return `the inner node "${nodeId}" has no ${side === 'inputs' ? 'input' : 'output'} "${key}"`;
    }
    return type
      ? undefined
      : `the inner node "${nodeId}" has an unknown type, so its sockets cannot be shown`;
  }
}

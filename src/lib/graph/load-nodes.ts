import type { GraphEdge, GraphNode } from './document';
import type { NodeType } from './node-type';
import { resolveParams } from './params';
import type { GraphProblem, ProblemCode } from './problems';
import { edgeSchema, nodeCoreSchema, positionSchema } from './schema';
import { canConnect } from './sockets';
import { definitionIdOf } from './subgraph';

/** Finds a node type by its id. */
export type TypeLookup = (type: string) => NodeType | undefined;

/** Adds one problem: its code, a full-sentence message, and where (node and field). */
export type Report = (code: ProblemCode, message: string, nodeId?: string, field?: string) => void;

/** A list of problems in one file and the function that adds to it; codes starting W warn. */
export function collector(fileName: string): { problems: GraphProblem[]; report: Report } {
  const problems: GraphProblem[] = [];
  const report: Report = (code, message, nodeId, field) => {
    const severity = code.startsWith('W') ? 'warning' : 'error';
    problems.push({ code, message, file: fileName, nodeId, field, severity });
  };
  return { problems, report };
}

/** Where checkNodes' problems point, for node lists inside something else (a subgraph). */
export interface NodeListScope {
  /** The field a node's problem names, from the node's place in the list and its own field. */
  field(index: number, field: string): string;
  /** Filled with each kept node's place in the list, by id. */
  indices: Map<string, number>;
}

/**
 * Checks node entries one by one: a malformed entry or duplicate id costs that node, bad
 * params cost that param, and a node of unknown type is kept with its params.
 */
export function checkNodes(
  rawNodes: unknown[],
  lookup: TypeLookup,
  graphReport: Report,
  scope?: NodeListScope
): GraphNode[] {
  const nodes: GraphNode[] = [];
  const seen = new Set<string>();
  rawNodes.forEach((rawNode, index) => {
    const report: Report = scope
      ? (code, message, nodeId, field) =>
          graphReport(code, message, nodeId, scope.field(index, field ?? ''))
      : graphReport;
    const parsed = nodeCoreSchema.safeParse(rawNode);
    const rawId = (rawNode as { id?: unknown } | null)?.id;
    const nodeId = typeof rawId === 'string' ? rawId : `#${index}`;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.join('.');
      report(
        'E_NODE',
        `Node ${index + 1}: the field "${field}" ${issue.message.toLowerCase()}. ` +
          'The node was left out.',
        nodeId,
        field
      );
      return;
    }
    const node = withPlaceAndLabel(parsed.data, index, report);
    if (seen.has(node.id)) {
      report(
        'E_DUPLICATE_ID',
        `Another node already has the id "${node.id}"; this one was left out.`,
        node.id,
        'id'
      );
      return;
    }
    seen.add(node.id);
    scope?.indices.set(node.id, index);

    const type = lookup(node.type);
    if (!type) {
      report('E_UNKNOWN_TYPE', unknownTypeMessage(node.type), node.id, 'type');
      nodes.push(node);
      return;
    }
    if (node.version > type.version) {
      report(
        'E_NODE_VERSION',
        `The node was saved with version ${node.version} of "${node.type}"; ` +
          `this Kumiki has version ${type.version}.`,
        node.id,
        'version'
      );
    }
    const { params, issues } = resolveParams(type.params, node.params);
    for (const issue of issues) {
      report(
        issue.unknown ? 'W_UNKNOWN_PARAM' : 'E_PARAM',
        issue.message,
        node.id,
        `params.${issue.field}`
      );
    }
    nodes.push({ ...node, params });
  });
  return nodes;
}

/** The node with a usable position and label, reporting (and replacing) malformed ones. */
function withPlaceAndLabel(
  raw: {
    id: string;
    type: string;
    version: number;
    params: Record<string, unknown>;
    position?: unknown;
    label?: unknown;
  },
  index: number,
  report: Report
): GraphNode {
  const { position: rawPosition, label: rawLabel, ...core } = raw;
  const node = {
    ...core,
    params: core.params as GraphNode['params'],
    position: { x: 0, y: 0 }
  } as GraphNode;
  const position = positionSchema.safeParse(rawPosition);
  if (position.success) node.position = position.data;
  else {
    const message =
      `Node ${index + 1} has no usable position (two numbers within ±1000000); ` +
      'it was placed at 0, 0.';
    report('W_NODE_FIELD', message, node.id, 'position');
  }
  if (typeof rawLabel === 'string' && rawLabel.length <= 500) node.label = rawLabel;
  else if (rawLabel !== undefined) {
    report(
      'W_NODE_FIELD',
      'The label must be text of at most 500 characters; it was dropped.',
      node.id,
      'label'
    );
  }
  return node;
}

/**
 * Checks edge entries one by one against the nodes kept: an edge to a missing node or socket,
 * between different socket types, or into an input that already has one is left out.
 */
export function checkEdges(
  rawEdges: unknown[],
  nodes: GraphNode[],
  lookup: TypeLookup,
  report: Report
): GraphEdge[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: GraphEdge[] = [];
  const taken = new Set<string>();
  rawEdges.forEach((rawEdge, index) => {
    const parsed = edgeSchema.safeParse(rawEdge);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = ['edges', index, ...issue.path].join('.');
      const rawTo = (rawEdge as { to?: { node?: unknown } } | null)?.to?.node;
      report(
        'E_EDGE',
        `Edge ${index + 1} is malformed: "${issue.path.join('.') || 'the edge'}" ` +
          `${issue.message.toLowerCase()}. The edge was left out.`,
        typeof rawTo === 'string' ? rawTo : undefined,
        field
      );
      return;
    }
    const edge = parsed.data;
    const from = byId.get(edge.from.node);
    const to = byId.get(edge.to.node);
    if (!from || !to) {
      const missing = from ? edge.to.node : edge.from.node;
      report(
        'E_EDGE',
        `Edge ${index + 1} refers to the node "${missing}", which is not in the file. ` +
          'The edge was left out.',
        missing,
        `edges.${index}.${from ? 'to' : 'from'}.node`
      );
      return;
    }
    const fromType = lookup(from.type);
    const toType = lookup(to.type);
    const output = fromType?.outputs[edge.from.output];
    const input = toType?.inputs[edge.to.input];
    if (fromType && !Object.hasOwn(fromType.outputs, edge.from.output)) {
      report(
        'E_SOCKET',
        `Node "${from.id}" (${from.type}) has no output "${edge.from.output}"; ` +
          `it has ${listNames(fromType.outputs)}.`,
        from.id,
        `outputs.${edge.from.output}`
      );
      return;
    }
    if (toType && !Object.hasOwn(toType.inputs, edge.to.input)) {
      report(
        'E_SOCKET',
        `Node "${to.id}" (${to.type}) has no input "${edge.to.input}"; ` +
          `it has ${listNames(toType.inputs)}.`,
        to.id,
        `inputs.${edge.to.input}`
      );
      return;
    }
    if (output && input) {
      const check = canConnect(output.type, input.type);
      if (!check.ok) {
        report(
          'E_SOCKET_TYPE',
          `The edge from "${from.id}.${edge.from.output}" to "${to.id}.${edge.to.input}" ` +
            `is refused: ${check.reason}`,
          to.id,
          `inputs.${edge.to.input}`
        );
        return;
      }
    }
    const slot = `${to.id}\u0000${edge.to.input}`;
    if (taken.has(slot)) {
      report(
        'E_INPUT_TAKEN',
        `The input "${edge.to.input}" already has an edge; ` +
          `the edge from "${from.id}" was left out.`,
        to.id,
        `inputs.${edge.to.input}`
      );
      return;
    }
    taken.add(slot);
    edges.push(edge);
  });
  return edges;
}

/**
 * Reports each required input with no edge; `alsoFed` lists inputs fed from elsewhere (a
 * subgraph's exposed inputs), as `node\u0000input`.
 */
export function checkInputs(
  nodes: GraphNode[],
  edges: GraphEdge[],
  lookup: TypeLookup,
  report: Report,
  alsoFed: Iterable<string> = []
) {
  const fed = new Set(edges.map((e) => `${e.to.node}\u0000${e.to.input}`));
  for (const key of alsoFed) fed.add(key);
  for (const node of nodes) {
    const type = lookup(node.type);
    for (const [input, spec] of Object.entries(type?.inputs ?? {})) {
      if (!spec.optional && !fed.has(`${node.id}\u0000${input}`)) {
        report(
          'E_MISSING_INPUT',
          `The input "${input}" has no edge; ` +
            `connect an output of type "${type!.inputs[input].type}" to it.`,
          node.id,
          `inputs.${input}`
        );
      }
    }
  }
}

function listNames(sockets: Record<string, unknown>): string {
  const names = Object.keys(sockets);
  return names.length ? names.map((n) => `"${n}"`).join(', ') : 'none';
}

/** Why a node's type cannot be used: not registered, or a subgraph the file does not define. */
function unknownTypeMessage(type: string): string {
  const definition = definitionIdOf(type);
  if (definition !== undefined) {
    return (
      `The node is an instance of the subgraph "${definition}", which this file does not ` +
      'define (or whose definition was left out). The node is kept with its params but cannot run.'
    );
  }
  return (
    `The node type "${type}" is not known to this Kumiki. ` +
    'The node is kept with its params but cannot run.'
  );
}

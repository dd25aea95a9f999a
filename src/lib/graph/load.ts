import {
  MAX_DEPTH,
  MAX_EDGES,
  MAX_GRAPH_CHARS,
  MAX_NODES,
  describeValue,
  textDepth,
  valueDepth
} from './bounds';
import type { GraphDocument, GraphEdge, GraphNode } from './document';
import { GRAPH_FORMAT, GRAPH_VERSION } from './document';
import { checkFrames } from './frames';
import { migrate } from './migrations';
import type { NodeType } from './node-type';
import { orderNodes } from './order';
import { resolveParams } from './params';
import type { GraphProblem, ProblemCode } from './problems';
import {
  descriptionSchema,
  edgeSchema,
  envelopeSchema,
  nodeCoreSchema,
  positionSchema,
  sweepSchema,
  viewSchema
} from './schema';
import { canConnect } from './sockets';
import { checkSweep } from './sweep-check';

/** Finds a registered node type by its id. */
export type TypeLookup = (type: string) => NodeType | undefined;

export { MAX_GRAPH_CHARS } from './bounds';

/** What loading a graph file gives: the graph (null when nothing usable) and every problem. */
export interface LoadResult {
  doc: GraphDocument | null;
  problems: GraphProblem[];
}

/**
 * Parses and validates a graph file. Problems are reported per node and field; a bad node,
 * param or edge does not stop the rest of the graph from opening. Nodes of unknown types are
 * kept with their params so nothing the user made is lost.
 */
export function parseGraph(text: string, fileName: string, lookup: TypeLookup): LoadResult {
  const { problems, report } = collector(fileName);

  if (text.length > MAX_GRAPH_CHARS) {
    report(
      'E_TOO_LARGE',
      `The file has ${text.length} characters; at most ${MAX_GRAPH_CHARS} are read.`
    );
    return { doc: null, problems };
  }
  const depth = textDepth(text);
  if (depth > MAX_DEPTH) {
    report('E_TOO_DEEP', `The file nests lists or objects more than ${MAX_DEPTH} levels deep.`);
    return { doc: null, problems };
  }

  let raw: unknown;
  try {
    // Some editors start UTF-8 files with a byte-order mark, which JSON does not allow.
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    report('E_JSON', `The file is not valid JSON: ${(error as Error).message}.`);
    return { doc: null, problems };
  }
  return validateGraph(raw, fileName, lookup);
}

/** Validates an already parsed graph file; see parseGraph. */
export function validateGraph(raw: unknown, fileName: string, lookup: TypeLookup): LoadResult {
  const { problems, report } = collector(fileName);

  if (valueDepth(raw) > MAX_DEPTH) {
    report(
      'E_TOO_DEEP',
      `The graph nests lists or objects more than ${MAX_DEPTH} levels deep, or contains itself.`
    );
    return { doc: null, problems };
  }
  const envelope = checkEnvelope(raw, report);
  if (!envelope) return { doc: null, problems };

  const nodes = checkNodes(envelope.nodes, lookup, report);
  const edges = checkEdges(envelope.edges, nodes, lookup, report);
  checkInputs(nodes, edges, lookup, report);

  const { cycles } = orderNodes(
    nodes.map((n) => n.id),
    edges
  );
  for (const cycle of cycles) {
    report(
      'E_CYCLE',
      `The edges form a cycle: ${cycle.join(' → ')}. Remove one of these edges.`,
      cycle[0],
      'edges'
    );
  }

  const {
    sweep: rawSweep,
    view: rawView,
    description: rawDescription,
    frames: rawFrames,
    ...rest
  } = envelope;
  const doc: GraphDocument = { ...rest, nodes, edges };
  if (rawFrames !== undefined) {
    const { frames, issues } = checkFrames(rawFrames);
    if (frames.length > 0) doc.frames = frames;
    for (const issue of issues) report('W_FIELD', issue.message, undefined, issue.field);
  }
  const view = rawView === undefined ? undefined : viewSchema.safeParse(rawView);
  if (view?.success) doc.view = view.data;
  else if (view) report('W_FIELD', dropped('view', 'x, y and a zoom above 0'), undefined, 'view');
  const text =
    rawDescription === undefined ? undefined : descriptionSchema.safeParse(rawDescription);
  if (text?.success) doc.description = text.data;
  else if (text) {
    const message = dropped('description', 'text of at most 10000 characters');
    report('W_FIELD', message, undefined, 'description');
  }
  if (rawSweep !== undefined) {
    const sweep = sweepSchema.safeParse(rawSweep);
    if (!sweep.success) {
      const issue = sweep.error.issues[0];
      const field = ['sweep', ...issue.path].join('.');
      const message =
        `The sweep section was ignored: "${field}" ${issue.message.toLowerCase()}. ` +
        'Saving this graph will not keep it.';
      report('W_SWEEP', message, undefined, field);
    } else {
      doc.sweep = sweep.data;
      for (const issue of checkSweep(doc, lookup)) {
        report(
          'W_SWEEP',
          `${issue.message} The graph runs; the sweep does not.`,
          issue.nodeId,
          issue.field
        );
      }
    }
  }
  return { doc, problems };
}

function dropped(field: string, expected: string): string {
  return `The field "${field}" must be ${expected}; it was dropped.`;
}

type Report = (code: ProblemCode, message: string, nodeId?: string, field?: string) => void;

/** A list of problems in one file and the function that adds to it; codes starting W warn. */
function collector(fileName: string): { problems: GraphProblem[]; report: Report } {
  const problems: GraphProblem[] = [];
  const report: Report = (code, message, nodeId, field) => {
    const severity = code.startsWith('W') ? 'warning' : 'error';
    problems.push({ code, message, file: fileName, nodeId, field, severity });
  };
  return { problems, report };
}

function checkEnvelope(raw: unknown, report: Report) {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    report(
      'E_FORMAT',
      'The file holds no JSON object; ' +
        'a Kumiki graph file is an object with "format": "kumiki-graph".'
    );
    return null;
  }
  const record = raw as Record<string, unknown>;
  if (record.format !== GRAPH_FORMAT) {
    report(
      'E_FORMAT',
      `The field "format" must be "${GRAPH_FORMAT}"; ` + `found ${describeValue(record.format)}.`,
      undefined,
      'format'
    );
    return null;
  }
  const migrated = migrate(record);
  if ('error' in migrated) {
    report('E_VERSION', migrated.error, undefined, 'version');
    return null;
  }

  const parsed = envelopeSchema.safeParse(migrated.doc);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      report(
        'E_SHAPE',
        `The field "${issue.path.join('.')}" ${issue.message.toLowerCase()}.`,
        undefined,
        issue.path.join('.')
      );
    }
    return null;
  }
  void GRAPH_VERSION;
  const counts = [
    ['nodes', parsed.data.nodes.length, MAX_NODES],
    ['edges', parsed.data.edges.length, MAX_EDGES]
  ] as const;
  for (const [field, count, most] of counts) {
    if (count > most) {
      report(
        'E_TOO_LARGE',
        `The graph has ${count} ${field}; Kumiki opens graphs of at most ${most} ${field}.`,
        undefined,
        field
      );
      return null;
    }
  }
  return parsed.data;
}

function checkNodes(rawNodes: unknown[], lookup: TypeLookup, report: Report): GraphNode[] {
  const nodes: GraphNode[] = [];
  const seen = new Set<string>();
  rawNodes.forEach((rawNode, index) => {
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

    const type = lookup(node.type);
    if (!type) {
      report(
        'E_UNKNOWN_TYPE',
        `The node type "${node.type}" is not known to this Kumiki. ` +
          'The node is kept with its params but cannot run.',
        node.id,
        'type'
      );
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

function checkEdges(
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

function checkInputs(nodes: GraphNode[], edges: GraphEdge[], lookup: TypeLookup, report: Report) {
  const fed = new Set(edges.map((e) => `${e.to.node}\u0000${e.to.input}`));
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

/** Writes a graph file as people and diffs like it: two-space JSON with a final newline. */
export function serializeGraph(doc: GraphDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

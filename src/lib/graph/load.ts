import {
  MAX_DEPTH,
  MAX_EDGES,
  MAX_GRAPH_CHARS,
  MAX_NODES,
  describeValue,
  textDepth,
  valueDepth
} from './bounds';
import type { GraphDocument } from './document';
import { GRAPH_FORMAT } from './document';
import { checkFrames } from './frames';
import type { Report, TypeLookup } from './load-nodes';
import { checkEdges, checkInputs, checkNodes, collector } from './load-nodes';
import { migrate } from './migrations';
import { orderNodes } from './order';
import type { GraphProblem } from './problems';
import { descriptionSchema, envelopeSchema, sweepSchema, viewSchema } from './schema';
import { checkInlinedSize, checkSubgraphs } from './subgraph-check';
import { checkSweep } from './sweep-check';

export type { TypeLookup } from './load-nodes';
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

  // Definitions first: their instances' sockets and params come from them.
  const { subgraphs, lookup: types } = checkSubgraphs(envelope.subgraphs, lookup, report);
  const nodes = checkNodes(envelope.nodes, types, report);
  checkInlinedSize(nodes, subgraphs, report);
  const edges = checkEdges(envelope.edges, nodes, types, report);
  checkInputs(nodes, edges, types, report);

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
    subgraphs: _rawSubgraphs,
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
      for (const issue of checkSweep(doc, types)) {
        report(
          'W_SWEEP',
          `${issue.message} The graph runs; the sweep does not.`,
          issue.nodeId,
          issue.field
        );
      }
    }
  }
  if (Object.keys(subgraphs).length > 0) doc.subgraphs = subgraphs;
  return { doc, problems };
}

function dropped(field: string, expected: string): string {
  return `The field "${field}" must be ${expected}; it was dropped.`;
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
  for (const note of migrated.notes) report('W_FIELD', note.message, undefined, note.field);

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

/** Writes a graph file as people and diffs like it: two-space JSON with a final newline. */
export function serializeGraph(doc: GraphDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

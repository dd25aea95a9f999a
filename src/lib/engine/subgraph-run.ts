import type { GraphDocument } from '../graph/document';
import { definitionIdOf, definitionOf } from '../graph/subgraph';
import type { FlatGraph } from '../graph/subgraph-flatten';
import { flattenGraph, hasSubgraphNodes, innerPathOf, ownerOf } from '../graph/subgraph-flatten';
import type { NodeSummary, RunEvent, RunSummary } from './events';
import type { RunOptions } from './executor';

/** Graphs this module made by flattening; they are run as they are, never flattened again. */
const flattened = new WeakSet<GraphDocument>();

/** Whether the executor must inline subgraph instances before it orders the nodes. */
export function needsFlattening(doc: GraphDocument): boolean {
  return !flattened.has(doc) && hasSubgraphNodes(doc);
}

/**
 * Runs a graph with subgraph nodes: inlines them (subgraph-flatten.ts), runs the plain graph
 * with `run`, and reports every event, status, error and output under the subgraph node the
 * user sees. An inner failure names the inner node and its field.
 */
export async function runFlattened(
  doc: GraphDocument,
  options: RunOptions,
  run: (doc: GraphDocument, options: RunOptions) => Promise<RunSummary>
): Promise<RunSummary> {
  const flat = flattenGraph(doc);
  flattened.add(flat.doc);
  const titles = new Map(
    doc.nodes.map((n) => [n.id, definitionOf(doc.subgraphs, definitionIdOf(n.type) ?? '')?.title])
  );
  const byOwner = new Map<string, string[]>();
  for (const node of flat.doc.nodes) {
    const owner = ownerOf(node.id);
    if (owner !== node.id) byOwner.set(owner, [...(byOwner.get(owner) ?? []), node.id]);
  }
  // An instance of a definition with no nodes (at any depth) has nothing to run: it finishes
  // at once with no outputs, as its definition promises none.
  const empty = [...flat.outputs.keys()].filter(
    (id) => !byOwner.has(id) && (!options.only || options.only.includes(id))
  );
  const only = options.only?.flatMap((id) => byOwner.get(id) ?? (empty.includes(id) ? [] : [id]));

  const emit = options.onEvent ?? (() => {});
  for (const id of empty) {
    emit({ kind: 'queued', nodeId: id });
    emit({ kind: 'started', nodeId: id });
    emit({ kind: 'finished', nodeId: id, ms: 0, cached: false });
  }
  const relay = new EventRelay(flat, titles, emit);
  const summary = await run(flat.doc, { ...options, only, onEvent: (e) => relay.pass(e) });
  const folded = foldSummary(summary, flat, titles);
  for (const id of empty) {
    folded.nodes[id] = { status: 'finished', ms: 0, cached: false };
    folded.outputs[id] = {};
  }
  return folded;
}

/**
 * Text from the flat run with each quoted flat id (`"t/persistence"`) replaced by the node
 * the user sees (`"t"`), so no message names a node that is not in the graph.
 */
function outerIds(flat: FlatGraph, text: string): string {
  return text.replace(/"([^"\n]{1,300})"/g, (quoted, id: string) =>
    id.includes('/') && flat.ids.has(id) ? `"${ownerOf(id)}"` : quoted
  );
}

/** The message a person reads on a subgraph node when an inner node failed. */
function innerFailure(flat: FlatGraph, title: string | undefined, flatId: string, why: string) {
  const owner = ownerOf(flatId);
  const refused = flat.refused.get(owner);
  if (refused) return refused;
  const where = `Inside the subgraph "${title ?? owner}" (node "${owner}")`;
  return `${where}, the inner node "${innerPathOf(flatId)}" failed: ${outerIds(flat, why)}`;
}

/** The field of an inner failure as the subgraph node names it: its exposed param, or a path. */
function outerField(flat: FlatGraph, flatId: string, field: string | undefined) {
  if (field === undefined) return undefined;
  const owner = ownerOf(flatId);
  const path = innerPathOf(flatId);
  const name = field.replace(/^params\./, '');
  return flat.exposed.get(owner)?.get(`${path}\u0000${name}`) ?? `${path}.${field}`;
}

/** Turns the flat graph's events into events of the nodes the user sees. */
class EventRelay {
  private queued = new Map<string, number>();
  private ended = new Map<string, { count: number; ms: number; cached: boolean }>();
  private closed = new Set<string>();

  constructor(
    private flat: FlatGraph,
    private titles: Map<string, string | undefined>,
    private emit: (event: RunEvent) => void
  ) {}

  pass(event: RunEvent): void {
    const owner = ownerOf(event.nodeId);
    if (owner === event.nodeId && !this.flat.refused.has(owner)) {
      if (event.kind === 'blocked') this.emit({ ...event, by: ownerOf(event.by) });
      else if (event.kind === 'failed') {
        this.emit({ ...event, message: outerIds(this.flat, event.message) });
      } else this.emit(event);
      return;
    }
    const path = innerPathOf(event.nodeId) || owner;
    switch (event.kind) {
      case 'queued': {
        const count = this.queued.get(owner) ?? 0;
        this.queued.set(owner, count + 1);
        if (count === 0) this.emit({ kind: 'queued', nodeId: owner });
        return;
      }
      case 'started':
        if (!this.ended.has(owner)) this.emit({ kind: 'started', nodeId: owner });
        this.ended.set(owner, this.ended.get(owner) ?? { count: 0, ms: 0, cached: true });
        return;
      case 'progress': {
        const done = this.ended.get(owner)?.count ?? 0;
        const total = this.queued.get(owner) ?? 1;
        const fraction = (done + event.fraction) / total;
        const message = event.message ? `${path}: ${event.message}` : path;
        this.emit({ kind: 'progress', nodeId: owner, fraction, message });
        return;
      }
      case 'finished': {
        const state = this.ended.get(owner) ?? { count: 0, ms: 0, cached: true };
        state.count += 1;
        state.ms += event.ms;
        state.cached &&= event.cached;
        this.ended.set(owner, state);
        if (state.count === this.queued.get(owner) && !this.closed.has(owner)) {
          this.emit({ kind: 'finished', nodeId: owner, ms: state.ms, cached: state.cached });
        }
        return;
      }
      case 'failed': {
        if (this.closed.has(owner)) return;
        this.closed.add(owner);
        const field = outerField(this.flat, event.nodeId, event.field);
        this.emit({
          ...event,
          nodeId: owner,
          message: event.cancelled
            ? event.message
            : innerFailure(this.flat, this.titles.get(owner), event.nodeId, event.message),
          field
        });
        return;
      }
      case 'blocked':
        if (ownerOf(event.by) === owner || this.closed.has(owner)) return;
        this.closed.add(owner);
        this.emit({ kind: 'blocked', nodeId: owner, by: ownerOf(event.by) });
        return;
      case 'log':
        this.emit({ kind: 'log', nodeId: owner, message: `${path}: ${event.message}` });
    }
  }
}

/** The summary of the flat run, told per node of the original graph. */
function foldSummary(
  summary: RunSummary,
  flat: FlatGraph,
  titles: Map<string, string | undefined>
): RunSummary {
  const nodes: Record<string, NodeSummary> = {};
  const outputs: Record<string, Record<string, unknown>> = {};
  const inner: Record<string, NodeSummary> = {};
  const groups = new Map<string, [string, NodeSummary][]>();
  for (const [id, entry] of Object.entries(summary.nodes)) {
    const owner = ownerOf(id);
    if (owner === id && !flat.refused.has(owner)) {
      nodes[id] = entry.error ? { ...entry, error: outerIds(flat, entry.error) } : entry;
    } else {
      groups.set(owner, [...(groups.get(owner) ?? []), [id, entry]]);
      inner[id] = entry;
    }
  }
  for (const [id, values] of Object.entries(summary.outputs)) {
    if (ownerOf(id) === id) outputs[id] = values;
  }

  for (const [owner, entries] of groups) {
    const rank = ['failed', 'cancelled', 'blocked', 'finished'];
    const worst = [...entries].sort(
      ([, a], [, b]) => rank.indexOf(a.status) - rank.indexOf(b.status)
    )[0];
    const [worstId, worstEntry] = worst;
    const entry: NodeSummary = {
      status: worstEntry.status,
      ms: entries.reduce((sum, [, e]) => sum + e.ms, 0),
      cached: entries.every(([, e]) => e.cached)
    };
    if (worstEntry.timedOut) entry.timedOut = true;
    const field = outerField(flat, worstId, worstEntry.field);
    if (field !== undefined) entry.field = field;
    if (worstEntry.status === 'failed' && worstEntry.error) {
      entry.error = innerFailure(flat, titles.get(owner), worstId, worstEntry.error);
    } else if (worstEntry.error) {
      entry.error = outerIds(flat, worstEntry.error);
    }
    nodes[owner] = entry;
  }

  for (const [owner, sockets] of flat.outputs) {
    if (nodes[owner]?.status !== 'finished') continue;
    outputs[owner] = {};
    for (const [name, from] of Object.entries(sockets)) {
      outputs[owner][name] = summary.outputs[from.node]?.[from.output];
    }
  }
  return { ...summary, nodes, outputs, inner };
}

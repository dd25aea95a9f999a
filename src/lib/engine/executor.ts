import type { GraphDocument, GraphEdge, GraphNode } from '../graph/document';
import type { TypeLookup } from '../graph/load';
import { NodeInputError, type NodeType, type RunContext } from '../graph/node-type';
import { orderNodes } from '../graph/order';
import { cacheKey } from './cache-key';
import type { NodeSummary, RunEvent, RunSummary } from './events';
import type { Host } from './host';
import { checkOutputs } from './output-checks';
import { paramProblem } from './param-checks';
import { seededRandom } from './random';
import { MAX_TIMER_MS } from './timer-limit';
import { needsFlattening, runFlattened } from './subgraph-run';

/** How to run a graph. */
export interface RunOptions {
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  /** Run only these nodes and what they depend on; all nodes when absent. */
  only?: string[];
  /**
   * Each node's time budget in milliseconds: a node still running after it fails with a
   * message, and the run goes on with the nodes that do not depend on it. None when absent
   * or longer than MAX_TIMER_MS (timer-limit.ts).
   */
  nodeTimeoutMs?: number;
  /** Each node's memory budget: the most bytes its outputs may hold (see output-checks.ts). */
  maxOutputBytes?: number;
}

/** The outputs of one node run, kept while its cache key stays in use. */
interface CacheEntry {
  outputs: Record<string, unknown>;
}

/**
 * Runs graphs node by node in topological order. Results are cached in memory by cache key,
 * so a re-run after a param change runs only the changed node and its dependants. A failed
 * node blocks only what depends on it. The executor never touches the DOM: it runs in the
 * browser worker and in Node alike.
 */
export class Executor {
  private cache = new Map<string, CacheEntry>();

  constructor(
    private host: Host,
    private lookup: TypeLookup
  ) {}

  /**
   * Runs the graph and resolves with a summary once every node has ended or the run is
   * cancelled.
   */
  async run(doc: GraphDocument, options: RunOptions = {}): Promise<RunSummary> {
    // Subgraph instances are inlined into plain nodes first (subgraph-run.ts).
    if (needsFlattening(doc)) return runFlattened(doc, options, (flat, o) => this.run(flat, o));
    const emit = options.onEvent ?? (() => {});
    const signal = options.signal ?? new AbortController().signal;
    const summary: RunSummary = {
      backend: this.host.tf.getBackend(),
      cancelled: false,
      nodes: {},
      outputs: {}
    };

    const incoming = incomingEdges(doc);
    const wanted = selectNodes(doc, incoming, options.only);
    const { order, cycles } = orderNodes(
      wanted.map((n) => n.id),
      doc.edges
    );
    const byId = new Map(doc.nodes.map((n) => [n.id, n]));
    for (const cycle of cycles) {
      for (const id of new Set(cycle)) {
        this.fail(
          summary,
          emit,
          id,
          `The node is on a cycle (${cycle.join(' → ')}); remove one of these edges.`
        );
      }
    }
    order.forEach((id) => emit({ kind: 'queued', nodeId: id }));

    const keys = new Map<string, string>();
    const usedKeys = new Set<string>();
    for (const id of order) {
      if (signal.aborted) {
        summary.cancelled = true;
        summary.nodes[id] = { status: 'cancelled', ms: 0, cached: false };
        continue;
      }
      const node = byId.get(id)!;
      const blocker = this.blocker(incoming, id, summary);
      if (blocker) {
        summary.nodes[id] = {
          status: 'blocked',
          ms: 0,
          cached: false,
          error: `Waiting on "${blocker}", which did not finish.`
        };
        emit({ kind: 'blocked', nodeId: id, by: blocker });
        continue;
      }
      const state = {
        doc,
        incoming: incoming.get(id) ?? [],
        keys,
        usedKeys,
        summary,
        emit,
        signal,
        options
      };
      await this.runNode(node, state);
    }

    for (const node of wanted) {
      if (summary.nodes[node.id]) continue;
      const error = 'The node depends on a cycle of edges, so it cannot run.';
      summary.nodes[node.id] = { status: 'blocked', ms: 0, cached: false, error };
    }
    for (const key of this.cache.keys()) if (!usedKeys.has(key)) this.cache.delete(key);
    return summary;
  }

  private async runNode(node: GraphNode, state: RunState): Promise<void> {
    const { doc, keys, usedKeys, summary, emit, signal } = state;
    const type = this.lookup(node.type);
    if (!type) {
      this.fail(
        summary,
        emit,
        node.id,
        `The node type "${node.type}" is not known to this Kumiki, so the node cannot run.`
      );
      return;
    }

    const badParam = paramProblem(type, node.params);
    if (badParam) {
      this.fail(summary, emit, node.id, badParam.message, badParam.field);
      return;
    }

    const inputs: Record<string, unknown> = {};
    const inputKeys: Record<string, string> = {};
    for (const edge of state.incoming) {
      inputs[edge.to.input] = summary.outputs[edge.from.node]?.[edge.from.output];
      inputKeys[edge.to.input] = `${keys.get(edge.from.node)}:${edge.from.output}`;
    }
    const missing = Object.keys(type.inputs).find(
      (name) => !type.inputs[name].optional && !(name in inputKeys)
    );
    if (missing) {
      this.fail(
        summary,
        emit,
        node.id,
        `The input "${missing}" has no edge; ` +
          `connect an output of type "${type.inputs[missing].type}".`,
        `inputs.${missing}`
      );
      return;
    }

    const key = await cacheKey({
      type: type.type,
      version: type.version,
      params: node.params,
      seed: doc.seed,
      randomSalt: node.id,
      inputs: inputKeys
    });
    keys.set(node.id, key);
    usedKeys.add(key);
    const hit = this.cache.get(key);
    if (hit) {
      summary.outputs[node.id] = hit.outputs;
      summary.nodes[node.id] = { status: 'finished', ms: 0, cached: true };
      emit({ kind: 'finished', nodeId: node.id, ms: 0, cached: true });
      return;
    }

    emit({ kind: 'started', nodeId: node.id });
    const started = performance.now();
    const budget = nodeBudget(signal, state.options.nodeTimeoutMs);
    try {
      const context = this.context(doc, node, emit, budget.signal);
      const outputs = await raceAbort(type.run(inputs, node.params, context), budget.signal);
      const problem = checkOutputs(type, outputs, state.options.maxOutputBytes);
      if (problem) throw new Error(problem);
      const ms = Math.round(performance.now() - started);
      this.cache.set(key, { outputs });
      summary.outputs[node.id] = outputs;
      summary.nodes[node.id] = { status: 'finished', ms, cached: false };
      emit({ kind: 'finished', nodeId: node.id, ms, cached: false });
      budget.end();
    } catch (error) {
      budget.end();
      if (signal.aborted) {
        summary.cancelled = true;
        summary.nodes[node.id] = {
          status: 'cancelled',
          ms: Math.round(performance.now() - started),
          cached: false
        };
        emit({ kind: 'failed', nodeId: node.id, message: 'The run was stopped.', cancelled: true });
        return;
      }
      if (budget.timedOut()) {
        const seconds = (state.options.nodeTimeoutMs ?? 0) / 1000;
        const message =
          `The node ran longer than its time budget of ${seconds} s and was stopped. ` +
          'Choose smaller params, or allow more time.';
        this.fail(
          summary,
          emit,
          node.id,
          message,
          undefined,
          Math.round(performance.now() - started)
        );
        summary.nodes[node.id].timedOut = true;
        return;
      }
      const field = error instanceof NodeInputError ? error.field : undefined;
      this.fail(
        summary,
        emit,
        node.id,
        messageOf(error),
        field,
        Math.round(performance.now() - started)
      );
    }
  }

  private context(
    doc: GraphDocument,
    node: GraphNode,
    emit: (e: RunEvent) => void,
    signal: AbortSignal
  ): RunContext {
    let lastSent = 0;
    return {
      signal,
      nodeId: node.id,
      tf: this.host.tf,
      files: this.host.files,
      assets: this.host.assets,
      cache: this.host.cache,
      random: seededRandom(doc.seed, node.id),
      log: (message) => emit({ kind: 'log', nodeId: node.id, message }),
      progress: (fraction, message) => {
        // A node stopped by cancel or its time budget may still report once; it is over.
        if (signal.aborted) return;
        const now = performance.now();
        if (now - lastSent < 50 && fraction < 1) return;
        lastSent = now;
        emit({
          kind: 'progress',
          nodeId: node.id,
          fraction: Math.min(1, Math.max(0, fraction)),
          message
        });
      }
    };
  }

  private blocker(
    incoming: Map<string, GraphEdge[]>,
    id: string,
    summary: RunSummary
  ): string | undefined {
    const upstream = (incoming.get(id) ?? []).map((e) => e.from.node);
    return upstream.find((from) => summary.nodes[from]?.status !== 'finished');
  }

  private fail(
    summary: RunSummary,
    emit: (e: RunEvent) => void,
    nodeId: string,
    message: string,
    field?: string,
    ms = 0
  ) {
    const entry: NodeSummary = { status: 'failed', ms, cached: false, error: message };
    if (field !== undefined) entry.field = field;
    summary.nodes[nodeId] = entry;
    emit({ kind: 'failed', nodeId, message, field });
  }
}

/** What one node's run needs to know about the run it is part of. */
interface RunState {
  doc: GraphDocument;
  /** The edges into this node. */
  incoming: GraphEdge[];
  keys: Map<string, string>;
  usedKeys: Set<string>;
  summary: RunSummary;
  emit: (event: RunEvent) => void;
  signal: AbortSignal;
  options: RunOptions;
}

/**
 * The signal one node runs under: aborted when the run is, or when the node's time budget
 * (if any) runs out. `end` releases the timer and the listener once the node is done.
 */
function nodeBudget(run: AbortSignal, ms: number | undefined) {
  const controller = new AbortController();
  let expired = false;
  const follow = () => controller.abort(run.reason);
  // The run may have been stopped while the node's cache key was computed (an await): an
  // abort listener added now would never fire, and the node would run on unstoppable.
  if (run.aborted) follow();
  else run.addEventListener('abort', follow, { once: true });
  const timer =
    ms !== undefined && ms > 0 && ms <= MAX_TIMER_MS
      ? setTimeout(() => {
          expired = true;
          controller.abort(new DOMException('The time budget ran out.', 'TimeoutError'));
        }, ms)
      : undefined;
  return {
    signal: controller.signal,
    timedOut: () => expired && !run.aborted,
    end() {
      clearTimeout(timer);
      run.removeEventListener('abort', follow);
    }
  };
}

/** The edges into each node, by node id; built once per run so lookups do not scan all edges. */
function incomingEdges(doc: GraphDocument): Map<string, GraphEdge[]> {
  const incoming = new Map<string, GraphEdge[]>();
  for (const edge of doc.edges) {
    const list = incoming.get(edge.to.node);
    if (list) list.push(edge);
    else incoming.set(edge.to.node, [edge]);
  }
  return incoming;
}

/** The nodes to run: all of them, or the given ones with everything upstream of them. */
function selectNodes(
  doc: GraphDocument,
  incoming: Map<string, GraphEdge[]>,
  only?: string[]
): GraphNode[] {
  if (!only) return doc.nodes;
  const keep = new Set<string>();
  const stack = [...only];
  while (stack.length) {
    const id = stack.pop()!;
    if (keep.has(id)) continue;
    keep.add(id);
    for (const edge of incoming.get(id) ?? []) stack.push(edge.from.node);
  }
  return doc.nodes.filter((n) => keep.has(n.id));
}

function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    // The node saw the aborted signal too and may reject; that is expected, not unhandled.
    work.catch(() => {});
    return Promise.reject(new DOMException('The run was stopped.', 'AbortError'));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DOMException('The run was stopped.', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return `The node stopped with an unexpected error: ${String(error)}.`;
}

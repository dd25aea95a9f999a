import type { NodeSummary, RunEvent, RunSummary } from '../engine/events';
import type { GraphDocument } from '../graph/document';
import type { Correlation, Plot } from '../graph/values';
import type { Runner } from '../../worker/client';
import { createRunner, WorkerStoppedError } from '../../worker/client';
import { budgetText, nodeBudgetMs } from '../../worker/time-budget';
import { eventBatch, flushedSteps } from './event-batch';
import { frameSlice, nextTask } from './frame-budget';
import { formatMs } from './format';
import type { KumikiNode, NodeRunState } from './kumiki-node.svelte';
import { counted, plotImage, previewOf } from './preview';
import { blockedMessage, finalState, nextRunState } from './run-states';

/** One line of the run log. */
export interface LogEntry {
  /** Seconds since the run started. */
  at: number;
  kind: 'info' | 'started' | 'finished' | 'failed' | 'log';
  text: string;
}

/** A correlation a run produced, with the node it came from. */
export interface CorrelationResult extends Correlation {
  nodeId: string;
  name: string;
}

/** A plot a run produced, drawn as an image address. */
export interface PlotResult {
  nodeId: string;
  name: string;
  title: string;
  src: string;
}

/** Where the whole run stands. */
export type RunPhase = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

const MAX_LOG = 400;

/**
 * Runs graphs in the engine worker and keeps what the page shows about runs: each node's
 * status and preview, the run log, and the correlations and plots of the last run.
 */
export class RunController {
  phase: RunPhase = $state('idle');
  summaryText = $state('Not run yet.');
  backend = $state('');
  // Replaced, never changed in place: raw state spares a proxy per line and per plot.
  log: LogEntry[] = $state.raw([]);
  correlations: CorrelationResult[] = $state([]);
  plots: PlotResult[] = $state.raw([]);
  /** The graph changed since the results shown were computed. */
  stale = $state(false);
  /**
   * The last run ended without its results: the engine was restarted (a crash, or Stop on a
   * worker that did not answer). Nodes it had finished show so, but their outputs are gone.
   */
  outputsLost = $state(false);
  /**
   * Each top-level node's state in the run going on, by node id, to show again when the
   * canvas reloads mid-run (a group, an undo, a subgraph left) and makes new node views.
   */
  private live = new Map<string, NodeRunState>();

  private runner: Runner | undefined;
  /** Set by Stop; a run that has not reached the engine yet then never does. */
  private stopAsked = false;
  private started = 0;
  /** The run whose events are applied; events of any other run are dropped. */
  private current: object | null = null;
  /** How the nodes of the last finished run ended, to show again when the canvas reloads. */
  private ended: RunSummary | null = null;
  /**
   * The opened subgraph the canvas shows, as the path of its node (`g1`, `g1/g2`), or '' for
   * the graph itself: inner nodes take their state from the run's flat ids under it.
   */
  level = '';

  /**
   * `nodes` lists the canvas's nodes; `find` looks one up by id without going through them
   * all (a 1000-node run sends thousands of events), and defaults to a search of the list.
   */
  constructor(
    private readonly nodes: () => KumikiNode[],
    private readonly find: (id: string) => KumikiNode | undefined = (id) =>
      nodes().find((n) => n.id === id)
  ) {}

  /** The engine worker, started on first use. */
  get engine(): Runner {
    this.runner ??= createRunner({ stopped: (message) => this.engineStopped(message) });
    return this.runner;
  }

  /**
   * Runs `doc`, or only the nodes in `only` and what they depend on; node statuses and
   * results follow the engine's events.
   */
  async run(doc: GraphDocument, only?: string[]): Promise<void> {
    if (this.phase === 'running') return;
    this.phase = 'running';
    this.summaryText = 'Running…';
    this.correlations = [];
    this.plots = [];
    this.stale = false;
    this.outputsLost = false;
    // The budget is set with ?nodeTimeout=<seconds> in the page address (docs/security.md).
    const budget = budgetText(nodeBudgetMs(globalThis.location?.search ?? ''));
    this.startLog(
      (only
        ? `Run of "${doc.title}" up to ${only.join(', ')} started`
        : `Run of "${doc.title}" started with ${counted(doc.nodes.length, 'node')}`) +
        `; each node may run for ${budget === 'none' ? 'any time' : budget}.`
    );
    const token = {};
    this.current = token;
    // Marking a large graph's nodes idle is one task, reading and sending it another.
    this.stopAsked = false;
    await nextTask();
    if (this.current !== token) return;
    if (this.stopAsked) {
      this.current = null;
      this.phase = 'cancelled';
      this.summaryText = 'Stopped before any node ran.';
      this.write('failed', this.summaryText);
      return;
    }

    // Events are shown once per frame, so a flood of progress never holds up the page.
    const events = eventBatch((event: RunEvent) => {
      if (this.current === token) this.track(event);
    });
    try {
      const summary = await this.engine.run(doc, (event) => events.push(event), only);
      await events.drain();
      if (this.current !== token) return;
      await this.finish(doc, summary, token);
      if (this.current === token) this.current = null;
    } catch (error) {
      if (this.current !== token) return;
      this.current = null;
      this.outputsLost = true;
      this.endRunningNodes();
      if (error instanceof WorkerStoppedError && error.byStop) {
        this.phase = 'cancelled';
        this.summaryText = `Stopped. ${error.message}`;
      } else {
        this.phase = 'failed';
        const next = error instanceof WorkerStoppedError ? ' The next run starts a new one.' : '';
        this.summaryText = `The run failed: ${(error as Error).message}${next}`;
      }
      this.write('failed', this.summaryText);
    }
  }

  /**
   * The engine worker ended outside a run (a run in progress hears of it through its own
   * call). The graph is untouched; the next run starts a new worker.
   */
  private engineStopped(message: string): void {
    if (this.phase === 'running') return;
    this.write('failed', `${message} A new one starts with the next run.`);
  }

  /** Nodes left queued or running by a run that ended without a summary. */
  private endRunningNodes(): void {
    for (const node of this.nodes()) {
      if (node.run.status === 'running' || node.run.status === 'queued') {
        node.run = { status: 'cancelled', ms: node.run.ms };
      }
    }
  }

  /**
   * Forgets the current run and its results, as when another graph is opened: a run still
   * going is cancelled, and what it reports later is ignored.
   */
  async reset(): Promise<void> {
    const running = this.phase === 'running';
    this.current = null;
    this.phase = 'idle';
    this.backend = '';
    this.summaryText = 'Not run yet.';
    this.log = [];
    this.correlations = [];
    this.plots = [];
    this.stale = false;
    this.ended = null;
    this.level = '';
    if (running) await this.runner?.cancel();
  }

  /**
   * Shows again on the canvas's nodes how the last run left them, after the canvas reloaded
   * (a subgraph opened or closed): status and time, and at the top level the preview.
   */
  showEnded(): void {
    if (this.phase === 'running') return this.showLive();
    const summary = this.ended;
    if (!summary) return;
    for (const node of this.nodes()) {
      const result = this.endOf(summary, node.id);
      if (!result) continue;
      node.run = finalState(result, node.run.ms);
      if (result.status === 'finished' && node.spec && this.level === '') {
        node.preview = previewOf(node.spec, summary.outputs[node.id]);
      }
    }
  }

  /** Shows the state of the run going on again on the top-level nodes the canvas shows. */
  private showLive(): void {
    if (this.level !== '') return;
    for (const node of this.nodes()) {
      const state = this.live.get(node.id);
      if (state) node.run = state;
    }
  }

  /** How canvas node `id` ended in `summary`, at the level the canvas shows. */
  private endOf(summary: RunSummary, id: string): NodeSummary | undefined {
    return this.level === '' ? summary.nodes[id] : summary.inner?.[`${this.level}/${id}`];
  }

  /** Asks the engine to stop; the run ends with the nodes it finished. */
  async stop(): Promise<void> {
    if (this.phase !== 'running') return;
    this.stopAsked = true;
    this.write('info', 'Stop requested.');
    await this.runner?.cancel();
  }

  /** Stops the worker for good. */
  dispose(): void {
    this.runner?.dispose();
  }

  /** Marks the results shown as computed from an older graph, when there are any. */
  markStale(): void {
    if (this.phase !== 'idle') this.stale = true;
  }

  /** Empties the run log, marks every node idle and writes `text` as the first line. */
  startLog(text: string): void {
    this.log = [];
    this.live.clear();
    this.started = performance.now();
    for (const node of this.nodes()) node.run = { ...node.run, status: 'idle', message: undefined };
    this.write('info', text);
  }

  /** Adds a line to the run log. */
  note(kind: LogEntry['kind'], text: string): void {
    this.write(kind, text);
  }

  /**
   * The canvas node an engine event is about. Events name top-level nodes, so inside an opened
   * subgraph none of them is on the canvas, even where an inner node has the same id.
   */
  private node(id: string): KumikiNode | undefined {
    if (this.level !== '') return undefined;
    return this.find(id);
  }

  /** Shows an engine event on its node and in the log (runs and sweep cells alike). */
  track(event: RunEvent): void {
    const node = this.node(event.nodeId);
    const name = node ? displayName(node) : event.nodeId;
    const before = this.live.get(event.nodeId) ?? node?.run ?? { status: 'idle' };
    const next = nextRunState(before, event);
    if (next) {
      this.live.set(event.nodeId, next);
      if (node) node.run = next;
    }
    switch (event.kind) {
      case 'started':
        this.write('started', `${name} started.`);
        break;
      case 'finished': {
        const how = event.cached ? 'taken from the cache' : `finished in ${formatMs(event.ms)}`;
        this.write('finished', `${name} ${how}.`);
        break;
      }
      case 'failed':
        this.write('failed', `${name} failed: ${event.message}`);
        break;
      case 'blocked':
        this.write('failed', `${name}: ${blockedMessage(event.by)}`);
        break;
      case 'log':
        this.write('log', `${name}: ${event.message}`);
        break;
    }
  }

  /**
   * Shows how the run `token` ended: the status line, the log's last line and the results at
   * once, then each node's state and preview in slices a task apart, since hundreds of previews
   * take seconds. The canvas may be reloaded meanwhile (a subgraph opened), and then takes the
   * ended states from `ended`; a reset or a new run (`current` no longer `token`) stops it.
   */
  private async finish(doc: GraphDocument, summary: RunSummary, token: object): Promise<void> {
    this.backend = summary.backend;
    this.ended = summary;
    this.collectResults(doc, summary);

    const took = formatMs(performance.now() - this.started);
    const failed = doc.nodes
      .filter((node) => summary.nodes[node.id]?.status === 'failed')
      .map((node) => node.id);
    if (summary.cancelled) {
      this.phase = 'cancelled';
      this.summaryText = `Stopped after ${took}.`;
    } else if (failed.length > 0) {
      this.phase = 'failed';
      this.summaryText = `${counted(failed.length, 'node')} failed (${failed.join(', ')}) after ${took}.`;
    } else {
      this.phase = 'done';
      this.summaryText = `Done in ${took} on the ${summary.backend} backend.`;
    }
    this.write(this.phase === 'done' ? 'finished' : 'failed', this.summaryText);
    // The results panel is drawn in this task; the node views in the next ones.
    await nextTask();

    const nodes = this.nodes();
    let index = 0;
    const step = () => {
      const node = nodes[index++];
      const result = this.endOf(summary, node.id);
      if (result) {
        node.run = finalState(result, node.run.ms);
        if (result.status === 'finished' && node.spec && this.level === '') {
          node.preview = previewOf(node.spec, summary.outputs[node.id]);
        }
      }
      return index < nodes.length;
    };
    while (nodes.length > 0 && this.current === token && flushedSteps(frameSlice(), step)) {
      await nextTask();
    }
  }

  private collectResults(doc: GraphDocument, summary: RunSummary): void {
    const correlations: CorrelationResult[] = [];
    const plots: PlotResult[] = [];
    const byId = new Map(this.nodes().map((node) => [node.id, node]));
    for (const entry of doc.nodes) {
      const node = byId.get(entry.id);
      const outputs = summary.outputs[entry.id];
      if (!node?.spec || !outputs) continue;
      for (const [key, socket] of Object.entries(node.spec.outputs)) {
        if (!(key in outputs)) continue;
        if (socket.type === 'correlation') {
          correlations.push({
            ...(outputs[key] as Correlation),
            nodeId: node.id,
            name: displayName(node)
          });
        }
        if (socket.type === 'plot') {
          const plot = outputs[key] as Plot;
          // Drawn when first shown: a large graph has hundreds of plots, most never looked at.
          let src: string | undefined;
          plots.push({
            nodeId: node.id,
            name: displayName(node),
            title: plot.title,
            get src() {
              return (src ??= plotImage(plot));
            }
          });
        }
      }
    }
    this.correlations = correlations;
    this.plots = plots;
  }

  private write(kind: LogEntry['kind'], text: string): void {
    const at = (performance.now() - this.started) / 1000;
    const next = [...this.log, { at, kind, text }];
    this.log = next.length > MAX_LOG ? next.slice(next.length - MAX_LOG) : next;
  }
}

/** How the page names a node: its label if it has one, else its title, with its id. */
export function displayName(node: KumikiNode): string {
  return node.userLabel ? `${node.userLabel} (${node.id})` : `${node.label} (${node.id})`;
}

import type { RunEvent } from '../lib/engine/events';
import type { GraphDocument } from '../lib/graph/document';
import { UsageError } from './exit';
import { startWatchdog, type Watchdog } from './watchdog';

/** Reads a `--timeout`-style flag: seconds, a positive finite number. */
function seconds(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(`--${flag} must be a number of seconds above 0; found "${text}".`);
  }
  return value;
}

/**
 * The time limits of one `kumiki run`: `--timeout` for the whole run (a timer that stops it
 * like Ctrl+C does) and `--node-timeout` for each node (the executor's time budget). When
 * either is set, a watchdog thread also stops the process hard if a node keeps the main
 * thread busy past a limit, writing the summary the run had reached.
 */
export function runLimits(
  flags: { timeout?: string; 'node-timeout'?: string },
  summaryPath: string,
  graphPath: string,
  doc: GraphDocument
) {
  const timeoutSeconds = seconds('timeout', flags.timeout);
  const nodeSeconds = seconds('node-timeout', flags['node-timeout']);
  let expired = false;
  let runDeadline = Infinity;
  let watchdog: Watchdog | undefined;

  const live = {
    graph: graphPath,
    status: 'running',
    timeout: timeoutSeconds,
    nodes: Object.fromEntries(doc.nodes.map((n) => [n.id, { status: 'cancelled' }]))
  } as { nodes: Record<string, { status: string }> } & Record<string, unknown>;

  return {
    timeoutSeconds,
    nodeTimeoutMs: nodeSeconds !== undefined ? nodeSeconds * 1000 : undefined,
    timedOut: () => expired,

    /** Starts the run's clock; returns the function that stops it. */
    start(controller: AbortController): () => void {
      if (timeoutSeconds === undefined && nodeSeconds === undefined) return () => {};
      watchdog = startWatchdog(summaryPath);
      watchdog.summary(live);
      if (timeoutSeconds === undefined) return () => watchdog?.deadline(Infinity);
      runDeadline = Date.now() + timeoutSeconds * 1000;
      watchdog.deadline(runDeadline);
      const timer = setTimeout(() => {
        expired = true;
        controller.abort();
      }, timeoutSeconds * 1000);
      return () => {
        clearTimeout(timer);
        watchdog?.deadline(Infinity);
      };
    },

    /** Follows the run, so the watchdog knows each node's deadline and what has finished. */
    track(event: RunEvent): void {
      if (!watchdog) return;
      const entry = live.nodes[event.nodeId];
      if (event.kind === 'started') {
        if (entry) entry.status = 'running';
        const nodeDeadline = nodeSeconds !== undefined ? Date.now() + nodeSeconds * 1000 : Infinity;
        watchdog.deadline(Math.min(runDeadline, nodeDeadline));
      } else if (event.kind === 'finished' || event.kind === 'failed' || event.kind === 'blocked') {
        if (entry) entry.status = event.kind === 'finished' ? 'finished' : event.kind;
        watchdog.deadline(runDeadline);
      } else return;
      watchdog.summary(live);
    },

    /** Adds fields to the summary the watchdog writes on a hard stop (a sweep's progress). */
    update(fields: Record<string, unknown>): void {
      Object.assign(live, fields);
      watchdog?.summary(live);
    },

    /** The run ended by itself: the watchdog may go. */
    finish(): void {
      watchdog?.stop();
    }
  };
}

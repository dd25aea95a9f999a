import type { RunEvent } from '../lib/engine/events';
import type { GraphDocument } from '../lib/graph/document';
import { MAX_TIMER_MS } from '../lib/engine/timer-limit';
import { UsageError } from './exit';
import { isDecimal } from './numbers';
import { startWatchdog, type Watchdog } from './watchdog';

/**
 * Reads a `--timeout`-style flag: seconds, a plain decimal number above 0. A limit longer than
 * the longest delay a timer can hold (MAX_TIMER_MS, about 24.8 days) means no limit: Node would
 * otherwise fire such a timer after 1 ms.
 */
function seconds(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  // A decimal too large for a double (1e400) reads as Infinity: no limit, like 1e308.
  if (!isDecimal(text) || Number.isNaN(value) || value <= 0) {
    throw new UsageError(`--${flag} must be a number of seconds above 0; found "${text}".`);
  }
  return value * 1000 > MAX_TIMER_MS ? undefined : value;
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

    /**
     * Settles the race between the limits once the run has ended. A thread busy past both the
     * node's budget and the run's deadline lets the node's timer fire first (it is due first),
     * and the run can then end before the run's timer gets its turn. When the deadline has
     * passed and something did not finish (`unfinished`), the run limit cut it short: it
     * counts as timed out.
     */
    settle(unfinished: boolean): void {
      if (unfinished && Date.now() >= runDeadline) expired = true;
    },

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

import type { RunEvent } from '../lib/engine/events';
import { MAX_TIMER_MS } from '../lib/engine/timer-limit';

/**
 * Each node's time budget in the editor unless the page address says otherwise: two hours.
 * The longest bundled example node (the Lagrange–Dirac network at the reference settings)
 * takes about 35 minutes on a shared two-core machine, so real work fits several times over,
 * while a node given runaway params still ends by itself instead of holding the worker for
 * good. Stop is always there for anything shorter.
 */
export const DEFAULT_NODE_BUDGET_S = 2 * 60 * 60;

/**
 * How long past its budget a node may go before the editor replaces the worker. A node that
 * yields is stopped by the engine at its budget; one that never yields keeps the worker's
 * own timers from firing, so the page does it.
 */
export const BUDGET_GRACE_MS = 5000;

/**
 * The node time budget in ms from the page address: `?nodeTimeout=<seconds>`, `0` for none;
 * the default when absent or not a number of seconds at or above 0. A budget past the longest
 * delay a timer holds (MAX_TIMER_MS, about 24.8 days) is none: such a timer would fire at once.
 */
export function nodeBudgetMs(search: string): number | undefined {
  const text = new URLSearchParams(search).get('nodeTimeout');
  const seconds = text === null || text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(seconds) || seconds < 0) return DEFAULT_NODE_BUDGET_S * 1000;
  return seconds === 0 || seconds * 1000 > MAX_TIMER_MS ? undefined : seconds * 1000;
}

/** A budget in words for the run log: "2 h", "90 s", "none". */
export function budgetText(ms: number | undefined): string {
  if (ms === undefined) return 'none';
  const seconds = ms / 1000;
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/**
 * Follows a run's events to know which nodes are running and since when, and names a node
 * that has run past `budgetMs` plus the grace.
 */
export class BudgetWatch {
  private readonly running = new Map<string, number>();

  constructor(
    private readonly budgetMs: number | undefined,
    private readonly graceMs = BUDGET_GRACE_MS
  ) {}

  see(event: RunEvent, now: number): void {
    if (event.kind === 'started') this.running.set(event.nodeId, now);
    else if (event.kind === 'finished' || event.kind === 'failed') {
      this.running.delete(event.nodeId);
    }
  }

  /** The id of a node past its budget and the grace, if any. */
  overdue(now: number): string | undefined {
    if (this.budgetMs === undefined) return undefined;
    for (const [nodeId, since] of this.running) {
      if (now - since > this.budgetMs + this.graceMs) return nodeId;
    }
    return undefined;
  }
}

import type { NodeSummary, RunEvent } from '../engine/events';
import type { NodeRunState } from './kumiki-node.svelte';

/**
 * The state a node is in after `event`, from the state it was in: queued, running with its
 * progress, done or taken from the cache with its time, failed or blocked with the message.
 * None for events that leave the state as it is (log lines).
 */
export function nextRunState(before: NodeRunState, event: RunEvent): NodeRunState | undefined {
  switch (event.kind) {
    case 'queued':
      return { status: 'queued', ms: before.ms };
    case 'started':
      return { status: 'running', progress: 0, ms: before.ms };
    case 'progress':
      return { ...before, progress: event.fraction, message: event.message };
    case 'finished':
      return { status: event.cached ? 'cached' : 'done', ms: event.cached ? before.ms : event.ms };
    case 'failed':
      return { status: 'failed', message: event.message };
    case 'blocked':
      return { status: 'blocked', message: blockedMessage(event.by) };
    case 'log':
      return undefined;
  }
}

/** What a node that did not run because of node `by` says. */
export function blockedMessage(by: string): string {
  return `Not run: "${by}" did not finish.`;
}

/** A node's state as the run summary gives it, which wins over any event. */
export function finalState(result: NodeSummary, previousMs: number | undefined): NodeRunState {
  switch (result.status) {
    case 'finished':
      return {
        status: result.cached ? 'cached' : 'done',
        ms: result.cached ? previousMs : result.ms
      };
    case 'failed':
      return { status: 'failed', message: result.error };
    case 'blocked':
      return { status: 'blocked', message: result.error };
    case 'cancelled':
      return { status: 'cancelled', ms: previousMs };
  }
}

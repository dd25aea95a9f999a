import type { RunEvent } from '../lib/engine/events';

/**
 * One node's outputs after a run, sent by the worker as a message of its own. The page reads
 * each message whole, in one task, the moment it arrives; sending each node's outputs apart
 * spreads the reading of a large graph's results over many short tasks.
 */
export interface OutputsEvent {
  kind: 'outputs';
  nodeId: string;
  outputs: Record<string, unknown>;
}

/** What the worker sends while it runs: the engine's events and the nodes' outputs. */
export type WorkerEvent = RunEvent | OutputsEvent;

/** What the executor reports while it runs a graph. */
export type RunEvent =
  | { kind: 'queued'; nodeId: string }
  | { kind: 'started'; nodeId: string }
  | { kind: 'progress'; nodeId: string; fraction: number; message?: string }
  | { kind: 'finished'; nodeId: string; ms: number; cached: boolean }
  | { kind: 'failed'; nodeId: string; message: string; field?: string; cancelled?: boolean }
  | { kind: 'blocked'; nodeId: string; by: string }
  | { kind: 'log'; nodeId: string; message: string };

/** The state a node ends a run in. */
export type NodeStatus = 'finished' | 'failed' | 'blocked' | 'cancelled';

/** Per node: how its run ended. */
export interface NodeSummary {
  status: NodeStatus;
  ms: number;
  cached: boolean;
  error?: string;
  /** The param or socket a failure names, as the failed event does. */
  field?: string;
  /** The node was stopped because it ran past its time budget. */
  timedOut?: boolean;
}

/** The result of one run of a graph. */
export interface RunSummary {
  /** The TensorFlow.js backend that ran: webgl, wasm or cpu. */
  backend: string;
  cancelled: boolean;
  nodes: Record<string, NodeSummary>;
  /** The outputs of every node that finished, by node id and output name. */
  outputs: Record<string, Record<string, unknown>>;
  /**
   * For a graph with subgraph nodes: how each inner node ended, by its flat id
   * (`<instance>/<inner>`), so an opened subgraph can show its nodes' last run.
   */
  inner?: Record<string, NodeSummary>;
}

import type { SocketType } from './values';

/** How a param is edited and validated. The editor builds its controls from this alone. */
export type ParamSpec =
  | NumberParam
  | { kind: 'enum'; default: string; options: readonly string[]; help: string }
  | { kind: 'boolean'; default: boolean; help: string }
  | { kind: 'text'; default: string; help: string }
  | { kind: 'file'; default: string; help: string; accept?: string };

/** A real (`number`) or whole (`integer`) param with inclusive bounds and a unit. */
export interface NumberParam {
  kind: 'number' | 'integer';
  default: number;
  min?: number;
  max?: number;
  unit?: string;
  help: string;
}

export type ParamValue = number | string | boolean;
export type Params = Record<string, ParamValue>;

/** A socket on a node: its type and an optional label shown on the canvas. */
export interface SocketSpec {
  type: SocketType;
  label?: string;
  /** An input the node can run without; its value is then undefined. Outputs ignore this. */
  optional?: boolean;
}

/** Reports a node's progress as a fraction in [0, 1] with an optional short message. */
export type ProgressFn = (fraction: number, message?: string) => void;

/** A key-value store that outlives a run (IndexedDB in the browser, a folder in Node). */
export interface PersistentCache {
  get(key: string): Promise<Uint8Array | undefined>;
  set(key: string, value: Uint8Array): Promise<void>;
}

/** Reads bytes by name; the host decides where they come from. */
export interface ByteSource {
  read(name: string): Promise<Uint8Array>;
}

/**
 * What a node's `run` may use. Everything host-specific (files, assets, caches, tfjs) comes
 * through here, so a node runs in the browser worker and in Node alike.
 */
export interface RunContext {
  /** Aborted when the user cancels the run; long loops check it and stop promptly. */
  signal: AbortSignal;
  progress: ProgressFn;
  /** Seeded uniform random numbers in [0, 1); the only source of randomness a node may use. */
  random: () => number;
  /** The TensorFlow.js namespace, with its backend already chosen by the host. */
  tf: typeof import('@tensorflow/tfjs');
  log: (message: string) => void;
  /** Files the user names in `file` params (paths in Node, picked files in the browser). */
  files: ByteSource;
  /** Files bundled with Kumiki: `stsb/dev.tsv`, `use-lite/model.json`, ... */
  assets: ByteSource;
  cache: PersistentCache;
  /** The id of the node being run, for error messages. */
  nodeId: string;
}

/**
 * A node type: a plain object registered once in `nodes/registry.ts`.
 * `run` is async and deterministic given its inputs, params and the seeded random source.
 */
export interface NodeType {
  /** Stable id such as `topology/takens`; never renamed. */
  type: string;
  /** Bumped when params or sockets change, with a migration for old files. */
  version: number;
  title: string;
  category: string;
  /** One or two sentences, shown in the palette and the docs. */
  description: string;
  inputs: Record<string, SocketSpec>;
  outputs: Record<string, SocketSpec>;
  params: Record<string, ParamSpec>;
  run(
    inputs: Record<string, unknown>,
    params: Params,
    context: RunContext
  ): Promise<Record<string, unknown>>;
}

/** An error a node raises about one of its params or inputs; the engine adds the node id. */
export class NodeInputError extends Error {
  constructor(
    message: string,
    /** The param or socket name the problem is about. */
    readonly field?: string
  ) {
    super(message);
    this.name = 'NodeInputError';
  }
}

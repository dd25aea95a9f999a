import { ClassicPreset } from 'rete';
import type { NodeType, ParamValue, Params } from '../graph/node-type';
import type { SocketType } from '../graph/values';
import type { SocketSide, WireChoice } from './wiring';

/** A socket on the canvas that remembers its Kumiki socket type. */
export class TypedSocket extends ClassicPreset.Socket {
  constructor(readonly type: SocketType) {
    super(type);
  }
}

/** Where a node stands in the current or last run, as shown on the canvas. */
export type RunStatus =
  'idle' | 'queued' | 'running' | 'done' | 'cached' | 'failed' | 'blocked' | 'cancelled';

/** The run state of one node: its status, progress and the message a person can act on. */
export interface NodeRunState {
  status: RunStatus;
  /** Fraction in [0, 1] while running. */
  progress?: number;
  message?: string;
  /** Wall time of the last finished run of this node, in milliseconds. */
  ms?: number;
}

/** A small summary of a node's main output, shown under its params. */
export type NodePreview =
  | { kind: 'text'; lines: string[] }
  | { kind: 'correlation'; pearson: number; spearman: number; count: number }
  | { kind: 'image'; src: string; alt: string };

/** What a node needs from the editor around it: param edits and file uploads. */
export interface NodeHost {
  setParam(node: KumikiNode, key: string, value: ParamValue): void;
  setLabel(node: KumikiNode, label: string): void;
  pickFile(node: KumikiNode, key: string, file: File): Promise<void>;
  /** The edges the keyboard may make or remove at socket `key` of `node`. */
  wireChoices(node: KumikiNode, side: SocketSide, key: string): WireChoice[];
  /** Makes or removes the edge `choice` names at socket `key` of `node`, as one undo step. */
  wire(node: KumikiNode, side: SocketSide, key: string, choice: WireChoice): Promise<void>;
}

type Sockets = Record<string, TypedSocket>;

/** How a node is made: its type (absent when this Kumiki does not know the type) and id. */
export interface NodeInit {
  id: string;
  typeId: string;
  /** The node type version the node's params follow. */
  version: number;
  spec: NodeType | undefined;
  host: NodeHost;
}

/**
 * A node on the canvas: a Rete node that carries its Kumiki node type, params and run state.
 * The `$state` fields make the Svelte node view follow changes without a re-render signal.
 * A node of an unknown type keeps its params and edges so saving loses nothing, but cannot run.
 */
export class KumikiNode extends ClassicPreset.Node<Sockets, Sockets> {
  width = 300;
  height = 180;
  readonly typeId: string;
  readonly version: number;
  readonly spec: NodeType | undefined;
  readonly host: NodeHost;
  params: Params = $state({});
  userLabel: string = $state('');
  run: NodeRunState = $state({ status: 'idle' });
  /** Raw state: previews are replaced, never changed, and a plot's image is drawn lazily. */
  preview: NodePreview | null = $state.raw(null);
  /** Set by Rete's selector; reactive so the node view shows the selection at once. */
  selected: boolean | undefined = $state(false);

  constructor(init: NodeInit) {
    super(init.spec?.title ?? init.typeId);
    this.id = init.id;
    this.typeId = init.typeId;
    this.version = init.version;
    this.spec = init.spec;
    this.host = init.host;
    if (!init.spec) return;

    for (const [key, socket] of Object.entries(init.spec.inputs)) {
      this.addInput(key, new ClassicPreset.Input(new TypedSocket(socket.type), socket.label));
    }
    for (const [key, socket] of Object.entries(init.spec.outputs)) {
      const output = new ClassicPreset.Output(new TypedSocket(socket.type), socket.label);
      this.addOutput(key, output);
    }

    const defaults: Params = {};
    for (const [key, param] of Object.entries(init.spec.params)) defaults[key] = param.default;
    this.params = defaults;
  }

  /** Adds a socket an edge needs on a node of unknown type, typed like the other end. */
  ensureSocket(side: 'input' | 'output', key: string, type: SocketType): void {
    if (this.spec) return;
    if (side === 'input' && !this.hasInput(key)) {
      this.addInput(key, new ClassicPreset.Input(new TypedSocket(type), key));
    }
    if (side === 'output' && !this.hasOutput(key)) {
      this.addOutput(key, new ClassicPreset.Output(new TypedSocket(type), key));
    }
  }
}

/** An edge on the canvas. */
export class KumikiConnection extends ClassicPreset.Connection<
  ClassicPreset.Node,
  ClassicPreset.Node
> {}

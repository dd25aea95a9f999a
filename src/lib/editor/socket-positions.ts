import type { Scope } from 'rete';
import { BaseAreaPlugin } from 'rete-area-plugin';

type Side = 'input' | 'output';
type Position = { x: number; y: number };
type OnChange = (position: Position) => void;

interface SocketAt {
  nodeId: string;
  side: Side;
  key: string;
}

/** What the watcher knows of a node without its view: its type, width and socket rows. */
export interface NodeShape {
  typeId: string;
  width: number;
  /** The node's sockets in the order its view lists them, as `side key`. */
  rows: { side: Side; key: string }[];
}

/** Where a socket sits on its node: from the left edge for inputs, the right for outputs. */
interface Offset {
  x: number;
  y: number;
}

/** Where the first socket row's centre lies below a node's top edge before any is measured. */
const FIRST_ROW_Y = 67;

/** The distance between socket rows before any is measured. */
const ROW_STEP = 25;

/** The parts of the area the watcher reads: node views and its signal pipe. */
interface AreaLike {
  nodeViews: Map<string, { element: HTMLElement; position: Position }>;
  addPipe(pipe: (context: any) => any): void; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Quiet time after the last socket rendered before sockets are measured, in milliseconds. */
const QUIET_MS = 30;

/** The longest a rendered socket waits to be measured, in milliseconds. */
const MAX_WAIT_MS = 1000;

/** How far an edge ends outside a socket's centre, as Rete's own watcher draws it. */
const EDGE_OFFSET = 12;

/**
 * Where each socket sits on its node, for drawing edges; a drop-in for Rete's DOM socket
 * watcher that stays fast on large graphs. Rete's watcher measures each socket as it renders
 * (one forced layout per socket) and finds sockets and listeners by scanning every one of them
 * (work that grows with the square of the graph). This one keys sockets and listeners by node
 * and measures every socket rendered since the last task in one pass, one layout in all.
 *
 * A node whose view is not mounted (see virtual-nodes.ts) keeps the socket positions last
 * measured on it; one never mounted gets those of a measured node of the same type, else of the
 * same socket row on any node, so the edges to it are drawn before it is.
 */
export class SocketPositions {
  private area: AreaLike | null = null;
  /** Socket centre relative to its node, by node id, then by `side key`. */
  private positions = new Map<string, Map<string, Position>>();
  /** Measured offsets by `type side key`, and by socket row. */
  private byType = new Map<string, Offset>();
  private byRow = new Map<number, Offset>();
  private sockets = new Map<HTMLElement, SocketAt>();
  private byNode = new Map<string, Set<HTMLElement>>();
  private listeners = new Map<string, Set<{ side: Side; key: string; change: OnChange }>>();
  private pending = new Set<HTMLElement>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waitingSince = 0;

  /** `shape` tells the watcher a node's type and socket rows, for nodes not yet measured. */
  constructor(private shape: (nodeId: string) => NodeShape | undefined = () => undefined) {}

  attach(scope: Scope<never, any>): void {
    // eslint-disable-line @typescript-eslint/no-explicit-any
    if (this.area || !scope.hasParent()) return;
    const area = scope.parentScope<BaseAreaPlugin<any, any>>(BaseAreaPlugin); // eslint-disable-line @typescript-eslint/no-explicit-any
    this.area = area as unknown as AreaLike;
    this.area.addPipe((context) => {
      if (!context || typeof context !== 'object') return context;
      if (context.type === 'rendered' && context.data.type === 'socket') {
        const { nodeId, side, key, element } = context.data;
        this.track(element, { nodeId, side, key });
      } else if (context.type === 'unmount') {
        this.forget(context.data.element);
      } else if (context.type === 'noderemoved') {
        this.positions.delete(context.data.id);
      } else if (context.type === 'nodetranslated') {
        this.notify(context.data.id);
      } else if (context.type === 'noderesized') {
        for (const element of this.byNode.get(context.data.id) ?? []) this.pending.add(element);
        this.schedule();
      }
      return context;
    });
  }

  /** Calls `change` with the socket's position in the area now and whenever it moves. */
  listen(nodeId: string, side: Side, key: string, change: OnChange): () => void {
    const entry = { side, key, change };
    let set = this.listeners.get(nodeId);
    if (!set) this.listeners.set(nodeId, (set = new Set()));
    set.add(entry);
    const at = this.absolute(nodeId, side, key);
    if (at) change(at);
    return () => set.delete(entry);
  }

  private track(element: HTMLElement, socket: SocketAt): void {
    this.sockets.set(element, socket);
    let set = this.byNode.get(socket.nodeId);
    if (!set) this.byNode.set(socket.nodeId, (set = new Set()));
    set.add(element);
    this.pending.add(element);
    this.schedule();
  }

  /** Stops watching a socket element; its last position stays for the unmounted node. */
  private forget(element: HTMLElement): void {
    const socket = this.sockets.get(element);
    if (!socket) return;
    this.sockets.delete(element);
    this.pending.delete(element);
    this.byNode.get(socket.nodeId)?.delete(element);
  }

  /**
   * Measures once sockets stop arriving for QUIET_MS (so a graph that opens in slices is
   * measured once, at the end), but never later than MAX_WAIT_MS after the first one.
   */
  private schedule(): void {
    const now = performance.now();
    if (this.timer === undefined) this.waitingSince = now;
    clearTimeout(this.timer);
    const wait = Math.min(QUIET_MS, Math.max(0, this.waitingSince + MAX_WAIT_MS - now));
    this.timer = setTimeout(() => this.measure(), wait);
  }

  /** Measures every pending socket in one pass; sockets not yet on the page wait a turn. */
  private measure(): void {
    this.timer = undefined;
    const views = this.area?.nodeViews;
    if (!views) return;
    const touched = new Set<string>();
    for (const element of [...this.pending]) {
      const socket = this.sockets.get(element);
      const view = socket && views.get(socket.nodeId);
      if (!socket || !view) {
        this.pending.delete(element);
        continue;
      }
      const centre = centreWithin(element, view.element);
      if (!centre) continue;
      this.pending.delete(element);
      const x = centre.x + EDGE_OFFSET * (socket.side === 'input' ? -1 : 1);
      this.remember(socket, { x, y: centre.y }, view.element.offsetWidth);
      touched.add(socket.nodeId);
    }
    for (const nodeId of touched) this.notify(nodeId);
    if (this.pending.size > 0) this.schedule();
  }

  private notify(nodeId: string): void {
    for (const { side, key, change } of this.listeners.get(nodeId) ?? []) {
      const at = this.absolute(nodeId, side, key);
      if (at) change(at);
    }
  }

  private remember(socket: SocketAt, at: Position, width: number): void {
    let own = this.positions.get(socket.nodeId);
    if (!own) this.positions.set(socket.nodeId, (own = new Map()));
    own.set(keyOf(socket.side, socket.key), at);

    const shape = this.shape(socket.nodeId);
    if (!shape) return;
    const offset = { x: socket.side === 'input' ? at.x : width - at.x, y: at.y };
    this.byType.set(`${shape.typeId}\u0000${keyOf(socket.side, socket.key)}`, offset);
    const row = shape.rows.findIndex((r) => r.side === socket.side && r.key === socket.key);
    if (row >= 0) this.byRow.set(row, offset);
  }

  private absolute(nodeId: string, side: Side, key: string): Position | null {
    const view = this.area?.nodeViews.get(nodeId);
    if (!view) return null;
    const position =
      this.positions.get(nodeId)?.get(keyOf(side, key)) ?? this.estimate(nodeId, side, key);
    if (!position) return null;
    return { x: position.x + view.position.x, y: position.y + view.position.y };
  }

  /** Where a socket of a node never measured most likely sits, from nodes that were. */
  private estimate(nodeId: string, side: Side, key: string): Position | null {
    const shape = this.shape(nodeId);
    if (!shape) return null;
    const row = shape.rows.findIndex((r) => r.side === side && r.key === key);
    const offset = this.byType.get(`${shape.typeId}\u0000${keyOf(side, key)}`) ??
      this.byRow.get(row) ?? { x: -EDGE_OFFSET, y: FIRST_ROW_Y + Math.max(0, row) * ROW_STEP };
    const x = side === 'input' ? offset.x : shape.width - offset.x;
    return { x, y: offset.y };
  }
}

function keyOf(side: Side, key: string): string {
  return `${side}\u0000${key}`;
}

/** The centre of `child` in the coordinates of `ancestor`, or null while it is not laid out. */
function centreWithin(child: HTMLElement, ancestor: HTMLElement): Position | null {
  if (!child.offsetParent) return null;
  let x = child.offsetLeft;
  let y = child.offsetTop;
  let current = child.offsetParent as HTMLElement | null;
  while (current && current !== ancestor) {
    x += current.offsetLeft + current.clientLeft;
    y += current.offsetTop + current.clientTop;
    current = current.offsetParent as HTMLElement | null;
  }
  return { x: x + child.offsetWidth / 2, y: y + child.offsetHeight / 2 };
}

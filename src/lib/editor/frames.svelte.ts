import { mount, unmount } from 'svelte';
import type { GraphFrame } from '../graph/document';
import { MIN_FRAME_SIDE } from '../graph/schema';
import type { Canvas } from './canvas';
import { followFocus } from './focus-view';
import FrameLayer from './FrameLayer.svelte';
import { moveNodesByKeys } from './node-keys';
import { FrameKeyHistory } from './frame-keys';
import { recordStep } from './history-actions';
import type { HistoryAction } from 'rete-history-plugin';

/** What the frame editor needs from the session. */
export interface FrameHost {
  need(): { canvas: Canvas };
  frames(): GraphFrame[];
  /** Replaces the graph's frames and marks the graph changed (no undo step of its own). */
  setFrames(frames: GraphFrame[]): void;
}

/** A drag of a frame's title bar or resize corner, fed pointer moves in screen pixels. */
export interface FrameDrag {
  move(dx: number, dy: number): void;
  end(): Promise<void>;
}

/** What one key press does to a frame: moves it or changes its size, in graph units. */
export interface FrameStep {
  kind: 'move' | 'resize';
  dx: number;
  dy: number;
  /** The key event's time stamp and whether it repeats a held key: a hold is one undo step. */
  at?: number;
  repeat?: boolean;
}

const PADDING = 32;
const TITLE_SPACE = 40;
const DEFAULT_SIZE = { width: 360, height: 220 };

/** A change of the frames (add, edit, move, resize, delete) that undo and redo replay. */
class FramesAction implements HistoryAction {
  constructor(
    private readonly before: GraphFrame[],
    private readonly after: GraphFrame[],
    private readonly apply: (frames: GraphFrame[]) => void
  ) {}

  undo(): void {
    this.apply(copy(this.before));
  }

  redo(): void {
    this.apply(copy(this.after));
  }
}

/**
 * Comment frames: titled notes drawn behind the nodes. Moving a frame by its title bar moves
 * the nodes whose top-left corner lies inside it; each add, edit, move, resize and delete is
 * one undo step (a move together with the nodes it carried).
 */
export class FrameEditor {
  /** The frame just added, whose title the layer focuses so the user can name it at once. */
  fresh: string | null = $state(null);
  private readonly keys = new FrameKeyHistory(
    () => this.host.need().canvas,
    (frames) => this.apply(frames)
  );
  private stepping = Promise.resolve();

  constructor(private readonly host: FrameHost) {}

  list(): GraphFrame[] {
    return this.host.frames();
  }

  /** Adds a frame around the selected nodes, or in the middle of the view. */
  add(): GraphFrame {
    const { canvas } = this.host.need();
    const frame: GraphFrame = {
      id: freeId(this.list()),
      title: 'Comment',
      text: '',
      ...(around(canvas) ?? midView(canvas))
    };
    this.commit([...this.list(), frame]);
    this.fresh = frame.id;
    return frame;
  }

  /** Changes a frame's title or text as one undo step. */
  edit(id: string, patch: Partial<Pick<GraphFrame, 'title' | 'text'>>): void {
    const frames = this.list();
    const frame = frames.find((f) => f.id === id);
    if (!frame || Object.entries(patch).every(([k, v]) => frame[k as 'title'] === v)) return;
    this.commit(frames.map((f) => (f.id === id ? { ...f, ...patch } : f)));
  }

  remove(id: string): void {
    this.commit(this.list().filter((f) => f.id !== id));
  }

  /** Starts moving frame `id` and the nodes inside it. */
  beginMove(id: string): FrameDrag | null {
    const { canvas } = this.host.need();
    const before = copy(this.list());
    const frame = before.find((f) => f.id === id);
    if (!frame) return null;
    const carried = nodesInside(canvas, frame);
    const zoom = canvas.area.area.transform.k;
    let offset = { x: 0, y: 0 };
    let moving = Promise.resolve();
    canvas.history.separate();
    canvas.releasePick();
    return {
      move: (dx, dy) => {
        offset = { x: dx / zoom, y: dy / zoom };
        const at = shifted(frame.position, offset);
        this.host.setFrames(before.map((f) => (f.id === id ? { ...f, position: at } : f)));
        moving = moving.then(() => placeNodes(canvas, carried, offset));
      },
      end: async () => {
        await moving;
        if (offset.x === 0 && offset.y === 0) return;
        // Placing the nodes once more joins their moves to this step, so one undo takes back
        // the frame and the nodes it carried together.
        await placeNodes(canvas, carried, offset);
        canvas.history.add(new FramesAction(before, copy(this.list()), this.apply));
        canvas.history.separate();
      }
    };
  }

  /** Starts resizing frame `id` from its bottom-right corner. */
  beginResize(id: string): FrameDrag | null {
    const { canvas } = this.host.need();
    const before = copy(this.list());
    const frame = before.find((f) => f.id === id);
    if (!frame) return null;
    const zoom = canvas.area.area.transform.k;
    let changed = false;
    return {
      move: (dx, dy) => {
        const size = {
          width: Math.round(Math.max(MIN_FRAME_SIDE, frame.size.width + dx / zoom)),
          height: Math.round(Math.max(MIN_FRAME_SIDE, frame.size.height + dy / zoom))
        };
        changed = true;
        this.host.setFrames(before.map((f) => (f.id === id ? { ...f, size } : f)));
      },
      end: async () => {
        if (changed) recordStep(canvas.history, new FramesAction(before, this.list(), this.apply));
      }
    };
  }

  /**
   * Moves (with the nodes inside it, as a drag does) or resizes frame `id` by one key press;
   * a held key is one undo step (frame-keys.ts). Presses wait for the one before, so their
   * node moves land in order.
   */
  step(id: string, change: FrameStep): Promise<void> {
    const done = this.stepping.then(() => this.applyStep(id, change));
    this.stepping = done.catch(() => undefined);
    return done;
  }

  private async applyStep(id: string, change: FrameStep): Promise<void> {
    const { canvas } = this.host.need();
    const before = copy(this.list());
    const frame = before.find((f) => f.id === id);
    if (!frame) return;

    const moving = change.kind === 'move';
    const by = moving ? { x: change.dx, y: change.dy } : { x: 0, y: 0 };
    let next: GraphFrame;
    if (moving) {
      next = { ...frame, position: shifted(frame.position, by) };
    } else {
      const width = Math.max(MIN_FRAME_SIDE, frame.size.width + change.dx);
      const height = Math.max(MIN_FRAME_SIDE, frame.size.height + change.dy);
      next = { ...frame, size: { width: Math.round(width), height: Math.round(height) } };
    }
    const after = before.map((f) => (f.id === id ? next : f));
    const carried = moving ? nodesInside(canvas, frame) : new Map();
    const press = {
      gesture: `${id} ${change.kind} ${change.dx} ${change.dy}`,
      at: change.at ?? performance.now(),
      repeat: change.repeat ?? false
    };
    await this.keys.press(press, before, after, carried, by);
  }

  /**
   * Draws the frames inside the canvas, behind nodes and edges; returns how to remove them.
   * The canvas's other keyboard aids come along, since frames are where the keyboard first
   * lands on the canvas: what gets the focus is kept in sight, and arrows move a focused node.
   */
  attach(canvas: Canvas): () => void {
    const stopFollowing = followFocus(canvas.area);
    const stopMoving = moveNodesByKeys(canvas);
    const holder = canvas.area.area.content.holder;
    const layer = document.createElement('div');
    layer.className = 'frame-layer';
    layer.style.position = 'absolute';
    layer.style.left = '0';
    layer.style.top = '0';
    holder.insertBefore(layer, holder.firstChild);
    // Rete puts each new edge first in the holder; the frames go back under it.
    const keepFirst = new MutationObserver(() => {
      if (holder.firstChild !== layer) holder.insertBefore(layer, holder.firstChild);
    });
    keepFirst.observe(holder, { childList: true });
    const component = mount(FrameLayer, { target: layer, props: { frames: this } });
    return () => {
      stopFollowing();
      stopMoving();
      keepFirst.disconnect();
      void unmount(component);
      layer.remove();
    };
  }

  private apply = (frames: GraphFrame[]): void => this.host.setFrames(frames);

  private commit(after: GraphFrame[]): void {
    const { canvas } = this.host.need();
    recordStep(canvas.history, new FramesAction(copy(this.list()), copy(after), this.apply));
    this.apply(copy(after));
  }
}

function copy(frames: GraphFrame[]): GraphFrame[] {
  return JSON.parse(JSON.stringify(frames)) as GraphFrame[];
}

function shifted(p: { x: number; y: number }, by: { x: number; y: number }) {
  return { x: Math.round(p.x + by.x), y: Math.round(p.y + by.y) };
}

function freeId(frames: GraphFrame[]): string {
  const taken = new Set(frames.map((f) => f.id));
  let n = frames.length + 1;
  while (taken.has(`frame-${n}`)) n += 1;
  return `frame-${n}`;
}

/** The nodes whose top-left corner lies inside `frame`, with where they stand now. */
function nodesInside(canvas: Canvas, frame: GraphFrame): Map<string, { x: number; y: number }> {
  const inside = new Map<string, { x: number; y: number }>();
  const { x, y } = frame.position;
  const { width, height } = frame.size;
  for (const [id, view] of canvas.area.nodeViews) {
    const p = view.position;
    if (p.x >= x && p.x <= x + width && p.y >= y && p.y <= y + height) inside.set(id, { ...p });
  }
  return inside;
}

async function placeNodes(
  canvas: Canvas,
  start: Map<string, { x: number; y: number }>,
  offset: { x: number; y: number }
): Promise<void> {
  for (const [id, p] of start) await canvas.area.translate(id, shifted(p, offset));
}

/** A frame around the selected nodes, with room for its title; none without a selection. */
function around(canvas: Canvas): Pick<GraphFrame, 'position' | 'size'> | null {
  // Each node's own size: the holder of a node far from the view is not laid out.
  const boxes = canvas.selection().flatMap((id) => {
    const view = canvas.area.nodeViews.get(id);
    const node = canvas.editor.getNode(id);
    return view && node ? [{ ...view.position, width: node.width, height: node.height }] : [];
  });
  if (boxes.length === 0) return null;
  const left = Math.min(...boxes.map((b) => b.x)) - PADDING;
  const top = Math.min(...boxes.map((b) => b.y)) - PADDING - TITLE_SPACE;
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + PADDING;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + PADDING;
  return {
    position: { x: Math.round(left), y: Math.round(top) },
    size: { width: Math.round(right - left), height: Math.round(bottom - top) }
  };
}

/** A frame of the default size in the middle of what the canvas shows. */
function midView(canvas: Canvas): Pick<GraphFrame, 'position' | 'size'> {
  const { x, y, k } = canvas.area.area.transform;
  const box = canvas.area.container.getBoundingClientRect();
  const cx = (box.width / 2 - x) / k;
  const cy = (box.height / 2 - y) / k;
  return {
    position: {
      x: Math.round(cx - DEFAULT_SIZE.width / 2),
      y: Math.round(cy - DEFAULT_SIZE.height / 2)
    },
    size: { ...DEFAULT_SIZE }
  };
}

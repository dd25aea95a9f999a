import type { HistoryAction } from 'rete-history-plugin';
import type { GraphFrame } from '../graph/document';
import type { Canvas } from './canvas';
import { MoveAction, recordStep, type Positions } from './history-actions';
import { placeNodes, positionsOf } from './node-positions';
import { holdGoesOn } from './node-keys';
import { keepHistory } from './subgraph-history';

/** One key press on a frame's grip or corner, with when it came and whether it is a repeat. */
export interface FrameKeyPress {
  /** What the press does, e.g. `f1 move 10 0`: presses join a hold only with the same one. */
  gesture: string;
  /** The key event's time stamp, in milliseconds. */
  at: number;
  repeat: boolean;
}

/**
 * A key-driven move or resize of frames, with the nodes a move carries, as one undo step that
 * grows while the key is held.
 */
class FrameKeyAction implements HistoryAction {
  constructor(
    private readonly before: GraphFrame[],
    private after: GraphFrame[],
    private readonly nodes: MoveAction,
    private readonly apply: (frames: GraphFrame[]) => void
  ) {}

  extend(after: GraphFrame[], nodes: Positions): void {
    this.after = after;
    this.nodes.extend(nodes);
  }

  async undo(): Promise<void> {
    await this.nodes.undo();
    this.apply(structuredClone(this.before));
  }

  async redo(): Promise<void> {
    await this.nodes.redo();
    this.apply(structuredClone(this.after));
  }
}

/**
 * Records key presses on frames as undo steps: holding a key, or pressing it again within
 * HOLD_PAUSE_MS, is one step, as for arrow keys on nodes (`holdGoesOn` in node-keys.ts).
 * Another key, another frame, a longer pause or any other edit starts a new step.
 */
export class FrameKeyHistory {
  private hold: { gesture: string; last: number; step: FrameKeyAction | null } | null = null;

  constructor(
    private readonly canvas: () => Canvas,
    private readonly apply: (frames: GraphFrame[]) => void
  ) {}

  /**
   * Moves the nodes `carried` by `by` (outside the history) and makes the frames `after`, as
   * a new step or as the growth of the hold's step when it is still the latest one.
   */
  async press(
    press: FrameKeyPress,
    before: GraphFrame[],
    after: GraphFrame[],
    carried: Positions,
    by: { x: number; y: number }
  ): Promise<void> {
    const canvas = this.canvas();
    if (!this.hold || !holdGoesOn(this.hold, press.gesture, press.at, press.repeat)) {
      this.hold = { gesture: press.gesture, last: press.at, step: null };
    }
    this.hold.last = press.at;

    canvas.releasePick();
    const moved: Positions = new Map();
    for (const [id, p] of carried) moved.set(id, { x: p.x + by.x, y: p.y + by.y });
    await keepHistory(canvas.history, async () => {
      for (const [id, p] of moved) await canvas.area.translate(id, p);
    });
    this.apply(structuredClone(after));

    const hold = this.hold;
    const latest = canvas.history.getHistorySnapshot().at(-1)?.action;
    if (hold.step && latest === hold.step) {
      hold.step.extend(structuredClone(after), moved);
      return;
    }
    const nodes = new MoveAction(carried, moved, (positions) => placeNodes(canvas, positions));
    hold.step = new FrameKeyAction(
      structuredClone(before),
      structuredClone(after),
      nodes,
      this.apply
    );
    recordStep(canvas.history, hold.step);
  }
}

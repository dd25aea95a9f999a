import type { Canvas } from './canvas';
import { MoveAction, recordStep } from './history-actions';
import { placeNodes, positionsOf } from './node-positions';
import { keepHistory } from './subgraph-history';

/** One arrow press moves nodes or frames by this many graph units; with Shift, by the larger. */
export const STEP = 10;
export const BIG_STEP = 50;
export const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1]
};

/**
 * Presses of the same arrow key on the same nodes that follow each other within this many
 * milliseconds join one undo step, as the repeats of a held key always do.
 */
export const HOLD_PAUSE_MS = 600;

/**
 * Whether a press of `gesture` at `at` (a key event's time stamp) goes on `hold`: the same
 * gesture, as a key repeat or within HOLD_PAUSE_MS of the hold's last press.
 */
export function holdGoesOn(
  hold: { gesture: string; last: number } | null,
  gesture: string,
  at: number,
  repeat: boolean
): boolean {
  return hold?.gesture === gesture && (repeat || at - hold.last < HOLD_PAUSE_MS);
}

/** A run of presses of one arrow key on one set of nodes, and the undo step it has made. */
interface Hold {
  gesture: string;
  /** When the last press came, in the events' milliseconds. */
  last: number;
  step: MoveAction | null;
}

/**
 * Arrow keys on a focused node (] and [ focus the node they select) move the selected nodes,
 * or the focused one alone when it is not selected; Shift moves further. Holding a key, or
 * pressing it again within HOLD_PAUSE_MS, is one undo step: one Ctrl+Z puts the nodes back
 * where the hold began. Another key, other nodes, a longer pause or any other edit starts a
 * new step. Keys pressed inside a node's controls stay the controls'. Returns how to stop.
 */
export function moveNodesByKeys(canvas: Canvas): () => void {
  const container = canvas.area.container;
  let moving = Promise.resolve();
  let hold: Hold | null = null;

  const onkeydown = (event: KeyboardEvent) => {
    const arrow = ARROWS[event.key];
    const target = event.target as HTMLElement;
    if (!arrow || event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.dataset.testid !== 'node' || !target.dataset.nodeId) return;
    event.preventDefault();

    const focused = target.dataset.nodeId;
    const selected = canvas.selection();
    const ids = selected.includes(focused) ? selected : [focused];
    const size = event.shiftKey ? BIG_STEP : STEP;
    const gesture = `${event.key} ${event.shiftKey} ${ids.join(' ')}`;
    if (!hold || !holdGoesOn(hold, gesture, event.timeStamp, event.repeat)) {
      hold = { gesture, last: event.timeStamp, step: null };
    }
    hold.last = event.timeStamp;
    const current = hold;
    moving = moving.then(() => shift(canvas, current, ids, arrow[0] * size, arrow[1] * size));
  };
  container.addEventListener('keydown', onkeydown);
  return () => container.removeEventListener('keydown', onkeydown);
}

/**
 * Moves the nodes `ids` by (dx, dy). The first move of a hold records a step; the next ones
 * stretch it, as long as it is still the latest step (not undone, nothing recorded since).
 */
async function shift(canvas: Canvas, hold: Hold, ids: string[], dx: number, dy: number) {
  const before = positionsOf(canvas, ids);
  canvas.releasePick();
  // The history would file each translation as a drag of its own; the hold's step replaces them.
  await keepHistory(canvas.history, async () => {
    for (const [id, at] of before) await canvas.area.translate(id, { x: at.x + dx, y: at.y + dy });
  });
  const after = positionsOf(canvas, ids);

  const latest = canvas.history.getHistorySnapshot().at(-1)?.action;
  if (hold.step && latest === hold.step) {
    hold.step.extend(after);
    return;
  }
  hold.step = new MoveAction(before, after, (p) => placeNodes(canvas, p));
  recordStep(canvas.history, hold.step);
}

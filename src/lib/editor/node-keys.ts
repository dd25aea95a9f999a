import type { Canvas } from './canvas';

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
 * Arrow keys on a focused node (] and [ focus the node they select) move the selected nodes,
 * or the focused one alone when it is not selected; Shift moves further. Each press is one
 * undo step. Keys pressed inside a node's controls stay the controls'. Returns how to stop.
 */
export function moveNodesByKeys(canvas: Canvas): () => void {
  const container = canvas.area.container;
  let moving = Promise.resolve();

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
    moving = moving.then(() => shift(canvas, ids, arrow[0] * size, arrow[1] * size));
  };
  container.addEventListener('keydown', onkeydown);
  return () => container.removeEventListener('keydown', onkeydown);
}

async function shift(canvas: Canvas, ids: string[], dx: number, dy: number): Promise<void> {
  canvas.history.separate();
  canvas.releasePick();
  for (const id of ids) {
    const view = canvas.area.nodeViews.get(id);
    if (view) await canvas.area.translate(id, { x: view.position.x + dx, y: view.position.y + dy });
  }
  canvas.history.separate();
}

import type { Canvas } from './canvas';
import type { Positions } from './history-actions';

/** Where the nodes `ids` stand on the canvas now (those it has). */
export function positionsOf(canvas: Canvas, ids: string[]): Positions {
  const out: Positions = new Map();
  for (const id of ids) {
    const view = canvas.area.nodeViews.get(id);
    if (view) out.set(id, { ...view.position });
  }
  return out;
}

/**
 * Puts nodes where `at` says, as undo and redo of a move do. The node picked last is let go
 * first: Rete would otherwise move the whole selection along with it.
 */
export async function placeNodes(canvas: Canvas, at: Positions): Promise<void> {
  canvas.releasePick();
  for (const [id, position] of at) await canvas.area.translate(id, position);
}

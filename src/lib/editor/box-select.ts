import { NodeEditor } from 'rete';
import type { KumikiArea, Schemes } from './schemes';

/** Selects the nodes a box touches; `add` keeps the selection made so far. */
export type SelectNodes = (ids: string[], add: boolean) => Promise<void>;

/** A rectangle in area coordinates. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Box selection: Shift-drag on the empty canvas draws a box instead of panning, and on release
 * selects every node the box touches (adding to the selection). Returns the clean-up.
 */
export function boxSelect(area: KumikiArea, select: SelectNodes): () => void {
  const container = area.container;
  let start: { x: number; y: number } | null = null;
  let outline: HTMLElement | null = null;

  area.addPipe((context) => {
    if (start && context.type === 'translate') return undefined;
    return context;
  });

  const point = (event: PointerEvent) => {
    const rect = container.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };

  const down = (event: PointerEvent) => {
    if (!event.shiftKey || event.button !== 0 || event.target !== container) return;
    start = point(event);
    // Shift-dragging would otherwise select the text of every node the box passes over.
    event.preventDefault();
    container.style.userSelect = 'none';
    window.getSelection()?.removeAllRanges();
    outline = document.createElement('div');
    outline.className = 'selection-box';
    outline.dataset.testid = 'selection-box';
    container.append(outline);
    draw(outline, start, start);
  };

  const move = (event: PointerEvent) => {
    if (start && outline) draw(outline, start, point(event));
  };

  const up = (event: PointerEvent) => {
    if (!start) return;
    const box = toArea(area, start, point(event));
    start = null;
    container.style.userSelect = '';
    outline?.remove();
    outline = null;
    void select(nodesIn(area, box), true);
  };

  container.addEventListener('pointerdown', down, { capture: true });
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', up);
  return () => {
    container.removeEventListener('pointerdown', down, { capture: true });
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', up);
  };
}

/** The ids of the nodes whose rectangles meet `box`. */
export function nodesIn(area: KumikiArea, box: Box): string[] {
  const ids: string[] = [];
  const editor = area.parentScope<NodeEditor<Schemes>>(NodeEditor);
  for (const [id, view] of area.nodeViews) {
    const { x, y } = view.position;
    // The node's own size: the holder of a node far from the view is not laid out.
    const node = editor.getNode(id);
    const width = node?.width ?? view.element.offsetWidth;
    const height = node?.height ?? view.element.offsetHeight;
    const meets =
      x <= box.right && x + width >= box.left && y <= box.bottom && y + height >= box.top;
    if (meets) ids.push(id);
  }
  return ids;
}

function toArea(area: KumikiArea, a: { x: number; y: number }, b: { x: number; y: number }): Box {
  const { x, y, k } = area.area.transform;
  return {
    left: (Math.min(a.x, b.x) - x) / k,
    right: (Math.max(a.x, b.x) - x) / k,
    top: (Math.min(a.y, b.y) - y) / k,
    bottom: (Math.max(a.y, b.y) - y) / k
  };
}

function draw(outline: HTMLElement, a: { x: number; y: number }, b: { x: number; y: number }) {
  outline.style.left = `${Math.min(a.x, b.x)}px`;
  outline.style.top = `${Math.min(a.y, b.y)}px`;
  outline.style.width = `${Math.abs(a.x - b.x)}px`;
  outline.style.height = `${Math.abs(a.y - b.y)}px`;
}

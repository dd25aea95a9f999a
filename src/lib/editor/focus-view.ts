import type { KumikiArea } from './schemes';

/** Room left between a control brought into view and the canvas edge, in screen pixels. */
const MARGIN = 40;

/**
 * Keeps what the keyboard focuses on the canvas (a node's param, a socket's wiring button, a
 * frame's handle) in sight. The browser would scroll the canvas's clipped container to show
 * it, which shifts the drawing away from where the area plugin thinks it is; instead the
 * scroll is undone and, when the control is not wholly in view, the area pans to show it.
 * Returns how to stop.
 */
export function followFocus(area: KumikiArea): () => void {
  const container = area.container;
  const unscroll = () => {
    if (container.scrollLeft !== 0) container.scrollLeft = 0;
    if (container.scrollTop !== 0) container.scrollTop = 0;
  };
  const reveal = (event: FocusEvent) => {
    unscroll();
    if (!(event.target instanceof HTMLElement)) return;
    const box = event.target.getBoundingClientRect();
    const view = container.getBoundingClientRect();
    const seen = box.left >= view.left && box.right <= view.right;
    if (seen && box.top >= view.top && box.bottom <= view.bottom) return;
    const dx = shortfall(box.left, box.right, view.left + MARGIN, view.right - MARGIN);
    const dy = shortfall(box.top, box.bottom, view.top + MARGIN, view.bottom - MARGIN);
    const { x, y } = area.area.transform;
    void area.area.translate(x + dx, y + dy);
  };
  container.addEventListener('scroll', unscroll);
  container.addEventListener('focusin', reveal);
  return () => {
    container.removeEventListener('scroll', unscroll);
    container.removeEventListener('focusin', reveal);
  };
}

/** How far to shift [start, end] so that it lies within [low, high] (its start, if too long). */
function shortfall(start: number, end: number, low: number, high: number): number {
  if (start < low) return low - start;
  if (end > high) return Math.max(high - end, low - start);
  return 0;
}

import { Zoom } from 'rete-area-plugin';

/** How much one notch of a mouse wheel zooms the canvas, in or out, at any zoom. */
export const NOTCH_FACTOR = 1.25;

/** The scroll of one wheel notch in pixels, as Chromium reports it. */
const NOTCH_PX = 100;

/** Pixels per line and per page, for wheels that report lines (Firefox) or pages. */
const LINE_PX = 33;
const PAGE_PX = 400;

/** The most notches one event counts for, so a page-sized scroll does not jump to a limit. */
const MOST_NOTCHES = 4;

/**
 * A touchpad pinch reaches the page as Ctrl+wheel events of a few pixels each, whose deltaY
 * Chromium sets to −100·ln(scale) of the fingers. Ctrl+wheel events below this size are read
 * that way, so the canvas follows the fingers; a mouse notch with Ctrl held is larger.
 */
const PINCH_MOST_PX = 50;

/**
 * The zoom factor of a wheel event: NOTCH_FACTOR per notch, raised to the fraction of a notch
 * for the small scrolls of touchpads, or the fingers' own scale for a pinch. Several notches
 * the browser merged into one event count in full, and a notch out undoes a notch in.
 */
export function wheelFactor(deltaY: number, deltaMode: number, ctrlKey = false): number {
  if (ctrlKey && deltaMode === 0 && Math.abs(deltaY) < PINCH_MOST_PX)
    return Math.exp(-deltaY / 100);
  const unit = deltaMode === 1 ? LINE_PX : deltaMode === 2 ? PAGE_PX : 1;
  const notches = Math.max(-MOST_NOTCHES, Math.min(MOST_NOTCHES, (-deltaY * unit) / NOTCH_PX));
  return NOTCH_FACTOR ** notches;
}

/**
 * Rete's zoom handler with its wheel step replaced. Rete turns each wheel event into a change
 * of at most 10% (k × 1.1 in, k × 0.9 out), so coming back from the 2% floor to a readable
 * zoom took about 36 notches. Here each notch multiplies the zoom by NOTCH_FACTOR and a
 * touchpad pinch follows the fingers; touch pinch and double-click stay Rete's own.
 */
export class WheelZoom extends Zoom {
  constructor() {
    super(0.1);
  }

  protected wheel = (event: WheelEvent) => {
    event.preventDefault();
    const delta = wheelFactor(event.deltaY, event.deltaMode, event.ctrlKey) - 1;
    if (delta === 0) return;
    // Rete's area moves the content by (origin × its own ratio) so the pointer stays put.
    const { left, top } = this.element.getBoundingClientRect();
    this.onzoom(delta, (left - event.clientX) * delta, (top - event.clientY) * delta, 'wheel');
  };
}

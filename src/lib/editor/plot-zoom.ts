/** The part of a drawing that is shown, in the drawing's own units. */
export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How far in a plot may be zoomed: a twentieth of its width. */
const MAX_ZOOM = 20;

/**
 * The view after zooming by `factor` (above 1 zooms in) around the point `at` of the drawing,
 * which stays where it is on screen. The view never grows past the whole drawing.
 */
export function zoomView(
  view: ViewBox,
  full: ViewBox,
  factor: number,
  at: { x: number; y: number }
): ViewBox {
  const width = clamp(view.width / factor, full.width / MAX_ZOOM, full.width);
  const height = (width / full.width) * full.height;
  const fx = (at.x - view.x) / view.width;
  const fy = (at.y - view.y) / view.height;
  const x = clamp(at.x - fx * width, full.x, full.x + full.width - width);
  const y = clamp(at.y - fy * height, full.y, full.y + full.height - height);
  return { x, y, width, height };
}

/** How many times the view is magnified against the whole drawing. */
export function zoomOf(view: ViewBox, full: ViewBox): number {
  return full.width / view.width;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** A point of a drawn plot: its centre in the drawing's units and the values it carries. */
export interface PointMark {
  x: number;
  y: number;
  /** The text of the point's `<title>`, as plotToSvg wrote it (birth and death, or x and y). */
  label: string;
}

/**
 * How near the pointer must come to a point to pick it, in screen pixels at any zoom. The
 * dots are 5 or 6 pixels wide; this makes each a target about as large as a small button.
 */
export const PICK_RADIUS_PX = 9;

/**
 * The points of a plot drawn by plotToSvg: every circle with a `<title>` child (the dots of a
 * scatter plot and the points of a persistence diagram). Legend swatches carry no title.
 */
export function pointMarks(svg: Element): PointMark[] {
  const marks: PointMark[] = [];
  for (const circle of svg.querySelectorAll('circle')) {
    const label = circle.querySelector(':scope > title')?.textContent;
    const x = Number(circle.getAttribute('cx'));
    const y = Number(circle.getAttribute('cy'));
    if (label && Number.isFinite(x) && Number.isFinite(y)) marks.push({ x, y, label });
  }
  return marks;
}

/**
 * The mark nearest `at` that lies within `radius` of it (both in the drawing's units), or null.
 * Of marks at the same distance the one drawn last wins, as it lies on top.
 */
export function nearestMark(
  marks: readonly PointMark[],
  at: { x: number; y: number },
  radius: number
): PointMark | null {
  let best: PointMark | null = null;
  let bestSquared = radius * radius;
  for (const mark of marks) {
    const squared = (mark.x - at.x) ** 2 + (mark.y - at.y) ** 2;
    if (squared <= bestSquared) {
      best = mark;
      bestSquared = squared;
    }
  }
  return best;
}

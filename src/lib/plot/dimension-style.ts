import type { Diagram } from '../graph/values';
import { element } from './svg-element';
import { escapeXml, text } from './svg-text';
import { formatTick } from './ticks';

/**
 * One colour per homology dimension, from the Okabe–Ito palette, which stays distinct for
 * readers with colour-vision deficiencies: blue (H0), vermilion (H1), green (H2), pink (H3+).
 */
const DIMENSION_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'];

/** The colour of homology dimension `dimension`. */
export function dimensionColor(dimension: number): string {
  return DIMENSION_COLORS[Math.min(Math.max(dimension, 0), DIMENSION_COLORS.length - 1)];
}

/** The dimensions present in a diagram, ascending, with their numbers of points. */
export function dimensionCounts(diagram: Diagram): Array<{ dimension: number; count: number }> {
  const counts = new Map<number, number>();
  for (const d of diagram.dimension) counts.set(d, (counts.get(d) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([dimension, count]) => ({ dimension, count }));
}

/** A legend row centred at (x, y): a coloured square and "H1 (12)" per dimension present. */
export function dimensionLegend(diagram: Diagram, x: number, y: number): string {
  const entries = dimensionCounts(diagram);
  if (entries.length === 0) return text(x, y + 4, 'no points', 'middle', 11);

  const step = 78;
  const start = x - (entries.length * step) / 2;
  return entries
    .map(({ dimension, count }, k) => {
      const left = start + k * step;
      const place = { x: left, y: y - 5, width: 10, height: 10 };
      const square = element('rect', {
        class: `legend dim-${dimension}`,
        ...place,
        fill: dimensionColor(dimension)
      });
      return square + text(left + 14, y + 4, `H${dimension} (${count})`, 'start', 11);
    })
    .join('');
}

/** The tooltip of point k: its dimension, birth and death, escaped. */
export function pointTitle(diagram: Diagram, k: number): string {
  const death = diagram.death[k];
  const dies = Number.isFinite(death) ? `dies ${formatTick(death)}` : 'never dies (∞)';
  const label = `H${diagram.dimension[k]}: born ${formatTick(diagram.birth[k])}, ${dies}`;
  return `<title>${escapeXml(label)}</title>`;
}

/** The smallest and largest finite birth or death of a diagram, and 0; [0, 1] when empty. */
export function diagramRange(diagram: Diagram): [number, number] {
  let lo = 0;
  let hi = -Infinity;
  for (let k = 0; k < diagram.birth.length; k++) {
    for (const v of [diagram.birth[k], diagram.death[k]]) {
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  return hi > lo ? [lo, hi] : [lo, lo + 1];
}

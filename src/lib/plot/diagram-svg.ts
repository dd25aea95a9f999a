import type { DiagramPlot } from '../graph/values';
import { diagramRange, dimensionColor, dimensionLegend, pointTitle } from './dimension-style';
import { element } from './svg-element';
import { svgDocument, text } from './svg-text';
import { formatTick, niceTicks } from './ticks';

/** How far above the plot area the line of points at infinity runs, in pixels. */
const INFINITY_GAP = 16;
const GRID = { stroke: '#e5e7eb' };

/**
 * Draws a persistence diagram: birth on the horizontal axis, death on the vertical one, both on
 * the same scale in a square, with the diagonal death = birth. Each point is a circle coloured
 * by its homology dimension (class `point dim-k`); points that never die sit on a dashed line
 * above the square marked ∞ (class `point dim-k infinite`). All text is escaped.
 */
export function diagramToSvg(plot: DiagramPlot, width: number, height: number): string {
  const { diagram } = plot;
  const notes = plot.notes ?? [];
  const legendY = 38 + notes.length * 16;
  const top = legendY + 14 + INFINITY_GAP;
  const side = Math.max(40, Math.min(width - 84, height - 48 - top));
  const left = Math.max(64, (width - side) / 2 + 24);
  const box = { left, right: left + side, top, bottom: top + side };

  const [lo, hi] = diagramRange(diagram);
  const axis = niceTicks(lo, hi);
  const sx = (v: number) => box.left + ((v - axis.lo) / (axis.hi - axis.lo)) * side;
  const sy = (v: number) => box.bottom - ((v - axis.lo) / (axis.hi - axis.lo)) * side;
  const infinityY = box.top - INFINITY_GAP;

  const parts = [element('rect', { x: 0, y: 0, width, height, fill: '#ffffff' })];
  parts.push(text(width / 2, 20, plot.title, 'middle', 15, 'bold'));
  notes.forEach((note, i) => parts.push(text(width / 2, 38 + i * 16, note, 'middle', 12)));
  parts.push(dimensionLegend(diagram, width / 2, legendY));

  for (const t of axis.ticks) {
    parts.push(
      element('line', { x1: sx(t), y1: box.top, x2: sx(t), y2: box.bottom, ...GRID }),
      element('line', { x1: box.left, y1: sy(t), x2: box.right, y2: sy(t), ...GRID }),
      text(sx(t), box.bottom + 16, formatTick(t), 'middle', 11),
      text(box.left - 6, sy(t) + 4, formatTick(t), 'end', 11)
    );
  }

  const frame = { x: box.left, y: box.top, width: side, height: side };
  const diagonal = { x1: sx(axis.lo), y1: sy(axis.lo), x2: sx(axis.hi), y2: sy(axis.hi) };
  const infinity = { x1: box.left, y1: infinityY, x2: box.right, y2: infinityY };
  parts.push(
    element('rect', { ...frame, fill: 'none', stroke: '#6b7280' }),
    element('line', {
      class: 'diagonal',
      ...diagonal,
      stroke: '#6b7280',
      'stroke-dasharray': '4 3'
    }),
    element('line', {
      class: 'infinity',
      ...infinity,
      stroke: '#9ca3af',
      'stroke-dasharray': '2 3'
    }),
    text(box.left - 6, infinityY + 5, '∞', 'end', 14),
    text((box.left + box.right) / 2, box.bottom + 36, 'birth', 'middle', 12),
    element(
      'g',
      { transform: `translate(${box.left - 44} ${(box.top + box.bottom) / 2}) rotate(-90)` },
      text(0, 0, 'death', 'middle', 12)
    )
  );

  const points: string[] = [];
  for (let k = 0; k < diagram.birth.length; k++) {
    const dim = diagram.dimension[k];
    const finite = Number.isFinite(diagram.death[k]);
    const place = {
      class: finite ? `point dim-${dim}` : `point dim-${dim} infinite`,
      cx: sx(diagram.birth[k]).toFixed(1),
      cy: (finite ? sy(diagram.death[k]) : infinityY).toFixed(1)
    };
    const style = { r: 3, fill: dimensionColor(dim), 'fill-opacity': 0.7 };
    points.push(element('circle', { ...place, ...style }, pointTitle(diagram, k)));
  }
  parts.push(`<g>${points.join('')}</g>`);

  return svgDocument(width, height, plot.title, parts);
}

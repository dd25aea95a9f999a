import type { BarcodePlot, Diagram } from '../graph/values';
import { diagramRange, dimensionColor, dimensionLegend, pointTitle } from './dimension-style';
import { element } from './svg-element';
import { svgDocument, text } from './svg-text';
import { formatTick, niceTicks } from './ticks';

/** Width in pixels, right of the axis, into which bars that never end run. */
const INFINITY_WIDTH = 28;

/** Point indices ordered by dimension, then birth, then death (the order of the bars). */
function barOrder(diagram: Diagram): number[] {
  const { dimension, birth, death } = diagram;
  return Array.from(birth.keys()).sort(
    (a, b) => dimension[a] - dimension[b] || birth[a] - birth[b] || death[a] - death[b]
  );
}

/**
 * Draws a persistence diagram as a barcode: one horizontal bar from birth to death per point,
 * top to bottom by dimension, then birth, then death, coloured by dimension (class
 * `bar dim-k`). Bars that never end run past the axis into a column marked ∞ (class
 * `bar dim-k infinite`). All text is escaped.
 */
export function barcodeToSvg(plot: BarcodePlot, width: number, height: number): string {
  const { diagram } = plot;
  const notes = plot.notes ?? [];
  const legendY = 38 + notes.length * 16;
  const box = { left: 32, right: width - 20, top: legendY + 18, bottom: height - 48 };
  const axisRight = box.right - INFINITY_WIDTH;

  const [lo, hi] = diagramRange(diagram);
  const axis = niceTicks(lo, hi);
  const scale = (axisRight - box.left) / (axis.hi - axis.lo);
  const sx = (v: number) => box.left + (v - axis.lo) * scale;

  const parts = [element('rect', { x: 0, y: 0, width, height, fill: '#ffffff' })];
  parts.push(text(width / 2, 20, plot.title, 'middle', 15, 'bold'));
  notes.forEach((note, i) => parts.push(text(width / 2, 38 + i * 16, note, 'middle', 12)));
  parts.push(dimensionLegend(diagram, width / 2, legendY));

  for (const t of axis.ticks) {
    const grid = { x1: sx(t), y1: box.top, x2: sx(t), y2: box.bottom, stroke: '#e5e7eb' };
    parts.push(element('line', grid), text(sx(t), box.bottom + 16, formatTick(t), 'middle', 11));
  }
  const edge = { x1: axisRight, y1: box.top, x2: axisRight, y2: box.bottom };
  const base = { x1: box.left, y1: box.bottom, x2: box.right, y2: box.bottom };
  const label = 'filtration value (birth to death)';
  parts.push(
    element('line', { ...edge, stroke: '#9ca3af', 'stroke-dasharray': '2 3' }),
    text((axisRight + box.right) / 2, box.bottom + 16, '∞', 'middle', 14),
    element('line', { ...base, stroke: '#6b7280' }),
    text((box.left + axisRight) / 2, height - 10, label, 'middle', 12)
  );

  const order = barOrder(diagram);
  const row = (box.bottom - box.top) / Math.max(order.length, 1);
  const thickness = Math.max(1, Math.min(8, row * 0.7)).toFixed(2);
  const bars = order.map((k, r) => {
    const dim = diagram.dimension[k];
    const finite = Number.isFinite(diagram.death[k]);
    const y = (box.top + (r + 0.5) * row).toFixed(1);
    const x1 = sx(diagram.birth[k]).toFixed(1);
    const x2 = (finite ? sx(diagram.death[k]) : box.right).toFixed(1);
    const kind = finite ? `bar dim-${dim}` : `bar dim-${dim} infinite`;
    const stroke = { stroke: dimensionColor(dim), 'stroke-width': thickness };
    return element(
      'line',
      { class: kind, x1, y1: y, x2, y2: y, ...stroke },
      pointTitle(diagram, k)
    );
  });
  parts.push(`<g>${bars.join('')}</g>`);

  return svgDocument(width, height, plot.title, parts);
}

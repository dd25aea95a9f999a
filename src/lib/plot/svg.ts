import type { Plot, ScatterPlot } from '../graph/values';
import { barcodeToSvg } from './barcode-svg';
import { diagramToSvg } from './diagram-svg';
import { environmentToSvg } from './environment-svg';
import { heatmapToSvg } from './heatmap-svg';
import { linesToSvg } from './lines-svg';
import { escapeXml, svgDocument, text } from './svg-text';
import { formatTick, niceTicks } from './ticks';

export { escapeXml };

/** Size of the drawing in pixels. */
export interface SvgOptions {
  width?: number;
  height?: number;
}

/**
 * Draws a chart description as a standalone SVG document, with no DOM, so the editor and the
 * CLI produce the same picture. Every piece of text is escaped.
 */
export function plotToSvg(plot: Plot, options: SvgOptions = {}): string {
  const width = options.width ?? 560;
  const height = options.height ?? 400;
  if (plot.kind === 'heatmap') return heatmapToSvg(plot, width, height);
  if (plot.kind === 'diagram') return diagramToSvg(plot, width, height);
  if (plot.kind === 'barcode') return barcodeToSvg(plot, width, height);
  if (plot.kind === 'lines') return linesToSvg(plot, width, height);
  if (plot.kind === 'environment') return environmentToSvg(plot, width, height);
  return scatterToSvg(plot, width, height);
}

function scatterToSvg(plot: ScatterPlot, width: number, height: number): string {
  const notes = plot.notes ?? [];
  const top = 34 + notes.length * 16;
  const box = { left: 64, right: width - 20, top, bottom: height - 48 };
  const xs = finiteRange(plot.x);
  const ys = finiteRange(plot.y);
  const xAxis = niceTicks(xs[0], xs[1]);
  const yAxis = niceTicks(ys[0], ys[1]);
  const sx = (v: number) =>
    box.left + ((v - xAxis.lo) / (xAxis.hi - xAxis.lo)) * (box.right - box.left);
  const sy = (v: number) =>
    box.bottom - ((v - yAxis.lo) / (yAxis.hi - yAxis.lo)) * (box.bottom - box.top);

  const parts: string[] = [];
  parts.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(text(width / 2, 20, plot.title, 'middle', 15, 'bold'));
  notes.forEach((note, i) => parts.push(text(width / 2, 38 + i * 16, note, 'middle', 12)));

  for (const t of xAxis.ticks) {
    parts.push(
      `<line x1="${sx(t)}" y1="${box.top}" x2="${sx(t)}" y2="${box.bottom}" stroke="#e5e7eb"/>`
    );
    parts.push(text(sx(t), box.bottom + 16, formatTick(t), 'middle', 11));
  }
  for (const t of yAxis.ticks) {
    parts.push(
      `<line x1="${box.left}" y1="${sy(t)}" x2="${box.right}" y2="${sy(t)}" stroke="#e5e7eb"/>`
    );
    parts.push(text(box.left - 6, sy(t) + 4, formatTick(t), 'end', 11));
  }
  parts.push(
    `<rect x="${box.left}" y="${box.top}" width="${box.right - box.left}" ` +
      `height="${box.bottom - box.top}" fill="none" stroke="#6b7280"/>`
  );
  parts.push(text((box.left + box.right) / 2, height - 10, plot.xLabel, 'middle', 12));
  parts.push(
    `<g transform="translate(16 ${(box.top + box.bottom) / 2}) rotate(-90)">` +
      `${text(0, 0, plot.yLabel, 'middle', 12)}</g>`
  );

  const dots: string[] = [];
  for (let i = 0; i < Math.min(plot.x.length, plot.y.length); i++) {
    if (!Number.isFinite(plot.x[i]) || !Number.isFinite(plot.y[i])) continue;
    dots.push(
      `<circle cx="${sx(plot.x[i]).toFixed(1)}" cy="${sy(plot.y[i]).toFixed(1)}" r="2.5">` +
        `<title>${escapeXml(`${formatTick(plot.x[i])}, ${formatTick(plot.y[i])}`)}</title></circle>`
    );
  }
  parts.push(`<g fill="#2563eb" fill-opacity="0.55">${dots.join('')}</g>`);

  return svgDocument(width, height, plot.title, parts);
}

function finiteRange(values: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}

import type { Plot, ScatterPlot } from '../graph/values';
import { barcodeToSvg } from './barcode-svg';
import { diagramToSvg } from './diagram-svg';
import { environmentToSvg } from './environment-svg';
import { heatmapToSvg } from './heatmap-svg';
import { linesToSvg, SERIES_COLORS } from './lines-svg';
import { escapeXml, svgDocument, text } from './svg-text';
import { formatTick } from './ticks';
import { drawAxes } from './axes-svg';

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
  const { parts, box, sx, sy } = drawAxes({
    width,
    height,
    title: plot.title,
    notes: plot.notes,
    xLabel: plot.xLabel,
    yLabel: plot.yLabel,
    xRange: finiteRange(plot.x),
    yRange: finiteRange(plot.y),
    verticalGrid: true
  });

  const names = plot.groupNames ?? [''];
  const dots: string[][] = names.map(() => []);
  for (let i = 0; i < Math.min(plot.x.length, plot.y.length); i++) {
    if (!Number.isFinite(plot.x[i]) || !Number.isFinite(plot.y[i])) continue;
    dots[Math.min(plot.groups?.[i] ?? 0, names.length - 1)].push(
      `<circle cx="${sx(plot.x[i]).toFixed(1)}" cy="${sy(plot.y[i]).toFixed(1)}" r="2.5">` +
        `<title>${escapeXml(`${formatTick(plot.x[i])}, ${formatTick(plot.y[i])}`)}</title></circle>`
    );
  }
  dots.forEach((group, k) => {
    const color = SERIES_COLORS[k % SERIES_COLORS.length];
    parts.push(`<g fill="${color}" fill-opacity="0.55">${group.join('')}</g>`);
    if (!plot.groupNames) return;
    const y = box.top + 14 + k * 16;
    parts.push(`<circle cx="${box.right - 140}" cy="${y - 4}" r="4" fill="${color}"/>`);
    parts.push(text(box.right - 130, y, names[k], 'start', 11));
  });

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

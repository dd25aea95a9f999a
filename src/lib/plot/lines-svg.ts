import type { LinesPlot } from '../graph/values';
import { escapeXml, svgDocument, text } from './svg-text';
import { drawAxes } from './axes-svg';

/** Colours of the first series of a line plot, in order; later series reuse them. */
export const SERIES_COLORS = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed'];

/**
 * Draws curves on shared axes, each as a line with its band (lower..upper) shaded behind it
 * and a legend entry; points that are not finite break the line.
 */
export function linesToSvg(plot: LinesPlot, width: number, height: number): string {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const s of plot.series) {
    for (const arr of [s.mean, s.lower, s.upper]) {
      for (const v of arr ?? [])
        if (Number.isFinite(v)) [y0, y1] = [Math.min(y0, v), Math.max(y1, v)];
    }
    for (const v of s.x) if (Number.isFinite(v)) [x0, x1] = [Math.min(x0, v), Math.max(x1, v)];
  }
  const { parts, box, sx, sy } = drawAxes({
    width,
    height,
    title: plot.title,
    notes: plot.notes,
    xLabel: plot.xLabel,
    yLabel: plot.yLabel,
    xRange: [x0, x1],
    yRange: [y0, y1],
    verticalGrid: false
  });

  plot.series.forEach((s, k) => {
    const color = SERIES_COLORS[k % SERIES_COLORS.length];
    const point = (i: number, y: Float64Array) => `${sx(s.x[i]).toFixed(1)},${sy(y[i]).toFixed(1)}`;
    const ok = (i: number, y?: Float64Array) =>
      !!y && Number.isFinite(s.x[i]) && Number.isFinite(y[i]);
    if (s.lower && s.upper) {
      const idx = [...s.x.keys()].filter((i) => ok(i, s.lower) && ok(i, s.upper));
      const ring = [
        ...idx.map((i) => point(i, s.upper!)),
        ...idx.reverse().map((i) => point(i, s.lower!))
      ];
      parts.push(
        `<polygon class="band series-${k}" points="${ring.join(' ')}" fill="${color}" ` +
          `fill-opacity="0.18" stroke="none"/>`
      );
    }
    const runs: string[][] = [[]];
    s.x.forEach((_, i) =>
      ok(i, s.mean) ? runs[runs.length - 1].push(point(i, s.mean)) : runs.push([])
    );
    for (const run of runs.filter((r) => r.length)) {
      parts.push(
        `<polyline class="line series-${k}" points="${run.join(' ')}" fill="none" ` +
          `stroke="${color}" stroke-width="1.5"/>`
      );
    }
    const ly = box.top + 14 + k * 16;
    parts.push(
      `<line x1="${box.right - 150}" y1="${ly - 4}" x2="${box.right - 130}" y2="${ly - 4}" ` +
        `stroke="${color}" stroke-width="3"/>`
    );
    parts.push(
      `<g><title>${escapeXml(s.name)}</title>${text(box.right - 124, ly, s.name, 'start', 11)}</g>`
    );
  });

  return svgDocument(width, height, plot.title, parts);
}

import type { LineSeries, LinesPlot } from '../graph/values';
import { svgDocument } from './svg-text';
import { drawAxes, type Axes, type AxesSpec } from './axes-svg';
import {
  drawLegend,
  drawLegendAbove,
  freeCorner,
  legendRows,
  legendSize,
  type Occupied
} from './legend';

/** Colours of the first series of a line plot, in order; later series reuse them. */
export const SERIES_COLORS = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed'];

function dataRanges(plot: LinesPlot): { x: [number, number]; y: [number, number] } {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const s of plot.series) {
    for (const arr of [s.mean, s.lower, s.upper]) {
      for (const v of arr ?? [])
        if (Number.isFinite(v)) [y0, y1] = [Math.min(y0, v), Math.max(y1, v)];
    }
    for (const v of s.x) if (Number.isFinite(v)) [x0, x1] = [Math.min(x0, v), Math.max(x1, v)];
  }
  return { x: [x0, x1], y: plot.yRange ? [plot.yRange[0], plot.yRange[1]] : [y0, y1] };
}

/** Pixel points of each finite run of `y` (lines break at points that are not finite). */
function pixelRuns(s: LineSeries, y: Float64Array, axes: Axes): Array<Array<[number, number]>> {
  const runs: Array<Array<[number, number]>> = [[]];
  s.x.forEach((x, i) => {
    if (Number.isFinite(x) && Number.isFinite(y[i])) {
      runs[runs.length - 1].push([axes.sx(x), axes.sy(y[i])]);
    } else runs.push([]);
  });
  return runs.filter((r) => r.length);
}

/** The lines and bands as drawn, clamped to the frame, for placing the legend. */
function occupied(plot: LinesPlot, axes: Axes): Occupied {
  const { top, bottom } = axes.box;
  const clamp = (y: number) => Math.min(bottom, Math.max(top, y));
  const used: Occupied = { lines: [], spans: [] };
  for (const s of plot.series) {
    for (const run of pixelRuns(s, s.mean, axes)) {
      used.lines.push(run.map(([x, y]) => [x, clamp(y)]));
    }
    if (!s.lower || !s.upper) continue;
    s.x.forEach((x, i) => {
      const [lo, hi] = [s.lower![i], s.upper![i]];
      if (Number.isFinite(x) && Number.isFinite(lo) && Number.isFinite(hi)) {
        used.spans.push([axes.sx(x), clamp(axes.sy(hi)), clamp(axes.sy(lo))]);
      }
    });
  }
  return used;
}

function drawSeries(s: LineSeries, k: number, axes: Axes): string[] {
  const parts: string[] = [];
  const color = SERIES_COLORS[k % SERIES_COLORS.length];
  const fmt = (run: Array<[number, number]>) =>
    run.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`);
  if (s.lower && s.upper) {
    const ok = (i: number) =>
      Number.isFinite(s.x[i]) && Number.isFinite(s.lower![i]) && Number.isFinite(s.upper![i]);
    const idx = [...s.x.keys()].filter(ok);
    const at = (i: number, y: Float64Array): [number, number] => [axes.sx(s.x[i]), axes.sy(y[i])];
    const ring = [...idx.map((i) => at(i, s.upper!)), ...idx.reverse().map((i) => at(i, s.lower!))];
    parts.push(
      `<polygon class="band series-${k}" points="${fmt(ring).join(' ')}" fill="${color}" ` +
        `fill-opacity="0.18" stroke="none"/>`
    );
  }
  for (const run of pixelRuns(s, s.mean, axes)) {
    parts.push(
      `<polyline class="line series-${k}" points="${fmt(run).join(' ')}" fill="none" ` +
        `stroke="${color}" stroke-width="1.5"/>`
    );
  }
  return parts;
}

/**
 * Draws curves on shared axes, each as a line with its band (lower..upper) shaded behind it;
 * points that are not finite break the line. With `plot.yRange` the y axis shows that range
 * and what lies outside is clipped at the frame. The legend goes into the first corner of the
 * frame where it covers no line or band, or above the frame when every corner holds data.
 */
export function linesToSvg(plot: LinesPlot, width: number, height: number): string {
  const ranges = dataRanges(plot);
  const spec: AxesSpec = {
    width,
    height,
    title: plot.title,
    notes: plot.notes,
    xLabel: plot.xLabel,
    yLabel: plot.yLabel,
    xRange: ranges.x,
    yRange: ranges.y,
    verticalGrid: false
  };
  const names = plot.series.map((s) => s.name);
  const colors = names.map((_, k) => SERIES_COLORS[k % SERIES_COLORS.length]);

  let axes = drawAxes(spec);
  const corner = freeCorner(axes.box, legendSize(names), occupied(plot, axes));
  let legend: string[];
  if (corner) legend = drawLegend(corner, names, colors);
  else {
    // Blank note lines make room between the notes and the frame for the legend rows.
    const notes = plot.notes ?? [];
    const rows = legendRows(names, axes.box.right - axes.box.left);
    axes = drawAxes({ ...spec, notes: [...notes, ...new Array(rows).fill('')] });
    const top = 38 + notes.length * 16 - 12;
    legend = drawLegendAbove(axes.box.left, top, axes.box.right - axes.box.left, names, colors);
  }

  const { left, top, right, bottom } = axes.box;
  const clip = `lines-clip-${left}-${top}-${right}-${bottom}`;
  const parts = [
    ...axes.parts,
    `<defs><clipPath id="${clip}"><rect x="${left}" y="${top}" width="${right - left}" ` +
      `height="${bottom - top}"/></clipPath></defs>`,
    `<g clip-path="url(#${clip})">`,
    ...plot.series.flatMap((s, k) => drawSeries(s, k, axes)),
    '</g>',
    ...legend
  ];
  return svgDocument(width, height, plot.title, parts);
}

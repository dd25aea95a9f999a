import type { LinesPlot } from '../graph/values';
import { escapeXml, svgDocument, text } from './svg-text';
import { formatTick, niceTicks } from './ticks';

/** Colours of the first series of a line plot, in order; later series reuse them. */
export const SERIES_COLORS = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed'];

/**
 * Draws curves on shared axes, each as a line with its band (lower..upper) shaded behind it
 * and a legend entry; points that are not finite break the line.
 */
export function linesToSvg(plot: LinesPlot, width: number, height: number): string {
  const notes = plot.notes ?? [];
  const top = 34 + notes.length * 16;
  const box = { left: 64, right: width - 20, top, bottom: height - 48 };
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
  const xAxis = niceTicks(x0, x1);
  const yAxis = niceTicks(y0, y1);
  const sx = (v: number) =>
    box.left + ((v - xAxis.lo) / (xAxis.hi - xAxis.lo)) * (box.right - box.left);
  const sy = (v: number) =>
    box.bottom - ((v - yAxis.lo) / (yAxis.hi - yAxis.lo)) * (box.bottom - box.top);

  const parts = [`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`];
  parts.push(text(width / 2, 20, plot.title, 'middle', 15, 'bold'));
  notes.forEach((note, i) => parts.push(text(width / 2, 38 + i * 16, note, 'middle', 12)));
  for (const t of xAxis.ticks)
    parts.push(text(sx(t), box.bottom + 16, formatTick(t), 'middle', 11));
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

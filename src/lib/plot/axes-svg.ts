import { text } from './svg-text';
import { formatTick, niceTicks } from './ticks';

/** What a chart with x and y axes needs from its description. */
export interface AxesSpec {
  width: number;
  height: number;
  title: string;
  notes?: string[];
  xLabel: string;
  yLabel: string;
  /** The finite data ranges [lo, hi] on each axis. */
  xRange: [number, number];
  yRange: [number, number];
  /** Draw vertical grid lines as well as horizontal ones. */
  verticalGrid: boolean;
}

/** The frame of an x–y chart: parts to draw first, and the maps from data to pixels. */
export interface Axes {
  parts: string[];
  /** The plot frame in pixels. */
  box: { left: number; right: number; top: number; bottom: number };
  sx: (v: number) => number;
  sy: (v: number) => number;
}

/**
 * Draws the background, title, notes, round-number ticks with grid lines, the plot frame and
 * the axis labels, and returns the data-to-pixel maps for what goes inside.
 */
export function drawAxes(spec: AxesSpec): Axes {
  const { width, height } = spec;
  const notes = spec.notes ?? [];
  const box = { left: 64, right: width - 20, top: 34 + notes.length * 16, bottom: height - 48 };
  const xAxis = niceTicks(spec.xRange[0], spec.xRange[1]);
  const yAxis = niceTicks(spec.yRange[0], spec.yRange[1]);
  const sx = (v: number) =>
    box.left + ((v - xAxis.lo) / (xAxis.hi - xAxis.lo)) * (box.right - box.left);
  const sy = (v: number) =>
    box.bottom - ((v - yAxis.lo) / (yAxis.hi - yAxis.lo)) * (box.bottom - box.top);

  const parts = [`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`];
  parts.push(text(width / 2, 20, spec.title, 'middle', 15, 'bold'));
  notes.forEach((note, i) => parts.push(text(width / 2, 38 + i * 16, note, 'middle', 12)));

  for (const t of xAxis.ticks) {
    if (spec.verticalGrid) {
      const x = sx(t);
      parts.push(`<line x1="${x}" y1="${box.top}" x2="${x}" y2="${box.bottom}" stroke="#e5e7eb"/>`);
    }
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
  parts.push(text((box.left + box.right) / 2, height - 10, spec.xLabel, 'middle', 12));
  parts.push(
    `<g transform="translate(16 ${(box.top + box.bottom) / 2}) rotate(-90)">` +
      `${text(0, 0, spec.yLabel, 'middle', 12)}</g>`
  );
  return { parts, box, sx, sy };
}

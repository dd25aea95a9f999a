import type { HeatmapPlot } from '../graph/values';
import { scaleColor, textColorOn } from './colors';
import { escapeXml, svgDocument, text } from './svg-text';
import { formatTick } from './ticks';

/** The room (px) one axis label needs along the axis: a few digits wide, one line high. */
const MIN_LABEL_WIDTH = 30;
const MIN_LABEL_HEIGHT = 14;

/**
 * Draws a heatmap: one coloured cell per grid point with its value printed in it, rows from
 * top (first y value) to bottom, and a note of the colour range. NaN cells are grey.
 */
export function heatmapToSvg(plot: HeatmapPlot, width: number, height: number): string {
  const box = { left: 72, right: width - 20, top: 48, bottom: height - 48 };
  const columns = plot.xValues.length;
  const rows = plot.yValues.length;
  const cellWidth = (box.right - box.left) / columns;
  const cellHeight = (box.bottom - box.top) / rows;

  const finite = Array.from(plot.z).filter(Number.isFinite);
  // Reduced, not spread: spreading ~100 000 cells overflows the call stack.
  const lo = finite.length ? finite.reduce((m, v) => Math.min(m, v), Infinity) : 0;
  const hi = finite.length ? finite.reduce((m, v) => Math.max(m, v), -Infinity) : 1;
  const unit = (v: number) => (hi > lo ? (v - lo) / (hi - lo) : 0.5);

  const parts: string[] = [
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`
  ];
  parts.push(text(width / 2, 20, plot.title, 'middle', 15, 'bold'));
  parts.push(
    text(
      width / 2,
      38,
      `colour from ${formatTick(lo)} (dark) to ${formatTick(hi)} (light)`,
      'middle',
      11
    )
  );

  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const v = plot.z[r * columns + c];
      const x = box.left + c * cellWidth;
      const y = box.top + r * cellHeight;
      const label = Number.isFinite(v) ? v.toFixed(3) : '–';
      const title =
        `${plot.yLabel} ${plot.yValues[r]}, ` + `${plot.xLabel} ${plot.xValues[c]}: ${label}`;
      parts.push(
        `<rect x="${x}" y="${y}" width="${cellWidth}" height="${cellHeight}" ` +
          `fill="${scaleColor(unit(v))}" stroke="#ffffff">` +
          `<title>${escapeXml(title)}</title></rect>`
      );
      if (cellWidth > 34 && cellHeight > 14) {
        const size = Math.min(12, cellHeight / 2);
        parts.push(
          `<text x="${x + cellWidth / 2}" y="${y + cellHeight / 2 + size / 3}" ` +
            `text-anchor="middle" font-size="${size}" ` +
            `fill="${textColorOn(unit(v))}">${label}</text>`
        );
      }
    }
  }

  // Label every k-th row and column so that labels never run into each other (a Q-table has
  // one row per state: 48 rows in cliff walking).
  const columnStep = Math.ceil(MIN_LABEL_WIDTH / cellWidth);
  const rowStep = Math.ceil(MIN_LABEL_HEIGHT / cellHeight);
  plot.xValues.forEach((v, c) => {
    if (c % columnStep !== 0) return;
    parts.push(
      text(box.left + (c + 0.5) * cellWidth, box.bottom + 16, formatTick(v), 'middle', 11)
    );
  });
  if (plot.yLabel) {
    plot.yValues.forEach((v, r) => {
      if (r % rowStep !== 0) return;
      parts.push(
        text(box.left - 6, box.top + (r + 0.5) * cellHeight + 4, formatTick(v), 'end', 11)
      );
    });
    parts.push(
      `<g transform="translate(16 ${(box.top + box.bottom) / 2}) rotate(-90)">` +
        `${text(0, 0, plot.yLabel, 'middle', 12)}</g>`
    );
  }
  parts.push(text((box.left + box.right) / 2, height - 10, plot.xLabel, 'middle', 12));
  return svgDocument(width, height, plot.title, parts);
}

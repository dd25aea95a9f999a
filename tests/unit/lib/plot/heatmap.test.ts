import { describe, expect, it } from 'vitest';
import type { HeatmapPlot } from '../../../../src/lib/graph/values';
import { heatmapToSvg } from '../../../../src/lib/plot/heatmap-svg';

/** A rows × columns heatmap with row values 0..rows-1 and column values 0..columns-1. */
function grid(rows: number, columns: number): HeatmapPlot {
  return {
    kind: 'heatmap',
    title: 'Q-table',
    xLabel: 'action',
    yLabel: 'state',
    xValues: Array.from({ length: columns }, (_, i) => i),
    yValues: Array.from({ length: rows }, (_, i) => i),
    z: Float64Array.from({ length: rows * columns }, (_, i) => i)
  };
}

/** The positions of the text elements anchored at `end` (the row labels), top to bottom. */
function rowLabelYs(svg: string): number[] {
  return [...svg.matchAll(/<text x="[^"]+" y="([^"]+)"[^>]*text-anchor="end"/g)].map((m) =>
    Number(m[1])
  );
}

describe('heatmapToSvg axis labels', () => {
  it('labels every row when they fit', () => {
    expect(rowLabelYs(heatmapToSvg(grid(4, 4), 480, 300))).toHaveLength(4);
  });

  it('thins the labels of a 48-state Q-table so that none overlap', () => {
    const ys = rowLabelYs(heatmapToSvg(grid(48, 4), 480, 300));
    expect(ys.length).toBeGreaterThan(3);
    expect(ys.length).toBeLessThan(48);
    const gaps = ys.slice(1).map((y, i) => y - ys[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(14);
  });
});

import { describe, expect, it } from 'vitest';
import type { SweepSpec } from '../../../../src/lib/graph/document';
import {
  mergeCells,
  numericFields,
  sweepCells,
  sweepCsv,
  sweepHeatmaps
} from '../../../../src/lib/engine/sweep';

const spec: SweepSpec = {
  axes: [
    { node: 'a', param: 'x', values: [1, 2] },
    { node: 'b', param: 'y', values: [10, 20, 30] }
  ],
  target: { node: 'c', output: 'correlation' }
};

describe('sweeps', () => {
  it('numbers cells row-major, the first axis varying slowest', () => {
    expect(sweepCells(spec).map((c) => c.values)).toEqual([
      [1, 10],
      [1, 20],
      [1, 30],
      [2, 10],
      [2, 20],
      [2, 30]
    ]);
  });

  it('merges cells from separate jobs in index order and lays them out as a heatmap', () => {
    const cell = (index: number, pearson: number) => ({
      ...sweepCells(spec)[index],
      status: 'finished' as const,
      fields: { pearson }
    });
    const table = mergeCells(spec, [cell(5, 0.5), cell(0, -1), cell(3, 0.25)]);
    expect(table.cells.map((c) => c.index)).toEqual([0, 3, 5]);
    const [heatmap] = sweepHeatmaps(table);
    expect(heatmap.xValues).toEqual([10, 20, 30]);
    expect(heatmap.yValues).toEqual([1, 2]);
    expect(Array.from(heatmap.z)).toEqual([-1, NaN, NaN, 0.25, NaN, 0.5]);
    expect(sweepCsv(table).split('\n')[0]).toBe('a.x,b.y,pearson,status,error');
  });

  it('collects the numeric fields of a correlation and the mean of a series under one name', () => {
    expect(numericFields({ pearson: -0.5, spearman: -0.4, count: 9 })).toEqual({
      pearson: -0.5,
      spearman: -0.4,
      count: 9
    });
    expect(numericFields(Float64Array.of(3))).toEqual({ mean: 3 });
    expect(numericFields(Float64Array.of(1, 2, 6))).toEqual({ mean: 3 });
  });
});

import type { GraphDocument, SweepSpec } from '../graph/document';
import type { HeatmapPlot } from '../graph/values';
import type { Executor, RunOptions } from './executor';

/** The run options a sweep passes on to each cell's run. */
type CellRunOptions = Pick<RunOptions, 'signal' | 'onEvent' | 'nodeTimeoutMs'>;

/** One cell of a sweep grid: its index (row-major over the axes) and one value per axis. */
export interface SweepCell {
  index: number;
  values: number[];
}

/** What one cell gave: the target's numeric fields, or why it has none. */
export interface SweepCellResult extends SweepCell {
  status: 'finished' | 'failed';
  fields: Record<string, number>;
  error?: string;
}

/** A finished (or partly finished) sweep: one row per cell, one column per numeric field. */
export interface SweepTable {
  sweep: SweepSpec;
  fields: string[];
  cells: SweepCellResult[];
}

/** Every cell of the grid, the first axis varying slowest. */
export function sweepCells(sweep: SweepSpec): SweepCell[] {
  const [first, second] = sweep.axes;
  const cells: SweepCell[] = [];
  for (const a of first.values) {
    for (const b of second ? second.values : [undefined]) {
      cells.push({ index: cells.length, values: b === undefined ? [a] : [a, b] });
    }
  }
  return cells;
}

/**
 * Runs one cell: the graph with the cell's param values, only as far as the target needs. The
 * executor's cache makes cells that share upstream params reuse those results.
 */
export async function runSweepCell(
  executor: Executor,
  doc: GraphDocument,
  index: number,
  options: CellRunOptions = {}
): Promise<SweepCellResult> {
  const sweep = doc.sweep!;
  const cells = sweepCells(sweep);
  const cell = cells[index];
  if (!cell)
    throw new RangeError(
      `The sweep has cells 0 to ${cells.length - 1}; there is no cell ${index}.`
    );

  const copy: GraphDocument = structuredClone(doc);
  sweep.axes.forEach((axis, a) => {
    copy.nodes.find((n) => n.id === axis.node)!.params[axis.param] = cell.values[a];
  });
  const summary = await executor.run(copy, { ...options, only: [sweep.target.node] });

  const node = summary.nodes[sweep.target.node];
  const value = summary.outputs[sweep.target.node]?.[sweep.target.output];
  if (node?.status !== 'finished' || value === undefined) {
    const failed = Object.entries(summary.nodes).find(([, n]) => n.status === 'failed');
    const error = failed
      ? `Node "${failed[0]}" failed: ${failed[1].error}`
      : 'The run was stopped.';
    return { ...cell, status: 'failed', fields: {}, error };
  }
  return { ...cell, status: 'finished', fields: numericFields(value) };
}

/** Runs every cell in order and collects the table; `onCell` sees each cell as it ends. */
export async function runSweep(
  executor: Executor,
  doc: GraphDocument,
  options: CellRunOptions & { onCell?: (result: SweepCellResult, total: number) => void } = {}
): Promise<SweepTable> {
  const cells = sweepCells(doc.sweep!);
  const results: SweepCellResult[] = [];
  const { onCell, ...runOptions } = options;
  for (const cell of cells) {
    if (options.signal?.aborted) break;
    const result = await runSweepCell(executor, doc, cell.index, runOptions);
    results.push(result);
    onCell?.(result, cells.length);
  }
  return mergeCells(doc.sweep!, results);
}

/** The indices of the cells of `sweep` that did not finish: failed, stopped or never run. */
export function unfinishedCells(sweep: SweepSpec, results: readonly SweepCellResult[]): number[] {
  const finished = new Set(results.filter((c) => c.status === 'finished').map((c) => c.index));
  return sweepCells(sweep)
    .map((cell) => cell.index)
    .filter((index) => !finished.has(index));
}

/** Puts cell results (from one process or many) into one table, in cell order. */
export function mergeCells(sweep: SweepSpec, results: SweepCellResult[]): SweepTable {
  const cells = [...results].sort((a, b) => a.index - b.index);
  const fields = [...new Set(cells.flatMap((c) => Object.keys(c.fields)))];
  return { sweep, fields, cells };
}

/**
 * The numbers a sweep can collect from a value: a correlation's numeric fields, or the mean of
 * a series of numbers (its value when it has one), always under the name `mean`.
 */
export function numericFields(value: unknown): Record<string, number> {
  if (value instanceof Float64Array) {
    const mean = value.reduce((s, v) => s + v, 0) / value.length;
    return { mean };
  }
  const fields: Record<string, number> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'number') fields[key] = v;
  }
  return fields;
}

/** One heatmap per field but the pair count (a single row for a one-axis sweep). */
export function sweepHeatmaps(table: SweepTable): HeatmapPlot[] {
  const [first, second] = table.sweep.axes;
  const xAxis = second ?? first;
  const yAxis = second ? first : undefined;
  const columns = xAxis.values.length;
  const rows = yAxis ? yAxis.values.length : 1;

  return table.fields
    .filter((field) => field !== 'count')
    .map((field) => {
      const z = new Float64Array(rows * columns).fill(NaN);
      for (const cell of table.cells) {
        if (cell.status === 'finished' && field in cell.fields) z[cell.index] = cell.fields[field];
      }
      return {
        kind: 'heatmap',
        title: `${table.sweep.target.node}.${table.sweep.target.output}: ${field}`,
        xLabel: `${xAxis.node}.${xAxis.param}`,
        yLabel: yAxis ? `${yAxis.node}.${yAxis.param}` : '',
        xValues: xAxis.values,
        yValues: yAxis ? yAxis.values : [0],
        z
      };
    });
}

/** The table as CSV: one column per axis, then one per field, then status and error. */
export function sweepCsv(table: SweepTable): string {
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const header = [
    ...table.sweep.axes.map((a) => `${a.node}.${a.param}`),
    ...table.fields,
    'status',
    'error'
  ];
  const lines = table.cells.map((cell) =>
    [
      ...cell.values.map(String),
      ...table.fields.map((f) => (f in cell.fields ? String(cell.fields[f]) : '')),
      cell.status,
      quote(cell.error ?? '')
    ].join(',')
  );
  return `${[header.map(quote).join(','), ...lines].join('\n')}\n`;
}

import type { SweepCellResult } from '../lib/engine/sweep';
import type { SweepSpec } from '../lib/graph/document';

/** A number as a person reads it in a progress line: whole numbers in full, others to 4 digits. */
export function shortNumber(value: number): string {
  if (Number.isInteger(value) || !Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(4)));
}

/**
 * One line about a finished or failed sweep cell: the values its axes took, then what the
 * target gave (`lag 2, stride 8 → pearson 0.4312, count 50`), so a line says which cell it is.
 */
export function cellText(result: SweepCellResult, sweep: SweepSpec): string {
  const where = sweep.axes
    .map((axis, k) => `${axis.node}.${axis.param} ${shortNumber(result.values[k])}`)
    .join(', ');
  if (result.status === 'failed') return `${where} → failed: ${result.error}`;
  const fields = Object.entries(result.fields)
    .map(([name, value]) => `${name} ${shortNumber(value)}`)
    .join(', ');
  return `${where} → ${fields}`;
}

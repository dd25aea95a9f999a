import { correlationCsv, matrixCsv, numbersCsv } from '../graph/export-csv';
import { toJsonValue } from '../graph/export-value';
import type { Correlation, Matrix, Plot, SocketType } from '../graph/values';
import { plotToSvg } from '../plot/svg';

/** One way to save an output: a button label, a file name and the text or drawing to save. */
export interface ResultExport {
  format: 'CSV' | 'JSON' | 'SVG' | 'PNG';
  fileName: string;
  mime: string;
  /** The file's text; a PNG is drawn from `svg` in the browser instead. */
  text: string;
  svg?: string;
}

/** The size plots are exported at, in pixels. */
export const EXPORT_SIZE = { width: 960, height: 680 } as const;

/**
 * The exports an output offers: JSON always (the same JSON the CLI writes), CSV for numbers,
 * correlations and matrices, SVG and PNG for plots.
 */
export function exportsOf(
  nodeId: string,
  output: string,
  type: SocketType,
  value: unknown
): ResultExport[] {
  const base = `${nodeId}-${output}`;
  const exports: ResultExport[] = [];
  const csv = csvOf(type, value);
  if (csv !== null)
    exports.push({ format: 'CSV', fileName: `${base}.csv`, mime: 'text/csv', text: csv });
  exports.push({
    format: 'JSON',
    fileName: `${base}.json`,
    mime: 'application/json',
    text: `${JSON.stringify(toJsonValue(value))}\n`
  });
  if (type === 'plot') {
    const svg = plotToSvg(value as Plot, EXPORT_SIZE);
    exports.push({ format: 'SVG', fileName: `${base}.svg`, mime: 'image/svg+xml', text: svg });
    exports.push({ format: 'PNG', fileName: `${base}.png`, mime: 'image/png', text: '', svg });
  }
  return exports;
}

function csvOf(type: SocketType, value: unknown): string | null {
  if (type === 'numbers') return numbersCsv(value as Float64Array);
  if (type === 'correlation') return correlationCsv(value as Correlation);
  if (type === 'matrix') return matrixCsv(value as Matrix);
  return null;
}

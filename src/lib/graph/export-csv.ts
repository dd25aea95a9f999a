import type { Correlation, Matrix } from './values';

/** A series of numbers as CSV: a header `index,value`, one row per number, empty for NaN. */
export function numbersCsv(values: Float64Array): string {
  const rows = Array.from(values, (v, i) => `${i},${Number.isFinite(v) ? v : ''}`);
  return `index,value\n${rows.join('\n')}\n`;
}

/** A correlation as CSV: one row per statistic, with its interval when there is one. */
export function correlationCsv(c: Correlation): string {
  const row = (name: string, value: number, interval?: [number, number]) =>
    `${name},${value},${interval ? interval[0] : ''},${interval ? interval[1] : ''}`;
  const lines = [
    'statistic,value,low,high',
    row('pearson', c.pearson, c.pearsonInterval),
    row('spearman', c.spearman, c.spearmanInterval),
    row('count', c.count)
  ];
  return `${lines.join('\n')}\n`;
}

/** A square matrix as CSV: a header of labels, then one labelled row per row. */
export function matrixCsv(m: Matrix): string {
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [['', ...m.labels].map(quote).join(',')];
  for (let r = 0; r < m.size; r++) {
    const row = Array.from(m.values.subarray(r * m.size, (r + 1) * m.size), String);
    lines.push([quote(m.labels[r] ?? String(r)), ...row].join(','));
  }
  return `${lines.join('\n')}\n`;
}

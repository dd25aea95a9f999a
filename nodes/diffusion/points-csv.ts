import { NodeInputError, type NodeType } from '../../src/lib/graph/node-type';
import type { Samples } from '../../src/lib/graph/values';
import { fileError, parseNumber } from '../embed/number-table';
import { readFile } from '../embed/vectors-file';
import { throwIfAborted } from '../pace';

/**
 * Reads 1-D or 2-D points from CSV text: one point per line, numbers separated by commas (or
 * by spaces or tabs when the first line has no comma). Blank lines and lines starting with `#`
 * are skipped; a first line made only of names is a header. `columns` picks columns by their
 * 0-based index (all when empty); the points must end up with 1 or 2 coordinates. Errors name
 * the file, the line (1-based) and the column (0-based); NaN and ±Infinity are refused.
 */
export function readPointsCsv(text: string, fileName: string, columns: number[] = []): Samples {
  const lines = text.split(/\r?\n/);
  const values: number[] = [];
  let width = -1;
  let split = (line: string) => line.split(',');
  let count = 0;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    if (width < 0 && !line.includes(',')) split = (row) => row.split(/\s+/);
    const fields = split(line).map((f) => f.trim());
    const numbers = fields.map(parseNumber);
    if (width < 0 && count === 0 && numbers.every((x) => x === undefined)) {
      width = fields.length;
      continue;
    }
    if (width >= 0 && fields.length !== width) {
      throw fileError(
        fileName,
        `line ${i + 1} has ${fields.length} columns, but the lines before it have ${width}.`
      );
    }
    width = fields.length;

    const chosen = columns.length ? columns : fields.map((_, c) => c);
    for (const c of chosen) {
      if (c >= fields.length) {
        throw new NodeInputError(
          `Param "columns" names column ${c}, but ${fileName} has ${fields.length} columns ` +
            '(numbered from 0).',
          'columns'
        );
      }
      const x = numbers[c];
      if (x === undefined || !Number.isFinite(x)) {
        const shown = JSON.stringify(fields[c].slice(0, 30));
        const why = x === undefined ? 'which is not a number' : 'which is not finite';
        throw fileError(fileName, `line ${i + 1}, column ${c} holds ${shown}, ${why}.`);
      }
      values.push(x);
    }
    count++;
  }

  const dim = columns.length || Math.max(width, 0);
  if (count === 0) throw fileError(fileName, 'holds no points; write one point per line.');
  if (dim < 1 || dim > 2) {
    throw fileError(
      fileName,
      `holds ${dim} columns; points must have 1 or 2 coordinates. Choose them with "columns".`
    );
  }
  return { dim, count, points: Float64Array.from(values) };
}

/** Reads the `columns` param: 0-based column indices separated by commas, or empty for all. */
function readColumns(text: string): number[] {
  const entries = text.split(/[\s,]+/).filter((e) => e !== '');
  return entries.map((entry) => {
    const c = Number(entry);
    if (!Number.isInteger(c) || c < 0) {
      throw new NodeInputError(
        `Param "columns" must list column numbers from 0, separated by commas; found "${entry}".`,
        'columns'
      );
    }
    return c;
  });
}

/**
 * Node `diffusion/points-csv`: data points read from a CSV file the user names, 1-D or 2-D,
 * for training and comparing against like any other data source.
 */
export const pointsCsvNode: NodeType = {
  type: 'diffusion/points-csv',
  version: 1,
  title: 'Points from CSV',
  category: 'diffusion',
  description:
    'Reads 1-D or 2-D data points from a CSV file, one point per line, with an optional ' +
    'header line; NaN and Infinity are refused.',
  inputs: {},
  outputs: { samples: { type: 'samples', label: 'samples' } },
  params: {
    file: {
      kind: 'file',
      default: '',
      accept: '.csv,.txt,.tsv',
      help: 'CSV or whitespace-separated text, one point per line; a header line is optional.'
    },
    columns: {
      kind: 'text',
      default: '',
      help: 'Columns to read, numbered from 0 (e.g. "0, 2"); empty reads all (1 or 2).'
    }
  },

  async run(_inputs, params, context) {
    const fileName = params.file;
    if (typeof fileName !== 'string' || fileName.trim() === '') {
      throw new NodeInputError('Param "file" names no file; choose a .csv file of points.', 'file');
    }
    const columns = readColumns(String(params.columns ?? ''));

    const bytes = await readFile(fileName, context.files);
    throwIfAborted(context.signal);
    const samples = readPointsCsv(new TextDecoder().decode(bytes), fileName, columns);
    context.progress(1);
    return { samples };
  }
};

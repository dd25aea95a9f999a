import { NodeInputError, type NodeType } from '../../src/lib/graph/node-type';
import type { CloudPairs, PointCloud } from '../../src/lib/graph/values';
import { fileError, type NumberTable } from '../embed/number-table';
import { FORMATS, readFile, readVectorsTable } from '../embed/vectors-file';
import { throwIfAborted } from '../pace';
import { readEnumParam } from '../topology/params';

/** The sample clouds bundled in data/points, read as assets `points/<name>.csv`. */
export const SAMPLES = ['none', 'circle', 'torus'] as const;

/**
 * Turns a table read from a points file into a point cloud, one point per row. Refuses an empty
 * table and any coordinate that is not finite, naming the file, the row and the column.
 */
export function tableToCloud(table: NumberTable, fileName: string): PointCloud {
  const { rows, columns, values } = table;
  if (rows === 0 || columns === 0) {
    throw fileError(
      fileName,
      'holds no points; expected one point per row, its coordinates separated by commas.'
    );
  }

  for (let k = 0; k < values.length; k++) {
    if (!Number.isFinite(values[k])) {
      const row = Math.floor(k / columns);
      throw fileError(
        fileName,
        `row ${row} holds ${values[k]} at column ${k % columns}; points must have finite ` +
          'coordinates. Remove or fix that row.'
      );
    }
  }

  return { dim: columns, count: rows, points: Float64Array.from(values) };
}

/**
 * Node `data/points`: one point cloud read from a file (CSV or text, a JSON array of rows, or a
 * NumPy .npy array of float32 or float64 in C order), one point per row, or one of the sample
 * clouds bundled with Kumiki. The output is an unpaired collection: the cloud in `first`, and
 * `second` empty. A file named in `file` wins over `sample`.
 */
export const pointsNode: NodeType = {
  type: 'data/points',
  version: 1,
  title: 'Point cloud',
  category: 'data',
  description:
    'Reads one point cloud, one point per row, from a CSV, JSON or NumPy .npy file, or takes ' +
    'a bundled sample (a noisy circle or torus).',
  inputs: {},
  outputs: { clouds: { type: 'cloud-pairs', label: 'point cloud' } },
  params: {
    file: {
      kind: 'file',
      default: '',
      accept: '.csv,.txt,.json,.npy',
      help: 'File of points, one per row: CSV or text, JSON rows, or .npy (float32/float64).'
    },
    format: {
      kind: 'enum',
      default: 'auto',
      options: FORMATS,
      help: 'File format; "auto" goes by the extension (.npy, .json, anything else is CSV).'
    },
    sample: {
      kind: 'enum',
      default: 'none',
      options: SAMPLES,
      help: 'A bundled cloud to read when no file is given: 200 points on a circle, 300 on a torus.'
    }
  },

  async run(_inputs, params, context) {
    const format = readEnumParam(params, 'format', FORMATS, 'auto');
    const sample = readEnumParam(params, 'sample', SAMPLES, 'none');
    const file = typeof params.file === 'string' ? params.file.trim() : '';
    if (file === '' && sample === 'none') {
      throw new NodeInputError(
        'Param "file" names no file and "sample" is "none"; choose a .csv, .json or .npy file ' +
          'of points, or a bundled sample.',
        'file'
      );
    }

    const name = file !== '' ? file : `points/${sample}.csv`;
    const bytes = await readFile(name, file !== '' ? context.files : context.assets);
    throwIfAborted(context.signal);
    const table = readVectorsTable(bytes, name, file !== '' ? format : 'csv', 'point');
    const clouds: CloudPairs = { first: [tableToCloud(table, name)], second: [] };

    context.progress(1);
    return { clouds };
  }
};

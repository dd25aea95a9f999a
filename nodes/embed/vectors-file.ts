import { NodeInputError, type ByteSource, type NodeType } from '../../src/lib/graph/node-type';
import type { VectorPairs } from '../../src/lib/graph/values';
import { readEnumParam } from '../topology/params';
import { throwIfAborted } from '../pace';
import { pairCount } from '../topology/pair-loop';
import { readNpy } from './npy';
import { fileError, readCsv, readJsonRows, type NumberTable, type RowNoun } from './number-table';

/** The formats a table of numbers may be read from; 'auto' goes by the file's extension. */
export const FORMATS = ['auto', 'csv', 'json', 'npy'] as const;
const LAYOUTS = ['interleaved', 'halves'] as const;

/** How the rows of a vectors file map onto pairs. */
export type VectorsLayout = (typeof LAYOUTS)[number];

/**
 * Parses the bytes of a vectors (or points) file: .npy (`readNpy`), JSON rows (`readJsonRows`)
 * or CSV (`readCsv`). With format 'auto' the file name's extension decides, CSV when it is
 * neither .npy nor .json. `noun` names one row in error messages.
 */
export function readVectorsTable(
  bytes: Uint8Array,
  fileName: string,
  format: (typeof FORMATS)[number],
  noun: RowNoun = 'vector'
): NumberTable {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const chosen =
    format !== 'auto' ? format : extension === 'npy' || extension === 'json' ? extension : 'csv';

  if (chosen === 'npy') return readNpy(bytes, fileName, noun);
  const text = new TextDecoder().decode(bytes);
  return chosen === 'json' ? readJsonRows(text, fileName, noun) : readCsv(text, fileName, noun);
}

/** Which pair and which of its two sentences row `row` of a file holds, in words. */
export function rowPlace(row: number, pairs: number, layout: VectorsLayout): string {
  const second = layout === 'interleaved' ? row % 2 === 1 : row >= pairs;
  const pair = layout === 'interleaved' ? Math.floor(row / 2) : row % pairs;
  return `the ${second ? 'second' : 'first'} sentence of pair ${pair}`;
}

/**
 * Splits a table of 2n rows into the vectors of n pairs. Layout 'interleaved': rows 2i and
 * 2i + 1 are the two sentences of pair i; 'halves': rows 0..n−1 are the first sentences and
 * rows n..2n−1 the second ones. Checks the row count and that every number is finite, also
 * once rounded to float32, the precision of vector-pairs.
 */
export function tableToPairs(
  table: NumberTable,
  pairs: number,
  layout: VectorsLayout,
  fileName: string
): VectorPairs {
  const { rows, columns, values } = table;
  if (rows !== 2 * pairs) {
    throw fileError(
      fileName,
      `holds ${rows} rows, but the ${pairs} pairs on input "pairs" need ${2 * pairs}, one per ` +
        `sentence (layout "${layout}"). Check that the file was made for these pairs.`
    );
  }
  if (pairs > 0 && columns === 0) {
    throw fileError(fileName, 'holds rows with no numbers; each row must be one vector.');
  }

  const vector = (row: number): Float32Array => {
    const out = Float32Array.from(values.subarray(row * columns, (row + 1) * columns));
    const bad = out.findIndex((x) => !Number.isFinite(x));
    if (bad >= 0) {
      const found = values[row * columns + bad];
      const why = Number.isFinite(found) ? `${found}, beyond the float32 range,` : `${found}`;
      throw fileError(
        fileName,
        `row ${row} (${rowPlace(row, pairs, layout)}) holds ${why} at column ${bad}; vectors ` +
          'must hold finite numbers.'
      );
    }
    return out;
  };

  const firstRow = (i: number) => (layout === 'interleaved' ? 2 * i : i);
  const secondRow = (i: number) => (layout === 'interleaved' ? 2 * i + 1 : pairs + i);
  return {
    dim: columns,
    first: Array.from({ length: pairs }, (_, i) => vector(firstRow(i))),
    second: Array.from({ length: pairs }, (_, i) => vector(secondRow(i)))
  };
}

/** Reads the file, turning a failure of the host into an error on the `file` param. */
export async function readFile(fileName: string, files: ByteSource): Promise<Uint8Array> {
  try {
    return await files.read(fileName);
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw fileError(
      fileName,
      `could not be read (${(error as Error)?.message ?? String(error)}). Check the path.`
    );
  }
}

/**
 * Node `embed/vectors-file`: sentence vectors computed elsewhere (all-MiniLM-L6-v2 in Python,
 * say), read from a CSV, JSON or NumPy .npy file named in the `file` param and aligned to the
 * input pairs, which give only the count. Values become float32, as every vector-pairs value.
 */
export const vectorsFileNode: NodeType = {
  type: 'embed/vectors-file',
  version: 1,
  title: 'Vectors from file',
  category: 'embed',
  description:
    'Reads precomputed sentence vectors (CSV, JSON or NumPy .npy, one vector per row) and ' +
    'aligns them to the sentence pairs, two rows per pair.',
  inputs: { pairs: { type: 'sentence-pairs', label: 'sentence pairs' } },
  outputs: { vectors: { type: 'vector-pairs', label: 'vectors' } },
  params: {
    file: {
      kind: 'file',
      default: '',
      accept: '.csv,.txt,.json,.npy',
      help: 'File of vectors, one per row: CSV or text, JSON rows, or .npy (float32/float64).'
    },
    format: {
      kind: 'enum',
      default: 'auto',
      options: FORMATS,
      help: 'File format; "auto" goes by the extension (.npy, .json, anything else is CSV).'
    },
    layout: {
      kind: 'enum',
      default: 'interleaved',
      options: LAYOUTS,
      help: 'Rows 2i and 2i+1 are pair i ("interleaved"), or first halves then second halves.'
    }
  },

  async run(inputs, params, context) {
    const format = readEnumParam(params, 'format', FORMATS, 'auto');
    const layout = readEnumParam(params, 'layout', LAYOUTS, 'interleaved');
    const fileName = params.file;
    if (typeof fileName !== 'string' || fileName.trim() === '') {
      throw new NodeInputError(
        'Param "file" names no file; choose a .csv, .json or .npy file of sentence vectors.',
        'file'
      );
    }
    const pairs = pairCount(inputs.pairs, 'pairs', 'sentences');

    const bytes = await readFile(fileName, context.files);
    throwIfAborted(context.signal);
    const table = readVectorsTable(bytes, fileName, format);
    const vectors = tableToPairs(table, pairs, layout, fileName);

    context.progress(1);
    return { vectors };
  }
};

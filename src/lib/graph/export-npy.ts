import { zipSync } from 'fflate';
import type { Diagram, DiagramPairs } from './values';

/**
 * A NumPy .npy file (format version 1.0) holding a little-endian float64 array of the given
 * shape, C order. NumPy, and every Python TDA library, reads it with `numpy.load`.
 */
export function npyFloat64(values: Float64Array, shape: number[]): Uint8Array {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': ${shapeText}, }`;
  // The magic (6), version (2) and length (2) bytes plus the header end on a multiple of 64.
  const padding = 64 - ((10 + header.length + 1) % 64);
  header = `${header}${' '.repeat(padding % 64)}\n`;

  const out = new Uint8Array(10 + header.length + values.length * 8);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  const body = new DataView(out.buffer, 10 + header.length);
  values.forEach((v, i) => body.setFloat64(i * 8, v, true));
  return out;
}

/** A diagram as an (n, 3) array of rows [birth, death, dimension]; deaths never reached are inf. */
export function diagramNpy(diagram: Diagram): Uint8Array {
  const n = diagram.birth.length;
  const rows = new Float64Array(n * 3);
  for (let k = 0; k < n; k++) {
    rows[3 * k] = diagram.birth[k];
    rows[3 * k + 1] = diagram.death[k];
    rows[3 * k + 2] = diagram.dimension[k];
  }
  return npyFloat64(rows, [n, 3]);
}

/**
 * Every diagram of a pair list in one NumPy .npz archive: `first_<i>` and `second_<i>`, each an
 * (n, 3) [birth, death, dimension] array. `numpy.load(path)['first_0']` reads one.
 */
export function diagramPairsNpz(pairs: DiagramPairs): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  pairs.first.forEach((d, i) => (files[`first_${i}.npy`] = diagramNpy(d)));
  pairs.second.forEach((d, i) => (files[`second_${i}.npy`] = diagramNpy(d)));
  return zipSync(files, { level: 0 });
}

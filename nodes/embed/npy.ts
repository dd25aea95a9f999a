import { fileError, type NumberTable, type RowNoun } from './number-table';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/**
 * Reads a NumPy .npy file (format versions 1, 2 and 3, as np.save writes them) holding a 2-D
 * array of little-endian float32 (`<f4`) or float64 (`<f8`) in C order: one row per vector
 * (or point; `noun` names a row in messages).
 * The layout is NumPy's own specification: the magic bytes, a version, a header length (2 bytes
 * in version 1, 4 after), a header that is a Python dict literal with `descr`,
 * `fortran_order` and `shape`, then the raw data. Other dtypes, byte orders, Fortran order and
 * shapes of other ranks are refused with a message that says how to save the file instead.
 */
export function readNpy(
  bytes: Uint8Array,
  fileName: string,
  noun: RowNoun = 'vector'
): NumberTable {
  if (bytes.length < 10 || MAGIC.some((b, k) => bytes[k] !== b)) {
    throw fileError(fileName, 'is not a NumPy .npy file (it does not start with "\\x93NUMPY").');
  }

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6];
  if (major < 1 || major > 3) {
    throw fileError(fileName, `uses .npy format version ${major}; versions 1 to 3 are read.`);
  }
  const headerStart = major === 1 ? 10 : 12;
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataStart = headerStart + headerLength;
  if (dataStart > bytes.length) throw fileError(fileName, 'ends inside its .npy header.');
  const header = new TextDecoder().decode(bytes.subarray(headerStart, dataStart));

  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw fileError(fileName, `has a .npy header that cannot be read: ${header.trim()}`);
  }

  const itemSize = descr === '<f4' ? 4 : descr === '<f8' ? 8 : 0;
  if (itemSize === 0) {
    throw fileError(
      fileName,
      `holds dtype '${descr}'; ${noun}s must be little-endian float32 ('<f4') or float64 ` +
        `('<f8'). Save them with np.save(name, ${noun}s.astype('<f4')).`
    );
  }
  if (fortran === 'True') {
    throw fileError(
      fileName,
      'is stored in Fortran (column-major) order; save it in C order with ' +
        `np.save(name, np.ascontiguousarray(${noun}s)).`
    );
  }

  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);
  if (shape.length !== 2) {
    throw fileError(
      fileName,
      `holds an array of shape (${shape.join(', ')}); expected 2 dimensions, (${noun}s, ` +
        `components), one ${noun} per row.`
    );
  }

  const [rows, columns] = shape;
  const count = rows * columns;
  if (dataStart + count * itemSize > bytes.length) {
    throw fileError(
      fileName,
      `is truncated: its header announces ${rows} × ${columns} numbers of ${itemSize} bytes, ` +
        `but only ${bytes.length - dataStart} bytes of data follow.`
    );
  }

  const values = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const at = dataStart + k * itemSize;
    values[k] = itemSize === 4 ? view.getFloat32(at, true) : view.getFloat64(at, true);
  }
  return { rows, columns, values };
}

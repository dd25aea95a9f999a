import { NodeInputError } from '../../src/lib/graph/node-type';

/** A table of numbers read from a file: `rows` rows of `columns` numbers each, row-major. */
export interface NumberTable {
  rows: number;
  columns: number;
  values: Float64Array;
}

/** What one row of a file is, for error messages: a sentence vector or a point of a cloud. */
export type RowNoun = 'vector' | 'point';

/** An error about the file named in the `file` param, with the file name in front. */
export function fileError(fileName: string, message: string): NodeInputError {
  return new NodeInputError(`${fileName}: ${message}`, 'file');
}

/**
 * Reads one number as NumPy and Python write them: decimal or exponent notation, and `nan`,
 * `inf`, `-inf`, `Infinity` in any case. Returns undefined for text that is not a number.
 */
export function parseNumber(text: string): number | undefined {
  const token = text.trim();
  if (/^[+-]?(inf|infinity)$/i.test(token)) return token.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(token)) return NaN;
  if (token === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(token)) return undefined;
  return Number(token);
}

/**
 * Reads CSV text: one row per line, numbers separated by commas, or by spaces or tabs when the
 * first row has no comma (NumPy's savetxt default). Blank lines and lines starting with `#`
 * (savetxt's header) are skipped, and so is a first row made only of names. Every row must
 * have as many numbers as the first. Errors give the row (0-based) and the line (1-based).
 */
export function readCsv(text: string, fileName: string, noun: RowNoun = 'vector'): NumberTable {
  const lines = text.split(/\r?\n/);
  const values: number[] = [];
  let columns = -1;
  let rows = 0;
  let split: (line: string) => string[] = (line) => line.split(',');

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    if (columns < 0 && !line.includes(',')) split = (row) => row.trim().split(/\s+/);

    const fields = split(line);
    const numbers = fields.map(parseNumber);
    if (columns < 0 && rows === 0 && numbers.every((x) => x === undefined)) continue;

    const bad = numbers.indexOf(undefined);
    if (bad >= 0) {
      const shown = JSON.stringify(fields[bad].trim().slice(0, 30));
      throw fileError(
        fileName,
        `row ${rows} (line ${i + 1}), column ${bad} holds ${shown}, which is not a number.`
      );
    }
    if (columns >= 0 && numbers.length !== columns) {
      throw fileError(
        fileName,
        `row ${rows} (line ${i + 1}) has ${numbers.length} numbers, but the rows before it have ` +
          `${columns}. Every row must be one ${noun} of the same length.`
      );
    }

    columns = numbers.length;
    rows++;
    for (const x of numbers) values.push(x as number);
  }

  return { rows, columns: Math.max(columns, 0), values: Float64Array.from(values) };
}

/**
 * Reads JSON text holding an array of rows, each an array of numbers of the same length.
 * Python's json module writes NaN and Infinity as bare words, which are not JSON; such a file
 * is rejected with a message that says so.
 */
export function readJsonRows(
  text: string,
  fileName: string,
  noun: RowNoun = 'vector'
): NumberTable {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const nonFinite = /\b(NaN|-?Infinity)\b/.exec(text);
    const line = nonFinite ? text.slice(0, nonFinite.index).split('\n').length : 0;
    throw fileError(
      fileName,
      nonFinite
        ? `holds NaN or Infinity (${nonFinite[1]} on line ${line}), which JSON cannot carry ` +
            `and ${noun}s must not hold. Replace them with finite numbers.`
        : `is not valid JSON (${(error as Error).message}).`
    );
  }
  if (!Array.isArray(data)) {
    throw fileError(fileName, `must hold a JSON array of rows, one array of numbers per ${noun}.`);
  }

  const columns = Array.isArray(data[0]) ? data[0].length : 0;
  const values = new Float64Array(data.length * columns);
  data.forEach((row: unknown, r) => {
    if (!Array.isArray(row) || row.length !== columns) {
      const found = Array.isArray(row) ? `${row.length} numbers` : `a ${typeof row}`;
      throw fileError(fileName, `row ${r} holds ${found}, but row 0 holds ${columns} numbers.`);
    }
    row.forEach((x: unknown, c) => {
      if (typeof x !== 'number') {
        throw fileError(
          fileName,
          `row ${r}, column ${c} holds ${JSON.stringify(x)}, not a number.`
        );
      }
      values[r * columns + c] = x;
    });
  });

  return { rows: data.length, columns, values };
}

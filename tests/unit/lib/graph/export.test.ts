import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { correlationCsv, matrixCsv, numbersCsv } from '../../../../src/lib/graph/export-csv';
import { diagramNpy, diagramPairsNpz } from '../../../../src/lib/graph/export-npy';
import { diagramRows, toJsonValue } from '../../../../src/lib/graph/export-value';
import type { Diagram } from '../../../../src/lib/graph/values';

const diagram: Diagram = {
  dimension: Int32Array.of(0, 0, 1),
  birth: Float64Array.of(0, 0, 0.25),
  death: Float64Array.of(0.5, Infinity, 0.75)
};
const empty: Diagram = {
  dimension: new Int32Array(),
  birth: new Float64Array(),
  death: new Float64Array()
};

describe('exports', () => {
  it('writes a diagram as the same .npy bytes numpy.save writes', () => {
    expect(diagramNpy(diagram)).toEqual(
      new Uint8Array(readFileSync('tests/fixtures/graph/diagram.npy'))
    );
    expect(diagramNpy(empty)).toEqual(
      new Uint8Array(readFileSync('tests/fixtures/graph/empty.npy'))
    );
  });

  it('packs every diagram of a pair list into one .npz that numpy.load reads by name', () => {
    const members = unzipSync(diagramPairsNpz({ first: [diagram], second: [empty] }));
    const expected = readFileSync('tests/fixtures/graph/expected-npz.txt', 'utf-8')
      .trim()
      .split('\n');
    expect(Object.keys(members).sort()).toEqual(expected);
    expect(members['first_0.npy']).toEqual(
      new Uint8Array(readFileSync('tests/fixtures/graph/diagram.npy'))
    );
  });

  it('writes diagrams to JSON as [dimension, birth, death] rows with null for infinity', () => {
    expect(diagramRows(diagram)).toEqual([
      [0, 0, 0.5],
      [0, 0, null],
      [1, 0.25, 0.75]
    ]);
    expect(toJsonValue({ first: [diagram], second: [] })).toEqual({
      first: [diagramRows(diagram)],
      second: []
    });
  });

  it('writes numbers and correlations as CSV', () => {
    expect(numbersCsv(Float64Array.of(1.5, NaN))).toBe('index,value\n0,1.5\n1,\n');
    const csv = correlationCsv({
      pearson: -0.5,
      spearman: -0.25,
      count: 9,
      pearsonInterval: [-0.8, -0.1]
    });
    expect(csv.split('\n')[1]).toBe('pearson,-0.5,-0.8,-0.1');
  });

  it('writes a distance matrix as labelled CSV rows', () => {
    const m = { size: 2, values: Float64Array.of(0, 1.5, 1.5, 0), labels: ['first 0', 'first 1'] };
    expect(matrixCsv(m)).toBe(',first 0,first 1\nfirst 0,0,1.5\nfirst 1,1.5,0\n');
  });
});

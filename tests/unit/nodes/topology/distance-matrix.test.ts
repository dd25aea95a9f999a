import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagram, DiagramPairs, Matrix } from '../../../../src/lib/graph/values';
import { distanceMatrixNode } from '../../../../nodes/topology/distance-matrix';
import { fakeContext } from './fake-context';

interface FixtureDiagram {
  dimension: number[];
  birth: number[];
  death: (number | null)[];
}
interface FixtureMatrix {
  distance: string;
  order: number;
  ground: string;
  dimension: string;
  values: number[][];
}

const fixture: { first: FixtureDiagram[]; second: FixtureDiagram[]; matrices: FixtureMatrix[] } =
  JSON.parse(
    readFileSync(
      new URL('../../../fixtures/topology/distance-matrix.json', import.meta.url),
      'utf8'
    )
  );
const diagramOf = (d: FixtureDiagram): Diagram => ({
  dimension: Int32Array.from(d.dimension),
  birth: Float64Array.from(d.birth),
  death: Float64Array.from(d.death, (x) => x ?? Infinity)
});
const diagrams: DiagramPairs = {
  first: fixture.first.map(diagramOf),
  second: fixture.second.map(diagramOf)
};

async function matrixOf(input: DiagramPairs, params: Record<string, string | number>) {
  const { matrix } = (await distanceMatrixNode.run({ diagrams: input }, params, fakeContext())) as {
    matrix: Matrix;
  };
  return matrix;
}

describe('distanceMatrixNode', () => {
  it.each(
    fixture.matrices.map((m) => [`${m.distance} p=${m.order} ${m.ground} ${m.dimension}`, m])
  )('gives GUDHI’s distance between every two of five diagrams for %s', async (_, m) => {
    const { distance, order, ground, dimension } = m;

    const matrix = await matrixOf(diagrams, { distance, order, ground, dimension });

    expect(matrix.size).toBe(5);
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 5; j++) {
        const gap = Math.abs(matrix.values[i * 5 + j] - m.values[i][j]);
        expect(gap, `row ${i}, column ${j}`).toBeLessThanOrEqual(
          1e-9 * Math.max(1, m.values[i][j])
        );
      }
    }
  });

  it('labels rows first ++ second and is symmetric with a zero diagonal', async () => {
    const matrix = await matrixOf(diagrams, {});

    expect(matrix.labels).toEqual(['first 0', 'first 1', 'first 2', 'second 0', 'second 1']);
    for (let i = 0; i < 5; i++) {
      expect(matrix.values[i * 5 + i]).toBe(0);
      for (let j = 0; j < i; j++) expect(matrix.values[i * 5 + j]).toBe(matrix.values[j * 5 + i]);
    }
  });

  it('takes an unpaired collection (second empty)', async () => {
    const matrix = await matrixOf({ first: diagrams.first, second: [] }, {});

    expect(matrix.size).toBe(3);
    expect(matrix.labels).toEqual(['first 0', 'first 1', 'first 2']);
    const expected = fixture.matrices[0].values;
    expect(matrix.values[1]).toBeCloseTo(expected[0][1], 9);
  });

  it('gives an empty matrix for no diagrams and a 1 × 1 zero for one', async () => {
    expect((await matrixOf({ first: [], second: [] }, {})).size).toBe(0);
    expect(
      Array.from((await matrixOf({ first: [diagrams.first[0]], second: [] }, {})).values)
    ).toEqual([0]);
  });

  it('refuses the L2 ground metric for the bottleneck distance, naming the param', async () => {
    const run = matrixOf(diagrams, { distance: 'bottleneck', ground: 'l2' });

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'ground' });
    await expect(run).rejects.toThrow(/L∞ ground metric only; found "l2"/);
  });

  it('names the diagram with a point that dies before it is born', async () => {
    const bad: Diagram = {
      dimension: Int32Array.of(0),
      birth: Float64Array.of(1),
      death: Float64Array.of(0.5)
    };

    const run = matrixOf({ first: diagrams.first, second: [bad] }, {});

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'diagrams' });
    await expect(run).rejects.toThrow(/point 0 of diagram "second 0" is \(1, 0.5\)/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagram, DiagramPairs } from '../../../../src/lib/graph/values';
import {
  bottleneckDistance,
  bottleneckNode,
  bottleneckOfDimension
} from '../../../../nodes/topology/bottleneck';
import { hasPerfectMatching } from '../../../../nodes/topology/perfect-matching';
import { ripsPersistence } from '../../../../nodes/topology/persistence';
import { fakeContext } from './fake-context';

interface FixtureDiagram {
  dimension: number[];
  birth: number[];
  death: (number | null)[];
}
interface Result {
  dimension: string;
  distance: number | null;
}
interface BottleneckCase {
  name: string;
  a: FixtureDiagram;
  b: FixtureDiagram;
  results: Result[];
  clouds?: number[][];
}

const fixture: { cases: BottleneckCase[] } = JSON.parse(
  readFileSync(new URL('../../../fixtures/topology/bottleneck.json', import.meta.url), 'utf8')
);
const diagramOf = (d: FixtureDiagram): Diagram => ({
  dimension: Int32Array.from(d.dimension),
  birth: Float64Array.from(d.birth),
  death: Float64Array.from(d.death, (x) => x ?? Infinity)
});
const dimensionOf = (r: Result) => (r.dimension === 'all' ? ('all' as const) : Number(r.dimension));
const named = (name: string) => fixture.cases.find((c) => c.name === name)!;
const expectClose = (actual: number, expected: number | null, message?: string) => {
  if (expected === null) expect(actual, message).toBe(Infinity);
  else
    expect(Math.abs(actual - expected), message).toBeLessThanOrEqual(1e-12 * Math.max(1, expected));
};

describe('hasPerfectMatching', () => {
  it('finds a perfect matching that needs an augmenting path through a matched row', () => {
    // Rows 0 and 1 both like column 0; only row 1 may also take column 1.
    const graph = { size: 2, start: Int32Array.of(0, 1, 3), columns: Int32Array.of(0, 0, 1) };

    expect(hasPerfectMatching(graph)).toBe(true);
  });

  it('reports none when two rows share their only column', () => {
    const graph = { size: 2, start: Int32Array.of(0, 1, 2), columns: Int32Array.of(0, 0) };

    expect(hasPerfectMatching(graph)).toBe(false);
  });
});

describe('bottleneckDistance', () => {
  it.each(fixture.cases.map((c) => [c.name, c]))('matches GUDHI (e = 0) for %s', (_, c) => {
    const a = diagramOf(c.a);
    const b = diagramOf(c.b);

    for (const r of c.results) {
      expectClose(bottleneckDistance(a, b, dimensionOf(r)), r.distance, `dimension ${r.dimension}`);
    }
  });

  const endToEnd =
    'matches GUDHI end to end from point clouds through our persistence (dimensions 0–2)';
  it(endToEnd, () => {
    for (const c of fixture.cases.filter((c) => c.clouds)) {
      const [a, b] = c.clouds!.map((points) =>
        ripsPersistence(
          { dim: 3, count: points.length / 3, points: Float64Array.from(points) },
          { maxDimension: 2, threshold: Infinity }
        )
      );

      for (const r of c.results) {
        expectClose(
          bottleneckDistance(a, b, dimensionOf(r)),
          r.distance,
          `${c.name}, ${r.dimension}`
        );
      }
    }
  });

  it('sends both points to the diagonal when that is cheaper than matching them', () => {
    const c = named('one point each (direct match or both to the diagonal)');

    expect(bottleneckOfDimension(diagramOf(c.a), diagramOf(c.b), 0)).toBe(1.5);
  });

  it('is infinite when the essential points of a dimension differ in number', () => {
    const c = named('essential points in H1, different counts');

    expect(bottleneckOfDimension(diagramOf(c.a), diagramOf(c.b), 1)).toBe(Infinity);
    expect(bottleneckDistance(diagramOf(c.a), diagramOf(c.b), 'all')).toBe(Infinity);
  });

  it('is symmetric and zero between a diagram and itself', () => {
    const c = named('larger random diagrams');
    const a = diagramOf(c.a);
    const b = diagramOf(c.b);

    expect(bottleneckDistance(a, b, 'all')).toBe(bottleneckDistance(b, a, 'all'));
    expect(bottleneckDistance(a, a, 'all')).toBe(0);
  });
});

describe('bottleneckNode', () => {
  const c = named('small random diagrams');
  const diagrams: DiagramPairs = {
    first: [diagramOf(c.a), diagramOf(c.b)],
    second: [diagramOf(c.b), diagramOf(c.b)]
  };
  const resultFor = (dimension: string) => c.results.find((r) => r.dimension === dimension)!;

  it('refuses diagrams that are not paired, with the counts and what to connect', async () => {
    const unpaired = { first: [diagrams.first[0]], second: [] };

    const run = bottleneckNode.run({ diagrams: unpaired }, {}, fakeContext());

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'diagrams' });
    await expect(run).rejects.toThrow(
      /not paired: 1 in first, 0 in second\. Connect .*topology\/distance-matrix/
    );
  });

  it('gives one distance per pair over all dimensions by default', async () => {
    const context = fakeContext();

    const { distances } = (await bottleneckNode.run({ diagrams }, {}, context)) as {
      distances: Float64Array;
    };

    expect(distances).toBeInstanceOf(Float64Array);
    expectClose(distances[0], resultFor('all').distance);
    expect(distances[1]).toBe(0);
    expect(context.fractions.at(-1)).toBe(1);
  });

  it('reads the dimension param', async () => {
    const { distances } = (await bottleneckNode.run(
      { diagrams },
      { dimension: '0' },
      fakeContext()
    )) as { distances: Float64Array };

    expectClose(distances[0], resultFor('0').distance);
  });

  it('rejects a point that dies before it is born, naming the socket and the pair', async () => {
    const bad: Diagram = {
      dimension: Int32Array.of(1),
      birth: Float64Array.of(0.5),
      death: Float64Array.of(0.2)
    };
    const pairs = { first: [diagramOf(c.a), bad], second: [diagramOf(c.b), bad] };

    const run = bottleneckNode.run({ diagrams: pairs }, {}, fakeContext());

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'diagrams' });
    await expect(run).rejects.toThrow(/point 0 of the first diagram of pair 1/);
  });

  it('rejects an unknown dimension, naming the param', async () => {
    const run = bottleneckNode.run({ diagrams }, { dimension: '3' }, fakeContext());

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'dimension' });
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagram, DiagramPairs } from '../../../../src/lib/graph/values';
import { solveAssignment } from '../../../../nodes/topology/matching';
import { ripsPersistence } from '../../../../nodes/topology/persistence';
import {
  wassersteinDistance,
  wassersteinNode,
  type Ground
} from '../../../../nodes/topology/wasserstein';
import { fakeContext } from './fake-context';

interface FixtureDiagram {
  dimension: number[];
  birth: number[];
  death: (number | null)[];
}
interface Result {
  order: number;
  ground: Ground;
  dimension: string;
  distance: number | null;
}
interface WassersteinCase {
  name: string;
  a: FixtureDiagram;
  b: FixtureDiagram;
  results: Result[];
  clouds?: number[][];
}
interface AssignmentCase {
  size: number;
  cost: number[];
  optimum: number;
}

const fixture: { cases: WassersteinCase[]; assignments: AssignmentCase[] } = JSON.parse(
  readFileSync(new URL('../../../fixtures/topology/wasserstein.json', import.meta.url), 'utf8')
);
const diagramOf = (d: FixtureDiagram): Diagram => ({
  dimension: Int32Array.from(d.dimension),
  birth: Float64Array.from(d.birth),
  death: Float64Array.from(d.death, (x) => x ?? Infinity)
});
const optionsOf = (r: Result) => ({
  order: r.order,
  ground: r.ground,
  dimension: r.dimension === 'all' ? ('all' as const) : Number(r.dimension)
});
const expectClose = (actual: number, expected: number | null, message?: string) => {
  if (expected === null) expect(actual, message).toBe(Infinity);
  else {
    const gap = Math.abs(actual - expected);
    expect(gap, message).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
  }
};
const label = (r: Result) => `p=${r.order} ${r.ground} dimension ${r.dimension}`;

describe('solveAssignment', () => {
  it.each(fixture.assignments.map((a) => [a.size, a]))(
    'finds the optimum of SciPy linear_sum_assignment on a %i×%i matrix',
    (_, a) => {
      const { cost, columnOf } = solveAssignment(Float64Array.from(a.cost), a.size);

      expectClose(cost, a.optimum);
      expect(new Set(columnOf).size).toBe(a.size);
    }
  );
});

describe('wassersteinDistance', () => {
  it.each(fixture.cases.map((c) => [c.name, c]))('matches GUDHI for %s', (_, c) => {
    const a = diagramOf(c.a);
    const b = diagramOf(c.b);

    for (const r of c.results) {
      expectClose(wassersteinDistance(a, b, optionsOf(r)), r.distance, label(r));
    }
  });

  it('matches GUDHI end to end from point clouds through our persistence', () => {
    for (const c of fixture.cases.filter((c) => c.clouds)) {
      const [a, b] = c.clouds!.map((points) =>
        ripsPersistence(
          { dim: 3, count: points.length / 3, points: Float64Array.from(points) },
          { maxDimension: 1, threshold: Infinity }
        )
      );

      for (const r of c.results) {
        expectClose(wassersteinDistance(a, b, optionsOf(r)), r.distance, `${c.name}, ${label(r)}`);
      }
    }
  });

  it('is infinite when the essential points differ in number, whatever the order', () => {
    const c = fixture.cases.find((c) => c.name === 'essential points in H1, different counts')!;

    const distance = wassersteinDistance(diagramOf(c.a), diagramOf(c.b), {
      order: 1,
      ground: 'linf',
      dimension: 1
    });

    expect(distance).toBe(Infinity);
  });
});

describe('wassersteinNode', () => {
  const c = fixture.cases.find((c) => c.name === 'small random diagrams')!;
  const diagrams: DiagramPairs = {
    first: [diagramOf(c.a), diagramOf(c.b)],
    second: [diagramOf(c.b), diagramOf(c.b)]
  };

  it('gives one distance per pair with the defaults (p = 1, L∞, all dimensions)', async () => {
    const expected = c.results.find(
      (r) => r.order === 1 && r.ground === 'linf' && r.dimension === 'all'
    )!;

    const { distances } = (await wassersteinNode.run({ diagrams }, {}, fakeContext())) as {
      distances: Float64Array;
    };

    expect(distances).toBeInstanceOf(Float64Array);
    expect(distances).toHaveLength(2);
    expectClose(distances[0], expected.distance);
    expect(distances[1]).toBe(0);
  });

  it('reads the dimension and ground params', async () => {
    const expected = c.results.find(
      (r) => r.order === 2 && r.ground === 'l2' && r.dimension === '1'
    )!;

    const { distances } = (await wassersteinNode.run(
      { diagrams },
      { order: 2, ground: 'l2', dimension: '1' },
      fakeContext()
    )) as { distances: Float64Array };

    expectClose(distances[0], expected.distance);
  });

  it('refuses diagrams that are not paired, with the counts and what to connect', async () => {
    const unpaired = { first: [diagrams.first[0]], second: [] };

    const run = wassersteinNode.run({ diagrams: unpaired }, {}, fakeContext());

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'diagrams' });
    await expect(run).rejects.toThrow(
      /not paired: 1 in first, 0 in second\. Connect .*topology\/distance-matrix/
    );
  });

  it('rejects a point that dies before it is born, naming the socket', async () => {
    const bad: Diagram = {
      dimension: Int32Array.of(0, 1),
      birth: Float64Array.of(0, 0.5),
      death: Float64Array.of(1, 0.2)
    };

    const run = wassersteinNode.run(
      { diagrams: { first: [bad], second: [bad] } },
      {},
      fakeContext()
    );

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'diagrams' });
    await expect(run).rejects.toThrow(/point 1 of the first diagram of pair 0 is \(0.5, 0.2\)/);
  });

  it('rejects an order p below 1, naming the param and the value found', async () => {
    const run = wassersteinNode.run({ diagrams }, { order: 0.5 }, fakeContext());

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'order' });
    await expect(run).rejects.toThrow(/"order" must be between 1 and 50; found 0.5/);
  });

  it('compares dimension 2 alone when asked, from diagrams of our persistence', async () => {
    // The octahedron with vertices ±r on the axes has one void, born at r√2 (the surface) and
    // filled at 2r (the diagonals): the point (r√2, 2r) of dimension 2.
    const octahedron = (r: number): Diagram => {
      const axes = [1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1];
      const cloud = { dim: 3, count: 6, points: Float64Array.from(axes, (x) => x * r) };
      return ripsPersistence(cloud, { maxDimension: 2, threshold: Infinity });
    };
    const pairs = { first: [octahedron(1)], second: [octahedron(2)] };

    const { distances } = (await wassersteinNode.run(
      { diagrams: pairs },
      { dimension: '2' },
      fakeContext()
    )) as { distances: Float64Array };

    // (√2, 2) against (2√2, 4): moving one onto the other costs max(√2, 2) = 2 under L∞;
    // sending both to the diagonal costs (2 − √2)/2 + (4 − 2√2)/2, which is less.
    const viaDiagonal = (2 - Math.SQRT2) / 2 + (4 - 2 * Math.SQRT2) / 2;
    expectClose(distances[0], viaDiagonal);
  });

  it('rejects an unknown ground metric, naming the param', async () => {
    const run = wassersteinNode.run({ diagrams }, { ground: 'l1' }, fakeContext());

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'ground' });
  });
});

describe('large orders', () => {
  it('stay exact up to the largest order where raw powers of small costs would underflow', () => {
    // Two one-point diagrams 1e-8 apart in death: every order p gives exactly that gap, since
    // matching the points (cost 1e-8) beats sending both to the diagonal (5e-8 and 5.5e-8).
    // Raw, (1e-8)^50 = 1e-400 underflows to 0.
    const a = {
      dimension: Int32Array.of(1),
      birth: Float64Array.of(1e-7),
      death: Float64Array.of(2e-7)
    };
    const b = {
      dimension: Int32Array.of(1),
      birth: Float64Array.of(1e-7),
      death: Float64Array.of(2.1e-7)
    };
    for (const order of [1, 20, 50]) {
      const d = wassersteinDistance(a, b, { order, ground: 'linf', dimension: 'all' });
      expect(d / 1e-8).toBeCloseTo(1, 6);
    }
  });
});

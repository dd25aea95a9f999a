import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagram } from '../../../../src/lib/graph/values';
import { bottleneckOfDimension } from '../../../../nodes/topology/bottleneck';
import { splitPoints } from '../../../../nodes/topology/diagram-points';
import {
  hasOneBirth,
  lineBottleneck,
  lineWassersteinPower
} from '../../../../nodes/topology/line-matching';
import { wassersteinPower, type Ground } from '../../../../nodes/topology/wasserstein';
import { seededRandom } from '../analysis/seeded';

interface LineCase {
  name: string;
  a: [number, number][];
  b: [number, number][];
  wasserstein: { order: number; ground: Ground; distance: number }[];
  bottleneck: number;
}

const fixture: { cases: LineCase[] } = JSON.parse(
  readFileSync(new URL('../../../fixtures/topology/line-matching.json', import.meta.url), 'utf8')
);

/** A diagram of dimension 0 from [birth, death] rows. */
const diagramOf = (rows: [number, number][]): Diagram => ({
  dimension: new Int32Array(rows.length),
  birth: Float64Array.from(rows, (r) => r[0]),
  death: Float64Array.from(rows, (r) => r[1])
});

/** A random diagram of dimension 0 whose points are all born at `birth`. */
function randomLine(random: () => number, size: number, birth: number, ties: boolean): Diagram {
  const rows = Array.from({ length: size }, (): [number, number] => {
    const life = -Math.log(1 - random()) * 0.5;
    return [birth, birth + (ties ? Math.round(life * 4) / 4 : life)];
  });
  return diagramOf(rows);
}

const closeTo = (actual: number, expected: number, relative: number) =>
  Math.abs(actual - expected) <= relative * Math.max(1, Math.abs(expected));

describe('matching on a line against the assignment solver', () => {
  const random = seededRandom(2024);
  const orders = [1, 1.5, 2, 3.5];
  const grounds: Ground[] = ['linf', 'l2'];
  const cases = Array.from({ length: 300 }, (_, k) => {
    const sameBirth = k % 3 !== 2;
    const ties = k % 5 === 0;
    const a = randomLine(random, Math.floor(random() * 25), 0, ties);
    const b = randomLine(random, Math.floor(random() * 25), sameBirth ? 0 : random(), ties);
    return { a, b, order: orders[k % 4], ground: grounds[(k >> 2) % 2] };
  });

  it('equals the assignment on 300 random cases (ties, empty sides, two births)', () => {
    let worst = 0;
    for (const { a, b, order, ground } of cases) {
      const line = wassersteinPower(a, b, 0, order, ground, 'auto');
      const assignment = wassersteinPower(a, b, 0, order, ground, 'assignment');

      worst = Math.max(worst, Math.abs(line - assignment) / Math.max(1, assignment));
    }

    expect(worst).toBeLessThanOrEqual(1e-12);
  });

  it('gives the bottleneck of the perfect-matching search exactly, same cases', () => {
    for (const { a, b } of cases) {
      const line = bottleneckOfDimension(a, b, 0, 'auto');
      const matching = bottleneckOfDimension(a, b, 0, 'assignment');

      expect(line).toBe(matching);
    }
  });
});

describe('matching on a line against GUDHI', () => {
  it.each(fixture.cases.map((c) => [c.name, c]))(
    'matches every order and ground for %s',
    (_, c) => {
      const a = splitPoints(diagramOf(c.a), 0);
      const b = splitPoints(diagramOf(c.b), 0);
      expect(hasOneBirth(a) && hasOneBirth(b)).toBe(true);

      for (const r of c.wasserstein) {
        const distance = lineWassersteinPower(a, b, r.order, r.ground) ** (1 / r.order);
        const message = `p = ${r.order}, ${r.ground}: ${distance} against ${r.distance}`;
        expect(closeTo(distance, r.distance, 1e-9), message).toBe(true);
      }
    }
  );

  it.each(fixture.cases.map((c) => [c.name, c]))(
    'matches the bottleneck distance for %s',
    (_, c) => {
      const a = splitPoints(diagramOf(c.a), 0);
      const b = splitPoints(diagramOf(c.b), 0);

      expect(closeTo(lineBottleneck(a, b), c.bottleneck, 1e-12)).toBe(true);
    }
  );
});

describe('hasOneBirth', () => {
  it('holds for a part with one birth or no finite point, and not for two births', () => {
    expect(hasOneBirth({ birth: [0.5, 0.5], death: [1, 2], essential: [] })).toBe(true);
    expect(hasOneBirth({ birth: [], death: [], essential: [0] })).toBe(true);
    expect(hasOneBirth({ birth: [0, 0.1], death: [1, 2], essential: [] })).toBe(false);
  });
});

import { expect } from 'vitest';
import type { Diagram } from '../../../../src/lib/graph/values';

/** A fixture's diagram: per dimension, [birth, death] pairs with null for an infinite death. */
export type FixtureDiagram = Record<string, [number, number | null][]>;

/** The points of one dimension of a diagram, sorted by birth then death. */
export function pointsOf(diagram: Diagram, dimension: number): [number, number][] {
  const points: [number, number][] = [];
  for (let k = 0; k < diagram.dimension.length; k++) {
    if (diagram.dimension[k] === dimension) points.push([diagram.birth[k], diagram.death[k]]);
  }
  return points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/**
 * Asserts that a diagram equals a fixture's as a multiset, dimension by dimension: same counts,
 * and after sorting, each birth and death within `relative` of the fixture's (relative to the
 * largest finite value of the fixture, so that zero births compare sensibly).
 */
export function expectSameDiagram(actual: Diagram, expected: FixtureDiagram, relative = 1e-12) {
  for (const [key, pairs] of Object.entries(expected)) {
    const wanted = pairs
      .map(([b, d]): [number, number] => [b, d ?? Infinity])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const got = pointsOf(actual, Number(key));
    expect(got.length, `number of points in dimension ${key}`).toBe(wanted.length);

    const scale = Math.max(1e-300, ...wanted.flat().filter(Number.isFinite).map(Math.abs));
    for (let k = 0; k < wanted.length; k++) {
      for (const c of [0, 1]) {
        if (!Number.isFinite(wanted[k][c])) {
          expect(got[k][c], `dimension ${key}, point ${k}`).toBe(wanted[k][c]);
        } else {
          const gap = Math.abs(got[k][c] - wanted[k][c]);
          expect(gap, `dimension ${key}, point ${k}`).toBeLessThanOrEqual(relative * scale);
        }
      }
    }
  }
}

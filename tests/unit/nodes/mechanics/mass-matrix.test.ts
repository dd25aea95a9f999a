import { describe, expect, it } from 'vitest';
import { evaluateLagrangian } from '../../../../nodes/mechanics/evaluate';
import { pendulumLagrangian } from '../../../../nodes/mechanics/lagrangian';
import { smallestMass } from '../../../../nodes/mechanics/mass-matrix';
import { doublePendulumNode } from '../../../../nodes/mechanics/double-pendulum-node';
import type { Trajectories } from '../../../../src/lib/graph/values';
import { tfContext } from '../tf-context';

/** Bob positions at angles a (rod 1) and b (rod 2) from the downward vertical. */
function position(l1: number, l2: number, a: number, b: number): number[] {
  const x1 = l1 * Math.sin(a);
  const y1 = -l1 * Math.cos(a);
  return [x1, y1, x1 + l2 * Math.sin(b), y1 - l2 * Math.cos(b)];
}

describe('smallestMass', () => {
  // M = diag(m₁, m₁, m₂, m₂) on the 2-D space of velocities the rods allow. Turning rod 2 alone
  // moves only bob 2, so m₂ is always an eigenvalue; hanging straight down, turning rod 1
  // with rod 2 carried along and turning rod 2 alone give the eigenvalues m₁ and m₂ exactly.
  it('is min(m₁, m₂) hanging straight down, and m₂ anywhere when m₂ < m₁', () => {
    const heavyInner = pendulumLagrangian({ m1: 1.5, m2: 0.7, l1: 0.8, l2: 1.2, g: 9.81 });
    const heavyOuter = pendulumLagrangian({ m1: 0.5, m2: 2, l1: 0.8, l2: 1.2, g: 9.81 });
    const down = position(0.8, 1.2, 0, 0);
    const still = [0, 0, 0, 0];
    expect(smallestMass(heavyInner, down, still)).toBeCloseTo(0.7, 12);
    expect(smallestMass(heavyOuter, down, still)).toBeCloseTo(0.5, 12);
    for (const [a, b] of [
      [0.7, -1.1],
      [2.5, 0.3],
      [-1.2, 3]
    ]) {
      expect(smallestMass(heavyInner, position(0.8, 1.2, a, b), [0.3, -1, 2, 0.5])).toBeCloseTo(
        0.7,
        12
      );
    }
  });

  it('is 0 for a Lagrangian without kinetic energy, which the evaluation counts', async () => {
    const noKinetic = (x: ArrayLike<number>, directions: ArrayLike<number>[] = []) => ({
      value: -9.81 * x[1],
      gradient: Float64Array.of(0, -9.81, 0, 0, 0, 0, 0, 0),
      products: directions.map(() => new Float64Array(8))
    });
    expect(smallestMass(noKinetic, position(1, 1, 0.4, 0.9), [1, 0, 0, 1])).toBe(0);

    const out = await doublePendulumNode.run(
      {},
      { trajectories: 2, steps: 40, m1: 1.5, m2: 0.7 },
      await tfContext(3)
    );
    const data = out.trajectories as Trajectories;
    const exact = evaluateLagrangian(pendulumLagrangian(data), data, 0);
    expect(exact.indefiniteShare).toBe(0);
    expect(exact.smallestMass).toBeCloseTo(0.7, 10);
    const flat = evaluateLagrangian(noKinetic, data, 0);
    expect(flat.indefiniteShare).toBe(1);
    expect(flat.smallestMass).toBe(0);
  });
});

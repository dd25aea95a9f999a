import type { Lagrangian } from './lagrangian';

/**
 * The smallest eigenvalue of a Lagrangian's mass matrix ∂²L/∂v² on the rods' tangent space at
 * (q, v): Zᵀ(∂²L/∂v²)Z with Z an orthonormal basis of the velocities the rods allow. For the
 * exact pendulum it lies between the masses; a learned L fits only ∇L on the data, and where
 * this eigenvalue is ≤ 0 its dynamics have no meaning and the KKT matrix of the rollout is
 * singular or close to it. Z: turning rod 1 with rod 2 carried along, then turning rod 2.
 */
export function smallestMass(lagrangian: Lagrangian, q: ArrayLike<number>, v: ArrayLike<number>) {
  const first = normalise([-q[1], q[0], -q[1], q[0]]);
  const second = [0, 0, -(q[3] - q[1]), q[2] - q[0]];
  const along = second.reduce((s, value, i) => s + value * first[i], 0);
  const other = normalise(second.map((value, i) => value - along * first[i]));
  const x = [...Array.from(q).slice(0, 4), ...Array.from(v).slice(0, 4)];
  const asDirection = (z: number[]) => [0, 0, 0, 0, ...z];
  const [h1, h2] = lagrangian(x, [asDirection(first), asDirection(other)]).products;
  const dot = (z: number[], h: ArrayLike<number>) =>
    z.reduce((s, value, i) => s + value * h[4 + i], 0);
  const a = dot(first, h1);
  const d = dot(other, h2);
  const b = 0.5 * (dot(first, h2) + dot(other, h1));
  return 0.5 * (a + d) - Math.sqrt(0.25 * (a - d) ** 2 + b * b);
}

function normalise(z: number[]): number[] {
  const size = Math.hypot(...z);
  return z.map((value) => value / size);
}

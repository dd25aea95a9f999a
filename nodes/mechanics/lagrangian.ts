import type { PlainLayer } from '../../src/lib/graph/values';
import { secondOrder, type SecondOrder } from './network';
import type { PendulumSpec } from './pendulum';

/**
 * A Lagrangian L(x) at x = (q, v) ∈ R⁸ with its gradient and Hessian–vector products ∇²L d
 * for the directions asked for, so learned and exact Lagrangians plug into the same code.
 */
export type Lagrangian = (x: ArrayLike<number>, directions?: ArrayLike<number>[]) => SecondOrder;

/** A trained scalar network as a Lagrangian, evaluated in float64. */
export function networkLagrangian(layers: PlainLayer[]): Lagrangian {
  return (x, directions = []) => secondOrder(layers, x, directions);
}

/** The exact L = ½ vᵀMv − g(m₁y₁ + m₂y₂) of the Cartesian double pendulum. */
export function pendulumLagrangian(spec: PendulumSpec): Lagrangian {
  const mass = [spec.m1, spec.m1, spec.m2, spec.m2];
  return (x, directions = []) => {
    let value = -spec.g * (spec.m1 * x[1] + spec.m2 * x[3]);
    const gradient = Float64Array.of(0, -spec.m1 * spec.g, 0, -spec.m2 * spec.g, 0, 0, 0, 0);
    for (let j = 0; j < 4; j++) {
      value += 0.5 * mass[j] * x[4 + j] ** 2;
      gradient[4 + j] = mass[j] * x[4 + j];
    }
    const products = directions.map((d) =>
      Float64Array.from({ length: 8 }, (_, i) => (i < 4 ? 0 : mass[i - 4] * d[i]))
    );
    return { value, gradient, products };
  };
}

/** Energy v·∂L/∂v − L and momentum p = ∂L/∂v of a Lagrangian at x = (q, v). */
export function energyAndMomentum(lagrangian: Lagrangian, x: ArrayLike<number>) {
  const { value, gradient } = lagrangian(x);
  const momentum = gradient.slice(4, 8);
  let energy = -value;
  for (let j = 0; j < 4; j++) energy += x[4 + j] * momentum[j];
  return { value, energy, momentum };
}

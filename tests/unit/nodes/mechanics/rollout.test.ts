import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pendulumLagrangian, networkLagrangian } from '../../../../nodes/mechanics/lagrangian';
import {
  multipliers,
  stateFromAngles,
  type PendulumSpec
} from '../../../../nodes/mechanics/pendulum';
import { constrainedAcceleration, rollout } from '../../../../nodes/mechanics/rollout';

interface Case extends PendulumSpec {
  angles: number[];
  samples: { t: number; q: number[] }[];
}
/** SciPy's solution of the angle equations (make_double_pendulum.py beside the fixture). */
const cases: Case[] = JSON.parse(
  readFileSync(new URL('../../../fixtures/mechanics/double-pendulum.json', import.meta.url), 'utf8')
).cases;

describe('rollout of a Lagrangian with the rod constraints', () => {
  it('the exact Lagrangian through the KKT solve gives the multipliers of the index-1 form', () => {
    const c = cases[1];
    const y = stateFromAngles(c, c.angles);
    const q = y.subarray(0, 4);
    const v = y.subarray(4, 8);
    const a = constrainedAcceleration(pendulumLagrangian(c))(q, v);
    const lambda = multipliers(c, q, v);
    // M a = ∂L/∂q + Gᵀλ, here for the x₂ component: m₂ a = λ₂ · 2(x₂ − x₁).
    expect(c.m2 * a[2]).toBeCloseTo(lambda[1] * 2 * (q[2] - q[0]), 10);
  });

  it('reproduces SciPy’s motion from the exact Lagrangian (RK4 + projection, Δt = 0.01 s)', async () => {
    // Measured 4e-7, 1.1e-5 and 1.4e-7 m over 3 s (the second case is the fast one, θ₁ = 2
    // rad); the generator's order-4 Gauss–Legendre method gives 4e-8, 5e-7 and 2e-8 m.
    for (const c of cases) {
      const { path } = await rollout(
        constrainedAcceleration(pendulumLagrangian(c)),
        stateFromAngles(c, c.angles),
        {
          dt: 0.01,
          steps: 300,
          rods: c
        }
      );
      for (const s of c.samples) {
        const k = Math.round(s.t / 0.01);
        s.q.forEach((value, j) => expect(Math.abs(path[8 * k + j] - value)).toBeLessThan(2e-5));
      }
    }
  });

  it('ends the path with the time when the learned mass matrix is singular', async () => {
    // A network whose L does not depend on v has H_vv = 0.
    const flat = networkLagrangian([
      { inputs: 8, outputs: 1, weights: [0, 1, 0, 1, 0, 0, 0, 0], bias: [0] }
    ]);
    const c = cases[0];
    const run = () =>
      rollout(constrainedAcceleration(flat), stateFromAngles(c, c.angles), {
        dt: 0.01,
        steps: 5,
        rods: c
      });
    const { path, failure } = await run();
    expect(failure).toMatch(/failed at t = 0.010 s \(step 1\): the KKT matrix is singular/);
    expect(path.slice(0, 8).every(Number.isFinite)).toBe(true);
    expect(path.slice(8).every(Number.isNaN)).toBe(true);
  });
});

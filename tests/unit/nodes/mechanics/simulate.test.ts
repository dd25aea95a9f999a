import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GAUSS_LEGENDRE, type Tableau } from '../../../../nodes/mechanics/gauss-legendre';
import { constraints, energy, stateFromAngles } from '../../../../nodes/mechanics/pendulum';
import { simulate } from '../../../../nodes/mechanics/simulate';
import { NodeInputError } from '../../../../src/lib/graph/node-type';

interface Case {
  m1: number;
  m2: number;
  l1: number;
  l2: number;
  g: number;
  angles: number[];
  energy: number;
  samples: { t: number; q: number[]; lambda: number[] }[];
}
const fixture: { cases: Case[] } = JSON.parse(
  readFileSync(new URL('../../../fixtures/mechanics/double-pendulum.json', import.meta.url), 'utf8')
);
const T = 3;

/** Largest position, multiplier and energy errors against SciPy over the fixture's times. */
async function errors(c: Case, dt: number, tableau: Tableau) {
  const steps = Math.round(T / dt);
  const run = await simulate(c, [stateFromAngles(c, c.angles)], { dt, steps, tableau });
  let q = 0;
  let lambda = 0;
  let e = 0;
  for (const s of c.samples) {
    const k = Math.round(s.t / dt);
    s.q.forEach((v, j) => (q = Math.max(q, Math.abs(run.q[4 * k + j] - v))));
    s.lambda.forEach((v, j) => (lambda = Math.max(lambda, Math.abs(run.lambda[2 * k + j] - v))));
  }
  for (let k = 0; k <= steps; k++) {
    const state = (a: Float64Array) => a.subarray(4 * k, 4 * k + 4);
    e = Math.max(e, Math.abs(energy(c, state(run.q), state(run.v)) - c.energy));
  }
  return { q, lambda, e, run };
}

describe('simulate (Gauss–Legendre with projection)', () => {
  // Measured: position errors 4e-8, 5e-7 and 2e-8 m at Δt = 0.01 over 3 s, the second case
  // being the fast one (θ₁ = 2 rad). 2e-6 m leaves a factor 4 for other platforms' rounding and
  // is still 30 times below the Δt = 0.02 errors, so a lost order would fail.
  it('matches the SciPy angle solution at Δt = 0.01 s with 2 stages (order 4)', async () => {
    for (const c of fixture.cases) {
      const { q, lambda, e } = await errors(c, 0.01, GAUSS_LEGENDRE[2]);
      expect(q).toBeLessThan(2e-6);
      // λ is a second derivative of q, so it carries the error times |ω|² ≈ 25: measured
      // 1.2e-5.
      expect(lambda).toBeLessThan(5e-5);
      // Measured energy errors up to 9.5e-6 J on a total of about 20 J.
      expect(e).toBeLessThan(4e-5);
    }
  });

  it('matches to 1e-8 m at Δt = 0.01 s with 3 stages (order 6)', async () => {
    // Measured 3e-12, 2e-10 and 6e-13 m; SciPy itself is good to about 1e-11 here.
    for (const c of fixture.cases) {
      expect((await errors(c, 0.01, GAUSS_LEGENDRE[3])).q).toBeLessThan(1e-8);
    }
  });

  it('shows the order of each method when Δt is halved', async () => {
    // Error ratio ≈ 2^order: 16 for 2 stages, 64 for 3 (measured 15.9–16.8 and 22–63; the
    // slow cases of order 6 already touch SciPy's own error at Δt = 0.01, so use the fast one).
    for (const c of fixture.cases) {
      const coarse = await errors(c, 0.02, GAUSS_LEGENDRE[2]);
      const ratio = coarse.q / (await errors(c, 0.01, GAUSS_LEGENDRE[2])).q;
      expect(ratio).toBeGreaterThan(12);
      expect(ratio).toBeLessThan(22);
    }
    const fast = fixture.cases[1];
    const coarse6 = await errors(fast, 0.02, GAUSS_LEGENDRE[3]);
    const ratio6 = coarse6.q / (await errors(fast, 0.01, GAUSS_LEGENDRE[3])).q;
    expect(ratio6).toBeGreaterThan(40);
    expect(ratio6).toBeLessThan(90);
  });

  it('keeps the constraints to rounding after projection and records the drift before it', async () => {
    const c = fixture.cases[1];
    const { run } = await errors(c, 0.01, GAUSS_LEGENDRE[2]);
    for (let i = 0; i < run.q.length / 4; i++) {
      const phi = constraints(c, run.q.subarray(4 * i, 4 * i + 4));
      expect(Math.max(...phi.map(Math.abs))).toBeLessThan(1e-13);
    }
    // One step's drift is O(Δt⁵) with the order-4 method: measured at most 2.1e-8 m².
    expect(Math.max(...run.drift)).toBeLessThan(1e-7);
    expect(Math.max(...run.drift)).toBeGreaterThan(0);
  });

  it('gives ṗ = ∂L/∂q + Σ λ_r ∂φ_r/∂q consistent with the change of p = Mv', async () => {
    const c = fixture.cases[0];
    const dt = 0.001;
    const run = await simulate(c, [stateFromAngles(c, c.angles)], {
      dt,
      steps: 200,
      tableau: GAUSS_LEGENDRE[2]
    });
    // Central difference of p against ṗ at sample 100: error O(Δt²) · |p⃛| ≈ 1e-6 · 100.
    for (let j = 0; j < 4; j++) {
      const diff = (run.p[4 * 101 + j] - run.p[4 * 99 + j]) / (2 * dt);
      expect(Math.abs(diff - run.pdot[4 * 100 + j])).toBeLessThan(1e-3);
    }
  });

  it('reports the time where Newton fails to converge, naming "dt"', async () => {
    const c = fixture.cases[1];
    const start = stateFromAngles(c, [2, -1, 8, -8]);
    const attempt = () => simulate(c, [start], { dt: 0.5, steps: 20, tableau: GAUSS_LEGENDRE[2] });
    await expect(attempt()).rejects.toThrow(NodeInputError);
    await expect(attempt()).rejects.toThrow(/did not converge at t = .* choose a smaller "dt"/);
  });

  it('stops mid-trajectory when the run is cancelled', async () => {
    const c = fixture.cases[1];
    const controller = new AbortController();
    const start = stateFromAngles(c, c.angles);
    const run = simulate(c, [start], {
      dt: 0.001,
      steps: 400_000,
      tableau: GAUSS_LEGENDRE[2],
      signal: controller.signal
    });
    setTimeout(() => controller.abort(), 50);
    const began = Date.now();
    await expect(run).rejects.toThrow();
    // 400 000 steps take about 10 s here; stopping soon after the abort shows the loop yields.
    expect(Date.now() - began).toBeLessThan(5000);
  });
});

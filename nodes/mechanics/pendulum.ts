import { solveDense } from './linear';

/** Masses (kg), rod lengths (m) and gravity (m/s²) of a planar double pendulum. */
export interface PendulumSpec {
  m1: number;
  m2: number;
  l1: number;
  l2: number;
  g: number;
}

/**
 * The constraints φ₁ = x₁² + y₁² − l₁²,
 * φ₂ = (x₂−x₁)² + (y₂−y₁)² − l₂² at q (m²).
 */
export function constraints(spec: PendulumSpec, q: ArrayLike<number>): [number, number] {
  const [x1, y1, x2, y2] = [q[0], q[1], q[2], q[3]];
  return [x1 * x1 + y1 * y1 - spec.l1 ** 2, (x2 - x1) ** 2 + (y2 - y1) ** 2 - spec.l2 ** 2];
}

/** The constraint Jacobian G = ∂φ/∂q at q, 2 × 4 row-major. */
export function constraintJacobian(q: ArrayLike<number>): Float64Array {
  const dx = q[2] - q[0];
  const dy = q[3] - q[1];
  return Float64Array.of(2 * q[0], 2 * q[1], 0, 0, -2 * dx, -2 * dy, 2 * dx, 2 * dy);
}

/** ∂L/∂q = −∂V/∂q = (0, −m₁g, 0, −m₂g), the gravity force with y up (N). */
export function gravityForce(spec: PendulumSpec): Float64Array {
  return Float64Array.of(0, -spec.m1 * spec.g, 0, -spec.m2 * spec.g);
}

/** Total energy ½ vᵀMv + g(m₁y₁ + m₂y₂) (J). */
export function energy(spec: PendulumSpec, q: ArrayLike<number>, v: ArrayLike<number>): number {
  const kinetic = 0.5 * spec.m1 * (v[0] ** 2 + v[1] ** 2) + 0.5 * spec.m2 * (v[2] ** 2 + v[3] ** 2);
  return kinetic + spec.g * (spec.m1 * q[1] + spec.m2 * q[3]);
}

/** Solves (G M⁻¹ Gᵀ) x = rhs, the 2 × 2 system shared by λ and the projections. */
function solveSchur(spec: PendulumSpec, jac: Float64Array, rhs: Float64Array): Float64Array {
  const inv = [1 / spec.m1, 1 / spec.m1, 1 / spec.m2, 1 / spec.m2];
  const schur = new Float64Array(4);
  for (let r = 0; r < 2; r++) {
    for (let c = 0; c < 2; c++) {
      for (let j = 0; j < 4; j++) schur[r * 2 + c] += jac[r * 4 + j] * inv[j] * jac[c * 4 + j];
    }
  }
  solveDense(schur, rhs, 2);
  return rhs;
}

/**
 * The multipliers λ at (q, v) from the acceleration-level constraints G a + Ġv = 0 with
 * M a = ∂L/∂q + Gᵀλ (the index-1 form): (G M⁻¹ Gᵀ) λ = −Ġv − G M⁻¹ ∂L/∂q,
 * where Ġv = (2|v₁|², 2|v₂ − v₁|²). Sign as in `Trajectories`: λ < 0 when a rod pulls.
 */
export function multipliers(
  spec: PendulumSpec,
  q: ArrayLike<number>,
  v: ArrayLike<number>
): Float64Array {
  const jac = constraintJacobian(q);
  const force = gravityForce(spec);
  const mass = [spec.m1, spec.m1, spec.m2, spec.m2];
  const rhs = Float64Array.of(
    -2 * (v[0] ** 2 + v[1] ** 2),
    -2 * ((v[2] - v[0]) ** 2 + (v[3] - v[1]) ** 2)
  );
  for (let r = 0; r < 2; r++) {
    for (let j = 0; j < 4; j++) rhs[r] -= (jac[r * 4 + j] * force[j]) / mass[j];
  }
  return solveSchur(spec, jac, rhs);
}

/** ṗ = M a = ∂L/∂q + Gᵀλ at q for the given λ (N). */
export function momentumRate(
  spec: PendulumSpec,
  q: ArrayLike<number>,
  lambda: ArrayLike<number>
): Float64Array {
  const jac = constraintJacobian(q);
  const pdot = gravityForce(spec);
  for (let j = 0; j < 4; j++) pdot[j] += lambda[0] * jac[j] + lambda[1] * jac[4 + j];
  return pdot;
}

/**
 * The index-reduced equations as a first-order ODE on y = (q, v): q' = v,
 * v' = M⁻¹(∂L/∂q + Gᵀλ(q, v)). Its flow keeps φ and Gv constant, not zero, so the
 * integrator is followed by `project`.
 */
export function pendulumField(spec: PendulumSpec) {
  const mass = [spec.m1, spec.m1, spec.m2, spec.m2];
  return (y: Float64Array, out: Float64Array): void => {
    const q = y.subarray(0, 4);
    const v = y.subarray(4, 8);
    const pdot = momentumRate(spec, q, multipliers(spec, q, v));
    for (let j = 0; j < 4; j++) {
      out[j] = v[j];
      out[4 + j] = pdot[j] / mass[j];
    }
  };
}

/**
 * Projects y = (q, v) back onto the constraint manifold, in place and in the metric of M:
 * q ← q − M⁻¹Gᵀμ with Newton steps on φ(q) = 0 (until |φ| < 1e-14 l², at most 5), then
 * v ← v − M⁻¹Gᵀν with G(q)v = 0 exactly. Returns the largest |φ_r| before projection
 * (m²).
 */
export function project(spec: PendulumSpec, y: Float64Array): number {
  const inv = [1 / spec.m1, 1 / spec.m1, 1 / spec.m2, 1 / spec.m2];
  const q = y.subarray(0, 4);
  const v = y.subarray(4, 8);
  const before = Math.max(...constraints(spec, q).map(Math.abs));
  const tolerance = 1e-14 * Math.max(spec.l1, spec.l2) ** 2;

  for (let iteration = 0; iteration < 5; iteration++) {
    const phi = constraints(spec, q);
    if (Math.max(Math.abs(phi[0]), Math.abs(phi[1])) < tolerance) break;
    const jac = constraintJacobian(q);
    const mu = solveSchur(spec, jac, Float64Array.from(phi));
    for (let j = 0; j < 4; j++) q[j] -= inv[j] * (jac[j] * mu[0] + jac[4 + j] * mu[1]);
  }

  const jac = constraintJacobian(q);
  const gv = new Float64Array(2);
  for (let r = 0; r < 2; r++) for (let j = 0; j < 4; j++) gv[r] += jac[r * 4 + j] * v[j];
  const nu = solveSchur(spec, jac, gv);
  for (let j = 0; j < 4; j++) v[j] -= inv[j] * (jac[j] * nu[0] + jac[4 + j] * nu[1]);
  return before;
}

/**
 * The Cartesian state (q, v) of angles θ₁, θ₂ from the downward vertical (rad) and angular
 * velocities ω₁, ω₂ (rad/s): x₁ = l₁ sin θ₁, y₁ = −l₁ cos θ₁,
 * x₂ = x₁ + l₂ sin θ₂, y₂ = y₁ − l₂ cos θ₂, and v their time derivatives. It
 * satisfies both constraints exactly.
 */
export function stateFromAngles(spec: PendulumSpec, angles: ArrayLike<number>): Float64Array {
  const [t1, t2, w1, w2] = [angles[0], angles[1], angles[2], angles[3]];
  const [s1, c1, s2, c2] = [Math.sin(t1), Math.cos(t1), Math.sin(t2), Math.cos(t2)];
  const x1 = spec.l1 * s1;
  const y1 = -spec.l1 * c1;
  const vx1 = spec.l1 * c1 * w1;
  const vy1 = spec.l1 * s1 * w1;
  return Float64Array.of(
    x1,
    y1,
    x1 + spec.l2 * s2,
    y1 - spec.l2 * c2,
    vx1,
    vy1,
    vx1 + spec.l2 * c2 * w2,
    vy1 + spec.l2 * s2 * w2
  );
}

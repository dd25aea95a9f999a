import { solveDense } from './linear';

/** Butcher tableau of an implicit Runge–Kutta method with `b.length` stages. */
export interface Tableau {
  order: number;
  a: number[][];
  b: number[];
}

const R3 = Math.sqrt(3);
const R15 = Math.sqrt(15);

/**
 * Gauss–Legendre collocation methods with 2 and 3 stages, of order 4 and 6 (Hairer, Nørsett
 * and Wanner, Solving ODEs I, §II.7, Table 7.4).
 */
export const GAUSS_LEGENDRE: Record<2 | 3, Tableau> = {
  2: {
    order: 4,
    a: [
      [1 / 4, 1 / 4 - R3 / 6],
      [1 / 4 + R3 / 6, 1 / 4]
    ],
    b: [1 / 2, 1 / 2]
  },
  3: {
    order: 6,
    a: [
      [5 / 36, 2 / 9 - R15 / 15, 5 / 36 - R15 / 30],
      [5 / 36 + R15 / 24, 2 / 9, 5 / 36 - R15 / 24],
      [5 / 36 + R15 / 30, 2 / 9 + R15 / 15, 5 / 36]
    ],
    b: [5 / 18, 4 / 9, 5 / 18]
  }
};

/** The right-hand side y' = f(y) of an autonomous ODE, writing f(y) into `out`. */
export type Field = (y: Float64Array, out: Float64Array) => void;

/**
 * One step y ← y + h Σ b_i K_i of an implicit Runge–Kutta method on y' = f(y), in place. The
 * stage equations K_i = f(y + h Σ_j a_ij K_j) are solved by simplified Newton iteration with
 * the Jacobian of f at y (central differences) until the update is below 1e-13 relative to K.
 * Returns the number of iterations, or -1 when 40 were not enough or the matrix was singular.
 */
export function implicitStep(f: Field, y: Float64Array, h: number, tableau: Tableau): number {
  const n = y.length;
  const s = tableau.b.length;
  const jac = jacobian(f, y);
  const size = n * s;
  const matrix = new Float64Array(size * size);
  const k = new Float64Array(size);
  const f0 = new Float64Array(n);
  f(y, f0);
  for (let i = 0; i < s; i++) k.set(f0, i * n);

  const stage = new Float64Array(n);
  const fi = new Float64Array(n);
  for (let iteration = 1; iteration <= 40; iteration++) {
    const residual = new Float64Array(size);
    for (let i = 0; i < s; i++) {
      for (let m = 0; m < n; m++) {
        let sum = y[m];
        for (let j = 0; j < s; j++) sum += h * tableau.a[i][j] * k[j * n + m];
        stage[m] = sum;
      }
      f(stage, fi);
      for (let m = 0; m < n; m++) residual[i * n + m] = fi[m] - k[i * n + m];
    }

    // (I − h A⊗J) ΔK = f(Y) − K, rebuilt each time because solveDense overwrites it.
    matrix.fill(0);
    for (let i = 0; i < s; i++) {
      for (let j = 0; j < s; j++) {
        const scale = h * tableau.a[i][j];
        for (let r = 0; r < n; r++) {
          for (let c = 0; c < n; c++) {
            matrix[(i * n + r) * size + j * n + c] =
              (i === j && r === c ? 1 : 0) - scale * jac[r * n + c];
          }
        }
      }
    }
    if (!solveDense(matrix, residual, size)) return -1;

    let change = 0;
    let norm = 0;
    for (let m = 0; m < size; m++) {
      k[m] += residual[m];
      change = Math.max(change, Math.abs(residual[m]));
      norm = Math.max(norm, Math.abs(k[m]));
    }
    if (!Number.isFinite(change)) return -1;
    if (change <= 1e-13 * Math.max(1, norm)) {
      for (let m = 0; m < n; m++) {
        for (let i = 0; i < s; i++) y[m] += h * tableau.b[i] * k[i * n + m];
      }
      return iteration;
    }
  }
  return -1;
}

/** The Jacobian ∂f/∂y at y by central differences, row-major n × n. */
function jacobian(f: Field, y: Float64Array): Float64Array {
  const n = y.length;
  const jac = new Float64Array(n * n);
  const plus = new Float64Array(n);
  const minus = new Float64Array(n);
  const probe = Float64Array.from(y);
  for (let c = 0; c < n; c++) {
    const eps = 1e-6 * Math.max(1, Math.abs(y[c]));
    probe[c] = y[c] + eps;
    f(probe, plus);
    probe[c] = y[c] - eps;
    f(probe, minus);
    probe[c] = y[c];
    for (let r = 0; r < n; r++) jac[r * n + c] = (plus[r] - minus[r]) / (2 * eps);
  }
  return jac;
}

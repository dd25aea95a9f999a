/**
 * Solves the dense n × n system A x = b in place by Gaussian elimination with partial pivoting:
 * `a` (row-major, overwritten) and `b` (overwritten by x). Returns false when a pivot vanishes.
 */
export function solveDense(a: Float64Array, b: Float64Array, n: number): boolean {
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(a[r * n + col]) > Math.abs(a[pivot * n + col])) pivot = r;
    }
    if (a[pivot * n + col] === 0) return false;
    if (pivot !== col) {
      for (let c = 0; c < n; c++) {
        [a[col * n + c], a[pivot * n + c]] = [a[pivot * n + c], a[col * n + c]];
      }
      [b[col], b[pivot]] = [b[pivot], b[col]];
    }

    for (let r = col + 1; r < n; r++) {
      const factor = a[r * n + col] / a[col * n + col];
      if (factor === 0) continue;
      for (let c = col; c < n; c++) a[r * n + c] -= factor * a[col * n + c];
      b[r] -= factor * b[col];
    }
  }

  for (let r = n - 1; r >= 0; r--) {
    let sum = b[r];
    for (let c = r + 1; c < n; c++) sum -= a[r * n + c] * b[c];
    b[r] = sum / a[r * n + r];
  }
  return true;
}

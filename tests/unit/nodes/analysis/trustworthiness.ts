/**
 * Trustworthiness of an embedding (Venna and Kaski 2001), with scikit-learn's definition:
 * 1 − 2 / (n k (2n − 3k − 1)) · Σ_i Σ_j max(0, r(i, j) − k), the inner sum over the k
 * nearest neighbours j of i in the embedding, r(i, j) the rank (1 = nearest) of j among the
 * neighbours of i in the original space. 1 means no false neighbours; Euclidean distances in
 * both spaces.
 */
export function trustworthiness(
  original: ArrayLike<number>,
  originalDim: number,
  embedded: ArrayLike<number>,
  embeddedDim: number,
  k: number
): number {
  const n = original.length / originalDim;
  const distance = (points: ArrayLike<number>, dim: number, i: number, j: number) => {
    let sum = 0;
    for (let c = 0; c < dim; c++) sum += (points[i * dim + c] - points[j * dim + c]) ** 2;
    return sum;
  };
  const neighbours = (points: ArrayLike<number>, dim: number, i: number) =>
    Array.from({ length: n }, (_, j) => j)
      .filter((j) => j !== i)
      .sort((a, b) => distance(points, dim, i, a) - distance(points, dim, i, b));

  let penalty = 0;
  for (let i = 0; i < n; i++) {
    const rank = new Map(neighbours(original, originalDim, i).map((j, r) => [j, r + 1]));
    for (const j of neighbours(embedded, embeddedDim, i).slice(0, k)) {
      penalty += Math.max(0, rank.get(j)! - k);
    }
  }
  return 1 - (2 * penalty) / (n * k * (2 * n - 3 * k - 1));
}

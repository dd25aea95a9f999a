import type { DiagramPart } from './diagram-points';

/** The ground metric between diagram points: L∞ or L2 (the same union as `Ground`). */
type LineGround = 'linf' | 'l2';

/**
 * Whether every finite point of a diagram part has the same birth, as in dimension 0 of a
 * Vietoris–Rips diagram, where every class is born at 0. A part with no finite point counts.
 */
export function hasOneBirth(part: DiagramPart): boolean {
  return part.birth.every((b) => b === part.birth[0]);
}

/** Two diagram parts whose finite points each lie on one vertical line, sorted by death. */
interface Lines {
  /** Deaths of the first part, ascending. */
  x: Float64Array;
  /** Deaths of the second part, ascending. */
  y: Float64Array;
  /** Ground distance between a point of x and one of y, from the gap of their deaths. */
  gap: (deathGap: number) => number;
  /** Distance of each point of x, then of y, to the diagonal. */
  toDiagonalX: Float64Array;
  toDiagonalY: Float64Array;
}

function linesOf(pa: DiagramPart, pb: DiagramPart, ground: LineGround): Lines {
  const birthA = pa.birth[0] ?? 0;
  const birthB = pb.birth[0] ?? 0;
  const shift = Math.abs(birthA - birthB);
  const x = Float64Array.from(pa.death).sort();
  const y = Float64Array.from(pb.death).sort();

  // Distance from (b, d) to the diagonal is (d − b) times this factor under each ground metric.
  const factor = ground === 'linf' ? 0.5 : Math.SQRT1_2;
  const gap =
    ground === 'linf'
      ? (t: number) => Math.max(shift, Math.abs(t))
      : (t: number) => Math.hypot(shift, t);

  return {
    x,
    y,
    gap,
    toDiagonalX: x.map((d) => (d - birthA) * factor),
    toDiagonalY: y.map((d) => (d - birthB) * factor)
  };
}

/**
 * The least cost of a matching between the sorted points x and y of two lines in which a point
 * may also go to the diagonal, by dynamic programming over the two sorted lists in O(n·m) time
 * and O(m) memory. `join` combines costs (sum for Wasserstein, max for bottleneck) and `cost`
 * maps a ground distance to its cost (t^p, or t).
 *
 * Why it is exact: the cost of matching x_i with y_j is φ(x_i − y_j) with φ convex, so for
 * x_i ≤ x_k and y_j ≤ y_l, φ(x_i − y_j) + φ(x_k − y_l) ≤ φ(x_i − y_l) + φ(x_k −
 * y_j) and max(φ(x_i − y_j), φ(x_k − y_l)) ≤ max(φ(x_i − y_l), φ(x_k − y_j)) (both
 * middle arguments lie between the outer two). Uncrossing two crossed edges never costs more, so
 * some optimal matching is monotone: its edges, read in order along x, go up along y. The table
 * holds, for the first i points of x and the first j of y, the best monotone matching of them.
 */
function monotoneMatching(
  lines: Lines,
  cost: (t: number) => number,
  join: (a: number, b: number) => number
): number {
  const { x, y, gap } = lines;
  const costX = lines.toDiagonalX.map(cost);
  const costY = lines.toDiagonalY.map(cost);
  let previous = new Float64Array(y.length + 1);
  let current = new Float64Array(y.length + 1);
  for (let j = 1; j <= y.length; j++) previous[j] = join(previous[j - 1], costY[j - 1]);

  for (let i = 1; i <= x.length; i++) {
    const xi = x[i - 1];
    const alone = costX[i - 1];
    current[0] = join(previous[0], alone);
    for (let j = 1; j <= y.length; j++) {
      const skipX = join(previous[j], alone);
      const skipY = join(current[j - 1], costY[j - 1]);
      const both = join(previous[j - 1], cost(gap(xi - y[j - 1])));
      current[j] = Math.min(skipX, skipY, both);
    }
    [previous, current] = [current, previous];
  }

  return previous[y.length];
}

const sum = (a: number, b: number) => a + b;

/**
 * The p-th power of the Wasserstein distance between the finite points of two diagram parts
 * that each have one birth (`hasOneBirth`), exactly, under the L∞ or L2 ground metric: equal
 * to the optimal assignment with the diagonal, in O(n·m) instead of O((n + m)³).
 */
export function lineWassersteinPower(
  pa: DiagramPart,
  pb: DiagramPart,
  order: number,
  ground: LineGround
): number {
  const power = order === 1 ? (t: number) => t : (t: number) => t ** order;
  return monotoneMatching(linesOf(pa, pb, ground), power, sum);
}

/**
 * The bottleneck distance (L∞ ground metric) between the finite points of two diagram parts
 * that each have one birth (`hasOneBirth`), exactly, in O(n·m): the same dynamic programme
 * with the largest cost of a matching in place of the sum.
 */
export function lineBottleneck(pa: DiagramPart, pb: DiagramPart): number {
  return monotoneMatching(linesOf(pa, pb, 'linf'), (t) => t, Math.max);
}

import type { RunContext } from '../../src/lib/graph/node-type';
import { forEachPair } from '../topology/pair-loop';

/** Percentile bootstrap intervals of both coefficients; absent when no resample was usable. */
export interface CorrelationIntervals {
  pearson?: [number, number];
  spearman?: [number, number];
  /** Resamples that gave both coefficients (a resample with a constant series gives none). */
  used: number;
}

/**
 * The value at fraction q of sorted values, interpolating linearly between the two nearest
 * order statistics (position q·(count − 1), NumPy's default "linear" percentile).
 */
export function quantile(sorted: Float64Array, q: number): number {
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/**
 * Percentile bootstrap confidence intervals (Efron and Tibshirani 1993, ch. 13) of Pearson's and
 * Spearman's coefficients of paired series, as scipy.stats.bootstrap(paired=True,
 * method='percentile'): each resample draws n pairs with replacement (indices from `random`),
 * and the interval runs between the (1 − confidence)/2 and (1 + confidence)/2 quantiles of the
 * resampled coefficients. Resamples in which a series is constant have no coefficient and are
 * left out (SciPy would give NaN). Each resample costs O(n): it is held as pair multiplicities,
 * and Spearman's ranks come from one sort of each series done beforehand.
 */
export async function bootstrapCorrelation(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  resamples: number,
  confidence: number,
  context: RunContext
): Promise<CorrelationIntervals> {
  const n = x.length;
  const groupsX = tiedGroups(x);
  const groupsY = tiedGroups(y);
  const weight = new Float64Array(n);
  const rankX = new Float64Array(n);
  const rankY = new Float64Array(n);
  const pearsons: number[] = [];
  const spearmans: number[] = [];

  await forEachPair(resamples, context, () => {
    weight.fill(0);
    for (let k = 0; k < n; k++) weight[Math.floor(context.random() * n)]++;

    const distinctX = tiedRanks(groupsX, weight, rankX);
    const distinctY = tiedRanks(groupsY, weight, rankY);
    if (distinctX < 2 || distinctY < 2) return;
    pearsons.push(weightedPearson(x, y, weight));
    spearmans.push(weightedPearson(rankX, rankY, weight));
  });

  if (pearsons.length === 0) return { used: 0 };
  const low = (1 - confidence) / 2;
  const interval = (values: number[]): [number, number] => {
    const sorted = Float64Array.from(values).sort();
    return [quantile(sorted, low), quantile(sorted, 1 - low)];
  };
  return { pearson: interval(pearsons), spearman: interval(spearmans), used: pearsons.length };
}

/** The indices sorted by value, and after each run of equal values the position it ends at. */
interface TiedGroups {
  order: Uint32Array;
  end: Uint32Array;
}

function tiedGroups(values: ArrayLike<number>): TiedGroups {
  const order = Uint32Array.from({ length: values.length }, (_, i) => i).sort(
    (a, b) => values[a] - values[b]
  );
  const end: number[] = [];
  for (let k = 1; k <= order.length; k++) {
    if (k === order.length || values[order[k]] !== values[order[k - 1]]) end.push(k);
  }
  return { order, end: Uint32Array.from(end) };
}

/**
 * Average ranks (1-based) of a resample given as multiplicities: a run of equal values that
 * the resample holds w times in all, after `before` smaller ones, gets before + (w + 1)/2.
 * Returns how many distinct values the resample holds.
 */
function tiedRanks(groups: TiedGroups, weight: Float64Array, ranks: Float64Array): number {
  const { order, end } = groups;
  let before = 0;
  let from = 0;
  let distinct = 0;
  for (const to of end) {
    let count = 0;
    for (let k = from; k < to; k++) count += weight[order[k]];
    for (let k = from; k < to; k++) ranks[order[k]] = before + (count + 1) / 2;
    if (count > 0) distinct++;
    before += count;
    from = to;
  }
  return distinct;
}

/** Pearson's coefficient with each pair counted `weight` times; neither series is constant. */
function weightedPearson(x: ArrayLike<number>, y: ArrayLike<number>, weight: Float64Array) {
  let total = 0;
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < weight.length; i++) {
    total += weight[i];
    meanX += weight[i] * x[i];
    meanY += weight[i] * y[i];
  }
  meanX /= total;
  meanY /= total;

  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < weight.length; i++) {
    if (weight[i] === 0) continue;
    const dx = x[i] - meanX;
    const dy = y[i] - meanY;
    sxy += weight[i] * dx * dy;
    sxx += weight[i] * dx * dx;
    syy += weight[i] * dy * dy;
  }

  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

import { NodeInputError, type NodeType, type NumberParam } from '../../src/lib/graph/node-type';
import type { Correlation } from '../../src/lib/graph/values';
import { readNumberParam } from '../topology/params';
import { bootstrapCorrelation } from './bootstrap';

const BOOTSTRAP: NumberParam = {
  kind: 'integer',
  default: 1000,
  min: 0,
  max: 1_000_000,
  unit: 'resamples',
  help: 'Bootstrap resamples for the confidence intervals; 0 computes no interval.'
};
const CONFIDENCE: NumberParam = {
  kind: 'number',
  default: 0.95,
  min: 0.5,
  max: 0.999,
  help: 'Confidence level of the intervals (0.95 gives the 2.5 and 97.5 percentiles).'
};

/**
 * Ranks of the values, 1-based, with tied values all given the average of the ranks they span
 * (the "average" or fractional ranking used by Spearman's coefficient).
 */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort(
    (a, b) => values[a] - values[b]
  );
  const ranks = new Float64Array(values.length);

  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && values[order[end]] === values[order[start]]) end++;

    // Positions start..end-1 hold equal values; ranks are 1-based, so their mean is below.
    const mean = (start + end + 1) / 2;
    for (let k = start; k < end; k++) ranks[order[k]] = mean;
    start = end;
  }

  return ranks;
}

/**
 * Pearson's product-moment correlation of two equally long series, computed from centred values
 * (two passes) for accuracy. Returns NaN when either series has zero variance; `correlate`
 * checks for that before calling it.
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    meanX += x[i];
    meanY += y[i];
  }
  meanX /= n;
  meanY /= n;

  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - meanX;
    const dy = y[i] - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }

  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}

/** Spearman's rank correlation: Pearson's coefficient of the average ranks (ties allowed). */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return pearson(averageRanks(x), averageRanks(y));
}

/**
 * Pearson and Spearman correlation of two series, after checking them: the same length, at
 * least two values, no NaN or infinite value, and neither constant. Errors name the input
 * ("x" or "y") at fault.
 */
export function correlate(x: ArrayLike<number>, y: ArrayLike<number>): Correlation {
  checkSeries(x, 'x');
  checkSeries(y, 'y');
  if (x.length !== y.length) {
    throw new NodeInputError(
      `Inputs "x" and "y" must hold the same number of values; found ${x.length} and ${y.length}.`,
      'y'
    );
  }

  return { pearson: pearson(x, y), spearman: spearman(x, y), count: x.length };
}

function checkSeries(values: ArrayLike<number>, field: string): void {
  if (!values || typeof values.length !== 'number') {
    throw new NodeInputError(`Input "${field}" must be a list of numbers; found none.`, field);
  }
  if (values.length < 2) {
    throw new NodeInputError(
      `Input "${field}" must hold at least 2 values to correlate; found ${values.length}.`,
      field
    );
  }

  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new NodeInputError(
        `Input "${field}" must hold finite numbers; value ${i} is ${values[i]}.`,
        field
      );
    }
  }

  const first = values[0];
  let constant = true;
  for (let i = 1; i < values.length && constant; i++) constant = values[i] === first;
  if (constant) {
    throw new NodeInputError(
      `Input "${field}" has zero variance (all ${values.length} values are ${first}), so its ` +
        'correlation is undefined.',
      field
    );
  }
}

/**
 * Node `analysis/correlation`: Pearson and Spearman correlation of two series of numbers, such
 * as topological distances against human similarity scores, with the number of pairs used and
 * percentile bootstrap confidence intervals of both (`bootstrapCorrelation`, seeded by the run).
 */
export const correlationNode: NodeType = {
  type: 'analysis/correlation',
  version: 1,
  title: 'Correlation',
  category: 'analysis',
  description:
    'Computes the Pearson and Spearman (average ranks for ties) correlation of two equally ' +
    'long series of numbers, with percentile bootstrap confidence intervals.',
  inputs: {
    x: { type: 'numbers', label: 'x' },
    y: { type: 'numbers', label: 'y' }
  },
  outputs: { correlation: { type: 'correlation', label: 'correlation' } },
  params: { bootstrap: BOOTSTRAP, confidence: CONFIDENCE },

  async run(inputs, params, context) {
    const resamples = readNumberParam(params, 'bootstrap', BOOTSTRAP);
    const confidence = readNumberParam(params, 'confidence', CONFIDENCE);
    const x = inputs.x as Float64Array;
    const y = inputs.y as Float64Array;
    const correlation = correlate(x, y);
    if (resamples === 0) return { correlation };

    const intervals = await bootstrapCorrelation(x, y, resamples, confidence, context);
    if (intervals.used < resamples) {
      context.log(
        `${resamples - intervals.used} of ${resamples} bootstrap resamples held a constant ` +
          'series and were left out of the intervals.'
      );
    }
    if (intervals.pearson) correlation.pearsonInterval = intervals.pearson;
    if (intervals.spearman) correlation.spearmanInterval = intervals.spearman;
    return { correlation };
  }
};

import { NodeInputError, type NodeType, type NumberParam } from '../../src/lib/graph/node-type';
import type { CloudPairs, PointCloud, VectorPairs } from '../../src/lib/graph/values';
import { forEachPair } from './pair-loop';
import { readNumberParam } from './params';
import { checkVectorPairs } from './vector-pairs';

const LAG: NumberParam = {
  kind: 'integer',
  default: 1,
  min: 1,
  max: 100_000,
  unit: 'samples',
  help: 'Lag τ between the coordinates of one point.'
};
const STRIDE: NumberParam = {
  kind: 'integer',
  default: 8,
  min: 1,
  max: 100_000,
  unit: 'samples',
  help: 'Stride L: keep every L-th delay vector.'
};
const DIMENSION: NumberParam = {
  kind: 'integer',
  default: 3,
  min: 1,
  max: 1000,
  help: 'Embedding dimension M: coordinates per point.'
};

/** The number of delay vectors a series of `length` samples gives (0 when too short). */
export function takensPointCount(
  length: number,
  lag: number,
  stride: number,
  dimension: number
): number {
  const span = (dimension - 1) * lag;
  return length > span ? Math.floor((length - span - 1) / stride) + 1 : 0;
}

/**
 * Takens delay embedding of one series x(1..D) into R^M (Takens 1981).
 *
 * In the maths (1-based): F(t) = (x(t), x(t−τ), …, x(t−(M−1)τ)) for
 * t = (M−1)τ+1, (M−1)τ+1+L, … up to D. The newest sample comes first and the coordinates go
 * back in time. In code (0-based) point p starts at index s = (M−1)τ + pL and its coordinate m
 * is `series[s − mτ]`. For example x = (1..10), τ = 2, L = 3, M = 3 gives t = 5, 8 and the
 * points (5, 3, 1) and (8, 6, 4). Throws when the series is too short for one point.
 */
export function takensEmbedding(
  series: ArrayLike<number>,
  lag: number,
  stride: number,
  dimension: number,
  field = 'vectors'
): PointCloud {
  const count = takensPointCount(series.length, lag, stride, dimension);
  if (count === 0) {
    const needed = (dimension - 1) * lag + 1;
    throw new NodeInputError(
      `Input "${field}" has vectors of ${series.length} components, but dimension ` +
        `${dimension} with lag ${lag} needs at least ${needed}; lower the dimension or the lag.`,
      field
    );
  }

  const points = new Float64Array(count * dimension);
  const first = (dimension - 1) * lag;
  for (let p = 0; p < count; p++) {
    const start = first + p * stride;
    for (let m = 0; m < dimension; m++) {
      points[p * dimension + m] = series[start - m * lag];
    }
  }

  return { dim: dimension, count, points };
}

/**
 * Node `topology/takens`: turns each vector of each pair into a point cloud by reading its
 * components as a time series and applying the delay embedding of `takensEmbedding`. Vectors
 * must all have the input's `dim` components, all finite; a lag too large for that length
 * (an empty cloud) is an error on the `lag` param.
 */
export const takensNode: NodeType = {
  type: 'topology/takens',
  version: 1,
  title: 'Takens embedding',
  category: 'topology',
  description:
    'Reads each vector as a time series and turns it into a point cloud of delay vectors ' +
    '(x(t), x(t−τ), …, x(t−(M−1)τ)), keeping every L-th one.',
  inputs: { vectors: { type: 'vector-pairs', label: 'vectors' } },
  outputs: { clouds: { type: 'cloud-pairs', label: 'point clouds' } },
  params: { lag: LAG, stride: STRIDE, dimension: DIMENSION },

  async run(inputs, params, context) {
    const lag = readNumberParam(params, 'lag', LAG);
    const stride = readNumberParam(params, 'stride', STRIDE);
    const dimension = readNumberParam(params, 'dimension', DIMENSION);
    const vectors = inputs.vectors as VectorPairs;
    const count = checkVectorPairs(vectors, 'vectors');
    if (count > 0 && takensPointCount(vectors.dim, lag, stride, dimension) === 0) {
      const needed = (dimension - 1) * lag + 1;
      throw new NodeInputError(
        `Param "lag" ${lag} with dimension ${dimension} needs vectors of at least ${needed} ` +
          `components for one delay vector; the input "vectors" has ${vectors.dim}. Lower the ` +
          'lag or the dimension.',
        'lag'
      );
    }

    const clouds: CloudPairs = { first: new Array(count), second: new Array(count) };
    await forEachPair(count, context, (i) => {
      clouds.first[i] = takensEmbedding(vectors.first[i], lag, stride, dimension);
      clouds.second[i] = takensEmbedding(vectors.second[i], lag, stride, dimension);
    });

    return { clouds };
  }
};

import { NodeInputError, type NodeType, type NumberParam } from '../../src/lib/graph/node-type';
import type { Samples } from '../../src/lib/graph/values';
import { readEnumParam, readNumberParam } from '../topology/params';
import { energyDistance, randomDirections, slicedWasserstein } from './distances';
import { normalSource } from './normal';

const METRICS = ['energy', 'sliced-wasserstein'] as const;
const PROJECTIONS: NumberParam = {
  kind: 'integer',
  default: 64,
  min: 1,
  max: 10_000,
  unit: 'directions',
  help: 'Sliced Wasserstein: the number of seeded random directions averaged over.'
};

/**
 * The most pair distances the energy distance may compute (m·n + m² + n²). It runs without a
 * break, so this keeps it to a few seconds; a million samples against a million data points
 * would take hours and could not be cancelled. Sliced Wasserstein sorts, so it has no bound.
 */
const MAX_ENERGY_PAIRS = 2.5e8;
/** The largest |coordinate| the distances accept: squares of larger ones lose all precision. */
const MAX_COORDINATE = 1e150;

/** Checks that a samples input is connected, finite and of dimension `dim` when given. */
function checkSamples(value: unknown, field: string, dim?: number): Samples {
  const samples = value as Samples | undefined;
  if (!samples || samples.count < 1) {
    throw new NodeInputError(`Input "${field}" must hold at least one point; found none.`, field);
  }
  if (dim !== undefined && samples.dim !== dim) {
    throw new NodeInputError(
      `Inputs "samples" and "data" must have the same dimension; found ${dim} and ${samples.dim}.`,
      field
    );
  }
  const bad = samples.points.findIndex((v) => !(Math.abs(v) <= MAX_COORDINATE));
  if (bad >= 0) {
    const what = Number.isFinite(samples.points[bad])
      ? `coordinates of at most ${MAX_COORDINATE} in size (their squares overflow)`
      : 'finite numbers';
    throw new NodeInputError(
      `Input "${field}" must hold ${what}; point ${Math.floor(bad / samples.dim)} has ` +
        `${samples.points[bad]}.`,
      field
    );
  }
  return samples;
}

/**
 * Node `diffusion/distance`: the distance between the empirical laws of samples and data, by
 * energy distance (`energyDistance`) or sliced Wasserstein over seeded random directions
 * (`slicedWasserstein`); one number, so a sweep can collect it.
 */
export const distanceNode: NodeType = {
  type: 'diffusion/distance',
  version: 1,
  title: 'Distance to data',
  category: 'diffusion',
  description:
    'Measures how far samples are from data: energy distance, or sliced 1-Wasserstein over ' +
    'seeded random directions. Outputs one number.',
  inputs: {
    samples: { type: 'samples', label: 'samples' },
    data: { type: 'samples', label: 'data' }
  },
  outputs: { distance: { type: 'numbers', label: 'distance' } },
  params: {
    metric: {
      kind: 'enum',
      default: 'energy',
      options: METRICS,
      help:
        'energy: ' +
        '√(2E|X−Y| − E|X−X′| − E|Y−Y′|); ' +
        'sliced-wasserstein: mean W1 of projections.'
    },
    projections: PROJECTIONS
  },

  async run(inputs, params, context) {
    const metric = readEnumParam(params, 'metric', METRICS, 'energy');
    const projections = readNumberParam(params, 'projections', PROJECTIONS);
    const samples = checkSamples(inputs.samples, 'samples');
    const data = checkSamples(inputs.data, 'data', samples.dim);

    if (metric === 'energy') {
      const [m, n] = [samples.count, data.count];
      if (m * n + m * m + n * n > MAX_ENERGY_PAIRS) {
        throw new NodeInputError(
          `The energy distance compares every pair of points: ${m} samples and ${n} data ` +
            `points need ${(m * n + m * m + n * n).toExponential(2)} distances, more than ` +
            `${MAX_ENERGY_PAIRS.toExponential(1)}. Choose "sliced-wasserstein" or fewer points.`,
          'metric'
        );
      }
      return { distance: Float64Array.of(energyDistance(samples, data)) };
    }
    const directions = randomDirections(samples.dim, projections, normalSource(context.random));
    return { distance: Float64Array.of(slicedWasserstein(samples, data, directions)) };
  }
};

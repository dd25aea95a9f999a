import type { NodeType, NumberParam, Params } from '../../src/lib/graph/node-type';
import type { NoisePredictor } from '../../src/lib/graph/values';
import { readNumberParam } from '../topology/params';
import { readMixture, sampleMixture } from './mixture';
import { normalSource } from './normal';

/** The number of points a data source draws. */
export const COUNT: NumberParam = {
  kind: 'integer',
  default: 2000,
  min: 1,
  max: 1_000_000,
  unit: 'points',
  help: 'How many points to draw.'
};

function mixtureNode(dim: 1 | 2, defaults: Params): NodeType {
  const example = dim === 1 ? '"-2; 1.5"' : '"-2, 0; 2, 0"';
  return {
    type: `diffusion/mixture-${dim}d`,
    version: 1,
    title: `Gaussian mixture (${dim}-D)`,
    category: 'diffusion',
    description:
      `Draws seeded points from a ${dim}-D Gaussian mixture with diagonal covariances, and ` +
      'gives its exact noise predictor for checking a sampler without training error.',
    inputs: {},
    outputs: {
      samples: { type: 'samples', label: 'samples' },
      predictor: { type: 'noise-predictor', label: 'exact noise predictor' }
    },
    params: {
      count: COUNT,
      weights: {
        kind: 'text',
        default: String(defaults.weights),
        help: 'Component weights separated by commas; they are scaled to sum to 1.'
      },
      means: {
        kind: 'text',
        default: String(defaults.means),
        help: `Component means, components separated by ";" (e.g. ${example}).`
      },
      variances: {
        kind: 'text',
        default: String(defaults.variances),
        help: 'Component variances separated by ";": one per component, or one per coordinate.'
      }
    },

    async run(_inputs, params, context) {
      const count = readNumberParam(params, 'count', COUNT);
      const mixture = readMixture(params, dim, defaults);

      const samples = sampleMixture(mixture, count, context.random, normalSource(context.random));
      const predictor: NoisePredictor = { kind: 'exact-mixture', mixture };
      return { samples, predictor };
    }
  };
}

/**
 * Node `diffusion/mixture-1d`: points from a 1-D Gaussian mixture and its exact noise predictor
 * z_i(x) = −√(1−ᾱ_i) ∇log p_i(x) (`exactMixtureNoise`).
 */
export const mixture1dNode = mixtureNode(1, {
  weights: '0.25, 0.75',
  means: '-3; 2',
  variances: '0.2; 0.2'
});

/** Node `diffusion/mixture-2d`: points from a 2-D Gaussian mixture and its exact predictor. */
export const mixture2dNode = mixtureNode(2, {
  weights: '0.5, 0.3, 0.2',
  means: '-2, 0; 2, 0; 0, 2.5',
  variances: '0.2; 0.3, 0.1; 0.15'
});

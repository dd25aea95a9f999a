import type { NodeType, NumberParam } from '../../src/lib/graph/node-type';
import type { NoisePredictor, Schedule } from '../../src/lib/graph/values';
import { readEnumParam, readNumberParam } from '../topology/params';
import { normalSource } from './normal';
import { noiseFunction, predictorDim } from './predict';
import { SIGMA_KINDS, sampleReverse } from './sampler';
import { readStepList, trajectoryRecorder } from './trajectories';
import { requireInput } from '../inputs';

const COUNT: NumberParam = {
  kind: 'integer',
  default: 2000,
  min: 1,
  max: 1_000_000,
  unit: 'points',
  help: 'How many points to sample.'
};
const TRAJECTORIES: NumberParam = {
  kind: 'integer',
  default: 5,
  min: 0,
  max: 50,
  unit: 'points',
  help: 'How many of the points to follow in the trajectories view.'
};

/**
 * Node `diffusion/sampler`: the DDPM reverse process of issue 5 from x̂_n ~ N(0, I), with the
 * schedule's α_i, a noise predictor z_i (exact for a mixture, or a trained MLP) and one of
 * three σ_i choices; seeded by the run. Also draws the reverse trajectories of a few points.
 */
export const samplerNode: NodeType = {
  type: 'diffusion/sampler',
  version: 1,
  title: 'DDPM sampler',
  category: 'diffusion',
  description:
    'Samples points by the reverse process ' +
    'x̂_{i−1} = (x̂_i − (1−α_i)/√(1−ᾱ_i) z_i(x̂_i))/√α_i ' +
    '+ σ_i ξ_i from x̂_n ~ N(0, I), with ξ_1 = 0; draws a few reverse trajectories.',
  inputs: {
    schedule: { type: 'schedule', label: 'schedule' },
    predictor: { type: 'noise-predictor', label: 'noise predictor' }
  },
  outputs: {
    samples: { type: 'samples', label: 'samples' },
    trajectories: { type: 'plot', label: 'trajectories' }
  },
  params: {
    count: COUNT,
    sigma: {
      kind: 'enum',
      default: 'default',
      options: SIGMA_KINDS,
      help:
        'σ_i²: ' +
        'default (1−α_i)/α_i, ' +
        'beta 1−α_i, ' +
        'or posterior (1−ᾱ_{i−1})/(1−ᾱ_i)·(1−α_i).'
    },
    trajectories: TRAJECTORIES,
    trajectorySteps: {
      kind: 'text',
      default: '',
      help: 'Steps i at which the trajectories are drawn, e.g. "100, 50, 10, 0"; empty: all.'
    }
  },

  async run(inputs, params, context) {
    const count = readNumberParam(params, 'count', COUNT);
    const sigma = readEnumParam(params, 'sigma', SIGMA_KINDS, 'default');
    const followed = readNumberParam(params, 'trajectories', TRAJECTORIES);
    const schedule = requireInput<Schedule>(inputs, 'schedule');
    const predictor = requireInput<NoisePredictor>(inputs, 'predictor');
    const n = schedule.alphas.length;
    const steps = readStepList(String(params.trajectorySteps ?? ''), n, 'trajectorySteps');
    const recorder = trajectoryRecorder(Math.min(followed, count), predictorDim(predictor), steps);

    const noise = noiseFunction(predictor, schedule, context.tf);
    try {
      const samples = await sampleReverse(
        schedule!,
        noise,
        sigma,
        count,
        normalSource(context.random),
        { signal: context.signal, progress: context.progress },
        recorder.watch
      );
      return { samples, trajectories: recorder.plot() };
    } finally {
      noise.dispose();
    }
  }
};

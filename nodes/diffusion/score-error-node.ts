import { NodeInputError, type NodeType, type NumberParam } from '../../src/lib/graph/node-type';
import type { LinesPlot, NoisePredictor, Schedule } from '../../src/lib/graph/values';
import { readNumberParam } from '../topology/params';
import { normalSource } from './normal';
import { noiseFunction, predictorDim } from './predict';
import { estimateScoreError } from './score-error';
import { requireInput } from '../inputs';

const PER_STEP: NumberParam = {
  kind: 'integer',
  default: 500,
  min: 1,
  max: 1_000_000,
  unit: 'points',
  help: 'Monte Carlo points x_i drawn at each step i.'
};

/**
 * Node `diffusion/score-error`: Monte Carlo estimates, against a Gaussian mixture's exact
 * predictor, of the score error L(n) = (1/n) Σ_i E|s_i(x_i) − ∇log p_i(x_i)|² (with
 * s_i = −z_i/√(1−ᾱ_i)) and of sup |z_i| over the points drawn, for any noise predictor, or
 * for the exact one itself when no other is connected (then L(n) = 0).
 */
export const scoreErrorNode: NodeType = {
  type: 'diffusion/score-error',
  version: 1,
  title: 'Score error L(n), sup |z|',
  category: 'diffusion',
  description:
    'Estimates L(n) = (1/n) Σ_i E|s_i(x_i) − ∇log p_i(x_i)|² and sup |z_i| of a noise ' +
    'predictor against the exact predictor of Gaussian-mixture data, by Monte Carlo.',
  inputs: {
    exact: { type: 'noise-predictor', label: 'exact (mixture) predictor' },
    schedule: { type: 'schedule', label: 'schedule' },
    predictor: { type: 'noise-predictor', label: 'predictor to assess', optional: true }
  },
  outputs: {
    scoreError: { type: 'numbers', label: 'L(n)' },
    supNoise: { type: 'numbers', label: 'sup |z|' },
    noiseError: { type: 'numbers', label: '(1/n) Σ E|z − z*|²' },
    plot: { type: 'plot', label: 'error per step' }
  },
  params: { perStep: PER_STEP },

  async run(inputs, params, context) {
    const perStep = readNumberParam(params, 'perStep', PER_STEP);
    const exact = inputs.exact as NoisePredictor | undefined;
    const schedule = requireInput<Schedule>(inputs, 'schedule');
    if (exact?.kind !== 'exact-mixture') {
      throw new NodeInputError(
        'Input "exact" must be the exact predictor of a Gaussian mixture (the "exact noise ' +
          `predictor" output of a mixture node); found ${exact ? `"${exact.kind}"` : 'nothing'}.`,
        'exact'
      );
    }
    const assessed = (inputs.predictor as NoisePredictor | undefined) ?? exact;
    if (predictorDim(assessed) !== exact.mixture.dim) {
      throw new NodeInputError(
        `Input "predictor" works in dimension ${predictorDim(assessed)}, but the mixture in ` +
          `"exact" is ${exact.mixture.dim}-D.`,
        'predictor'
      );
    }

    const noise = noiseFunction(assessed, schedule, context.tf);
    try {
      const normal = normalSource(context.random);
      const estimate = await estimateScoreError(
        noise,
        exact.mixture,
        schedule,
        perStep,
        context.random,
        normal,
        context.signal,
        context.progress
      );
      context.progress(1);
      const steps = Float64Array.from(estimate.perStep, (_, k) => k + 1);
      const plot: LinesPlot = {
        kind: 'lines',
        title: 'Score error per step: E|s_i(x_i) − ∇log p_i(x_i)|²',
        xLabel: 'step i',
        yLabel: 'E|s_i − ∇log p_i|²',
        series: [{ name: 'score error', x: steps, mean: estimate.perStep }],
        notes: [
          `L(n) = ${estimate.scoreError.toPrecision(4)}, ` +
            `sup |z| = ${estimate.supNoise.toPrecision(4)}, n = ${steps.length}`
        ]
      };
      return {
        scoreError: Float64Array.of(estimate.scoreError),
        supNoise: Float64Array.of(estimate.supNoise),
        noiseError: Float64Array.of(estimate.noiseError),
        plot
      };
    } finally {
      noise.dispose();
    }
  }
};

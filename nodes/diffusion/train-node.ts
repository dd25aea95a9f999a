import { NodeInputError, type NodeType, type NumberParam } from '../../src/lib/graph/node-type';
import type { LinesPlot, MlpNoisePredictor, Samples, Schedule } from '../../src/lib/graph/values';
import { Sfc32 } from '../rl/random';
import { Pacer, throwIfAborted } from '../pace';
import { readNumberParam } from '../topology/params';
import { initLayers, layerSizes } from './mlp';
import { normalSource } from './normal';
import { drawBatch, MlpTrainer } from './train';
import { requireInput } from '../inputs';

const int = (spec: Omit<NumberParam, 'kind'>): NumberParam => ({ kind: 'integer', ...spec });
const PARAMS = {
  width: int({ default: 64, min: 1, max: 4096, unit: 'units', help: 'Units per hidden layer.' }),
  layers: int({ default: 3, min: 1, max: 16, unit: 'layers', help: 'Hidden layers (SiLU).' }),
  steps: int({ default: 10_000, min: 1, max: 1_000_000, unit: 'steps', help: 'Adam steps.' }),
  batch: int({ default: 256, min: 1, max: 65_536, unit: 'points', help: 'Points per step.' }),
  learningRate: {
    kind: 'number',
    default: 2e-3,
    min: 1e-7,
    max: 1,
    help: 'Adam learning rate (β₁ 0.9, β₂ 0.999, ε 1e-8).'
  } satisfies NumberParam,
  frequencies: int({
    default: 4,
    min: 0,
    max: 16,
    unit: 'frequencies',
    help: 'Time features sin(2^k π i/n), cos(2^k π i/n) for k below this.'
  }),
  seed: int({ default: 0, min: 0, max: 2 ** 31 - 1, help: 'Seed of the weights and batches.' })
};

/**
 * Bounds on the network, checked before anything is allocated. Each is far above the
 * examples (64 × 3 with batches of 256 is 12 800 weights and 3.1 M multiply-adds a step) and
 * keeps one Adam step under about a second and its tensors within a few hundred MB: without
 * them width 4096 × batch 65 536 filled 3.5 GB and died in WASM with "memory access out of
 * bounds" after half a minute.
 */
const MAX_WEIGHTS = 1 << 24;
const MAX_ACTIVATIONS = 1 << 24;
const MAX_WORK = 1 << 29;
/** The largest |coordinate| training accepts: the MLP runs in 32-bit floats. */
const MAX_COORDINATE = 1e15;

/** Refuses a network or batch too big to train here, naming the params to lower. */
export function checkTrainingSize(sizes: number[], batch: number): void {
  const weights = sizes.slice(1).reduce((sum, out, k) => sum + sizes[k] * out, 0);
  const units = sizes.slice(1).reduce((sum, out) => sum + out, 0);
  const limits: [string, number, number][] = [
    ['weights', weights, MAX_WEIGHTS],
    ['activations per step (batch × units)', batch * units, MAX_ACTIVATIONS],
    ['multiply-adds per step (batch × weights)', batch * weights, MAX_WORK]
  ];
  for (const [what, value, limit] of limits) {
    if (value > limit) {
      throw new NodeInputError(
        `The network has ${value.toLocaleString('en')} ${what}; at most ` +
          `${limit.toLocaleString('en')} fit in one training step here. Lower "width", ` +
          `"layers" or "batch".`,
        what === 'weights' ? 'width' : 'batch'
      );
    }
  }
}

/** A loss this many times the dimension is far above the d of predicting 0: training diverged. */
const DIVERGED = 1000;
/** Checks the data input: connected, at least one point, every coordinate finite. */
function checkData(value: unknown): Samples {
  const data = value as Samples | undefined;
  if (!data || data.count < 1) {
    throw new NodeInputError('Input "data" must hold at least one point; found none.', 'data');
  }
  const bad = data.points.findIndex((v) => !(Math.abs(v) <= MAX_COORDINATE));
  if (bad >= 0) {
    const value = data.points[bad];
    const what = Number.isFinite(value)
      ? `coordinates of at most ${MAX_COORDINATE} in size (training runs in 32-bit floats; ` +
        'rescale the data)'
      : 'finite numbers';
    throw new NodeInputError(
      `Input "data" must hold ${what}; point ${Math.floor(bad / data.dim)} has ` +
        `${value} in coordinate ${bad % data.dim}.`,
      'data'
    );
  }
  return data;
}

/** The loss per step, averaged over up to 200 equal windows so the curve stays light. */
export function lossCurve(losses: Float64Array): LinesPlot {
  const windows = Math.min(200, losses.length);
  const size = losses.length / windows;
  const x = new Float64Array(windows);
  const mean = new Float64Array(windows);
  for (let w = 0; w < windows; w++) {
    const from = Math.floor(w * size);
    const to = Math.max(from + 1, Math.floor((w + 1) * size));
    let s = 0;
    for (let k = from; k < to; k++) s += losses[k];
    mean[w] = s / (to - from);
    x[w] = (from + to + 1) / 2;
  }
  const tail = losses.subarray(Math.floor(losses.length * 0.9));
  const last = tail.reduce((s, v) => s + v, 0) / tail.length;
  return {
    kind: 'lines',
    title: 'Training loss |Z − z_i(x_i)|²',
    xLabel: 'Adam step',
    yLabel: 'loss (batch mean)',
    series: [{ name: 'loss', x, mean }],
    notes: [`mean of the last 10% of steps: ${last.toPrecision(4)}`]
  };
}

/**
 * Node `diffusion/train-mlp`: an MLP noise predictor z_i(x) trained on TensorFlow.js with the
 * issue's objective (1/n) Σ_i E|Z − z_i(√ᾱ_i x₀ + √(1−ᾱ_i) Z)|²: each Adam step draws data
 * rows, steps i uniform in 1..n and Z ~ N(0, I) from a generator seeded by the run and `seed`.
 */
export const trainMlpNode: NodeType = {
  type: 'diffusion/train-mlp',
  version: 1,
  title: 'Train MLP noise predictor',
  category: 'diffusion',
  description:
    'Trains an MLP z_i(x) with time features of i/n on |Z − z_i(√ᾱ_i x₀ + √(1−ᾱ_i) Z)|² ' +
    '(Adam, TensorFlow.js); outputs the predictor for the sampler and the loss curve.',
  inputs: {
    data: { type: 'samples', label: 'data' },
    schedule: { type: 'schedule', label: 'schedule' }
  },
  outputs: {
    curve: { type: 'plot', label: 'loss curve' },
    predictor: { type: 'noise-predictor', label: 'noise predictor' },
    losses: { type: 'numbers', label: 'loss per step' }
  },
  params: PARAMS,

  async run(inputs, params, context) {
    const get = (name: keyof typeof PARAMS) => readNumberParam(params, name, PARAMS[name]);
    const [width, hidden, steps, batch, rate, frequencies, seed] = (
      ['width', 'layers', 'steps', 'batch', 'learningRate', 'frequencies', 'seed'] as const
    ).map(get);
    const data = checkData(inputs.data);
    const schedule = requireInput<Schedule>(inputs, 'schedule');

    const sizes = layerSizes(data.dim, frequencies, width, hidden);
    checkTrainingSize(sizes, batch);

    const word = () => Math.floor(context.random() * 4294967296) >>> 0;
    const rng = new Sfc32((word() ^ seed) >>> 0, word(), word(), word());
    const random = () => rng.next();
    const normal = normalSource(random);
    const layers = initLayers(sizes, random);
    const trainer = new MlpTrainer(context.tf, layers, rate);
    const losses = new Float64Array(steps);
    const pacer = new Pacer(context.signal, context.progress);

    try {
      for (let s = 0; s < steps; s++) {
        throwIfAborted(context.signal);
        const loss = trainer.step(
          drawBatch(data, schedule.alphaBars, frequencies, batch, random, normal)
        );
        losses[s] = loss;
        if (s === 0 && !Number.isFinite(loss)) {
          // Before any update the weights are the seeded start: the data or schedule is at fault.
          throw new NodeInputError(
            `The loss of the untrained network is ${loss}: the data or the schedule gives ` +
              'numbers too large for 32-bit floats. Rescale the data.',
            'data'
          );
        }
        if (!Number.isFinite(loss) || loss > DIVERGED * data.dim) {
          throw new NodeInputError(
            `Training diverged at step ${s + 1} of ${steps}: the loss is ${loss}, against ` +
              `${data.dim} for predicting Z = 0. Lower "learningRate" (now ${rate}).`,
            'learningRate'
          );
        }
        if (pacer.due) await pacer.tick((s + 1) / steps, `loss ${loss.toPrecision(3)}`);
      }

      const predictor: MlpNoisePredictor = {
        kind: 'mlp',
        dim: data.dim,
        frequencies,
        layers: trainer.layers(),
        alphaBars: Float64Array.from(schedule.alphaBars)
      };
      context.progress(1, `loss ${losses[steps - 1].toPrecision(3)}`);
      return { curve: lossCurve(losses), predictor, losses };
    } finally {
      trainer.dispose();
    }
  }
};

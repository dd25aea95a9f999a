import {
  NodeInputError,
  type NodeType,
  type NumberParam,
  type RunContext
} from '../../src/lib/graph/node-type';
import type { Environment, RlRuns } from '../../src/lib/graph/values';
import { Pacer, throwIfAborted } from '../pace';
import { readEnumParam, readNumberParam } from '../topology/params';
import { checkEnvironment } from './environment';
import { TdLearner } from './learner';
import { seedStreams, type Sfc32 } from './random';
import { greedyPath, type EpisodeRecords, type TdSettings } from './td';
import { METHODS } from './td-update';
import { POLICIES, SOFTMAX } from './policy';

const num = (spec: Omit<NumberParam, 'kind'>): NumberParam => ({ kind: 'number', ...spec });
const int = (spec: Omit<NumberParam, 'kind'>): NumberParam => ({ kind: 'integer', ...spec });

/** The agent's params, with bounds; all are checked before a run starts. */
export const TD_PARAMS = {
  alpha: num({ default: 0.5, min: 0, max: 1, help: 'Learning rate α of every update.' }),
  gamma: num({ default: 1, min: 0, max: 1, help: 'Discount γ of future rewards.' }),
  epsilon: num({ default: 0.1, min: 0, max: 1, help: 'Exploration ε of the ε-greedy policy.' }),
  epsilonDecay: num({
    default: 1,
    min: 0,
    max: 1,
    help: 'ε is multiplied by this after every episode; 1 keeps it constant.'
  }),
  temperature: num({
    default: 1,
    min: 0,
    max: 1e6,
    help: 'Softmax: temperature τ > 0 of π(a) ∝ exp(Q(s, a) / τ); small τ is nearly greedy.'
  }),
  temperatureDecay: num({
    default: 1,
    min: 0,
    max: 1,
    help: 'Softmax: τ is multiplied by this after every episode; 1 keeps it constant.'
  }),
  episodes: int({
    default: 500,
    min: 1,
    max: 1_000_000,
    unit: 'episodes',
    help: 'Episodes per seed.'
  }),
  maxSteps: int({
    default: 0,
    min: 0,
    max: 1_000_000,
    unit: 'steps',
    help: 'Step limit of an episode; 0 uses the environment’s. Always applied.'
  }),
  seeds: int({
    default: 50,
    min: 1,
    max: 100_000,
    unit: 'runs',
    help: 'Independent runs to average.'
  }),
  qInit: num({ default: 0, min: -1e6, max: 1e6, help: 'Initial value of every Q(s, a).' })
};
const INITIAL_STEPS = ['run', 'episode'] as const;

/** Steps between two looks at the cancel signal, inside an episode too. */
export const STEPS_PER_CHECK = 4096;
/**
 * Runs every seed of the agent in turn, writing per-episode results into `out`, and returns
 * the final Q-table averaged over seeds. Every `STEPS_PER_CHECK` steps it looks at the run's
 * cancel signal, and every few milliseconds it reports progress and yields to the event loop so that
 * a cancel message sent to a worker is delivered, so a stop takes effect inside a long seed.
 */
export async function learnSeeds(
  env: Environment,
  settings: TdSettings,
  streams: Sfc32[],
  out: EpisodeRecords,
  context: RunContext
): Promise<Float64Array> {
  const learner = new TdLearner(env, settings, out);
  const meanQ = new Float64Array(env.stateCount * env.actionCount);
  const seeds = streams.length;
  const pacer = new Pacer(context.signal, context.progress);

  for (let seed = 0; seed < seeds; seed++) {
    learner.begin(streams[seed], seed);
    let done = false;
    while (!done) {
      throwIfAborted(context.signal);
      done = learner.advance(STEPS_PER_CHECK);
      if (pacer.due) await pacer.tick((seed + learner.progress) / seeds);
    }
    learner.addTableTo(meanQ, seeds);
  }

  throwIfAborted(context.signal);
  context.progress(1);
  return meanQ;
}

/**
 * Node `rl/td-control`: tabular TD control (SARSA, Q-learning, the hybrid rule, expected SARSA
 * or double Q-learning; see `tdUpdate`) run for several independent seeds, each with its own
 * random stream drawn from the node's seeded source. The behaviour policy is ε-greedy or
 * softmax (`policy.ts`); it draws SARSA's and the hybrid's a′, and expected SARSA takes its
 * expectation under the same policy, so with softmax expected SARSA averages Q(s′, ·) with the
 * Boltzmann weights. Q-learning's and double Q-learning's targets do not depend on it. Outputs
 * every episode's return, length and max-Q of the start, the final Q-table averaged over seeds
 * and its greedy path. A stop request takes effect within a few thousand steps, inside a seed
 * too.
 */
export const tdControlNode: NodeType = {
  type: 'rl/td-control',
  version: 1,
  title: 'TD control agent',
  category: 'reinforcement learning',
  description:
    'Learns Q-values on an environment by SARSA, Q-learning, the hybrid rule, expected SARSA ' +
    'or double Q-learning with an ε-greedy or softmax policy, over many seeds.',
  inputs: { environment: { type: 'environment', label: 'environment' } },
  outputs: { runs: { type: 'rl-runs', label: 'runs' } },
  params: {
    method: {
      kind: 'enum',
      default: 'sarsa',
      options: METHODS,
      help: 'The TD update: sarsa, q-learning, hybrid, expected-sarsa or double-q.'
    },
    policy: {
      kind: 'enum',
      default: 'epsilon-greedy',
      options: POLICIES,
      help:
        'Behaviour: ε-greedy (epsilon) or softmax π(a) ∝ exp(Q/τ) (temperature). SARSA and the ' +
        'hybrid draw a′ from it; expected SARSA averages Q(s′, ·) under it.'
    },
    ...TD_PARAMS,
    initialStep: {
      kind: 'enum',
      default: 'run',
      options: INITIAL_STEPS,
      help:
        'Hybrid: δ₁ comes from the first step (with both TD errors non-zero) ' +
        'of the run or of each episode.'
    },
    name: { kind: 'text', default: '', help: 'The agent’s name in plots; empty uses the method.' }
  },

  async run(inputs, params, context) {
    const env = inputs.environment as Environment | undefined;
    if (!env || typeof env !== 'object' || !(env.next instanceof Int32Array)) {
      throw new NodeInputError(
        'Input "environment" must be an environment; found none.',
        'environment'
      );
    }
    checkEnvironment(env, 'environment');
    const method = readEnumParam(params, 'method', METHODS, 'sarsa');
    const read = (name: keyof typeof TD_PARAMS) => readNumberParam(params, name, TD_PARAMS[name]);
    const maxSteps = read('maxSteps');
    const settings: TdSettings = {
      method: METHODS.indexOf(method),
      alpha: read('alpha'),
      gamma: read('gamma'),
      epsilon: read('epsilon'),
      epsilonDecay: read('epsilonDecay'),
      policy: POLICIES.indexOf(readEnumParam(params, 'policy', POLICIES, 'epsilon-greedy')),
      temperature: read('temperature'),
      temperatureDecay: read('temperatureDecay'),
      episodes: read('episodes'),
      maxSteps: maxSteps === 0 ? env.maxSteps : maxSteps,
      qInit: read('qInit'),
      initialStep: readEnumParam(params, 'initialStep', INITIAL_STEPS, 'run')
    };
    if (settings.policy === SOFTMAX && !(settings.temperature > 0)) {
      throw new NodeInputError(
        'Param "temperature" must be above 0 for the softmax policy; found 0. ' +
          'Use a small value such as 0.01 for a nearly greedy policy.',
        'temperature'
      );
    }
    const seeds = read('seeds');
    const total = seeds * settings.episodes;
    if (total > 50_000_000) {
      throw new NodeInputError(
        `Params "seeds" × "episodes" must be at most 50,000,000; found ${total}.`,
        'episodes'
      );
    }

    const out = {
      returns: new Float64Array(total),
      steps: new Int32Array(total),
      startMaxQ: new Float64Array(total)
    };
    const streams = seedStreams(context.random, seeds);
    const meanQ = await learnSeeds(env, settings, streams, out, context);

    const runs: RlRuns = {
      name: String(params.name ?? '').trim() || method,
      method,
      seeds,
      episodes: settings.episodes,
      ...out,
      meanQ,
      greedyPath: greedyPath(env, meanQ),
      environment: env
    };
    return { runs };
  }
};

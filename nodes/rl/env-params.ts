import type { NumberParam, Params } from '../../src/lib/graph/node-type';
import type { Environment, EnvironmentPlot } from '../../src/lib/graph/values';
import { readNumberParam } from '../topology/params';

/**
 * Variance of the Gaussian noise added to every reward (0 for none); on a path graph, the
 * default for edges that give no variance of their own.
 */
export const REWARD_VARIANCE: NumberParam = {
  kind: 'number',
  default: 0,
  min: 0,
  max: 1e6,
  unit: 'reward²',
  help:
    'Variance of Gaussian noise added to every reward (on a path graph, to every edge without ' +
    'a variance of its own); 0 gives exact rewards.'
};

/** Probability that the agent's chosen action is replaced by a uniformly random one. */
export const SLIP: NumberParam = {
  kind: 'number',
  default: 0,
  min: 0,
  max: 1,
  help: 'Probability that a step takes a random action instead of the chosen one.'
};

/** The step limit of an episode, with its default. */
export function maxStepsParam(fallback: number): NumberParam {
  return {
    kind: 'integer',
    default: fallback,
    min: 1,
    max: 1_000_000,
    unit: 'steps',
    help: 'An episode ends after this many steps even if no goal was reached.'
  };
}

/** Reads the noise, slip and step-limit params every environment node has. */
export function readDynamics(params: Params, maxSteps: NumberParam) {
  return {
    rewardVariance: readNumberParam(params, 'rewardVariance', REWARD_VARIANCE),
    slip: readNumberParam(params, 'slip', SLIP),
    maxSteps: readNumberParam(params, 'maxSteps', maxSteps)
  };
}

/** The picture of an environment on its own, with no path drawn: each node's second output. */
export function environmentPicture(env: Environment): EnvironmentPlot {
  const goals = env.stateNames.filter((_, s) => env.terminal[s]);
  return {
    kind: 'environment',
    title: env.name,
    environment: env,
    path: new Int32Array(0),
    notes: [
      `${env.stateCount} states, start ${env.stateNames[env.start]}, goal ${goals.join(', ')}`
    ]
  };
}

import type { Environment } from '../../src/lib/graph/values';

/** The settings of one agent, shared by all its seeds. */
export interface TdSettings {
  /** Method code from `td-update.ts` (SARSA, Q_LEARNING, ...). */
  method: number;
  alpha: number;
  gamma: number;
  epsilon: number;
  /** ε of episode e is `epsilon · epsilonDecay^e`. */
  epsilonDecay: number;
  /** Policy code from `policy.ts` (EPSILON_GREEDY or SOFTMAX). */
  policy: number;
  /** Softmax: τ of episode e is `temperature · temperatureDecay^e`. */
  temperature: number;
  temperatureDecay: number;
  episodes: number;
  maxSteps: number;
  qInit: number;
  /** Hybrid only: the initial step is that of the run (`run`) or of each episode (`episode`). */
  initialStep: 'run' | 'episode';
}

/** Where one seed's per-episode results go, at offset `seed * episodes`. */
export interface EpisodeRecords {
  returns: Float64Array;
  steps: Int32Array;
  startMaxQ: Float64Array;
}

/**
 * The states visited from the start following the Q-table greedily (first best action on
 * ties, no slip), until a goal, a state already visited, or the environment's step limit.
 */
export function greedyPath(env: Environment, q: Float64Array): Int32Array {
  const path = [env.start];
  const seen = new Uint8Array(env.stateCount);
  seen[env.start] = 1;
  let s = env.start;
  while (!env.terminal[s] && path.length <= env.maxSteps) {
    const row = s * env.actionCount;
    let best = 0;
    for (let b = 1; b < env.actionsIn[s]; b++) if (q[row + b] > q[row + best]) best = b;
    s = env.next[row + best];
    path.push(s);
    if (seen[s]) break;
    seen[s] = 1;
  }
  return Int32Array.from(path);
}

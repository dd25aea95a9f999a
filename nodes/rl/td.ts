import type { Environment } from '../../src/lib/graph/values';
import type { Sfc32 } from './random';
import { DOUBLE_Q, HYBRID, tdUpdate, type Transition } from './td-update';

/** The settings of one agent, shared by all its seeds. */
export interface TdSettings {
  /** Method code from `td-update.ts` (SARSA, Q_LEARNING, ...). */
  method: number;
  alpha: number;
  gamma: number;
  epsilon: number;
  /** ε of episode e is `epsilon · epsilonDecay^e`. */
  epsilonDecay: number;
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
 * The ε-greedy action in state s over the first `k` actions of `q` (plus `q2`, for double
 * Q-learning, whose behaviour follows Q₁ + Q₂): a uniform action with probability ε, else a
 * greedy one with ties broken uniformly at random.
 */
export function chooseAction(
  q: Float64Array,
  q2: Float64Array | null,
  row: number,
  k: number,
  epsilon: number,
  rng: Sfc32
): number {
  if (rng.next() < epsilon) return rng.below(k);

  let best = -Infinity;
  let first = 0;
  let ties = 0;
  for (let b = 0; b < k; b++) {
    const v = q2 ? q[row + b] + q2[row + b] : q[row + b];
    if (v > best) {
      best = v;
      first = b;
      ties = 1;
    } else if (v === best) ties++;
  }
  if (ties === 1) return first;

  let pick = rng.below(ties);
  for (let b = 0; b < k; b++) {
    if ((q2 ? q[row + b] + q2[row + b] : q[row + b]) === best && pick-- === 0) return b;
  }
  return 0;
}

/**
 * Runs one seed of TD control on the environment: `settings.episodes` episodes from the start,
 * each ending at a goal or after `settings.maxSteps` steps, with slip and reward noise drawn
 * from `rng`. Learns into `q` (and `q2` for double Q-learning), which it first fills with
 * `qInit`, and writes each episode's return, length and max-Q of the start into `out` at
 * `seed`. The behaviour action a′ in s′ is drawn before the update, so every method sees the
 * same a′ (SARSA's and the hybrid's δ(S) need it).
 */
export function runSeed(
  env: Environment,
  settings: TdSettings,
  rng: Sfc32,
  q: Float64Array,
  q2: Float64Array,
  out: EpisodeRecords,
  seed: number
): void {
  const { method, alpha, gamma, episodes, maxSteps } = settings;
  const { actionCount: m, actionsIn, next, reward, terminal, start } = env;
  const double = method === DOUBLE_Q;
  const behaviour2 = double ? q2 : null;
  const sd = Math.sqrt(env.rewardVariance);
  const slip = env.slip;
  const ref = new Float64Array(3);
  const step: Transition = { s: 0, a: 0, r: 0, s2: 0, a2: 0, k2: 0, terminal: false };
  q.fill(settings.qInit);
  q2.fill(settings.qInit);

  for (let e = 0; e < episodes; e++) {
    const epsilon = settings.epsilon * settings.epsilonDecay ** e;
    if (method === HYBRID && (settings.initialStep === 'episode' || e === 0)) ref[0] = 0;
    let s = start;
    let a = chooseAction(q, behaviour2, s * m, actionsIn[s], epsilon, rng);
    let total = 0;
    let t = 0;

    while (t < maxSteps) {
      const taken = slip > 0 && rng.next() < slip ? rng.below(actionsIn[s]) : a;
      const r = sd > 0 ? reward[s * m + taken] + sd * rng.normal() : reward[s * m + taken];
      const s2 = next[s * m + taken];
      const end = terminal[s2] === 1;
      const a2 = end ? 0 : chooseAction(q, behaviour2, s2 * m, actionsIn[s2], epsilon, rng);
      total += r;
      t++;

      step.s = s;
      step.a = a;
      step.r = r;
      step.s2 = s2;
      step.a2 = a2;
      step.k2 = actionsIn[s2];
      step.terminal = end;
      tdUpdate(method, q, q2, m, step, alpha, gamma, epsilon, double ? rng.next() : 0, ref);
      if (end) break;
      s = s2;
      a = a2;
    }

    const at = seed * episodes + e;
    out.returns[at] = total;
    out.steps[at] = t;
    out.startMaxQ[at] = startMax(q, double ? q2 : null, start * m, actionsIn[start]);
  }
}

function startMax(q: Float64Array, q2: Float64Array | null, row: number, k: number): number {
  let best = -Infinity;
  for (let b = 0; b < k; b++) {
    const v = q2 ? (q[row + b] + q2[row + b]) / 2 : q[row + b];
    if (v > best) best = v;
  }
  return best;
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

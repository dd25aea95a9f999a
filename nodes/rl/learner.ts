import { NodeInputError } from '../../src/lib/graph/node-type';
import type { Environment } from '../../src/lib/graph/values';
import {
  epsilonGreedyAction,
  greedyAction,
  pickTie,
  SOFTMAX,
  softmaxAction,
  softmaxExpectation
} from './policy';
import type { Sfc32 } from './random';
import type { EpisodeRecords, TdSettings } from './td';
import { DOUBLE_Q, doubleQUpdate, EXPECTED_SARSA, HYBRID, tdUpdate } from './td-update';

/**
 * The standard deviation of the reward noise of every (state, action) cell: from the
 * environment's per-action variances where it has them, else its one variance everywhere.
 */
export function noiseTable(env: Environment): Float64Array {
  const cells = env.stateCount * env.actionCount;
  const sd = new Float64Array(cells).fill(Math.sqrt(env.rewardVariance));
  if (env.rewardVariances)
    for (let k = 0; k < cells; k++) sd[k] = Math.sqrt(env.rewardVariances[k]);
  return sd;
}

/**
 * One agent learning on one environment, one seed at a time, in slices of steps that can be
 * resumed: `begin` starts a seed, `advance(budget)` runs at most `budget` more steps of it, so
 * that the caller can look for a cancel request every few thousand steps, even inside a long
 * episode. Each of the seed's `settings.episodes` episodes starts at the start state and ends
 * at a goal or after `settings.maxSteps` steps, with slip and reward noise drawn from the
 * seed's generator. The behaviour action a′ in s′ is drawn before the update, so every method
 * sees the same a′ (SARSA's and the hybrid's δ(S) need it). Stepping allocates nothing: the
 * tables are flat typed arrays and every per-step value a local.
 */
export class TdLearner {
  /** Q-table (Q₁ for double Q-learning), state-major as `Environment.next`. */
  readonly q: Float64Array;
  /** Q₂ of double Q-learning; unused by the other methods. */
  readonly q2: Float64Array;
  /** Double Q-learning's Q₁ + Q₂, kept up to date cell by cell for its behaviour policy. */
  private readonly both: Float64Array;
  private readonly ref = new Float64Array(3);
  /** Scratch space for the softmax weights of one state's actions. */
  private readonly weights: Float64Array;
  private readonly sd: Float64Array;
  private readonly noisy: boolean;
  private readonly double: boolean;
  private rng: Sfc32 | null = null;
  private seed = 0;
  private episode = 0;
  private inEpisode = false;
  private epsilon = 0;
  private temperature = 0;
  private s = 0;
  private a = 0;
  private t = 0;
  private total = 0;

  constructor(
    private readonly env: Environment,
    private readonly settings: TdSettings,
    private readonly out: EpisodeRecords
  ) {
    const cells = env.stateCount * env.actionCount;
    this.q = new Float64Array(cells);
    this.q2 = new Float64Array(cells);
    this.double = settings.method === DOUBLE_Q;
    this.both = this.double ? new Float64Array(cells) : this.q;
    this.weights = new Float64Array(env.actionCount);
    this.sd = noiseTable(env);
    this.noisy = this.sd.some((v) => v > 0);
  }

  /** Starts seed `seed` with its generator: every Q-value set to `qInit`, no episode run. */
  begin(rng: Sfc32, seed: number): void {
    this.rng = rng;
    this.seed = seed;
    this.episode = 0;
    this.inEpisode = false;
    this.q.fill(this.settings.qInit);
    this.q2.fill(this.settings.qInit);
    if (this.double) this.both.fill(2 * this.settings.qInit);
  }

  /** The fraction of the current seed's episodes that have ended. */
  get progress(): number {
    return this.episode / this.settings.episodes;
  }

  /**
   * Adds the seed's final Q-table (Q, or (Q₁ + Q₂) / 2 for double Q-learning) / `n` to
   * `sum`.
   */
  addTableTo(sum: Float64Array, n: number): void {
    const { q, q2, double } = this;
    for (let k = 0; k < sum.length; k++) sum[k] += (double ? (q[k] + q2[k]) / 2 : q[k]) / n;
  }

  /** The behaviour policy's action in the state whose row starts at `row` (`k` actions). */
  private choose(row: number, k: number, rng: Sfc32): number {
    if (this.settings.policy === SOFTMAX) {
      const scale = this.double ? 2 : 1;
      return softmaxAction(this.both, row, k, this.temperature, scale, this.weights, rng);
    }
    return epsilonGreedyAction(this.both, row, k, this.epsilon, rng);
  }

  /** Runs at most `budget` steps; returns true once the seed's last episode has ended. */
  advance(budget: number): boolean {
    const rng = this.rng as Sfc32;
    const { method, alpha, gamma, episodes, maxSteps } = this.settings;
    const { actionCount: m, actionsIn, next, reward, terminal, slip } = this.env;
    const { q, q2, both, ref, sd, noisy, double, weights } = this;
    const softmax = this.settings.policy === SOFTMAX;
    const scale = double ? 2 : 1;
    const fused = method === EXPECTED_SARSA && !softmax;
    let left = budget;

    while (this.episode < episodes) {
      if (!this.inEpisode) this.startEpisode(rng);
      let { s, a, t, total } = this;
      const { epsilon, temperature } = this;
      let ended = false;

      while (t < maxSteps && left > 0) {
        const taken = slip > 0 && rng.next() < slip ? rng.below(actionsIn[s]) : a;
        const at = s * m + taken;
        const r = noisy && sd[at] > 0 ? reward[at] + sd[at] * rng.normal() : reward[at];
        const s2 = next[at];
        const end = terminal[s2] === 1;
        const row = end ? -1 : s2 * m;
        const k2 = actionsIn[s2];
        // The ε-greedy draw is written out here rather than through `choose`: this loop is
        // the hot path, and V8 inlines the small greedy search but not the whole policy.
        let a2 = 0;
        let expected = 0;
        if (end) {
          // Nothing follows a goal: no action, nothing to bootstrap from.
        } else if (fused) {
          // Expected SARSA with ε-greedy reads the same row twice, for the action and for the
          // expectation; one pass gathers the max, its ties and the sum for both. The draws
          // are those of `epsilonGreedyAction`, in the same order, and the expectation is
          // `epsilonGreedyExpectation`'s, term for term.
          let best = -Infinity;
          let first = 0;
          let ties = 0;
          let sum = 0;
          for (let b = 0; b < k2; b++) {
            const v = q[row + b];
            if (v > best) {
              best = v;
              first = b;
              ties = 1;
            } else if (v === best) ties++;
            sum = sum + v;
          }
          if (rng.next() < epsilon) a2 = rng.below(k2);
          else a2 = ties === 1 ? first : pickTie(q, row, k2, best, rng.below(ties));
          expected = (1 - epsilon) * best + epsilon * (sum / k2);
        } else if (softmax) {
          a2 = softmaxAction(both, row, k2, temperature, scale, weights, rng);
        } else if (rng.next() < epsilon) a2 = rng.below(k2);
        else a2 = greedyAction(both, row, k2, rng);
        total += r;
        t++;
        left--;

        const i = s * m + a;
        if (double) {
          doubleQUpdate(q, q2, i, r, row, k2, alpha, gamma, rng.next());
          both[i] = q[i] + q2[i];
        } else {
          if (softmax && method === EXPECTED_SARSA && !end) {
            expected = softmaxExpectation(q, row, k2, temperature, weights);
          }
          tdUpdate(method, q, i, r, row, k2, a2, expected, alpha, gamma, ref);
        }
        if (end) {
          ended = true;
          break;
        }
        s = s2;
        a = a2;
      }

      this.s = s;
      this.a = a;
      this.t = t;
      this.total = total;
      if (!ended && t < maxSteps) return false;
      this.endEpisode();
    }
    return true;
  }

  private startEpisode(rng: Sfc32): void {
    const { settings, env } = this;
    this.epsilon = settings.epsilon * settings.epsilonDecay ** this.episode;
    this.temperature = settings.temperature * settings.temperatureDecay ** this.episode;
    if (settings.method === HYBRID && (settings.initialStep === 'episode' || this.episode === 0)) {
      this.ref[0] = 0;
    }
    this.s = env.start;
    this.a = this.choose(env.start * env.actionCount, env.actionsIn[env.start], rng);
    this.t = 0;
    this.total = 0;
    this.inEpisode = true;
  }

  private endEpisode(): void {
    const { env, out } = this;
    const at = this.seed * this.settings.episodes + this.episode;
    out.returns[at] = this.total;
    out.steps[at] = this.t;

    const row = env.start * env.actionCount;
    let best = -Infinity;
    for (let b = 0; b < env.actionsIn[env.start]; b++) {
      const v = this.double ? this.both[row + b] / 2 : this.q[row + b];
      if (v > best) best = v;
    }
    if (!Number.isFinite(best) || !Number.isFinite(this.total)) {
      throw new NodeInputError(
        `Seed ${this.seed + 1}, episode ${this.episode + 1}: the Q-values or the return ` +
          `became ${Number.isNaN(best) ? 'NaN' : 'infinite'} (max-Q of the start ${best}, ` +
          `return ${this.total}). Lower "alpha" or the size of the rewards and their noise.`,
        'alpha'
      );
    }
    out.startMaxQ[at] = best;
    this.episode++;
    this.inEpisode = false;
  }
}

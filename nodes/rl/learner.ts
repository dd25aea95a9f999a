import type { Environment } from '../../src/lib/graph/values';
import type { Sfc32 } from './random';
import { chooseAction, type EpisodeRecords, type TdSettings } from './td';
import { argmaxFirst, DOUBLE_Q, HYBRID, tdUpdate, type Transition } from './td-update';

/**
 * One agent learning on one environment, one seed at a time, in slices of steps that can be
 * resumed: `begin` starts a seed, `advance(budget)` runs at most `budget` more steps of it, so
 * that the caller can look for a cancel request every few thousand steps, even inside a long
 * episode. Each of the seed's `settings.episodes` episodes starts at the start state and ends
 * at a goal or after `settings.maxSteps` steps, with slip and reward noise drawn from the
 * seed's generator. The behaviour action a′ in s′ is drawn before the update, so every method
 * sees the same a′ (SARSA's and the hybrid's δ(S) need it). Stepping allocates nothing.
 */
export class TdLearner {
  /** Q-table (Q₁ for double Q-learning), state-major as `Environment.next`. */
  readonly q: Float64Array;
  /** Q₂ of double Q-learning; unused by the other methods. */
  readonly q2: Float64Array;
  /** Double Q-learning's Q₁ + Q₂, kept up to date cell by cell for its behaviour policy. */
  private readonly both: Float64Array;
  private readonly ref = new Float64Array(3);
  private readonly step: Transition = { s: 0, a: 0, r: 0, s2: 0, a2: 0, k2: 0, terminal: false };
  private readonly double: boolean;
  private readonly sd: number;
  private rng: Sfc32 | null = null;
  private seed = 0;
  private episode = 0;
  private inEpisode = false;
  private epsilon = 0;
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
    this.sd = Math.sqrt(env.rewardVariance);
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

  /** Runs at most `budget` steps; returns true once the seed's last episode has ended. */
  advance(budget: number): boolean {
    const rng = this.rng as Sfc32;
    const { method, alpha, gamma, episodes, maxSteps } = this.settings;
    const { actionCount: m, actionsIn, next, reward, terminal, start, slip } = this.env;
    const { q, q2, both, step, ref, sd, double } = this;
    let left = budget;

    while (this.episode < episodes) {
      if (!this.inEpisode) this.startEpisode(rng);
      let { s, a, t, total } = this;
      const epsilon = this.epsilon;
      let ended = false;

      while (t < maxSteps && left > 0) {
        const taken = slip > 0 && rng.next() < slip ? rng.below(actionsIn[s]) : a;
        const at = s * m + taken;
        const r = sd > 0 ? reward[at] + sd * rng.normal() : reward[at];
        const s2 = next[at];
        const end = terminal[s2] === 1;
        const a2 = end ? 0 : chooseAction(both, s2 * m, actionsIn[s2], epsilon, rng);
        total += r;
        t++;
        left--;

        if (double) {
          doubleUpdate(
            q,
            q2,
            both,
            s * m + a,
            r,
            end ? -1 : s2 * m,
            actionsIn[s2],
            alpha,
            gamma,
            rng.next()
          );
        } else {
          step.s = s;
          step.a = a;
          step.r = r;
          step.s2 = s2;
          step.a2 = a2;
          step.k2 = actionsIn[s2];
          step.terminal = end;
          tdUpdate(method, q, q2, m, step, alpha, gamma, epsilon, 0, ref);
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
    if (settings.method === HYBRID && (settings.initialStep === 'episode' || this.episode === 0)) {
      this.ref[0] = 0;
    }
    this.s = env.start;
    this.a = chooseAction(
      this.both,
      env.start * env.actionCount,
      env.actionsIn[env.start],
      this.epsilon,
      rng
    );
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
    out.startMaxQ[at] = best;
    this.episode++;
    this.inEpisode = false;
  }
}

/**
 * Double Q-learning's update of cell `i` (the same rule as `tdUpdate`, inlined for speed):
 * with `coin` < 0.5 Q₁ learns from Q₂'s value of Q₁'s first best action in the row starting
 * at `row` (`k` actions; -1 when s′ is terminal), else the other way round. Keeps `both` =
 * Q₁ + Q₂ up to date.
 */
function doubleUpdate(
  q: Float64Array,
  q2: Float64Array,
  both: Float64Array,
  i: number,
  r: number,
  row: number,
  k: number,
  alpha: number,
  gamma: number,
  coin: number
): void {
  const learn = coin < 0.5 ? q : q2;
  const judge = coin < 0.5 ? q2 : q;
  const bootstrap = row < 0 ? 0 : judge[row + argmaxFirst(learn, row, k)];
  learn[i] = learn[i] + alpha * (r + gamma * bootstrap - learn[i]);
  both[i] = q[i] + q2[i];
}

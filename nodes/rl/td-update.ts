/** The tabular TD control methods Kumiki implements. */
export const METHODS = ['sarsa', 'q-learning', 'hybrid', 'expected-sarsa', 'double-q'] as const;
export type Method = (typeof METHODS)[number];

/** Method codes used inside the learner's loop, in the order of `METHODS`. */
export const SARSA = 0;
export const Q_LEARNING = 1;
export const HYBRID = 2;
export const EXPECTED_SARSA = 3;
export const DOUBLE_Q = 4;

/**
 * One step's transition for `tdUpdate`: from state `s` by action `a` with reward `r` to state
 * `s2` (offering `k2` actions), where the behaviour policy picked `a2`; `terminal` when `s2`
 * ends the episode, so nothing is bootstrapped from it.
 */
export interface Transition {
  s: number;
  a: number;
  r: number;
  s2: number;
  a2: number;
  k2: number;
  terminal: boolean;
}

/**
 * Applies one TD control update to the Q-table `q` (state-major, `m` actions per row), in
 * place, with learning rate `alpha` and discount `gamma`:
 * - SARSA: δ = r + γ Q(s′, a′) − Q(s, a) (Sutton & Barto, eq. 6.7);
 * - Q-learning: δ = r + γ maxₐ Q(s′, a) − Q(s, a) (eq. 6.8);
 * - expected SARSA: δ = r + γ [(1 − ε) maxₐ Q(s′, a) + ε meanₐ Q(s′, a)] − Q(s, a),
 *   the expectation under the ε-greedy policy (eq. 6.9);
 * - double Q-learning: if `coin` < 0.5,
 *   Q₁(s, a) += α [r + γ Q₂(s′, argmaxₐ Q₁(s′, a)) − Q₁(s, a)], else the same
 *   with the tables swapped; `q` is Q₁ and `q2` is Q₂ (van Hasselt 2010;
 *   ties go to the first action);
 * - hybrid: δ = δ(Q) if δ(S)/δ(S)₁ ≥ δ(Q)/δ(Q)₁, else δ(S), where δ(S)₁ and
 *   δ(Q)₁ are the TD errors of the initial step, kept in `ref` as [set, δ(S)₁, δ(Q)₁].
 *   The initial step is the first step after `ref[0]` was cleared at which neither error is
 *   zero (a zero would make the ratios undefined); until then the SARSA update is used, and
 *   at the initial step itself both ratios are 1, so it makes the Q-learning update.
 * A terminal `s2` contributes nothing: the target is r alone.
 */
export function tdUpdate(
  method: number,
  q: Float64Array,
  q2: Float64Array,
  m: number,
  t: Transition,
  alpha: number,
  gamma: number,
  epsilon: number,
  coin: number,
  ref: Float64Array
): void {
  if (method === DOUBLE_Q) {
    const learn = coin < 0.5 ? q : q2;
    const judge = coin < 0.5 ? q2 : q;
    const i = t.s * m + t.a;
    const bootstrap = t.terminal ? 0 : judge[t.s2 * m + argmaxFirst(learn, t.s2 * m, t.k2)];
    learn[i] = learn[i] + alpha * (t.r + gamma * bootstrap - learn[i]);
    return;
  }

  const i = t.s * m + t.a;
  const row = t.s2 * m;
  let best = 0;
  let sum = 0;
  if (!t.terminal) {
    best = q[row];
    for (let b = 0; b < t.k2; b++) {
      if (q[row + b] > best) best = q[row + b];
      sum = sum + q[row + b];
    }
  }
  const next = t.terminal ? 0 : q[row + t.a2];
  const deltaS = t.r + gamma * next - q[i];
  const deltaQ = t.r + gamma * best - q[i];

  let delta = deltaS;
  if (method === Q_LEARNING) delta = deltaQ;
  else if (method === EXPECTED_SARSA) {
    const expected = t.terminal ? 0 : (1 - epsilon) * best + epsilon * (sum / t.k2);
    delta = t.r + gamma * expected - q[i];
  } else if (method === HYBRID) {
    if (ref[0] === 0 && deltaS !== 0 && deltaQ !== 0) {
      ref[0] = 1;
      ref[1] = deltaS;
      ref[2] = deltaQ;
    }
    if (ref[0] === 1 && deltaS / ref[1] >= deltaQ / ref[2]) delta = deltaQ;
  }
  q[i] = q[i] + alpha * delta;
}

/** The first action of the row starting at `row` with the largest value among `count`. */
export function argmaxFirst(q: Float64Array, row: number, count: number): number {
  let best = 0;
  for (let b = 1; b < count; b++) if (q[row + b] > q[row + best]) best = b;
  return best;
}

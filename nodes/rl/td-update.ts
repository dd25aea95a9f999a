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
 * Applies one TD control update to cell `i` = (s, a) of the Q-table `q` (state-major), in
 * place, after reward `r` and a step to s′, whose row of `q` starts at `row` (−1 when s′ is
 * terminal: nothing is bootstrapped from it, the target is r alone) and offers `k2` actions;
 * `a2` is the action the behaviour policy drew in s′ and `expected` the expected Q(s′, ·) under
 * that policy (see `policy.ts`). With learning rate `alpha` and discount `gamma`:
 * - SARSA: δ = r + γ Q(s′, a′) − Q(s, a) (Sutton & Barto, eq. 6.7);
 * - Q-learning: δ = r + γ maxₐ Q(s′, a) − Q(s, a) (eq. 6.8);
 * - expected SARSA: δ = r + γ E_π Q(s′, ·) − Q(s, a) (eq. 6.9);
 * - hybrid: δ = δ(Q) if δ(S)/δ(S)₁ ≥ δ(Q)/δ(Q)₁, else δ(S), where δ(S)₁ and
 *   δ(Q)₁ are the TD errors of the initial step, kept in `ref` as [set, δ(S)₁, δ(Q)₁].
 *   The initial step is the first step after `ref[0]` was cleared at which neither error is
 *   zero (a zero would make the ratios undefined); until then the SARSA update is used, and
 *   at the initial step itself both ratios are 1, so it makes the Q-learning update.
 * Double Q-learning has its own update, `doubleQUpdate`.
 */
export function tdUpdate(
  method: number,
  q: Float64Array,
  i: number,
  r: number,
  row: number,
  k2: number,
  a2: number,
  expected: number,
  alpha: number,
  gamma: number,
  ref: Float64Array
): void {
  const old = q[i];
  if (method === SARSA) {
    q[i] = old + alpha * (r + gamma * (row < 0 ? 0 : q[row + a2]) - old);
    return;
  }
  if (method === EXPECTED_SARSA) {
    q[i] = old + alpha * (r + gamma * (row < 0 ? 0 : expected) - old);
    return;
  }

  let best = 0;
  if (row >= 0) {
    best = q[row];
    for (let b = 1; b < k2; b++) if (q[row + b] > best) best = q[row + b];
  }
  const deltaQ = r + gamma * best - old;
  if (method === Q_LEARNING) {
    q[i] = old + alpha * deltaQ;
    return;
  }

  const deltaS = r + gamma * (row < 0 ? 0 : q[row + a2]) - old;
  if (ref[0] === 0 && deltaS !== 0 && deltaQ !== 0) {
    ref[0] = 1;
    ref[1] = deltaS;
    ref[2] = deltaQ;
  }
  const useQ = ref[0] === 1 && deltaS / ref[1] >= deltaQ / ref[2];
  q[i] = old + alpha * (useQ ? deltaQ : deltaS);
}

/**
 * Double Q-learning's update of cell `i` (van Hasselt 2010): with `coin` < 0.5,
 * Q₁(s, a) += α [r + γ Q₂(s′, argmaxₐ Q₁(s′, a)) − Q₁(s, a)], else the same with the tables
 * swapped; `q` is Q₁ and `q2` is Q₂. `row` and `k2` as in `tdUpdate`; ties go to the first
 * action.
 */
export function doubleQUpdate(
  q: Float64Array,
  q2: Float64Array,
  i: number,
  r: number,
  row: number,
  k2: number,
  alpha: number,
  gamma: number,
  coin: number
): void {
  const learn = coin < 0.5 ? q : q2;
  const judge = coin < 0.5 ? q2 : q;
  const bootstrap = row < 0 ? 0 : judge[row + argmaxFirst(learn, row, k2)];
  learn[i] = learn[i] + alpha * (r + gamma * bootstrap - learn[i]);
}

/** The first action of the row starting at `row` with the largest value among `count`. */
export function argmaxFirst(q: Float64Array, row: number, count: number): number {
  let best = 0;
  for (let b = 1; b < count; b++) if (q[row + b] > q[row + best]) best = b;
  return best;
}

import type { Sfc32 } from './random';

/** The behaviour policies an agent can follow. */
export const POLICIES = ['epsilon-greedy', 'softmax'] as const;
export type Policy = (typeof POLICIES)[number];

/** Policy codes used inside the learner's loop, in the order of `POLICIES`. */
export const EPSILON_GREEDY = 0;
export const SOFTMAX = 1;

/**
 * The ε-greedy action in the state whose row of `q` starts at `row`, over its first `k`
 * actions: a uniform action with probability ε, else a greedy one with ties broken uniformly
 * at random. Double Q-learning passes the sum Q₁ + Q₂, which its behaviour follows.
 */
export function epsilonGreedyAction(
  q: Float64Array,
  row: number,
  k: number,
  epsilon: number,
  rng: Sfc32
): number {
  return rng.next() < epsilon ? rng.below(k) : greedyAction(q, row, k, rng);
}

/** A greedy action of the row over its first `k` actions, ties broken uniformly at random. */
export function greedyAction(q: Float64Array, row: number, k: number, rng: Sfc32): number {
  let best = -Infinity;
  let first = 0;
  let ties = 0;
  for (let b = 0; b < k; b++) {
    const v = q[row + b];
    if (v > best) {
      best = v;
      first = b;
      ties = 1;
    } else if (v === best) ties++;
  }
  return ties === 1 ? first : pickTie(q, row, k, best, rng.below(ties));
}

/** The `pick`-th (from 0) of the row's actions whose value equals `best`. */
export function pickTie(
  q: Float64Array,
  row: number,
  k: number,
  best: number,
  pick: number
): number {
  for (let b = 0; b < k; b++) if (q[row + b] === best && pick-- === 0) return b;
  return 0;
}

/**
 * The expected Q-value of the row under the ε-greedy policy: (1 − ε) maxₐ Q + ε meanₐ Q
 * (Sutton & Barto, eq. 6.9). Ties do not matter: every greedy action has the same value.
 */
export function epsilonGreedyExpectation(
  q: Float64Array,
  row: number,
  k: number,
  epsilon: number
): number {
  let best = q[row];
  let sum = 0;
  for (let b = 0; b < k; b++) {
    if (q[row + b] > best) best = q[row + b];
    sum = sum + q[row + b];
  }
  return (1 - epsilon) * best + epsilon * (sum / k);
}

/**
 * Writes the Boltzmann weights exp((Q(b) − maxQ) / (`scale` · τ)) of the row's `k` actions
 * into `weights` and returns their sum (at least 1: the best action weighs 1). Subtracting the
 * maximum keeps every weight in [0, 1], so nothing overflows however small τ gets; τ is floored
 * at the smallest positive double, where the policy is greedy with uniform ties. `scale` is 2
 * for double Q-learning, whose behaviour follows Q₁ + Q₂, so τ applies to their mean.
 */
export function softmaxWeights(
  q: Float64Array,
  row: number,
  k: number,
  temperature: number,
  scale: number,
  weights: Float64Array
): number {
  const tau = Math.max(temperature * scale, Number.MIN_VALUE);
  let best = q[row];
  for (let b = 1; b < k; b++) if (q[row + b] > best) best = q[row + b];
  let total = 0;
  for (let b = 0; b < k; b++) {
    const w = Math.exp((q[row + b] - best) / tau);
    weights[b] = w;
    total += w;
  }
  return total;
}

/**
 * An action drawn from the softmax (Boltzmann) policy π(b) ∝ exp(Q(b) / τ) of the row, by one
 * uniform number and the running sum of `softmaxWeights`.
 */
export function softmaxAction(
  q: Float64Array,
  row: number,
  k: number,
  temperature: number,
  scale: number,
  weights: Float64Array,
  rng: Sfc32
): number {
  const total = softmaxWeights(q, row, k, temperature, scale, weights);
  const u = rng.next() * total;
  let sum = 0;
  for (let b = 0; b < k - 1; b++) {
    sum += weights[b];
    if (u < sum) return b;
  }
  return k - 1;
}

/** The expected Q-value of the row under the softmax policy: Σ π(b) Q(b). */
export function softmaxExpectation(
  q: Float64Array,
  row: number,
  k: number,
  temperature: number,
  weights: Float64Array
): number {
  const total = softmaxWeights(q, row, k, temperature, 1, weights);
  let sum = 0;
  for (let b = 0; b < k; b++) sum += weights[b] * q[row + b];
  return sum / total;
}

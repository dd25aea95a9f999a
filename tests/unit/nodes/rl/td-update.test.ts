import { describe, expect, it } from 'vitest';
import { epsilonGreedyExpectation, softmaxExpectation } from '../../../../nodes/rl/policy';
import { DOUBLE_Q, doubleQUpdate, METHODS, tdUpdate } from '../../../../nodes/rl/td-update';
import { readRlFixture } from './rl-fixtures';

interface UpdateCase {
  method: string;
  transition: { s: number; a: number; r: number; s2: number; a2: number; end: boolean };
  coin: number;
  temperature: number | null;
  refBefore: number[];
  q: number[];
  q2: number[];
  refAfter: number[];
}
const fixture = readRlFixture<{
  q: number[];
  q2: number[];
  actions: number[];
  alpha: number;
  gamma: number;
  epsilon: number;
  cases: UpdateCase[];
}>('updates.json');

/** Applies one fixture case the way the learner does: expectation under its policy, then update. */
function apply(c: UpdateCase, q: Float64Array, q2: Float64Array, ref: Float64Array): void {
  const t = c.transition;
  const m = 3;
  const k2 = fixture.actions[t.s2];
  const row = t.end ? -1 : t.s2 * m;
  const i = t.s * m + t.a;
  const method = METHODS.indexOf(c.method as never);
  if (method === DOUBLE_Q) {
    doubleQUpdate(q, q2, i, t.r, row, k2, fixture.alpha, fixture.gamma, c.coin);
    return;
  }
  let expected = 0;
  if (!t.end) {
    expected =
      c.temperature === null
        ? epsilonGreedyExpectation(q, row, k2, fixture.epsilon)
        : softmaxExpectation(q, row, k2, c.temperature, new Float64Array(m));
  }
  tdUpdate(method, q, i, t.r, row, k2, t.a2, expected, fixture.alpha, fixture.gamma, ref);
}

describe('tdUpdate', () => {
  it.each(fixture.cases.map((c, i) => [`${i} ${c.method}`, c]))(
    'gives the NumPy reference’s tables for case %s',
    (_, c) => {
      const q = Float64Array.from(fixture.q);
      const q2 = Float64Array.from(fixture.q2);
      const ref = Float64Array.from(c.refBefore);
      apply(c, q, q2, ref);

      // ε-greedy cases are exact; a softmax expectation sums exp() terms in another order.
      if (c.temperature === null) expect(Array.from(q)).toEqual(c.q);
      else q.forEach((v, k) => expect(v).toBeCloseTo(c.q[k], 12));
      expect(Array.from(q2)).toEqual(c.q2);
      if (c.method === 'hybrid') expect(Array.from(ref)).toEqual(c.refAfter);
    }
  );

  it('makes the hybrid fall back to SARSA while an initial TD error is zero', () => {
    // Q = 0 everywhere and r = 0: both TD errors are 0, so no reference is set.
    const q = new Float64Array(4);
    const ref = new Float64Array(3);
    tdUpdate(2, q, 0, 0, 2, 2, 1, 0, 0.5, 1, ref);
    expect(Array.from(ref)).toEqual([0, 0, 0]);

    // Q(1, ·) = [4, 1]; a′ = 1: δ(S) = 1, δ(Q) = 4, both non-zero, so this becomes the initial
    // step; both ratios are 1, so the update is the Q-learning one.
    q.set([0, 0, 4, 1]);
    tdUpdate(2, q, 0, 0, 2, 2, 1, 0, 0.5, 1, ref);
    expect(Array.from(ref)).toEqual([1, 1, 4]);
    expect(q[0]).toBe(2);
  });

  it('uses the reward alone as target when the next state is terminal', () => {
    for (const method of [0, 1, 2, 3, 4]) {
      const q = Float64Array.of(1, 0, 9, 9);
      const q2 = Float64Array.of(1, 0, 9, 9);
      if (method === DOUBLE_Q) doubleQUpdate(q, q2, 0, -3, -1, 2, 0.5, 0.9, 0.2);
      else tdUpdate(method, q, 0, -3, -1, 2, 0, 9, 0.5, 0.9, new Float64Array(3));
      expect(q[0], METHODS[method]).toBe(-1);
    }
  });
});

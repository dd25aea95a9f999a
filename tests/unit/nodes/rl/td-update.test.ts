import { describe, expect, it } from 'vitest';
import { METHODS, tdUpdate } from '../../../../nodes/rl/td-update';
import { readRlFixture } from './rl-fixtures';

interface UpdateCase {
  method: string;
  transition: { s: number; a: number; r: number; s2: number; a2: number; end: boolean };
  coin: number;
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

describe('tdUpdate', () => {
  it.each(fixture.cases.map((c, i) => [`${i} ${c.method}`, c]))(
    'gives exactly the NumPy reference’s tables for case %s',
    (_, c) => {
      const q = Float64Array.from(fixture.q);
      const q2 = Float64Array.from(fixture.q2);
      const ref = Float64Array.from(c.refBefore);
      const t = c.transition;
      const step = { ...t, terminal: t.end, k2: fixture.actions[t.s2] };

      tdUpdate(
        METHODS.indexOf(c.method as never),
        q,
        q2,
        3,
        step,
        fixture.alpha,
        fixture.gamma,
        fixture.epsilon,
        c.coin,
        ref
      );

      expect(Array.from(q)).toEqual(c.q);
      expect(Array.from(q2)).toEqual(c.q2);
      if (c.method === 'hybrid') expect(Array.from(ref)).toEqual(c.refAfter);
    }
  );

  it('makes the hybrid fall back to SARSA while an initial TD error is zero', () => {
    // Q = 0 everywhere and r = 0: both TD errors are 0, so no reference is set.
    const q = new Float64Array(4);
    const ref = new Float64Array(3);
    const step = { s: 0, a: 0, r: 0, s2: 1, a2: 1, k2: 2, terminal: false };
    tdUpdate(2, q, q, 2, step, 0.5, 1, 0.1, 0, ref);
    expect(Array.from(ref)).toEqual([0, 0, 0]);

    // Q(1, ·) = [4, 1]; a′ = 1: δ(S) = 1, δ(Q) = 4, both non-zero, so this becomes the initial
    // step; both ratios are 1, so the update is the Q-learning one.
    q.set([0, 0, 4, 1]);
    tdUpdate(2, q, q, 2, step, 0.5, 1, 0.1, 0, ref);
    expect(Array.from(ref)).toEqual([1, 1, 4]);
    expect(q[0]).toBe(2);
  });

  it('uses the reward alone as target when the next state is terminal', () => {
    for (const method of [0, 1, 2, 3, 4]) {
      const q = Float64Array.of(1, 0, 9, 9);
      const q2 = Float64Array.of(1, 0, 9, 9);
      const step = { s: 0, a: 0, r: -3, s2: 1, a2: 0, k2: 2, terminal: true };
      tdUpdate(method, q, q2, 2, step, 0.5, 0.9, 0.1, 0.2, new Float64Array(3));
      expect(q[0], METHODS[method]).toBe(-1);
    }
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { Environment, RlRuns } from '../../../../src/lib/graph/values';
import { windyGridworldNode } from '../../../../nodes/rl/grid-nodes';
import { tdControlNode } from '../../../../nodes/rl/td-control';
import { fakeContext } from '../topology/fake-context';
import {
  perSeed,
  readRlFixture,
  seedMean,
  seededContext,
  welchZ,
  type Summary
} from './rl-fixtures';

interface Variant {
  slip: number;
  blocks: Summary[];
  stepsBy170: Summary;
}
const reference = readRlFixture<{
  settings: {
    seeds: number;
    episodes: number;
    alpha: number;
    gamma: number;
    eps: number;
    max_steps: number;
  };
  still: Variant;
  slip: Variant;
}>('windy.json');
const runs: Record<'still' | 'slip', RlRuns> = {} as never;

beforeAll(async () => {
  const { seeds, episodes, alpha, gamma, eps, max_steps } = reference.settings;
  for (const [key, seed] of [
    ['still', 41],
    ['slip', 42]
  ] as const) {
    const built = await windyGridworldNode.run({}, { slip: reference[key].slip }, fakeContext());
    const params = {
      method: 'sarsa',
      seeds,
      episodes,
      alpha,
      gamma,
      epsilon: eps,
      maxSteps: max_steps
    };
    const input = { environment: built.environment as Environment };
    runs[key] = (await tdControlNode.run(input, params, seededContext(seed))).runs as RlRuns;
  }
}, 60_000);

/** Total time steps of each seed's first `count` episodes. */
const stepsBy = (r: RlRuns, count: number) =>
  perSeed(r, (s) => seedMean(r, r.steps, s, 0, count) * count);

describe('windy gridworld (Sutton & Barto, Example 6.5; SARSA, ε 0.1, α 0.5, γ 1)', () => {
  it('completes 170 episodes in about 8000 time steps, as in Figure 6.3', () => {
    // Read off the figure: episode 170 ends near 8000 steps. ±10% allows for reading by eye;
    // the per-seed spread of the total is about 200, so the mean of 100 seeds is within ±20.
    const total = stepsBy(runs.still, 170).mean;
    expect(total).toBeGreaterThan(7200);
    expect(total).toBeLessThan(8800);
  });

  it('learns the 15-step greedy path of the figure’s inset', () => {
    expect(runs.still.greedyPath.length - 1).toBe(15);
  });

  it.each(['still', 'slip'] as const)(
    'matches the NumPy reference’s episode lengths (%s): total by episode 170, blocks of 25',
    (key) => {
      const r = runs[key];
      expect(Math.abs(welchZ(stepsBy(r, 170), reference[key].stepsBy170))).toBeLessThan(4);
      // 8 blocks: 4.5 standard errors keeps a false alarm over both variants under 1e-4.
      reference[key].blocks.forEach((block, b) => {
        const ours = perSeed(r, (s) => seedMean(r, r.steps, s, b * 25, b * 25 + 25));
        expect(Math.abs(welchZ(ours, block)), `block ${b}`).toBeLessThan(4.5);
      });
    }
  );

  it('takes longer episodes with slip 0.1 than without, in both implementations', () => {
    const last = (r: RlRuns) => perSeed(r, (s) => seedMean(r, r.steps, s, 150, 200));
    expect(welchZ(last(runs.slip), last(runs.still))).toBeGreaterThan(4);
    expect(welchZ(reference.slip.blocks[7], reference.still.blocks[7])).toBeGreaterThan(4);
  });
});

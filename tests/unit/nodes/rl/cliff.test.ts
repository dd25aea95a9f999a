import { beforeAll, describe, expect, it } from 'vitest';
import type { Environment, RlRuns } from '../../../../src/lib/graph/values';
import { cliffWalkingNode } from '../../../../nodes/rl/grid-nodes';
import { tdControlNode } from '../../../../nodes/rl/td-control';
import { METHODS } from '../../../../nodes/rl/td-update';
import { fakeContext } from '../topology/fake-context';
import {
  perSeed,
  readRlFixture,
  seedMean,
  seededContext,
  welchZ,
  type Summary
} from './rl-fixtures';

const reference =
  readRlFixture<Record<string, { last100: Summary; blocks: Summary[] }>>('cliff.json');
const runs: Record<string, RlRuns> = {};

beforeAll(async () => {
  const { environment } = (await cliffWalkingNode.run({}, {}, fakeContext())) as {
    environment: Environment;
  };
  for (const method of METHODS) {
    const params = { method, alpha: 0.5, gamma: 1, epsilon: 0.1, episodes: 500, seeds: 200 };
    const out = await tdControlNode.run({ environment }, params, seededContext(3));
    runs[method] = out.runs as RlRuns;
  }
}, 60_000);

const suiteName =
  'cliff walking (Sutton & Barto, Example 6.6; ε 0.1, α 0.5, γ 1; 200 seeds × 500 episodes)';
describe(suiteName, () => {
  const last100 = (method: string) =>
    perSeed(runs[method], (s) => seedMean(runs[method], runs[method].returns, s, 400, 500));

  it('settles SARSA’s online return near −25 and Q-learning’s near −50', () => {
    // Sutton & Barto's Figure 6.4 shows about −25 and −50; the per-seed spread of a 100-episode
    // mean is about 2, so ±5 around the figure leaves room for reading the figure by eye.
    expect(Math.abs(last100('sarsa').mean + 25)).toBeLessThan(5);
    expect(Math.abs(last100('q-learning').mean + 50)).toBeLessThan(5);
  });

  it('makes Q-learning’s greedy path walk the cliff edge and SARSA’s keep away from it', () => {
    // States are numbered row-major over 4 × 12 cells: 24..35 is the row above the cliff.
    const edge = (path: Int32Array) => Array.from(path).filter((s) => s >= 25 && s <= 34).length;
    expect(edge(runs['q-learning'].greedyPath)).toBe(10);
    expect(edge(runs.sarsa.greedyPath)).toBe(0);
  });

  it.each(METHODS.map((m) => [m]))(
    'matches the NumPy reference’s mean of the last 100 returns for %s within 4 standard errors',
    (method) => {
      expect(Math.abs(welchZ(last100(method), reference[method].last100))).toBeLessThan(4);
    }
  );

  it.each(METHODS.map((m) => [m]))(
    'matches the NumPy reference’s learning speed for %s: ' +
      'every block of 25 episodes within 4.5 SE',
    (method) => {
      // 20 blocks per method: 4.5 standard errors keeps the chance of a false alarm over all 100
      // comparisons under 1e-3 (two-sided normal tail 6.8e-6 each).
      const r = runs[method];
      reference[method].blocks.forEach((block, b) => {
        const ours = perSeed(r, (s) => seedMean(r, r.returns, s, b * 25, b * 25 + 25));
        expect(Math.abs(welchZ(ours, block)), `block ${b}`).toBeLessThan(4.5);
      });
    }
  );
});

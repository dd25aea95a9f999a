import { describe, expect, it } from 'vitest';
import type { Plot, RlRuns } from '../../src/lib/graph/values';
import { plotToSvg } from '../../src/lib/plot/svg';
import {
  perSeed,
  readRlFixture,
  seedMean,
  welchZ,
  type Summary
} from '../unit/nodes/rl/rl-fixtures';
import { runGraphFile } from './run-graph';

type Method = 'sarsa' | 'q-learning' | 'hybrid';
type Measures = Record<'return' | 'startMaxQ', Summary>;
const reference = readRlFixture<{ variances: Record<'0' | '100', Record<Method, Measures>> }>(
  'reward-variance.json'
);
const AGENTS: Record<string, [Method, '0' | '100']> = {
  sarsa: ['sarsa', '100'],
  qlearning: ['q-learning', '100'],
  hybrid: ['hybrid', '100'],
  sarsaExact: ['sarsa', '0'],
  qlearningExact: ['q-learning', '0'],
  hybridExact: ['hybrid', '0']
};

function measures(runs: RlRuns): Measures {
  return {
    return: perSeed(runs, (s) => seedMean(runs, runs.returns, s)),
    startMaxQ: perSeed(runs, (s) => seedMean(runs, runs.startMaxQ, s))
  };
}

describe('graphs/rl-reward-variance.json', () => {
  it('shows, in the NumPy reference, SARSA’s return ahead only with noisy rewards', () => {
    const [high, low] = [reference.variances['100'], reference.variances['0']];
    // Variance 100: SARSA's mean return over 50 episodes beats Q-learning's by ~10 SE, the
    // hybrid lies between; Q-learning's max-Q of the start stays above SARSA's and above the
    // true value −(1 + 0.9 + 0.81) = −2.71.
    expect(welchZ(high.sarsa.return, high['q-learning'].return)).toBeGreaterThan(6);
    expect(high.hybrid.return.mean).toBeLessThan(high.sarsa.return.mean);
    expect(high.hybrid.return.mean).toBeGreaterThan(high['q-learning'].return.mean);
    expect(welchZ(high['q-learning'].startMaxQ, high.sarsa.startMaxQ)).toBeGreaterThan(6);
    expect(high['q-learning'].startMaxQ.mean).toBeGreaterThan(-2.71);
    // Exact rewards: the returns differ by less than a twentieth of a step.
    expect(Math.abs(low.sarsa.return.mean - low['q-learning'].return.mean)).toBeLessThan(0.05);
  });

  it('gives every agent the reference’s return and max-Q, and the same ordering', async () => {
    const summary = await runGraphFile('graphs/rl-reward-variance.json');
    for (const [id, node] of Object.entries(summary.nodes)) {
      expect(node.status, id).toBe('finished');
    }
    const ours: Record<string, Measures> = {};
    for (const [id, [method, variance]] of Object.entries(AGENTS)) {
      ours[id] = measures(summary.outputs[id].runs as RlRuns);
      const expected = reference.variances[variance][method];
      for (const key of ['return', 'startMaxQ'] as const) {
        expect(Math.abs(welchZ(ours[id][key], expected[key])), `${id} ${key}`).toBeLessThan(4);
      }
    }
    // Expected z ≈ 10 for both; below 4 happens by chance with probability under 1e-8.
    expect(welchZ(ours.sarsa.return, ours.qlearning.return)).toBeGreaterThan(4);
    expect(welchZ(ours.qlearning.startMaxQ, ours.sarsa.startMaxQ)).toBeGreaterThan(4);

    for (const id of ['returns', 'startq', 'returnsExact', 'startqExact']) {
      const svg = plotToSvg(summary.outputs[id].plot as Plot);
      expect(svg.match(/class="band series-\d"/g), id).toHaveLength(3);
    }
  }, 60_000);
});

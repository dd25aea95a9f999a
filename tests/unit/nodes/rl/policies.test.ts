import { describe, expect, it } from 'vitest';
import type { Params } from '../../../../src/lib/graph/node-type';
import type { Environment, Plot, RlRuns } from '../../../../src/lib/graph/values';
import { plotToSvg } from '../../../../src/lib/plot/svg';
import { environmentFromJson, environmentToJson } from '../../../../nodes/rl/environment-file';
import { cliffWalkingNode } from '../../../../nodes/rl/grid-nodes';
import { pathGraphNode } from '../../../../nodes/rl/path-graph-node';
import { softmaxAction } from '../../../../nodes/rl/policy';
import { Sfc32 } from '../../../../nodes/rl/random';
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

interface RunSummary {
  return: Summary;
  startMaxQ: Summary;
  finalStartMaxQ: Summary;
  blocks: Summary[];
}
interface Settings {
  seeds: number;
  episodes: number;
  alpha: number;
  gamma: number;
  max_steps: number;
  tau: number;
  tau_decay: number;
  variance?: number;
}
const reference = readRlFixture<{
  path: {
    edges: Array<[string, string, number, number?]>;
    settings: Settings;
    methods: Record<string, RunSummary>;
  };
  cliff: { settings: Settings; methods: Record<string, RunSummary> };
}>('policies.json');

async function pathGraph(params: Params): Promise<Environment> {
  const out = await pathGraphNode.run({}, { preset: 'custom', ...params }, fakeContext());
  return out.environment as Environment;
}

async function learn(env: Environment, method: string, s: Settings, seed: number) {
  const params = {
    method,
    policy: 'softmax',
    seeds: s.seeds,
    episodes: s.episodes,
    alpha: s.alpha,
    gamma: s.gamma,
    maxSteps: s.max_steps,
    temperature: s.tau,
    temperatureDecay: s.tau_decay
  };
  const out = await tdControlNode.run({ environment: env }, params, seededContext(seed));
  return out.runs as RlRuns;
}

/** Welch's z of our runs against the reference's, for every statistic the fixture keeps. */
function compare(runs: RlRuns, expected: RunSummary, label: string, limit: number): void {
  const width = runs.episodes / expected.blocks.length;
  const ours = {
    return: perSeed(runs, (s) => seedMean(runs, runs.returns, s)),
    startMaxQ: perSeed(runs, (s) => seedMean(runs, runs.startMaxQ, s)),
    finalStartMaxQ: perSeed(runs, (s) => runs.startMaxQ[s * runs.episodes + runs.episodes - 1])
  };
  for (const key of ['return', 'startMaxQ', 'finalStartMaxQ'] as const) {
    expect(Math.abs(welchZ(ours[key], expected[key])), `${label} ${key}`).toBeLessThan(limit);
  }
  expected.blocks.forEach((block, b) => {
    const mine = perSeed(runs, (s) =>
      seedMean(runs, runs.returns, s, b * width, b * width + width)
    );
    expect(Math.abs(welchZ(mine, block)), `${label} block ${b}`).toBeLessThan(limit);
  });
}

describe('per-edge reward variance', () => {
  it('adds noise of each edge’s own variance, and the node’s variance to the others', async () => {
    // One route a → b → c: every return is 9 plus noise of variance 4 (own) + 1 (default).
    const env = await pathGraph({
      edges: 'a b -1 4\nb c 10',
      start: 'a',
      goals: 'c',
      rewardVariance: 1
    });
    const runs = await learn(
      env,
      'sarsa',
      { ...reference.path.settings, seeds: 1, episodes: 4000 },
      5
    );
    const n = runs.returns.length;
    const mean = runs.returns.reduce((a, b) => a + b, 0) / n;
    const variance = runs.returns.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
    // Standard errors: of the mean √(5/n) ≈ 0.035, of the variance 5·√(2/(n−1)) ≈ 0.11.
    expect(Math.abs(mean - 9)).toBeLessThan(4 * Math.sqrt(5 / n));
    expect(Math.abs(variance - 5)).toBeLessThan(4 * 5 * Math.sqrt(2 / (n - 1)));
  });

  it('saves and loads its per-edge variances, and labels those edges in its picture', async () => {
    const params = { edges: 'a b -1 4\nb c 10', start: 'a', goals: 'c', rewardVariance: 1 };
    const built = await pathGraphNode.run({}, { preset: 'custom', ...params }, fakeContext());
    const env = built.environment as Environment;
    // One action slot per state: a → b has its own 4, b → c and the goal's unused slot the 1.
    expect(Array.from(env.rewardVariances ?? [])).toEqual([4, 1, 1]);
    const again = environmentFromJson(environmentToJson(env), 'saved.json');
    expect(again.rewardVariances).toEqual(env.rewardVariances);
    expect(plotToSvg(built.picture as Plot)).toContain('>-1 σ²4</text>');
  });

  it('rejects a negative or malformed variance on an edge, naming the line', async () => {
    const bad = { start: 'a', goals: 'b' };
    await expect(pathGraph({ ...bad, edges: 'a b -1 -4' })).rejects.toThrow(
      /line 1 reads "a b -1 -4"; the variance must be a finite number ≥ 0/
    );
    await expect(pathGraph({ ...bad, edges: 'a b -1 x' })).rejects.toThrow(/found "x"/);
    await expect(pathGraph({ ...bad, edges: 'a b -1 4 5' })).rejects.toThrow(/"from to reward/);
  });
});

describe('softmax behaviour', () => {
  it('draws actions with probabilities exp(Q/τ) / Σ exp(Q/τ)', () => {
    const q = Float64Array.of(1, 0, -1, 0.5);
    const tau = 0.7;
    const weights = q.map((v) => Math.exp(v / tau));
    const total = weights.reduce((a, b) => a + b, 0);
    const rng = new Sfc32(1, 2, 3, 4);
    const counts = [0, 0, 0, 0];
    const n = 100_000;
    for (let i = 0; i < n; i++) counts[softmaxAction(q, 0, 4, tau, 1, new Float64Array(4), rng)]++;
    counts.forEach((c, b) => {
      const p = weights[b] / total;
      expect(Math.abs(c / n - p), `action ${b}`).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    });
  });

  it('matches the NumPy reference for every method on a graph with noise on some edges', async () => {
    const s = reference.path.settings;
    const edges = reference.path.edges.map((e) => e.join(' ')).join('\n');
    const env = await pathGraph({
      edges,
      start: 's0',
      goals: 's5',
      rewardVariance: s.variance ?? 0
    });
    let seed = 20;
    for (const [method, expected] of Object.entries(reference.path.methods)) {
      compare(await learn(env, method, s, seed++), expected, method, 4);
    }
  }, 60_000);

  it('matches the NumPy reference for SARSA and expected SARSA on cliff walking', async () => {
    const env = (await cliffWalkingNode.run({}, {}, fakeContext())).environment as Environment;
    let seed = 30;
    for (const [method, expected] of Object.entries(reference.cliff.methods)) {
      // 11 comparisons per method: 4.5 SE keeps a false alarm over all under 1e-4.
      compare(await learn(env, method, reference.cliff.settings, seed++), expected, method, 4.5);
    }
  }, 60_000);

  it.each(['sarsa', 'double-q'])(
    'picks between Q = 1 and Q = 0 with probability e/(e + 1) at τ = 1 (%s)',
    async (method) => {
      // Two edges from a to the goal b, paying 1 and 0: once learned, Q(a, ·) = (1, 0) (for
      // double Q-learning both tables, whose mean the policy reads), so π(first) = σ(1/τ).
      const env = await pathGraph({ edges: 'a b 1\na b 0', start: 'a', goals: 'b' });
      const s = { ...reference.path.settings, seeds: 20, episodes: 1000, tau: 1, tau_decay: 1 };
      const runs = await learn(env, method, { ...s, alpha: 0.5 }, 6);
      let ones = 0;
      let n = 0;
      for (let seed = 0; seed < 20; seed++) {
        for (let e = 200; e < 1000; e++, n++) ones += runs.returns[seed * 1000 + e];
      }
      const p = Math.E / (Math.E + 1);
      expect(Math.abs(ones / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    }
  );

  it('acts greedily without NaN once the temperature has decayed to nothing', async () => {
    const env = await pathGraph({ edges: 'a b -1\na c 5\nb c 1', start: 'a', goals: 'c' });
    const s = { ...reference.path.settings, seeds: 3, episodes: 800, tau: 1, tau_decay: 0.1 };
    const runs = await learn(env, 'expected-sarsa', s, 4);
    // τ underflows to 0 after ~320 episodes; a → c (reward 5) is then always taken.
    expect(Array.from(runs.returns.subarray(790, 800))).toEqual(new Array(10).fill(5));
    expect(runs.startMaxQ.every(Number.isFinite)).toBe(true);
  });

  it('rejects a temperature of 0 with a message naming the param', async () => {
    const env = await pathGraph({ edges: 'a b 1', start: 'a', goals: 'b' });
    const run = tdControlNode.run(
      { environment: env },
      { policy: 'softmax', temperature: 0 },
      seededContext()
    );
    await expect(run).rejects.toMatchObject({ field: 'temperature' });
    await expect(run).rejects.toThrow(/"temperature" must be above 0/);
  });
});

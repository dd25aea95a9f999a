import { describe, expect, it } from 'vitest';
import type { Params } from '../../../../src/lib/graph/node-type';
import type { Environment, RlRuns } from '../../../../src/lib/graph/values';
import { learningCurvesNode } from '../../../../nodes/rl/curves';
import { environmentFromJson } from '../../../../nodes/rl/environment-file';
import {
  cliffWalkingNode,
  gridworldNode,
  windyGridworldNode
} from '../../../../nodes/rl/grid-nodes';
import { pathGraphNode } from '../../../../nodes/rl/path-graph-node';
import { tdControlNode } from '../../../../nodes/rl/td-control';
import { fakeContext } from '../topology/fake-context';
import { seededContext } from './rl-fixtures';

const graph = async (params: Params = {}) =>
  (await pathGraphNode.run({}, params, fakeContext())).environment as Environment;
const learn = (environment: Environment, params: Params = {}) =>
  tdControlNode.run({ environment }, { seeds: 2, episodes: 5, ...params }, seededContext());

// The list of bad input: each gives a message on the node naming the field at fault.
describe('bad input to the RL nodes', () => {
  it.each([
    [gridworldNode, { rows: 'S#.\n.#G' }, 'rows', /no path from the start/],
    [
      pathGraphNode,
      { preset: 'custom', edges: 'a b 1', start: 'a', goals: 'a' },
      'edges',
      /start "a" is also a goal/
    ],
    [windyGridworldNode, { slip: 1.5 }, 'slip', /"slip" must be between 0 and 1; found 1.5/],
    [
      cliffWalkingNode,
      { rewardVariance: Number.NaN },
      'rewardVariance',
      /must be a number; found NaN/
    ],
    [cliffWalkingNode, { maxSteps: -3 }, 'maxSteps', /"maxSteps" must be between 1 and/]
  ])('rejects an environment: %#', async (node, params, field, message) => {
    const run = node.run({}, params, fakeContext());
    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field });
    await expect(run).rejects.toThrow(message);
  });

  it.each([
    ['gamma', -1, /"gamma" must be between 0 and 1; found -1/],
    ['temperature', Number.NaN, /"temperature" must be a number; found NaN/],
    ['temperatureDecay', 2, /"temperatureDecay" must be between 0 and 1/],
    ['qInit', Number.NaN, /"qInit" must be a number/],
    ['seeds', 0, /"seeds" must be between 1 and/]
  ])('rejects agent param %s = %s', async (field, value, message) => {
    const run = learn(await graph(), { [field]: value });
    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field });
    await expect(run).rejects.toThrow(message);
  });

  it('refuses an environment whose start offers no action to the agent', async () => {
    const env = await graph();
    const stuck = {
      ...env,
      actionsIn: Int32Array.from(env.actionsIn, (k, s) => (s === env.start ? 0 : k))
    };
    const run = learn(stuck);
    await expect(run).rejects.toMatchObject({ field: 'environment' });
    await expect(run).rejects.toThrow(/"s0" is reachable from the start but offers no action/);
  });

  it('refuses an environment with a malformed per-edge variance table', async () => {
    const env = await graph();
    const bad = { ...env, rewardVariances: new Float64Array(3) };
    await expect(learn(bad)).rejects.toThrow(/reward variance must be a finite number ≥ 0/);
  });

  it('stops with a message when the Q-values overflow, instead of learning NaN', async () => {
    const env = await graph({
      preset: 'custom',
      edges: 'a b 1e308\nb a 1e308\nb c 1',
      start: 'a',
      goals: 'c'
    });
    const run = learn(env, { alpha: 1, gamma: 1, episodes: 50, epsilon: 0 });
    await expect(run).rejects.toMatchObject({ field: 'alpha' });
    await expect(run).rejects.toThrow(/became (NaN|infinite)/);
  });

  it('ends every episode of an agent that never finds the goal at the step limit', async () => {
    // A start that loops on itself almost surely: 1 000 000 steps per episode would hang a test,
    // so the agent's own limit of 50 applies.
    const env = await graph({
      preset: 'custom',
      edges: 'a a 0\na a 0\na b 0',
      start: 'a',
      goals: 'b'
    });
    const { runs } = await learn(env, { epsilon: 0, qInit: 5, maxSteps: 50 });
    expect(Math.max(...(runs as RlRuns).steps)).toBeLessThanOrEqual(50);
  });

  it('rejects a fixed y range whose top is not above its bottom', async () => {
    const { runs } = await learn(await graph());
    const run = learningCurvesNode.run(
      { a: runs },
      { yRange: 'fixed', yMin: 0, yMax: 0 },
      fakeContext()
    );
    await expect(run).rejects.toMatchObject({ field: 'yMax' });
  });

  it('rejects a definition file whose edge has a negative variance', () => {
    const text = '{"kind": "graph", "edges": [["a", "b", 1, -2]], "start": "a", "goals": ["b"]}';
    expect(() => environmentFromJson(text, 'env.json')).toThrow(/variance ≥ 0/);
  });
});

import { describe, expect, it } from 'vitest';
import type { Environment, Plot } from '../../../../src/lib/graph/values';
import { plotToSvg } from '../../../../src/lib/plot/svg';
import { environmentFromJson, environmentToJson } from '../../../../nodes/rl/environment-file';
import {
  cliffWalkingNode,
  gridworldNode,
  windyGridworldNode
} from '../../../../nodes/rl/grid-nodes';
import { pathGraphNode } from '../../../../nodes/rl/path-graph-node';
import { fakeContext } from '../topology/fake-context';

type Built = { environment: Environment; picture: Plot };
const build = async (node: typeof pathGraphNode, params = {}) =>
  (await node.run({}, params, fakeContext())) as Built;

/** Fewest steps from the start to a goal, by breadth-first search over the tables. */
function shortestPath(env: Environment): number {
  const dist = new Int32Array(env.stateCount).fill(-1);
  const queue = [env.start];
  dist[env.start] = 0;
  while (queue.length) {
    const s = queue.shift() as number;
    if (env.terminal[s]) return dist[s];
    for (let a = 0; a < env.actionsIn[s]; a++) {
      const t = env.next[s * env.actionCount + a];
      if (dist[t] < 0) {
        dist[t] = dist[s] + 1;
        queue.push(t);
      }
    }
  }
  return -1;
}

describe('environment nodes', () => {
  const cliffName =
    'builds cliff walking with Sutton & Barto’s 13-step shortest path and −100 cliff';
  it(cliffName, async () => {
    const { environment: env } = await build(cliffWalkingNode);
    expect(env.stateCount).toBe(48);
    expect(shortestPath(env)).toBe(13);
    // Stepping right from the start falls off the cliff and returns to the start.
    expect(env.next[env.start * 4 + 1]).toBe(env.start);
    expect(env.reward[env.start * 4 + 1]).toBe(-100);
  });

  it('builds the windy gridworld with Sutton & Barto’s 15-step shortest path', async () => {
    const { environment: env } = await build(windyGridworldNode);
    expect(env.stateCount).toBe(70);
    expect(shortestPath(env)).toBe(15);
  });

  it('builds both preset path graphs, each with its start and goal', async () => {
    const a = (await build(pathGraphNode, { preset: 's0-s5' })).environment;
    const b = (await build(pathGraphNode, { preset: '0-7' })).environment;
    expect(a.stateNames[a.start]).toBe('s0');
    expect(a.stateNames.filter((_, s) => a.terminal[s])).toEqual(['s5']);
    expect(b.stateNames[b.start]).toBe('0');
    expect(shortestPath(b)).toBe(3);
  });

  it('draws each environment with its states and no markup from its names', async () => {
    const custom = await build(pathGraphNode, {
      preset: 'custom',
      edges: '<a> b 1\nb <c> 2',
      start: '<a>',
      goals: '<c>'
    });
    const svg = plotToSvg(custom.picture);
    expect(svg.match(/class="state"/g)).toHaveLength(3);
    expect(svg).not.toContain('<a>');
    expect(plotToSvg((await build(cliffWalkingNode)).picture).match(/class="cell"/g)).toHaveLength(
      48
    );
  });

  it('saves a definition that loads back into the same environment', async () => {
    for (const node of [pathGraphNode, gridworldNode, windyGridworldNode]) {
      const { environment: env } = await build(node, { rewardVariance: 2, slip: 0.1 });
      const again = environmentFromJson(environmentToJson(env), 'saved.json');
      expect(again.next).toEqual(env.next);
      expect(again.reward).toEqual(env.reward);
      expect([again.rewardVariance, again.slip, again.start]).toEqual([2, 0.1, env.start]);
    }
  });

  it.each([
    [
      'no path to the goal',
      { preset: 'custom', edges: 'a b -1\nb a -1\nc d 1', start: 'a', goals: 'd' },
      /no path from the start "a"/
    ],
    [
      'a start equal to the goal',
      { preset: 'custom', edges: 'a b -1', start: 'a', goals: 'a' },
      /start "a" is also a goal/
    ],
    [
      'a dead end',
      { preset: 'custom', edges: 'a b -1\na c 1', start: 'a', goals: 'c' },
      /"b" is reachable .* offers no action/
    ],
    [
      'a malformed edge',
      { preset: 'custom', edges: 's0 s1', start: 's0', goals: 's1' },
      /line 1 reads "s0 s1"; expected "from to reward \[variance\]"/
    ],
    ['a negative variance', { rewardVariance: -1 }, /"rewardVariance" must be between 0 and/],
    ['a NaN slip', { slip: Number.NaN }, /"slip" must be a number; found NaN/]
  ])('rejects a path graph with %s', async (_, params, message) => {
    await expect(build(pathGraphNode, params)).rejects.toThrow(message);
  });

  it.each([
    ['walls around the goal', 'S.#.\n..#G', /no path from the start/],
    ['rows of different lengths', 'S..\n..G.', /row 1 has 4 cells, but row 0 has 3/],
    ['an unknown cell', 'S.x\n..G', /row 0 holds "x" at column 2/],
    ['no goal', 'S..\n...', /no goal/]
  ])('rejects a gridworld with %s', async (_, rows, message) => {
    await expect(build(gridworldNode, { rows })).rejects.toThrow(message);
  });

  it.each([
    ['text that is not JSON', '{', /is not valid JSON/],
    ['an unknown kind', '{"kind": "maze"}', /"kind" must be "graph" or "grid"/],
    [
      'bad edges',
      '{"kind": "graph", "edges": [["a", "b"]], "start": "a", "goals": ["b"]}',
      /"edges" must be/
    ]
  ])('rejects a definition file with %s, naming the file', (_, text, message) => {
    expect(() => environmentFromJson(text, 'env.json')).toThrow(message);
    expect(() => environmentFromJson(text, 'env.json')).toThrow(/^env\.json: /);
  });
});

import { describe, expect, it } from 'vitest';
import type { Environment, RlRuns } from '../../../../src/lib/graph/values';
import { cliffWalkingNode } from '../../../../nodes/rl/grid-nodes';
import { pathGraphNode } from '../../../../nodes/rl/path-graph-node';
import { tdControlNode } from '../../../../nodes/rl/td-control';
import { fakeContext } from '../topology/fake-context';
import { seededContext } from './rl-fixtures';

async function environment(node = pathGraphNode, params = {}): Promise<Environment> {
  return ((await node.run({}, params, fakeContext())) as { environment: Environment }).environment;
}

async function learn(params: Record<string, string | number>, env?: Environment, seed = 1) {
  const out = await tdControlNode.run(
    { environment: env ?? (await environment()) },
    params,
    seededContext(seed)
  );
  return out.runs as RlRuns;
}

describe('tdControlNode', () => {
  it('gives the same runs for the same seed and different runs for another', async () => {
    const params = { method: 'hybrid', seeds: 5, episodes: 30 };
    const a = await learn(params);
    const b = await learn(params);
    const c = await learn(params, undefined, 2);

    expect(a.returns).toEqual(b.returns);
    expect(a.meanQ).toEqual(b.meanQ);
    expect(a.returns).not.toEqual(c.returns);
  });

  it('keeps each seed’s stream independent of how many seeds run', async () => {
    const few = await learn({ method: 'sarsa', seeds: 2, episodes: 20 });
    const many = await learn({ method: 'sarsa', seeds: 6, episodes: 20 });
    expect(many.returns.subarray(0, 40)).toEqual(few.returns);
  });

  const stepLimit =
    'ends every episode at the step limit, even when the policy never reaches the goal';
  it(stepLimit, async () => {
    const env = await environment(cliffWalkingNode);
    const runs = await learn(
      { method: 'sarsa', seeds: 3, episodes: 4, maxSteps: 7, qInit: 100 },
      env
    );
    expect(Math.max(...runs.steps)).toBeLessThanOrEqual(7);
  });

  it('reports progress up to 1 and stops when cancelled', async () => {
    const context = seededContext();
    await tdControlNode.run(
      { environment: await environment() },
      { seeds: 4, episodes: 5 },
      context
    );
    expect(context.fractions.at(-1)).toBe(1);

    const controller = new AbortController();
    controller.abort();
    const cancelled = { ...seededContext(), signal: controller.signal };
    const run = tdControlNode.run({ environment: await environment() }, { seeds: 4 }, cancelled);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('stops within a bounded time when cancelled during one long seed', async () => {
    // A random walk (ε = 1) on cliff walking with a million-step limit: one seed of 1e6
    // episodes would take hours, so only a check inside the seed can stop it. The cancel
    // comes from a timer, which fires only if learning yields to the event loop.
    const env = await environment(cliffWalkingNode);
    const controller = new AbortController();
    const context = { ...seededContext(), signal: controller.signal };
    const params = { seeds: 1, episodes: 1_000_000, epsilon: 1, maxSteps: 1_000_000 };
    const run = tdControlNode.run({ environment: env }, params, context);
    let cancelledAt = 0;
    setTimeout(() => {
      cancelledAt = performance.now();
      controller.abort();
    }, 100);

    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    // Learning yields every 30 ms and checks every 4096 steps (well under 1 ms); 1 s leaves
    // room for a loaded machine.
    expect(performance.now() - cancelledAt).toBeLessThan(1000);
    expect(context.fractions.length).toBeGreaterThan(0);
    expect(Math.max(...context.fractions)).toBeLessThan(0.01);
  });

  it.each([
    ['alpha', -0.1, /"alpha" must be between 0 and 1; found -0.1/],
    ['epsilon', Number.NaN, /"epsilon" must be a number; found NaN/],
    ['episodes', 2.5, /"episodes" must be a whole number/],
    ['method', 'td-lambda', /"method" must be one of/]
  ])('rejects param %s = %s with a message naming it', async (name, value, message) => {
    await expect(learn({ [name]: value })).rejects.toThrow(message);
  });

  it('rejects a missing environment with a message naming the input', async () => {
    const run = tdControlNode.run({}, {}, seededContext());
    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'environment' });
  });

  it('refuses an environment it cannot act in, such as one whose start is a goal', async () => {
    const env = await environment();
    const broken = {
      ...env,
      terminal: Uint8Array.from(env.terminal, (_, s) => (s === env.start ? 1 : 0))
    };
    await expect(learn({}, broken)).rejects.toThrow(/start "s0" is also a goal/);
  });
});

import { describe, expect, it } from 'vitest';
import { doublePendulumNode } from '../../../../nodes/mechanics/double-pendulum-node';
import { constraints } from '../../../../nodes/mechanics/pendulum';
import type { RunContext } from '../../../../src/lib/graph/node-type';
import type { LinesPlot, Trajectories } from '../../../../src/lib/graph/values';
import { plotToSvg } from '../../../../src/lib/plot/svg';

function context(seed: number): RunContext {
  let state = seed;
  const random = () => ((state = (state * 16807) % 2147483647) - 1) / 2147483646;
  return {
    random,
    signal: new AbortController().signal,
    progress: () => {}
  } as unknown as RunContext;
}

const run = (params: Record<string, number | string>, seed = 7) =>
  doublePendulumNode.run({}, { steps: 50, trajectories: 3, ...params }, context(seed));

describe('mechanics/double-pendulum', () => {
  it('gives seeded random trajectories in the documented layout', async () => {
    const a = (await run({})).trajectories as Trajectories;
    const b = (await run({})).trajectories as Trajectories;
    const c = (await run({}, 8)).trajectories as Trajectories;

    expect(a.count).toBe(3);
    expect(a.q.length).toBe(3 * 51 * 4);
    expect(a.lambda.length).toBe(3 * 51 * 2);
    expect(a.q).toEqual(b.q);
    expect(a.q).not.toEqual(c.q);
    for (let i = 0; i < 3 * 51; i++) {
      const phi = constraints(a, a.q.subarray(4 * i, 4 * i + 4));
      expect(Math.max(...phi.map(Math.abs))).toBeLessThan(1e-13);
      expect(a.p[4 * i + 2]).toBeCloseTo(a.m2 * a.v[4 * i + 2], 14);
    }
  });

  const startsFromGivenAngles =
    'starts from given angles: θ₁ = θ₂ = 0 at rest stays at rest, rods in tension';
  it(startsFromGivenAngles, async () => {
    const out = await run({ initial: '0, 0, 0, 0', m1: 2, m2: 1, g: 10 });
    const data = out.trajectories as Trajectories;

    expect(data.count).toBe(1);
    expect(Math.max(...data.v.map(Math.abs))).toBeLessThan(1e-12);
    // At rest ṗ = 0: rod 2 carries m₂g = 10 N, so 2λ₂l₂ = −10; rod 1 carries 30 N.
    expect(data.lambda[0]).toBeCloseTo(-15, 10);
    expect(data.lambda[1]).toBeCloseTo(-5, 10);
  });

  it('draws a snapshot, the constraint drift and the energy error as SVG', async () => {
    const out = await run({});
    const snapshot = out.snapshot as LinesPlot;

    expect(snapshot.series).toHaveLength(5);
    expect(snapshot.series[0].x[0]).toBe(0);
    for (const key of ['snapshot', 'residual', 'energy']) {
      expect(plotToSvg(out[key] as LinesPlot)).toContain('<polyline');
    }
  });

  it('refuses lengths and masses that are not positive, naming the param', async () => {
    for (const name of ['m1', 'm2', 'l1', 'l2', 'dt']) {
      await expect(run({ [name]: 0 })).rejects.toThrow(`Param "${name}" must be greater than 0`);
    }
    await expect(run({ l2: -1 })).rejects.toThrow(/"l2"/);
  });

  it('refuses initial states without four numbers each', async () => {
    await expect(run({ initial: '0.1, 0.2, 0; 0, 0, 0, 0' })).rejects.toThrow(
      /"initial" must give 4 numbers per item .* item 1 has 3/
    );
  });
});

describe('mechanics/pendulum-view', () => {
  it('refuses a trajectory number beyond the count, naming the param', async () => {
    const { pendulumViewNode } = await import('../../../../nodes/mechanics/pendulum-view-node');
    const { trajectories } = await run({});
    const view = (trajectory: number) =>
      pendulumViewNode.run({ trajectories }, { trajectory, frames: 3 }, context(1));

    expect(((await view(3)).energy as LinesPlot).series).toHaveLength(1);
    await expect(view(4)).rejects.toThrow('Param "trajectory" must be at most 3');
    await expect(pendulumViewNode.run({}, {}, context(1))).rejects.toThrow(/not connected/);
  });
});

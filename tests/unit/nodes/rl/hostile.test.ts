import { describe, expect, it } from 'vitest';
import type { Environment, HeatmapPlot, RlRuns } from '../../../../src/lib/graph/values';
import { environmentToSvg } from '../../../../src/lib/plot/environment-svg';
import { heatmapToSvg } from '../../../../src/lib/plot/heatmap-svg';
import {
  MAX_CURVE_POINTS,
  learningCurve,
  learningCurvesNode,
  thinSeries
} from '../../../../nodes/rl/curves';
import { environmentPicture } from '../../../../nodes/rl/env-params';
import { environmentFromJson } from '../../../../nodes/rl/environment-file';
import { pathGraphNode } from '../../../../nodes/rl/path-graph-node';
import { tdControlNode } from '../../../../nodes/rl/td-control';
import { qTableNode } from '../../../../nodes/rl/views';
import { fakeContext } from '../topology/fake-context';
import { seededContext } from './rl-fixtures';

// Hostile environments and runs found by trying the CLI (see the breaker report): a 3000 ×
// 3000 grid filled 1.4 GB, a 200 000-state chain overflowed the call stack, a 100 000-state
// picture crashed the CLI, and a million episodes gave 93 MB learning-curve SVGs.

/** A chain s0 ⇄ s1 ⇄ … ⇄ s(n−1) with its goal at the far end, as a JSON definition. */
function chain(n: number, extra: Record<string, unknown> = {}) {
  const edges: [string, string, number][] = [];
  for (let k = 0; k + 1 < n; k++)
    edges.push([`s${k}`, `s${k + 1}`, -1], [`s${k + 1}`, `s${k}`, -1]);
  return JSON.stringify({ kind: 'graph', edges, start: 's0', goals: [`s${n - 1}`], ...extra });
}

describe('environments too big, or with a step limit beyond the params', () => {
  it.each([
    [chain(20_001), /20,001 states and 40,002 transitions; at most 10,000 states/],
    [
      JSON.stringify({ kind: 'grid', rows: new Array(200).fill('S' + '.'.repeat(199)) }),
      /40,000 states and 160,000 transitions/
    ],
    [chain(5, { maxSteps: 1e15 }), /step limit must be a whole number from 1 to 1,000,000/]
  ])('refuses file %#', (text, message) => {
    expect(() => environmentFromJson(text, 'env.json')).toThrow(message);
    expect(() => environmentFromJson(text, 'env.json')).toThrow(
      expect.objectContaining({ name: 'NodeInputError', field: 'file' })
    );
  });

  it('refuses a path graph param of 20 000 states naming "edges"', async () => {
    const edges = Array.from({ length: 20_000 }, (_, k) => `s${k} s${k + 1} -1`).join('\n');
    const run = pathGraphNode.run(
      {},
      { preset: 'custom', edges, start: 's0', goals: 's20000' },
      fakeContext()
    );
    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'edges' });
  });

  it('builds, learns on and draws the largest chain allowed without overflowing the stack', async () => {
    const env = environmentFromJson(chain(10_000), 'chain.json');
    // Laid out by breadth-first depth from the start: state k of a chain is at depth k.
    expect(env.layout.kind === 'graph' && env.layout.x[9_999]).toBe(9_999);
    expect(environmentToSvg(environmentPicture(env), 800, 600)).toContain('<svg');

    const runs = (await tdControlNode.run(
      { environment: env },
      { seeds: 1, episodes: 1, maxSteps: 50 },
      seededContext()
    )) as { runs: RlRuns };
    const table = await qTableNode.run({ runs: runs.runs }, {}, fakeContext());
    const heatmap = table.plot as HeatmapPlot;
    expect(heatmap.z.length).toBe(env.stateCount * env.actionCount);
    expect(heatmapToSvg(heatmap, 800, 600)).toContain('<svg');
  });
});

describe('learning curves of very long runs', () => {
  const runs = (episodes: number, seeds = 3): RlRuns => {
    const returns = Float64Array.from({ length: seeds * episodes }, (_, k) => Math.sin(k) * 10);
    return {
      name: 'sin',
      method: 'sarsa',
      seeds,
      episodes,
      returns,
      steps: new Int32Array(seeds * episodes),
      startMaxQ: returns,
      meanQ: new Float64Array(2),
      greedyPath: new Int32Array(0),
      environment: environmentFromJson(chain(3), 'chain.json') as Environment
    };
  };

  it('draws at most 2000 episodes, each the unthinned value at its episode', async () => {
    const long = runs(7_001);
    const full = learningCurve(long, 'return', 4);
    const out = await learningCurvesNode.run({ a: long }, { window: 4 }, fakeContext());
    const series = (out.plot as { series: ReturnType<typeof thinSeries>[]; notes: string[] })
      .series[0];
    expect(series.x.length).toBe(MAX_CURVE_POINTS);
    // Point k is episode round(k · 7000 / 1999) + 1: first, last, and one between.
    for (const k of [0, 1000, 1999]) {
      const e = Math.round((k * 7000) / 1999);
      expect([series.x[k], series.mean[k], series.lower![k]]).toEqual([
        e + 1,
        full.mean[e],
        full.lower![e]
      ]);
    }
    expect((out.plot as { notes: string[] }).notes).toContain(
      '2000 evenly spaced episodes of 7001 drawn'
    );
  });

  it('keeps a curve of at most 2000 episodes as it is', () => {
    const short = learningCurve(runs(2000), 'return', 1);
    expect(thinSeries(short)).toBe(short);
  });
});

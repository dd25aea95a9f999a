import { expect } from 'vitest';
import type { Plot, RlRuns } from '../../../../src/lib/graph/values';
import { plotToSvg } from '../../../../src/lib/plot/svg';
import { perSeed, readRlFixture, seedMean, welchZ, type Summary } from './rl-fixtures';
import { runGraphFile } from '../../../graphs/run-graph';

interface GraphReference {
  settings: { seeds: number; episodes: number };
  methods: Record<string, { return: Summary; finalStartMaxQ: Summary }>;
}

/**
 * Runs an example RL graph with the seeds and episodes of its NumPy reference in graphs.json,
 * checks every node finished, that each agent's mean return and final max-Q of the start state
 * are within 4 standard errors of the reference (Welch's z over independent seeds), and that
 * the plots draw one line and band per agent and the greedy path. Returns the run's summary.
 */
export async function checkRlGraph(name: string, agents: Record<string, string>) {
  const reference = readRlFixture<Record<string, GraphReference>>('graphs.json')[name];
  const { seeds, episodes } = reference.settings;
  const overrides = Object.fromEntries(Object.keys(agents).map((id) => [id, { seeds, episodes }]));
  const summary = await runGraphFile(`graphs/${name}.json`, overrides);
  for (const [id, node] of Object.entries(summary.nodes)) expect(node.status, id).toBe('finished');

  for (const [id, method] of Object.entries(agents)) {
    const runs = summary.outputs[id].runs as RlRuns;
    const expected = reference.methods[method];
    if (!expected) continue;
    const meanReturn = perSeed(runs, (s) => seedMean(runs, runs.returns, s));
    const finalQ = perSeed(runs, (s) => runs.startMaxQ[s * runs.episodes + runs.episodes - 1]);
    expect(Math.abs(welchZ(meanReturn, expected.return)), `${method} return`).toBeLessThan(4);
    expect(Math.abs(welchZ(finalQ, expected.finalStartMaxQ)), `${method} max-Q`).toBeLessThan(4);
  }

  const curves = plotToSvg(summary.outputs.returns.plot as Plot);
  expect(curves.match(/class="band series-\d"/g)).toHaveLength(3);
  expect(curves.match(/class="line series-\d"/g)?.length).toBeGreaterThanOrEqual(3);
  expect(plotToSvg(summary.outputs.path.plot as Plot)).toMatch(/class="path"/);
  expect(plotToSvg(summary.outputs.qtable.plot as Plot)).toMatch(/<rect/);
  return summary;
}

import { describe, expect, it } from 'vitest';
import type { LinesPlot, MechanicsModel } from '../../src/lib/graph/values';
import { plotToSvg } from '../../src/lib/plot/svg';
import { SMALL } from './double-pendulum-ldnn-small';
import { runGraphFile } from './run-graph';

describe('graphs/double-pendulum-ldnn.json', () => {
  it('trains both networks, evaluates the learned L and rolls both out (small settings)', async () => {
    const summary = await runGraphFile('graphs/double-pendulum-ldnn.json', SMALL);
    expect(Object.values(summary.nodes).every((n) => n.status === 'finished')).toBe(true);

    const model = summary.outputs.ldnn.model as MechanicsModel;
    expect(model.layers.map((l) => l.outputs)).toEqual([32, 32, 1]);
    expect(model.loss.at(-1)!).toBeLessThan(model.loss[0] / 10);

    // Per model (network, baseline): final |Δq| (m), largest |E − E(0)| (J), largest |φ| (m²).
    const errors = summary.outputs.rollout.errors as Float64Array;
    expect(errors).toHaveLength(6);
    expect(errors[2]).toBeLessThan(1e-12);
    expect(errors[5]).toBeGreaterThan(errors[2]);

    const fit = summary.outputs.evaluate.errors as Float64Array;
    expect(fit.every(Number.isFinite)).toBe(true);
    for (const [node, plot] of [
      ['ldnn', 'loss'],
      ['evaluate', 'energy'],
      ['rollout', 'positions'],
      ['rollout', 'path']
    ]) {
      expect(plotToSvg(summary.outputs[node][plot] as LinesPlot)).toContain('<polyline');
    }
  }, 20_000);
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LinesPlot, Trajectories } from '../../src/lib/graph/values';
import { plotToSvg } from '../../src/lib/plot/svg';
import { runGraphFile } from './run-graph';

const reference = JSON.parse(readFileSync('tests/fixtures/mechanics/double-pendulum.json', 'utf-8'))
  .cases[0];

describe('graphs/double-pendulum-trajectories.json', () => {
  it('integrates the pendulum as SciPy does from the angle equations and draws it', async () => {
    // The file's masses, lengths and gravity are those of the fixture's first case; the run
    // starts there too, plus one random trajectory, and keeps the file's Δt = 0.01 s.
    const summary = await runGraphFile('graphs/double-pendulum-trajectories.json', {
      pendulum: { initial: `${reference.angles.join(', ')}; 0.3, -0.2, 0, 1` },
      view: { trajectory: 2, frames: 4 }
    });
    const data = summary.outputs.pendulum.trajectories as Trajectories;

    expect(data.count).toBe(2);
    // Measured 4e-8 m against SciPy (rtol 1e-11) for the order-4 method at this Δt.
    for (const sample of reference.samples) {
      const k = Math.round(sample.t / data.dt);
      sample.q.forEach((v: number, j: number) => {
        expect(Math.abs(data.q[4 * k + j] - v)).toBeLessThan(2e-6);
      });
    }

    const snapshot = summary.outputs.view.snapshot as LinesPlot;
    expect(snapshot.series).toHaveLength(4);
    expect(snapshot.series[0].x[1]).toBeCloseTo(Math.sin(0.3), 12);
    for (const name of ['snapshot', 'energy', 'residual']) {
      expect(plotToSvg(summary.outputs.view[name] as LinesPlot)).toContain('<polyline');
    }
  }, 20_000);
});

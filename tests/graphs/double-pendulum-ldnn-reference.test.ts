import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MechanicsModel, Trajectories } from '../../src/lib/graph/values';
import { SMALL } from './double-pendulum-ldnn-small';
import { runGraphFile } from './run-graph';

const path = 'graphs/double-pendulum-ldnn-reference.json';

describe('graphs/double-pendulum-ldnn-reference.json', () => {
  it('holds the reference study’s settings: 80 trajectories, Δt = 0.01 s, 4 × 256, lr 1e-3', () => {
    const doc = JSON.parse(readFileSync(path, 'utf-8'));
    const params = (id: string) => doc.nodes.find((n: { id: string }) => n.id === id).params;
    expect(params('data')).toMatchObject({ trajectories: 80, dt: 0.01 });
    for (const id of ['ldnn', 'baseline']) {
      expect(params(id)).toMatchObject({ hiddenLayers: 4, hiddenWidth: 256, learningRate: 0.001 });
    }
  });

  it('runs the 4 × 256 networks end to end on small data', async () => {
    const summary = await runGraphFile(path, {
      ...SMALL,
      data: { trajectories: 2, steps: 50 },
      'held-out': { trajectories: 1, steps: 50 },
      ldnn: { steps: 3, batch: 64 },
      baseline: { steps: 3, batch: 64 }
    });
    expect(Object.values(summary.nodes).every((n) => n.status === 'finished')).toBe(true);
    const model = summary.outputs.ldnn.model as MechanicsModel;
    expect(model.layers.map((l) => l.outputs)).toEqual([256, 256, 256, 256, 1]);
    expect((summary.outputs.data.trajectories as Trajectories).dt).toBe(0.01);
  }, 20_000);
});

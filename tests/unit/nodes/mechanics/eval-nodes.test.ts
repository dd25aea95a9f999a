import { describe, expect, it } from 'vitest';
import { compareRollouts } from '../../../../nodes/mechanics/compare';
import { doublePendulumNode } from '../../../../nodes/mechanics/double-pendulum-node';
import { ldnnEvaluateNode, rolloutNode } from '../../../../nodes/mechanics/eval-nodes';
import { pendulumLagrangian } from '../../../../nodes/mechanics/lagrangian';
import type { LinesPlot, MechanicsModel, Trajectories } from '../../../../src/lib/graph/values';
import { plotToSvg } from '../../../../src/lib/plot/svg';
import { tfContext } from '../tf-context';

const params = { trajectories: 2, steps: 120, m1: 1.5, m2: 0.7, l1: 0.8, l2: 1.2 };
async function heldOut(): Promise<Trajectories> {
  return (await doublePendulumNode.run({}, params, await tfContext(4)))
    .trajectories as Trajectories;
}

/** A one-layer network: L = w·x + b, or q̈ = x W + b. */
function linear(kind: MechanicsModel['kind'], weights: number[], bias: number[]): MechanicsModel {
  const outputs = bias.length;
  return {
    kind,
    layers: [{ inputs: 8, outputs, weights, bias }],
    lossSteps: [],
    loss: [],
    heldOutLoss: [],
    system: { m1: 1.5, m2: 0.7, l1: 0.8, l2: 1.2, g: 9.81 }
  };
}

describe('mechanics/ldnn-evaluate', () => {
  it('gives the known errors of L = −V + 3, a Lagrangian without kinetic energy', async () => {
    const data = await heldOut();
    const g = data.g;
    // L = −g(m₁y₁ + m₂y₂) + 3 against L = T − V: the loss-invisible constant is c = 3 − mean T,
    // the L error T̄ − T, the energy error −(T + T̄), and ∂L/∂v = 0 misses all momentum.
    const model = linear('lagrangian', [0, -g * data.m1, 0, -g * data.m2, 0, 0, 0, 0], [3]);
    const out = await ldnnEvaluateNode.run(
      { model, 'held-out': data },
      { trajectory: 2 },
      await tfContext()
    );
    const kinetic = Array.from({ length: data.v.length / 4 }, (_, i) => {
      const v = data.v.subarray(4 * i, 4 * i + 4);
      return 0.5 * data.m1 * (v[0] ** 2 + v[1] ** 2) + 0.5 * data.m2 * (v[2] ** 2 + v[3] ** 2);
    });
    const mean = kinetic.reduce((s, t) => s + t, 0) / kinetic.length;
    const rms = (f: (t: number) => number) =>
      Math.sqrt(kinetic.reduce((s, t) => s + f(t) ** 2, 0) / kinetic.length);
    const errors = out.errors as Float64Array;

    expect(errors[0]).toBeCloseTo(
      rms((t) => t - mean),
      10
    );
    expect(errors[1]).toBeCloseTo(
      rms((t) => t + mean),
      10
    );
    expect(errors[2]).toBeCloseTo(1, 12);
    expect(errors[3]).toBeCloseTo(3 - mean, 10);
    // No kinetic energy: ∂²L/∂v² = 0, not positive definite anywhere.
    expect(errors[4]).toBe(1);
    expect(errors[5]).toBe(0);
    const lagrangian = out.lagrangian as LinesPlot;
    expect(lagrangian.series[0].mean).toHaveLength(121);
    // The preview names each entry of `errors`, with the same values.
    const named = lagrangian.notes?.join('\n') ?? '';
    expect(named).toContain(`rms L error ${errors[0].toPrecision(3)} J`);
    expect(named).toContain(`rms E error ${errors[1].toPrecision(3)} J`);
    expect(named).toContain(`relative rms p error ${errors[2].toPrecision(3)}`);
    expect(named).toContain(`c ${errors[3].toPrecision(3)} J`);
    for (const key of ['lagrangian', 'energy', 'momentum']) {
      expect(plotToSvg(out[key] as LinesPlot)).toContain('<polyline');
    }
  });

  it('refuses a baseline model and a trajectory beyond the count, naming the field', async () => {
    const data = await heldOut();
    const ctx = await tfContext();
    const baseline = linear('acceleration', new Array(32).fill(0), [0, 0, 0, 0]);
    await expect(
      ldnnEvaluateNode.run({ model: baseline, 'held-out': data }, {}, ctx)
    ).rejects.toThrow(
      /Input "model" must be a Lagrangian network .* it is an acceleration network/
    );
    const model = linear('lagrangian', new Array(8).fill(0), [0]);
    await expect(
      ldnnEvaluateNode.run({ model, 'held-out': data }, { trajectory: 3 }, ctx)
    ).rejects.toThrow(/"trajectory" must be at most 2/);
  });

  it('refuses held-out data from another pendulum than the network learned', async () => {
    const data = await heldOut();
    const ctx = await tfContext();
    const model = linear('lagrangian', new Array(8).fill(0), [0]);
    const heavier = { ...model, system: { ...model.system, m2: 0.9 } };
    const evaluation = ldnnEvaluateNode.run({ model: heavier, 'held-out': data }, {}, ctx);
    await expect(evaluation).rejects.toThrow(
      'Input "held-out" comes from a different pendulum than the network was trained on: ' +
        'm₂ 0.7 vs 0.9.'
    );
    await expect(evaluation).rejects.toMatchObject({ field: 'held-out' });
    const baseline = linear('acceleration', new Array(32).fill(0), [0, 0, 0, 0]);
    const moon = { ...baseline, system: { ...baseline.system, g: 1.62 } };
    const rollout = rolloutNode.run({ model, 'held-out': data, baseline: moon }, {}, ctx);
    await expect(rollout).rejects.toThrow(/Input "baseline" .* g 1.62 vs 9.81\./);
    await expect(rollout).rejects.toMatchObject({ field: 'baseline' });
  });
});

describe('mechanics/rollout', () => {
  it('follows the recorded motion when given the exact Lagrangian', async () => {
    const data = await heldOut();
    const result = await compareRollouts(data, 2, 120, pendulumLagrangian(data), undefined);
    // RK4 against the generator’s Gauss–Legendre steps over 1.2 s: measured 3.9e-7 m and an
    // energy drift of 4e-6 J (RK4 is not symplectic; the projection does not fix E).
    expect(result.finalError[0]).toBeLessThan(1e-5);
    expect(result.energyDrift[0]).toBeLessThan(1e-5);
    expect(result.constraintError[0]).toBeLessThan(1e-12);
  });

  it('integrates the baseline unconstrained: a constant q̈ = gravity is free fall', async () => {
    const data = await heldOut();
    const fall = linear('acceleration', new Array(32).fill(0), [0, -data.g, 0, -data.g]);
    const model = linear(
      'lagrangian',
      [0, -data.g * data.m1, 0, -data.g * data.m2, 0, 0, 0, 0],
      [0]
    );
    // H_vv = 0 for this L: its rollout ends at the first step, and the plot says when.
    const out = await rolloutNode.run(
      { model, 'held-out': data, baseline: fall },
      { trajectories: 1, steps: 50 },
      await tfContext()
    );
    const positions = out.positions as LinesPlot;
    expect(positions.notes?.join('\n')).toMatch(/network, trajectory 1: failed at t = 0.010 s/);
    expect(positions.notes?.join('\n')).toContain(
      'network, trajectory 1: ∂²L/∂v² not positive definite from t = 0.000 s'
    );
    expect(positions.notes?.[0]).toBe(
      'errors: final |Δq| m, max |ΔE| J, max |φ| m²; network, then baseline'
    );
    expect((out.errors as Float64Array)[0]).toBe(Infinity);

    const result = await compareRollouts(data, 1, 50, pendulumLagrangian(data), fall.layers);
    const t = 50 * data.dt;
    const q0 = data.q.subarray(0, 4);
    const v0 = data.v.subarray(0, 4);
    const y2 = q0[3] + v0[3] * t - 0.5 * data.g * t * t;
    const path = result.path.series[2];
    expect(result.names).toEqual(['Lagrange–Dirac network', 'acceleration baseline']);
    expect(path.mean[50]).toBeCloseTo(y2, 10);
    // Free fall keeps the exact energy (to rounding) but leaves the rods.
    expect(result.energyDrift[1]).toBeLessThan(1e-9);
    expect(result.constraintError[1]).toBeGreaterThan(0.01);
    expect(result.positions.series).toHaveLength(2);
  });
});

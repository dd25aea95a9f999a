import { describe, expect, it } from 'vitest';
import { doublePendulumNode } from '../../../../nodes/mechanics/double-pendulum-node';
import { ldData } from '../../../../nodes/mechanics/ld-data';
import { ldLoss, ldLossAndGradients } from '../../../../nodes/mechanics/ld-loss';
import { forward, initLayers } from '../../../../nodes/mechanics/network';
import { train } from '../../../../nodes/mechanics/train-loop';
import { baselineTrainNode, ldnnTrainNode } from '../../../../nodes/mechanics/train-nodes';
import { toJsonValue } from '../../../../src/lib/graph/export-value';
import type { MechanicsModel, Trajectories } from '../../../../src/lib/graph/values';
import { tf, tfContext } from '../tf-context';

async function trajectories(count: number, seed: number): Promise<Trajectories> {
  const out = await doublePendulumNode.run(
    {},
    { trajectories: count, steps: 100 },
    await tfContext(seed)
  );
  return out.trajectories as Trajectories;
}

const small = { hiddenLayers: 2, hiddenWidth: 16, steps: 150, batch: 64, learningRate: 0.01 };

describe('mechanics/ldnn-train', () => {
  it('lowers the loss, is seeded, leaves no tensor and gives JSON-safe weights', async () => {
    const data = await trajectories(3, 1);
    const heldOut = await trajectories(1, 2);
    const before = tf.memory().numTensors;
    const run = async (seed: number) => {
      const ctx = await tfContext(seed);
      return (await ldnnTrainNode.run({ trajectories: data, 'held-out': heldOut }, small, ctx))
        .model as MechanicsModel;
    };
    const a = await run(5);
    const b = await run(5);
    const c = await run(6);

    expect(tf.memory().numTensors).toBe(before);
    expect(a.loss).toHaveLength(150);
    expect(a.loss.at(-1)!).toBeLessThan(a.loss[0] / 20);
    expect(a.heldOutLoss.filter((v) => !Number.isNaN(v)).length).toBeGreaterThan(10);
    expect(a.layers[0].weights).toEqual(b.layers[0].weights);
    expect(a.layers[0].weights).not.toEqual(c.layers[0].weights);
    expect(Array.isArray(a.layers[2].weights)).toBe(true);
    expect(JSON.parse(JSON.stringify(toJsonValue(a))).layers).toEqual(a.layers);
    expect(a.system).toEqual({ m1: 1, m2: 1, l1: 1, l2: 1, g: 9.81 });
  }, 30_000);

  it('stops when cancelled and reports the current loss as progress', async () => {
    const data = await trajectories(2, 1);
    const ctx = await tfContext(1);
    const running = ldnnTrainNode.run({ trajectories: data }, { ...small, steps: 100_000 }, ctx);
    setTimeout(() => ctx.controller.abort(), 300);
    const started = Date.now();
    await expect(running).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(ctx.reports.at(-1)?.message).toMatch(/^step \d+ of 100000, loss \d/);
  }, 10_000);

  it('stops with a message naming the learning rate when the loss turns NaN', async () => {
    const data = ldData(await trajectories(1, 1), 'trajectories');
    const ctx = await tfContext(1);
    let calls = 0;
    const running = train(data, undefined, {
      tf,
      layers: initLayers([8, 4, 1], ctx.random),
      lossAndGradients: (net, x, t) => {
        const out = ldLossAndGradients(tf, net, x, t);
        return ++calls < 4 ? out : { ...out, loss: tf.mul(out.loss, NaN) };
      },
      lossOnly: (net, x, t) => ldLoss(tf, net, x, t),
      steps: 10,
      batch: 8,
      learningRate: 1e-3,
      random: ctx.random,
      signal: ctx.signal,
      progress: () => {},
      rateParam: 'learningRate'
    });
    await expect(running).rejects.toThrow(/step 4: the loss became NaN .* Lower "learningRate"/);
  });

  it('refuses non-finite data, a missing input and oversized or still params, naming them', async () => {
    const data = await trajectories(1, 1);
    const ctx = await tfContext(1);
    const broken = { ...data, p: data.p.map((v, i) => (i === 17 ? NaN : v)) };
    await expect(ldnnTrainNode.run({ trajectories: broken }, small, ctx)).rejects.toThrow(
      /Input "trajectories" holds a number that is not finite at sample 4/
    );
    await expect(ldnnTrainNode.run({}, small, ctx)).rejects.toThrow(
      /"trajectories" is not connected/
    );
    await expect(
      ldnnTrainNode.run({ trajectories: data }, { ...small, hiddenLayers: 0 }, ctx)
    ).rejects.toThrow(/"hiddenLayers" must be between 1 and 8/);
    const big = { ...small, batch: 65_536, hiddenWidth: 1024 };
    await expect(ldnnTrainNode.run({ trajectories: data }, big, ctx)).rejects.toThrow(
      /"batch" times "hiddenWidth" must be at most 2097152.*65536 × 1024/
    );
    const still = { ...small, learningRate: 0 };
    await expect(ldnnTrainNode.run({ trajectories: data }, still, ctx)).rejects.toThrow(
      /"learningRate" must be greater than 0/
    );
  });

  it('refuses held-out data from another pendulum, naming the input and what differs', async () => {
    const data = await trajectories(1, 1);
    const other = (
      await doublePendulumNode.run(
        {},
        { trajectories: 1, steps: 20, l2: 1.3, g: 3.7 },
        await tfContext(2)
      )
    ).trajectories as Trajectories;
    const run = ldnnTrainNode.run(
      { trajectories: data, 'held-out': other },
      small,
      await tfContext(1)
    );
    await expect(run).rejects.toThrow(
      'Input "held-out" comes from a different pendulum than the training trajectories: ' +
        'l₂ 1.3 vs 1, g 3.7 vs 9.81.'
    );
    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'held-out' });
  });
});

describe('mechanics/baseline-train', () => {
  it('fits the recorded accelerations by mean squared error', async () => {
    const data = await trajectories(2, 1);
    const out = await baselineTrainNode.run({ trajectories: data }, small, await tfContext(3));
    const model = out.model as MechanicsModel;
    expect(model.kind).toBe('acceleration');
    expect(model.layers.at(-1)!.outputs).toBe(4);
    expect(model.loss.at(-1)!).toBeLessThan(model.loss[0] / 5);

    // With the scaling folded back, the raw outputs explain most of the accelerations' spread.
    let error = 0;
    let spread = 0;
    const samples = data.count * (data.steps + 1);
    const mass = [data.m1, data.m1, data.m2, data.m2];
    for (let i = 0; i < samples; i++) {
      const x = [...data.q.subarray(4 * i, 4 * i + 4), ...data.v.subarray(4 * i, 4 * i + 4)];
      const y = forward(model.layers, x);
      for (let j = 0; j < 4; j++) {
        const a = data.pdot[4 * i + j] / mass[j];
        error += (y[j] - a) ** 2;
        spread += a ** 2;
      }
    }
    expect(error / spread).toBeLessThan(0.5);
  }, 20_000);
});

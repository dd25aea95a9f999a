import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CloudPairs, DiagramPairs, PointCloud } from '../../../../src/lib/graph/values';
import {
  persistenceNode,
  ripsPersistence,
  ripsPersistencePaced
} from '../../../../nodes/topology/persistence';
import { METRICS, type Metric } from '../../../../nodes/topology/rips';
import { expectSameDiagram, pointsOf, type FixtureDiagram } from './diagram-compare';
import { fakeContext } from './fake-context';

interface PersistenceCase {
  name: string;
  dim: number;
  count: number;
  points: number[];
  threshold: number | null;
  gudhiDefaultOmitsTop: Record<Metric, boolean>;
  diagrams: Record<Metric, FixtureDiagram>;
}

const fixture: { cases: PersistenceCase[] } = JSON.parse(
  readFileSync(new URL('../../../fixtures/topology/persistence.json', import.meta.url), 'utf8')
);
const cloudOf = (c: PersistenceCase): PointCloud => ({
  dim: c.dim,
  count: c.count,
  points: Float64Array.from(c.points)
});
const named = (name: string) => fixture.cases.find((c) => c.name === name)!;
const upToH1 = (diagram: FixtureDiagram): FixtureDiagram => ({
  '0': diagram['0'],
  '1': diagram['1']
});
const everyMetric = fixture.cases.flatMap((c) =>
  METRICS.map((metric) => [c.name, metric, c] as const)
);

describe('ripsPersistence', () => {
  it.each(everyMetric)(
    'gives the GUDHI diagram in dimensions 0 to 2 for %s (%s)',
    (_, metric, c) => {
      const diagram = ripsPersistence(cloudOf(c), {
        maxDimension: 2,
        threshold: c.threshold ?? Infinity,
        metric
      });

      expectSameDiagram(diagram, c.diagrams[metric]);
    }
  );

  it.each(everyMetric.filter(([, , c]) => c.count <= 200))(
    'gives the GUDHI diagram in dimensions 0 and 1 and nothing above for %s (%s)',
    (_, metric, c) => {
      const diagram = ripsPersistence(cloudOf(c), {
        maxDimension: 1,
        threshold: c.threshold ?? Infinity,
        metric
      });

      expectSameDiagram(diagram, upToH1(c.diagrams[metric]));
      expect(pointsOf(diagram, 2)).toHaveLength(0);
    }
  );

  it('uses the Euclidean metric when none is given', () => {
    const c = named('uniform cube, 200 points');

    const diagram = ripsPersistence(cloudOf(c), { maxDimension: 1, threshold: Infinity });

    expectSameDiagram(diagram, upToH1(c.diagrams.euclidean));
  });

  it('gives the same diagram when the points are listed in another order', () => {
    const c = named('uniform cube, 200 points');
    const order = Array.from({ length: c.count }, (_, i) => (i * 77) % c.count);
    const shuffled = order.flatMap((i) => c.points.slice(i * c.dim, (i + 1) * c.dim));

    const diagram = ripsPersistence(
      { dim: c.dim, count: c.count, points: Float64Array.from(shuffled) },
      { maxDimension: 2, threshold: Infinity }
    );

    expectSameDiagram(diagram, c.diagrams.euclidean);
  });

  it('computes only dimension 0 when maxDimension is 0', () => {
    const c = named('uniform cube, 64 points');

    const diagram = ripsPersistence(cloudOf(c), { maxDimension: 0, threshold: Infinity });

    expect(pointsOf(diagram, 1)).toHaveLength(0);
    expectSameDiagram(diagram, { '0': c.diagrams.euclidean['0'] });
  });

  it('reads a threshold of 0 as no threshold', () => {
    const c = named('uniform cube, 64 points');

    const diagram = ripsPersistence(cloudOf(c), { maxDimension: 1, threshold: 0 });

    expectSameDiagram(diagram, upToH1(c.diagrams.euclidean));
  });

  it('reports an essential loop where GUDHI by default drops a triangle-free top dimension', () => {
    const c = named('square with threshold 1 (no triangle)');

    const diagram = ripsPersistence(cloudOf(c), { maxDimension: 1, threshold: 1 });

    expect(c.gudhiDefaultOmitsTop.euclidean).toBe(true);
    expect(pointsOf(diagram, 1)).toEqual([[1, Infinity]]);
  });

  it('reports a void the threshold leaves unfilled as an essential class of dimension 2', () => {
    const c = named('noisy sphere with threshold 1.2 (voids that never die)');

    const diagram = ripsPersistence(cloudOf(c), { maxDimension: 2, threshold: 1.2 });

    expect(pointsOf(diagram, 2)).toHaveLength(1);
    expect(pointsOf(diagram, 2)[0][1]).toBe(Infinity);
    expectSameDiagram(diagram, c.diagrams.euclidean);
  });
});

describe('ripsPersistencePaced', () => {
  const cube = named('uniform cube, 384 points');

  it.each(METRICS)(
    'pauses inside one cloud and still gives the GUDHI diagram bit for bit (%s)',
    async (metric) => {
      let pauses = 0;
      const options = { maxDimension: 2, threshold: Infinity, metric };

      // Every 100th pause lets timers run, as the node's pacer does every few milliseconds.
      const paced = await ripsPersistencePaced(cloudOf(cube), options, async () => {
        if (++pauses % 100 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      });

      expect(pauses).toBeGreaterThan(10);
      expectSameDiagram(paced, cube.diagrams[metric]);
      const straight = ripsPersistence(cloudOf(cube), options);
      expect(Array.from(paced.dimension)).toEqual(Array.from(straight.dimension));
      expect(paced.birth.every((b, k) => Object.is(b, straight.birth[k]))).toBe(true);
      expect(paced.death.every((d, k) => Object.is(d, straight.death[k]))).toBe(true);
    }
  );

  it('stops at the pause that throws, inside the cloud', async () => {
    const reason = new Error('cancelled at the third pause');
    let pauses = 0;

    const run = ripsPersistencePaced(
      cloudOf(cube),
      { maxDimension: 2, threshold: Infinity },
      async () => {
        if (++pauses === 3) throw reason;
      }
    );

    await expect(run).rejects.toBe(reason);
    expect(pauses).toBe(3);
  });
});

describe('persistenceNode', () => {
  const a = named('noisy circle in the plane, 40 points');
  const b = named('duplicate points');
  const clouds: CloudPairs = { first: [cloudOf(a), cloudOf(b)], second: [cloudOf(b), cloudOf(a)] };

  it('computes a diagram for both clouds of every pair with the default params', async () => {
    const context = fakeContext();

    const { diagrams } = (await persistenceNode.run({ clouds }, {}, context)) as {
      diagrams: DiagramPairs;
    };

    expectSameDiagram(diagrams.first[0], upToH1(a.diagrams.euclidean));
    expectSameDiagram(diagrams.second[0], upToH1(b.diagrams.euclidean));
    expectSameDiagram(diagrams.first[1], upToH1(b.diagrams.euclidean));
    expect(pointsOf(diagrams.first[0], 2)).toHaveLength(0);
    expect(context.fractions.at(-1)).toBe(1);
    expect(
      context.fractions.every((f, k) => f >= 0 && f <= 1 && f >= (context.fractions[k - 1] ?? 0))
    ).toBe(true);
  });

  it('computes diagrams of an unpaired collection and leaves second empty', async () => {
    const unpaired: CloudPairs = { first: [cloudOf(a), cloudOf(b)], second: [] };

    const { diagrams } = (await persistenceNode.run({ clouds: unpaired }, {}, fakeContext())) as {
      diagrams: DiagramPairs;
    };

    expect(diagrams.first).toHaveLength(2);
    expect(diagrams.second).toEqual([]);
    expectSameDiagram(diagrams.first[0], upToH1(a.diagrams.euclidean));
    expectSameDiagram(diagrams.first[1], upToH1(b.diagrams.euclidean));
  });

  it('names the cloud, not a pair, when a cloud of an unpaired collection is bad', async () => {
    const bad = cloudOf(b);
    bad.points[4] = Infinity;

    const run = persistenceNode.run(
      { clouds: { first: [cloudOf(a), bad], second: [] } },
      {},
      fakeContext()
    );

    await expect(run).rejects.toThrow(/cloud 1 has Infinity at point 1/);
  });

  it('rejects a cloud with a non-finite coordinate, naming the socket and the pair', async () => {
    const bad = cloudOf(b);
    bad.points[7] = Number.NaN;

    const run = persistenceNode.run({ clouds: { first: [bad], second: [bad] } }, {}, fakeContext());

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'clouds' });
    await expect(run).rejects.toThrow(/first cloud of pair 0 has NaN at point 2/);
  });

  it('rejects a cloud whose coordinate count does not match count × dim', async () => {
    const bad: PointCloud = { dim: 3, count: 4, points: new Float64Array(11) };

    const run = persistenceNode.run({ clouds: { first: [bad], second: [bad] } }, {}, fakeContext());

    await expect(run).rejects.toThrow(/4 × 3 = 12 coordinates.*found 11 numbers/);
  });

  it('reads the maxDimension, threshold and metric params', async () => {
    const c = named('noisy sphere with threshold 1.2 (voids that never die)');
    const sphere = { first: [cloudOf(c)], second: [cloudOf(c)] };
    const params = { maxDimension: 2, threshold: 1.2, metric: 'chebyshev' };

    const { diagrams } = (await persistenceNode.run({ clouds: sphere }, params, fakeContext())) as {
      diagrams: DiagramPairs;
    };

    expectSameDiagram(diagrams.second[0], c.diagrams.chebyshev);
    expect(pointsOf(diagrams.second[0], 2).length).toBeGreaterThan(0);
  });

  it('rejects a maxDimension above 2, naming the param', async () => {
    const run = persistenceNode.run({ clouds }, { maxDimension: 3 }, fakeContext());

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'maxDimension' });
    await expect(run).rejects.toThrow(/between 0 and 2; found 3/);
  });

  it('rejects an unknown metric, naming the param and the metrics it knows', async () => {
    const run = persistenceNode.run({ clouds }, { metric: 'cosine' }, fakeContext());

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'metric' });
    await expect(run).rejects.toThrow(/"euclidean", "chebyshev", "manhattan"; found "cosine"/);
  });

  it('stops with the signal reason when the run is cancelled', async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled by the test');
    controller.abort(reason);

    const run = persistenceNode.run({ clouds }, {}, fakeContext(controller.signal));

    await expect(run).rejects.toBe(reason);
  });

  it('sees a cancel in the middle of one cloud, before the cloud is done', async () => {
    const one: CloudPairs = { first: [cloudOf(named('uniform cube, 384 points'))], second: [] };
    const controller = new AbortController();
    const reason = new Error('cancelled mid-cloud');
    const context = fakeContext(controller.signal);
    // The first progress report inside the cloud (fraction 0) cancels the run.
    const progress = context.progress;
    context.progress = (fraction, message) => {
      progress(fraction, message);
      controller.abort(reason);
    };

    const run = persistenceNode.run({ clouds: one }, { maxDimension: 2 }, context);

    await expect(run).rejects.toBe(reason);
    expect(context.fractions).toEqual([0]);
  });

  it('stops promptly when cancelled while pairs are being computed', async () => {
    const big = cloudOf(named('uniform cube, 200 points'));
    const many: CloudPairs = { first: Array(400).fill(big), second: Array(400).fill(big) };
    const controller = new AbortController();
    const context = fakeContext(controller.signal);
    setTimeout(() => controller.abort(), 60);

    const started = Date.now();
    const run = persistenceNode.run({ clouds: many }, {}, context);

    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(context.fractions.length).toBeGreaterThan(0);
    expect(context.fractions.at(-1)).toBeLessThan(1);
  });
});

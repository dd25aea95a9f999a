import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CloudPairs, DiagramPairs, PointCloud } from '../../../../src/lib/graph/values';
import { persistenceNode, ripsPersistence } from '../../../../nodes/topology/persistence';
import { expectSameDiagram, pointsOf, type FixtureDiagram } from './diagram-compare';
import { fakeContext } from './fake-context';

interface PersistenceCase {
  name: string;
  dim: number;
  count: number;
  points: number[];
  threshold: number | null;
  gudhiDefaultOmitsH1: boolean;
  diagram: FixtureDiagram;
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

describe('ripsPersistence', () => {
  it.each(fixture.cases.map((c) => [c.name, c]))('gives the GUDHI diagram for %s', (_, c) => {
    const diagram = ripsPersistence(cloudOf(c), {
      maxDimension: 1,
      threshold: c.threshold ?? Infinity
    });

    expectSameDiagram(diagram, c.diagram);
  });

  it('gives the same diagram when the points are listed in another order', () => {
    const c = named('uniform cube, 200 points');
    const order = Array.from({ length: c.count }, (_, i) => (i * 77) % c.count);
    const shuffled = order.flatMap((i) => c.points.slice(i * c.dim, (i + 1) * c.dim));

    const diagram = ripsPersistence(
      { dim: c.dim, count: c.count, points: Float64Array.from(shuffled) },
      { maxDimension: 1, threshold: Infinity }
    );

    expectSameDiagram(diagram, c.diagram);
  });

  it('computes only dimension 0 when maxDimension is 0', () => {
    const c = named('uniform cube, 64 points');

    const diagram = ripsPersistence(cloudOf(c), { maxDimension: 0, threshold: Infinity });

    expect(pointsOf(diagram, 1)).toHaveLength(0);
    expectSameDiagram(diagram, { '0': c.diagram['0'] });
  });

  it('reads a threshold of 0 as no threshold', () => {
    const c = named('uniform cube, 64 points');

    const diagram = ripsPersistence(cloudOf(c), { maxDimension: 1, threshold: 0 });

    expectSameDiagram(diagram, c.diagram);
  });

  it('reports an essential loop where GUDHI by default drops a triangle-free top dimension', () => {
    const c = named('square with threshold 1 (no triangle)');

    const diagram = ripsPersistence(cloudOf(c), { maxDimension: 1, threshold: 1 });

    expect(c.gudhiDefaultOmitsH1).toBe(true);
    expect(pointsOf(diagram, 1)).toEqual([[1, Infinity]]);
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

    expectSameDiagram(diagrams.first[0], a.diagram);
    expectSameDiagram(diagrams.second[0], b.diagram);
    expectSameDiagram(diagrams.first[1], b.diagram);
    expect(context.fractions.at(-1)).toBe(1);
    expect(
      context.fractions.every((f, k) => f >= 0 && f <= 1 && f >= (context.fractions[k - 1] ?? 0))
    ).toBe(true);
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

  it('rejects a maxDimension above 1, naming the param', async () => {
    const run = persistenceNode.run({ clouds }, { maxDimension: 2 }, fakeContext());

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'maxDimension' });
  });

  it('stops with the signal reason when the run is cancelled', async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled by the test');
    controller.abort(reason);

    const run = persistenceNode.run({ clouds }, {}, fakeContext(controller.signal));

    await expect(run).rejects.toBe(reason);
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

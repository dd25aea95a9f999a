import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kumiki } from './run-kumiki';

/** GUDHI's diagrams of the example's two clouds (tests/fixtures/graph/make-persistence-subgraph.py). */
const reference: { clouds: Record<string, { diagram: Record<string, unknown[]> }> } = JSON.parse(
  readFileSync('tests/fixtures/graph/persistence-subgraph.json', 'utf-8')
);

describe('kumiki run --set on a subgraph node', () => {
  it('sets an exposed param of one instance and leaves the other as saved', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kumiki-cli-')), 'out');
    const args = ['run', 'graphs/persistence-subgraph.json', '--out', out, '--no-cache'];
    const result = kumiki([...args, '--set', 'torusDiagram.maxDimension=0']);
    expect(result.stderr).toContain('all nodes finished');
    expect(result.code).toBe(0);

    // Each written row is [dimension, birth, death].
    const rows = (id: string): number[][] =>
      JSON.parse(readFileSync(join(out, id, 'diagrams.json'), 'utf-8')).first[0];
    const dimensions = (id: string) => new Set(rows(id).map((r) => r[0]));
    const { torus, circle } = reference.clouds;
    expect(dimensions('torusDiagram')).toEqual(new Set([0]));
    expect(rows('torusDiagram')).toHaveLength(torus.diagram['0'].length);
    expect(dimensions('circleDiagram')).toEqual(new Set([0, 1]));
    // A subgraph node's outputs get the side files of their types, as a plain node's do.
    for (const file of ['plot.svg', 'diagrams.npz']) {
      expect(existsSync(join(out, 'circleDiagram', file))).toBe(true);
    }
    expect(rows('circleDiagram')).toHaveLength(
      circle.diagram['0'].length + circle.diagram['1'].length
    );
  });

  it('names the node and param when the subgraph node does not show that param', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kumiki-cli-')), 'out');
    const result = kumiki([
      'run',
      'graphs/persistence-subgraph.json',
      '--out',
      out,
      '--set',
      'torusDiagram.threshold=1'
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'node "torusDiagram" (subgraph/diagramOfCloud) has no param "threshold"'
    );
  });
});

describe('kumiki sweep --set on a subgraph node', () => {
  it('takes an exposed param, as run does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kumiki-cli-'));
    const node = (id: string, type: string, params: Record<string, unknown>) => ({
      id,
      type,
      version: 1,
      params,
      position: { x: 0, y: 0 }
    });
    const dist = {
      title: 'Distance of two samples',
      nodes: [
        node('moons', 'diffusion/two-moons', { count: 100, noise: 0.05 }),
        node('rings', 'diffusion/rings', { count: 100, noise: 0.05 }),
        node('d', 'diffusion/distance', { metric: 'energy', projections: 16 })
      ],
      edges: [
        { from: { node: 'moons', output: 'samples' }, to: { node: 'd', input: 'samples' } },
        { from: { node: 'rings', output: 'samples' }, to: { node: 'd', input: 'data' } }
      ],
      inputs: [],
      outputs: [{ name: 'distance', from: { node: 'd', output: 'distance' } }],
      params: [
        { name: 'count', node: 'moons', param: 'count' },
        { name: 'noise', node: 'moons', param: 'noise' }
      ]
    };
    const graph = {
      format: 'kumiki-graph',
      version: 2,
      title: 'sweep through a subgraph',
      seed: 1,
      nodes: [node('g', 'subgraph/dist', {})],
      edges: [],
      subgraphs: { dist },
      sweep: {
        axes: [{ node: 'g', param: 'noise', values: [0.05, 0.1] }],
        target: { node: 'g', output: 'distance' }
      }
    };
    writeFileSync(join(dir, 'g.json'), JSON.stringify(graph));
    const out = join(dir, 'out');
    const result = kumiki(['sweep', join(dir, 'g.json'), '--out', out, '--set', 'g.count=40']);
    expect(result.stderr).toContain('(2 cells)');
    expect(result.code).toBe(0);
  });
});

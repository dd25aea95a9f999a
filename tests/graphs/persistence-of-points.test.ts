import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CloudPairs, DiagramPairs, Plot } from '../../src/lib/graph/values';
import { plotToSvg } from '../../src/lib/plot/svg';
import { expectSameDiagram, type FixtureDiagram } from '../unit/nodes/topology/diagram-compare';
import { runGraphFile } from './run-graph';

const reference: { count: number; diagram: FixtureDiagram } = JSON.parse(
  readFileSync('tests/fixtures/graphs/persistence-of-points.json', 'utf-8')
);

describe('graphs/persistence-of-points.json', () => {
  it('gives GUDHI’s diagram of the bundled circle and draws every point of it', async () => {
    const summary = await runGraphFile('graphs/persistence-of-points.json');
    for (const [id, node] of Object.entries(summary.nodes)) {
      expect(node.status, id).toBe('finished');
    }

    const clouds = summary.outputs.points.clouds as CloudPairs;
    expect(clouds.first[0].count).toBe(reference.count);
    expect(clouds.second).toEqual([]);
    const diagrams = summary.outputs.persistence.diagrams as DiagramPairs;
    expectSameDiagram(diagrams.first[0], reference.diagram, 1e-12);

    const diagramSvg = plotToSvg(summary.outputs.diagram.plot as Plot);
    const barcodeSvg = plotToSvg(summary.outputs.barcode.plot as Plot);
    for (const [dim, points] of Object.entries(reference.diagram)) {
      const marks = (svg: string, mark: string) =>
        (svg.match(new RegExp(`class="${mark} dim-${dim}[" ]`, 'g')) ?? []).length;
      expect(marks(diagramSvg, 'point'), `circles in dimension ${dim}`).toBe(points.length);
      expect(marks(barcodeSvg, 'bar'), `bars in dimension ${dim}`).toBe(points.length);
    }
  });
});

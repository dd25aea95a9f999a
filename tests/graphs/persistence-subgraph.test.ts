import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DiagramPairs, Plot } from '../../src/lib/graph/values';
import { expectSameDiagram, type FixtureDiagram } from '../unit/nodes/topology/diagram-compare';
import { getNodeType } from '../../nodes/registry';
import { applySets } from '../../src/cli/command-run';
import { parseGraph } from '../../src/lib/graph/load';
import { runGraphFile } from './run-graph';

const reference: { clouds: Record<string, { count: number; diagram: FixtureDiagram }> } =
  JSON.parse(readFileSync('tests/fixtures/graph/persistence-subgraph.json', 'utf-8'));

describe('graphs/persistence-subgraph.json', () => {
  it('gives GUDHI’s diagram of each cloud from the two nodes of one subgraph', async () => {
    const summary = await runGraphFile('graphs/persistence-subgraph.json');
    expect(Object.keys(summary.nodes).sort()).toEqual([
      'circle',
      'circleDiagram',
      'torus',
      'torusDiagram'
    ]);
    for (const [id, node] of Object.entries(summary.nodes)) {
      expect(node.status, id).toBe('finished');
    }
    for (const name of ['circle', 'torus']) {
      const outputs = summary.outputs[`${name}Diagram`];
      const diagrams = outputs.diagrams as DiagramPairs;
      expectSameDiagram(diagrams.first[0], reference.clouds[name].diagram, 1e-12);
      expect((outputs.plot as Plot).kind).toBe('diagram');
    }
  });

  it('takes maxDimension from each subgraph node', async () => {
    const summary = await runGraphFile('graphs/persistence-subgraph.json', {
      torusDiagram: { maxDimension: 0 }
    });
    const torus = (summary.outputs.torusDiagram.diagrams as DiagramPairs).first[0];
    const circle = (summary.outputs.circleDiagram.diagrams as DiagramPairs).first[0];
    expect(torus.birth.length).toBe(reference.clouds.torus.diagram['0'].length);
    expect(circle.birth.length).toBe(
      reference.clouds.circle.diagram['0'].length + reference.clouds.circle.diagram['1'].length
    );
  });

  it('takes `kumiki run --set` on a subgraph node’s exposed param, and names a missing one', () => {
    const text = readFileSync('graphs/persistence-subgraph.json', 'utf-8');
    const doc = parseGraph(text, 'x.json', getNodeType).doc!;
    applySets(doc, ['torusDiagram.maxDimension=0']);
    expect(doc.nodes.find((n) => n.id === 'torusDiagram')!.params.maxDimension).toBe(0);
    expect(() => applySets(doc, ['torusDiagram.threshold=1'])).toThrow(
      'node "torusDiagram" (subgraph/diagramOfCloud) has no param "threshold"'
    );
  });
});

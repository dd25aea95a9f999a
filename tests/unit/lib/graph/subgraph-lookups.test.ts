import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getNodeType } from '../../../../nodes/registry';
import { graphPicture } from '../../../../src/lib/editor/graph-picture';
import { parseGraph } from '../../../../src/lib/graph/load';
import { checkSweep } from '../../../../src/lib/graph/sweep-check';

const FILE = 'graphs/persistence-subgraph.json';
const doc = () => parseGraph(readFileSync(FILE, 'utf-8'), FILE, getNodeType).doc!;

/**
 * Callers hand these functions the plain registry; a subgraph node's sockets and params come
 * from the file's own definitions, so each function must look there itself (the editor's Save
 * PNG and sweep panel once drew subgraph nodes without sockets and refused their params).
 */
describe('functions that read node types see the file’s subgraphs', () => {
  it('checkSweep accepts a sweep over an exposed param and bounds its values', () => {
    const graph = doc();
    graph.sweep = {
      axes: [{ node: 'circleDiagram', param: 'maxDimension', values: [0, 1] }],
      target: { node: 'circleDiagram', output: 'diagrams' }
    };
    const onAxis = () => checkSweep(graph, getNodeType).filter((i) => i.field === 'sweep.axes.0');
    expect(onAxis()).toEqual([]);
    graph.sweep.axes[0].values = [0, 99];
    expect(onAxis()).toHaveLength(1);
    expect(onAxis()[0].message).toContain('maxDimension');
  });

  it('graphPicture draws a subgraph node with its title and exposed sockets', () => {
    const { svg } = graphPicture(doc(), getNodeType);
    const definition = doc().subgraphs!.diagramOfCloud;
    expect(svg).toContain(`>${definition.title}<`);
    for (const output of definition.outputs) expect(svg).toContain(`>${output.name}<`);
  });
});

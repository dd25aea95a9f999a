import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getNodeType } from '../../../../nodes/registry';
import type { GraphDocument } from '../../../../src/lib/graph/document';
import { parseGraph, serializeGraph } from '../../../../src/lib/graph/load';
import { recursiveDefinitions } from '../../../../src/lib/graph/subgraph';
import { flattenGraph } from '../../../../src/lib/graph/subgraph-flatten';
import {
  mergeDefinitions,
  pruneDefinition,
  toggleExposed
} from '../../../../src/lib/graph/subgraph-edit';
import { expandNode, groupNodes } from '../../../../src/lib/graph/subgraph-group';

const FILE = 'graphs/persistence-of-points.json';
const flat = () => parseGraph(readFileSync(FILE, 'utf-8'), FILE, getNodeType).doc!;
const edgeText = (d: GraphDocument) =>
  d.edges.map((e) => `${e.from.node}.${e.from.output}>${e.to.node}.${e.to.input}`).sort();

describe('grouping and expanding', () => {
  it('turns one outside output feeding two grouped nodes into one input', () => {
    const { doc, instanceId, definitionId } = groupNodes(flat(), ['diagram', 'barcode']);
    const def = doc.subgraphs![definitionId];
    expect(def.inputs).toEqual([
      {
        name: 'diagrams',
        targets: [
          { node: 'diagram', input: 'diagrams' },
          { node: 'barcode', input: 'diagrams' }
        ]
      }
    ]);
    expect(edgeText(doc)).toEqual([
      'persistence.diagrams>group.diagrams',
      'points.clouds>persistence.clouds'
    ]);
    // Inlined, the graph is the original one with the plots renamed under the instance.
    const inlined = flattenGraph(doc).doc;
    expect(edgeText(inlined)).toEqual([
      `persistence.diagrams>${instanceId}/barcode.diagrams`,
      `persistence.diagrams>${instanceId}/diagram.diagrams`,
      'points.clouds>persistence.clouds'
    ]);
  });

  it('keeps a sweep over a grouped node by exposing its param and output, and back', () => {
    const before = flat();
    before.sweep = {
      axes: [{ node: 'persistence', param: 'maxDimension', values: [0, 1] }],
      target: { node: 'persistence', output: 'diagrams' }
    };
    const { doc, instanceId, definitionId } = groupNodes(before, ['points', 'persistence']);
    expect(doc.sweep).toEqual({
      axes: [{ node: instanceId, param: 'maxDimension', values: [0, 1] }],
      target: { node: instanceId, output: 'diagrams' }
    });
    expect(doc.subgraphs![definitionId].params).toEqual([
      { name: 'maxDimension', node: 'persistence', param: 'maxDimension' }
    ]);
    // The loader reads the exposed socket's type: diagrams cannot be a sweep target, grouped
    // or not, and the axis over the exposed integer param passes.
    const reloaded = parseGraph(serializeGraph(doc), 'g.json', getNodeType);
    const original = parseGraph(serializeGraph(before), 'g.json', getNodeType);
    const sweepProblems = (r: typeof reloaded) => r.problems.map((p) => [p.code, p.field]);
    expect(sweepProblems(reloaded)).toEqual([['W_SWEEP', 'sweep.target']]);
    expect(sweepProblems(original)).toEqual(sweepProblems(reloaded));
    expect(expandNode(doc, instanceId).sweep).toEqual(before.sweep);
  });

  it('gives pasted-in ids a fresh name when the expanded inner ids are taken', () => {
    const { doc, instanceId } = groupNodes(flat(), ['diagram']);
    doc.nodes.push({ ...doc.nodes[0], id: 'diagram' });
    const expanded = expandNode(doc, instanceId);
    expect(expanded.nodes.map((n) => n.id)).toEqual([
      'points',
      'persistence',
      'diagram2',
      'barcode',
      'diagram'
    ]);
    expect(edgeText(expanded)).toContain('persistence.diagrams>diagram2.diagrams');
  });

  it('shows and hides inner sockets and params, and drops what no longer exists', () => {
    const { doc, definitionId } = groupNodes(flat(), ['persistence', 'diagram']);
    const def = doc.subgraphs![definitionId];
    expect(toggleExposed(def, 'diagram', 'outputs', 'plot')).toBe(true);
    expect(toggleExposed(def, 'persistence', 'params', 'threshold')).toBe(true);
    expect(def.outputs.map((o) => o.name)).toEqual(['diagrams', 'plot']);
    expect(toggleExposed(def, 'diagram', 'outputs', 'plot')).toBe(false);
    expect(def.outputs.map((o) => o.name)).toEqual(['diagrams']);

    const gone = { ...def, nodes: def.nodes.filter((n) => n.id !== 'persistence') };
    const pruned = pruneDefinition(gone, (node) => node === 'diagram');
    expect(pruned.inputs).toEqual([]);
    expect(pruned.outputs).toEqual([]);
    expect(pruned.params).toEqual([]);
  });

  it('names the chain of a definition that reaches itself through another', () => {
    const { doc, definitionId: a } = groupNodes(flat(), ['diagram']);
    const { doc: both, definitionId: b } = groupNodes(doc, ['barcode']);
    both.subgraphs![a].nodes.push({ ...both.nodes.at(-1)!, id: 'inner', type: `subgraph/${b}` });
    both.subgraphs![b].nodes.push({ ...both.nodes.at(-1)!, id: 'back', type: `subgraph/${a}` });
    const found = recursiveDefinitions(both.subgraphs!);
    expect(found.get(a)).toEqual([a, b, a]);
    expect(found.get(b)).toEqual([b, a, b]);
  });

  it('shares a pasted definition equal to one here and renames a different one with its users', () => {
    const { doc } = groupNodes(flat(), ['diagram']);
    const here = doc.subgraphs!;
    expect(mergeDefinitions(here, structuredClone(here)).types).toEqual(
      new Map([['subgraph/group', 'subgraph/group']])
    );

    // Another graph's "group" holds the barcode plot, and its "outer" uses that "group".
    const other = groupNodes(flat(), ['barcode']).doc.subgraphs!;
    other.outer = {
      ...structuredClone(other.group),
      title: 'Outer',
      nodes: [
        { id: 'g', type: 'subgraph/group', version: 1, params: {}, position: { x: 0, y: 0 } }
      ],
      edges: [],
      inputs: [],
      outputs: [],
      params: []
    };
    const { merged, types } = mergeDefinitions(here, other);
    expect(types.get('subgraph/group')).toBe('subgraph/group2');
    expect(types.get('subgraph/outer')).toBe('subgraph/outer');
    expect(merged.group).toEqual(here.group);
    expect(merged.group2.nodes.map((n) => n.id)).toEqual(['barcode']);
    expect(merged.outer.nodes[0].type).toBe('subgraph/group2');
  });
});

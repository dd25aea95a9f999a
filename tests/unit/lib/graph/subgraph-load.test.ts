import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getNodeType } from '../../../../nodes/registry';
import type { GraphDocument } from '../../../../src/lib/graph/document';
import { parseGraph, serializeGraph } from '../../../../src/lib/graph/load';
import { encodeShareFragment, decodeShareFragment } from '../../../../src/lib/graph/share';
import { exposeParam, expandNode, groupNodes } from '../../../../src/lib/graph/subgraph-group';

const FILE = 'graphs/persistence-of-points.json';
const flat = () => parseGraph(readFileSync(FILE, 'utf-8'), FILE, getNodeType).doc!;
const load = (value: unknown) => parseGraph(JSON.stringify(value), 'g.json', getNodeType);

/** The persistence step grouped, with maxDimension exposed, as a plain JSON value. */
function grouped(): GraphDocument {
  const { doc, definitionId } = groupNodes(flat(), ['persistence']);
  exposeParam(doc.subgraphs![definitionId], 'persistence', 'maxDimension');
  return JSON.parse(serializeGraph(doc));
}

describe('loading subgraphs', () => {
  it('keeps definitions and instances through save, load and a share link', () => {
    const doc = grouped();
    const once = load(doc);
    expect(once.problems).toEqual([]);
    expect(once.doc!.subgraphs!.group.params).toEqual([
      { name: 'maxDimension', node: 'persistence', param: 'maxDimension' }
    ]);
    const instance = once.doc!.nodes.find((n) => n.id === 'group')!;
    // The exposed param takes the inner node's value as its default.
    expect(instance.params).toEqual({ maxDimension: 1 });
    const shared = decodeShareFragment(encodeShareFragment(once.doc!), getNodeType);
    expect(serializeGraph(shared.doc!)).toBe(serializeGraph(once.doc!));
  });

  it('gives instances the inner sockets’ types and refuses a wrong edge to them', () => {
    const doc = grouped();
    doc.edges.push({
      from: { node: 'diagram', output: 'plot' },
      to: { node: 'group', input: 'clouds' }
    });
    const { problems, doc: kept } = load(doc);
    expect(problems.map((p) => [p.code, p.nodeId])).toEqual([['E_SOCKET_TYPE', 'group']]);
    expect(kept!.edges).toHaveLength(3);
  });

  it('reports a bad inner node, param and exposed socket by node and field, keeping the rest', () => {
    const doc = grouped() as unknown as { subgraphs: Record<string, Record<string, unknown>> };
    const def = doc.subgraphs.group as { nodes: Record<string, unknown>[]; outputs: unknown[] };
    (def.nodes[0].params as Record<string, unknown>).maxDimension = 'two';
    def.outputs.push({ name: 'ghost', from: { node: 'nowhere', output: 'x' } });
    const { problems, doc: kept } = load(doc);
    expect(problems.map((p) => [p.code, p.nodeId, p.field])).toEqual([
      ['E_PARAM', 'group/persistence', 'subgraphs.group.nodes.0.params.maxDimension'],
      ['E_SUBGRAPH', undefined, 'subgraphs.group.outputs.1.from']
    ]);
    expect(kept!.subgraphs!.group.outputs.map((o) => o.name)).toEqual(['diagrams']);
    expect(kept!.nodes.map((n) => n.id)).toEqual(['points', 'group', 'diagram', 'barcode']);
  });

  it('leaves out a definition that contains itself, naming it, and keeps its instance as a placeholder', () => {
    const doc = grouped();
    doc.subgraphs!.group.nodes.push({ ...doc.nodes[1], id: 'again' });
    doc.nodes[1].params = { maxDimension: 0 };
    const { problems, doc: kept } = load(doc);
    const recursion = problems.find((p) => p.code === 'E_SUBGRAPH_RECURSION')!;
    expect(recursion.message).toContain('"group" contains itself (group → group)');
    expect(recursion.field).toBe('subgraphs.group');
    const unknown = problems.find((p) => p.code === 'E_UNKNOWN_TYPE')!;
    expect(unknown.nodeId).toBe('group');
    expect(unknown.message).toContain('the subgraph "group", which this file does not define');
    expect(kept!.nodes.find((n) => n.id === 'group')!.params).toEqual({ maxDimension: 0 });
  });

  it('drops a malformed definition by field and a non-object map', () => {
    const doc = grouped() as unknown as Record<string, unknown>;
    (doc.subgraphs as Record<string, unknown>).broken = { title: 3 };
    expect(load(doc).problems.map((p) => [p.code, p.field])).toEqual([
      ['E_SUBGRAPH', 'subgraphs.broken.title']
    ]);
    doc.subgraphs = [1, 2];
    expect(load(doc).problems.map((p) => p.code)).toContain('E_SUBGRAPH');
  });

  it('reports inner entries that are not nodes instead of throwing (fuzz finding)', () => {
    for (const entry of [null, 7, { id: 'x', type: null }]) {
      const doc = grouped() as unknown as { subgraphs: Record<string, { nodes: unknown[] }> };
      doc.subgraphs.group.nodes.unshift(entry);
      const result = load(doc);
      expect(result.problems.length).toBeGreaterThan(0);
      expect(result.problems.every((p) => p.field?.startsWith('subgraphs.group'))).toBe(true);
    }
  });

  it('expands a subgraph node back to the graph it was grouped from', () => {
    const before = flat();
    const { doc, instanceId } = groupNodes(before, ['persistence', 'diagram']);
    expect(doc.nodes.map((n) => n.id)).toEqual(['points', 'group', 'barcode']);
    const after = expandNode(doc, instanceId);
    const sort = (d: GraphDocument) => ({
      nodes: [...d.nodes].sort((a, b) => a.id.localeCompare(b.id)),
      edges: d.edges.map((e) => JSON.stringify(e)).sort()
    });
    expect(sort(after)).toEqual(sort(before));
    expect(after.subgraphs).toBeUndefined();
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getNodeType } from '../../../../nodes/registry';
import { createNodeHost } from '../../../../src/cli/host-node';
import type { RunEvent } from '../../../../src/lib/engine/events';
import { Executor } from '../../../../src/lib/engine/executor';
import type { GraphDocument } from '../../../../src/lib/graph/document';
import { parseGraph, serializeGraph } from '../../../../src/lib/graph/load';
import { exposeParam, groupNodes } from '../../../../src/lib/graph/subgraph-group';
import type { DiagramPairs, Plot } from '../../../../src/lib/graph/values';
import { expectSameDiagram, type FixtureDiagram } from '../../nodes/topology/diagram-compare';

const FILE = 'graphs/persistence-of-points.json';
const reference: { count: number; diagram: FixtureDiagram } = JSON.parse(
  readFileSync('tests/fixtures/graphs/persistence-of-points.json', 'utf-8')
);

/** Loads a graph through the file format, as a saved and reopened file would be. */
function reload(doc: GraphDocument): GraphDocument {
  const result = parseGraph(serializeGraph(doc), 'grouped.json', getNodeType);
  const errors = result.problems.filter((p) => p.severity === 'error');
  expect(errors).toEqual([]);
  return result.doc!;
}

function flatGraph(): GraphDocument {
  return parseGraph(readFileSync(FILE, 'utf-8'), FILE, getNodeType).doc!;
}

async function run(doc: GraphDocument, events: RunEvent[] = [], only?: string[]) {
  const host = await createNodeHost({ baseDir: 'graphs' });
  return new Executor(host, getNodeType).run(doc, { onEvent: (e) => events.push(e), only });
}

describe('running graphs with subgraph nodes', () => {
  it('gives the flat graph’s outputs, checked against GUDHI, from a grouped persistence step', async () => {
    const grouped = groupNodes(flatGraph(), ['persistence', 'diagram']);
    const doc = reload(grouped.doc);
    const events: RunEvent[] = [];
    const summary = await run(doc, events);

    const id = grouped.instanceId;
    expect(summary.nodes[id].status).toBe('finished');
    expect(Object.keys(summary.nodes).sort()).toEqual(['barcode', id, 'points'].sort());
    const diagrams = summary.outputs[id].diagrams as DiagramPairs;
    expectSameDiagram(diagrams.first[0], reference.diagram, 1e-12);

    const flat = await run(flatGraph());
    expect(Object.keys(summary.outputs[id])).toEqual(['diagrams']);
    expect(summary.outputs[id].diagrams).toEqual(flat.outputs.persistence.diagrams);
    expect(summary.outputs.barcode.plot as Plot).toEqual(flat.outputs.barcode.plot);
    // The subgraph node is reported as one node: queued, started and finished once.
    const own = events.filter((e) => e.nodeId === id).map((e) => e.kind);
    expect(own.filter((k) => k !== 'progress')).toEqual(['queued', 'started', 'finished']);
  });

  it('runs a subgraph inside a subgraph, and an exposed param set outside reaches the inner node', async () => {
    const first = groupNodes(flatGraph(), ['persistence']);
    const def = first.doc.subgraphs![first.definitionId];
    const name = exposeParam(def, 'persistence', 'maxDimension');
    const outer = groupNodes(first.doc, [first.instanceId, 'diagram']);
    const doc = reload(outer.doc);
    const summary0 = await run(doc);
    expect(summary0.nodes[outer.instanceId].status).toBe('finished');
    const diagrams = summary0.outputs[outer.instanceId].diagrams as DiagramPairs;
    expectSameDiagram(diagrams.first[0], reference.diagram, 1e-12);

    // Set maxDimension = 0 on the inner subgraph node: only dimension-0 points are left.
    const inner = doc.subgraphs![outer.definitionId].nodes.find((n) => n.id === first.instanceId)!;
    inner.params[name] = 0;
    const flat = flatGraph();
    flat.nodes.find((n) => n.id === 'persistence')!.params.maxDimension = 0;
    const [ours, theirs] = await Promise.all([run(reload(doc)), run(flat)]);
    expect(ours.outputs.barcode.plot).toEqual(theirs.outputs.barcode.plot);
    expect(ours.outputs.barcode.plot).not.toEqual(summary0.outputs.barcode.plot);
  });

  it('names the subgraph node, the inner node and the field when an inner node fails', async () => {
    const doc = flatGraph();
    doc.nodes.find((n) => n.id === 'points')!.params.file = 'no-such-file.csv';
    const grouped = groupNodes(doc, ['points', 'persistence']);
    const events: RunEvent[] = [];
    const summary = await run(reload(grouped.doc), events);

    const entry = summary.nodes[grouped.instanceId];
    expect(entry.status).toBe('failed');
    expect(entry.error).toMatch(
      /^Inside the subgraph "Group 1" \(node "group"\), the inner node "points" failed: .*no-such-file\.csv/
    );
    const failed = events.find((e) => e.kind === 'failed');
    expect(failed).toMatchObject({ nodeId: grouped.instanceId, field: 'points.file' });
    expect(entry.field).toBe('points.file');
    expect(summary.nodes.diagram.status).toBe('blocked');
  });

  it('refuses a definition that contains itself, naming it, and runs the rest', async () => {
    const grouped = groupNodes(flatGraph(), ['diagram']);
    const def = grouped.doc.subgraphs![grouped.definitionId];
    def.nodes.push({ ...grouped.doc.nodes.find((n) => n.id === grouped.instanceId)!, id: 'again' });
    const summary = await run(grouped.doc);
    expect(summary.nodes[grouped.instanceId].status).toBe('failed');
    expect(summary.nodes[grouped.instanceId].error).toMatch(
      /"group" contains itself \(group → group\)/
    );
    expect(summary.nodes.barcode.status).toBe('finished');
  });

  it('runs a selected subgraph node with what feeds it, and nothing downstream', async () => {
    const grouped = groupNodes(flatGraph(), ['persistence', 'diagram']);
    const summary = await run(reload(grouped.doc), [], [grouped.instanceId]);
    expect(Object.keys(summary.nodes).sort()).toEqual([grouped.instanceId, 'points']);
    const diagrams = summary.outputs[grouped.instanceId].diagrams as DiagramPairs;
    expectSameDiagram(diagrams.first[0], reference.diagram, 1e-12);
  });

  it('marks a subgraph node cancelled when the run is stopped', async () => {
    const grouped = groupNodes(flatGraph(), ['persistence', 'diagram']);
    const host = await createNodeHost({ baseDir: 'graphs' });
    const stop = new AbortController();
    stop.abort();
    const summary = await new Executor(host, getNodeType).run(reload(grouped.doc), {
      signal: stop.signal
    });
    expect(summary.cancelled).toBe(true);
    expect(summary.nodes[grouped.instanceId].status).toBe('cancelled');
    expect(summary.outputs[grouped.instanceId]).toBeUndefined();
  });
});

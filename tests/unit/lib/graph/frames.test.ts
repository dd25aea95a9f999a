import { describe, expect, it } from 'vitest';
import { getNodeType } from '../../../../nodes/registry';
import { graphPicture } from '../../../../src/lib/editor/graph-picture';
import { parseGraph, serializeGraph } from '../../../../src/lib/graph/load';

const graph = (extra: Record<string, unknown>) =>
  JSON.stringify({
    format: 'kumiki-graph',
    version: 1,
    title: 't',
    seed: 1,
    nodes: [{ id: 'a', type: 'data/stsb', version: 1, params: {}, position: { x: 0, y: 0 } }],
    edges: [],
    ...extra
  });

const frame = (id: string, size = { width: 300, height: 200 }) => ({
  id,
  title: `<b>${id}</b>`,
  text: 'notes',
  position: { x: -20, y: -40 },
  size
});

describe('comment frames in graph files', () => {
  it('a file without frames loads with none, and a saved file keeps frames as written', () => {
    const plain = parseGraph(graph({}), 'g.json', getNodeType);
    expect(plain.problems).toEqual([]);
    expect(plain.doc!.frames).toBeUndefined();

    const framed = parseGraph(graph({ frames: [frame('f1')] }), 'g.json', getNodeType);
    expect(framed.problems).toEqual([]);
    expect(framed.doc!.frames).toEqual([frame('f1')]);
    const again = parseGraph(serializeGraph(framed.doc!), 'g.json', getNodeType);
    expect(again.doc!.frames).toEqual([frame('f1')]);
  });

  it('drops only the malformed frame and names its field', () => {
    const { doc, problems } = parseGraph(
      graph({ frames: [frame('ok'), frame('bad', { width: 10, height: 200 }), frame('ok')] }),
      'g.json',
      getNodeType
    );
    expect(doc!.nodes).toHaveLength(1);
    expect(doc!.frames!.map((f) => f.id)).toEqual(['ok']);
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['W_FIELD', 'frames.1.size.width'],
      ['W_FIELD', 'frames.2.id']
    ]);
    expect(problems[0].message).toContain('frames.1.size.width');
  });

  it('a frames field that is not a list is dropped with a warning, the graph still opens', () => {
    const { doc, problems } = parseGraph(graph({ frames: 'x' }), 'g.json', getNodeType);
    expect(doc!.frames).toBeUndefined();
    expect(problems.map((p) => p.field)).toEqual(['frames']);
  });
});

describe('frames in the PNG picture of a graph', () => {
  it('draws each frame as escaped text and widens the picture to hold it', () => {
    const { doc } = parseGraph(
      graph({ frames: [{ ...frame('f1'), position: { x: -500, y: -40 } }] }),
      'g.json',
      getNodeType
    );
    const { svg } = graphPicture(doc!, getNodeType);
    expect(svg).toContain('&#60;b&#62;f1&#60;/b&#62;');
    expect(svg).not.toContain('<b>');
    // The picture starts PAD (40) left of the frame's left edge.
    expect(svg).toMatch(/viewBox="-540 /);
  });
});

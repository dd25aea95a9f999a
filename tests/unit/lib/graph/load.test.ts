import { describe, expect, it } from 'vitest';
import { getNodeType } from '../../../../nodes/registry';
import { parseGraph, serializeGraph } from '../../../../src/lib/graph/load';

const node = (id: string, type: string, params: Record<string, unknown> = {}) => ({
  id,
  type,
  version: 1,
  params,
  position: { x: 0, y: 0 }
});
const edge = (from: string, output: string, to: string, input: string) => ({
  from: { node: from, output },
  to: { node: to, input }
});
const file = (nodes: unknown[], edges: unknown[] = []) =>
  JSON.stringify({ format: 'kumiki-graph', version: 1, title: 't', seed: 1, nodes, edges });

describe('parseGraph', () => {
  it('loads a valid graph and fills missing params with their defaults', () => {
    const { doc, problems } = parseGraph(
      file([node('a', 'data/stsb', { limit: 3 })]),
      'g.json',
      getNodeType
    );
    expect(problems).toEqual([]);
    expect(doc!.nodes[0].params).toEqual({ split: 'dev', file: '', limit: 3 });
  });

  it('names the file and the position of invalid JSON', () => {
    const { doc, problems } = parseGraph('{"format": ', 'broken.json', getNodeType);
    expect(doc).toBeNull();
    expect(problems[0]).toMatchObject({ code: 'E_JSON', file: 'broken.json' });
  });

  it('refuses a file of another format or a newer version', () => {
    const other = parseGraph('{"format":"other"}', 'x.json', getNodeType);
    expect(other.problems[0]).toMatchObject({ code: 'E_FORMAT', field: 'format' });
    const newer = parseGraph(
      JSON.stringify({ format: 'kumiki-graph', version: 99 }),
      'x.json',
      getNodeType
    );
    expect(newer.problems[0]).toMatchObject({ code: 'E_VERSION', field: 'version' });
  });

  it('keeps an unknown node type with its params and reports it', () => {
    const { doc, problems } = parseGraph(
      file([node('a', 'nope/none', { k: 1 })]),
      'g.json',
      getNodeType
    );
    expect(doc!.nodes[0]).toMatchObject({ id: 'a', type: 'nope/none', params: { k: 1 } });
    expect(problems).toEqual([
      expect.objectContaining({ code: 'E_UNKNOWN_TYPE', nodeId: 'a', field: 'type' })
    ]);
  });

  it('reports a bad param by node and field and keeps the rest of the graph', () => {
    const text = file([
      node('a', 'data/stsb', { limit: -4, split: 'test' }),
      node('b', 'data/stsb')
    ]);
    const { doc, problems } = parseGraph(text, 'g.json', getNodeType);
    expect(doc!.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(problems.map((p) => [p.code, p.nodeId, p.field])).toEqual([
      ['E_PARAM', 'a', 'params.split'],
      ['E_PARAM', 'a', 'params.limit']
    ]);
    expect(problems[1].message).toContain('at least 0; found -4');
  });

  it('refuses edges to missing sockets and between different socket types', () => {
    const text = file(
      [node('d', 'data/stsb'), node('p', 'plot/scatter')],
      [edge('d', 'pairs', 'p', 'x'), edge('d', 'scores', 'p', 'z'), edge('d', 'scores', 'p', 'y')]
    );
    const { doc, problems } = parseGraph(text, 'g.json', getNodeType);
    expect(doc!.edges).toHaveLength(1);
    const codes = problems.map((p) => `${p.code}:${p.nodeId}:${p.field}`);
    expect(codes).toContain('E_SOCKET_TYPE:p:inputs.x');
    expect(codes).toContain('E_SOCKET:p:inputs.z');
    expect(codes).toContain('E_MISSING_INPUT:p:inputs.x');
  });

  it('round-trips through serializeGraph unchanged', () => {
    const first = parseGraph(
      file([node('a', 'data/stsb', { limit: 3 })]),
      'g.json',
      getNodeType
    ).doc!;
    const second = parseGraph(serializeGraph(first), 'g.json', getNodeType).doc!;
    expect(second).toEqual(first);
  });

  it('does not let __proto__ keys reach any prototype', () => {
    const text =
      '{"format":"kumiki-graph","version":1,"title":"t","seed":1,"__proto__":{"polluted":1},' +
      '"nodes":[{"id":"a","type":"data/stsb","version":1,"params":{"__proto__":{"polluted":1}},' +
      '"position":{"x":0,"y":0}}],"edges":[]}';
    const { doc } = parseGraph(text, 'g.json', getNodeType);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(doc!.nodes[0].params)).toBe(Object.prototype);
  });
});

describe('parseGraph keeps what it can', () => {
  it('keeps a node whose param has the wrong JSON kind and reports the param', () => {
    for (const bad of [null, [2], { a: 1 }, 'x', true]) {
      const { doc, problems } = parseGraph(
        file([node('t', 'data/stsb', { limit: bad })]),
        'g.json',
        getNodeType
      );
      expect(doc!.nodes.map((n) => n.id)).toEqual(['t']);
      expect(doc!.nodes[0].params.limit).toBe(0);
      expect(problems).toEqual([
        expect.objectContaining({ code: 'E_PARAM', nodeId: 't', field: 'params.limit' })
      ]);
    }
  });

  const hugeParam =
    'treats 1e400 (Infinity once parsed) as an out-of-range param, not a reason to drop the node';
  it(hugeParam, () => {
    const text = file([node('t', 'data/stsb')]).replace('"params":{}', '"params":{"limit":1e400}');
    const { doc, problems } = parseGraph(text, 'g.json', getNodeType);
    expect(doc!.nodes).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'E_PARAM', field: 'params.limit' });
  });

  const badPosition =
    'places a node with an unusable position at the origin and drops a label that is not text';
  it(badPosition, () => {
    const raw = [{ ...node('t', 'data/stsb'), position: { x: 1e308, y: 0 }, label: 42 }];
    const { doc, problems } = parseGraph(file(raw), 'g.json', getNodeType);
    expect(doc!.nodes[0]).toMatchObject({ id: 't', position: { x: 0, y: 0 } });
    expect(doc!.nodes[0].label).toBeUndefined();
    expect(problems.map((p) => `${p.code}:${p.field}:${p.severity}`)).toEqual([
      'W_NODE_FIELD:position:warning',
      'W_NODE_FIELD:label:warning'
    ]);
  });

  it('ignores a malformed sweep with a warning and still opens and runs the graph', () => {
    const text = JSON.stringify({ ...JSON.parse(file([node('a', 'data/stsb')])), sweep: 'lag' });
    const { doc, problems } = parseGraph(text, 'g.json', getNodeType);
    expect(doc!.sweep).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ code: 'W_SWEEP', severity: 'warning' })]);
  });

  it('reports a sweep naming a missing node as a warning and keeps it', () => {
    const sweep = {
      axes: [{ node: 'gone', param: 'lag', values: [1] }],
      target: { node: 'a', output: 'scores' }
    };
    const text = JSON.stringify({ ...JSON.parse(file([node('a', 'data/stsb')])), sweep });
    const { doc, problems } = parseGraph(text, 'g.json', getNodeType);
    expect(doc!.sweep).toEqual(sweep);
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(problems[0].message).toContain('"gone"');
  });

  it('reads a file that starts with a UTF-8 byte-order mark', () => {
    const { doc, problems } = parseGraph(
      `\ufeff${file([node('a', 'data/stsb')])}`,
      'g.json',
      getNodeType
    );
    expect(problems).toEqual([]);
    expect(doc!.nodes).toHaveLength(1);
  });
});

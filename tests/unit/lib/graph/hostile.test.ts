import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { getNodeType } from '../../../../nodes/registry';
import { MAX_DEPTH, MAX_NODES } from '../../../../src/lib/graph/bounds';
import { parseGraph, serializeGraph, validateGraph } from '../../../../src/lib/graph/load';
import { decodeShareFragment } from '../../../../src/lib/graph/share';
import { expectNoPollution, expectSoundLoad } from '../../fuzz/check-load';

/**
 * Files a stranger could send: each is refused with a problem that names where it is, or
 * loads as plain data; none throws, pollutes a prototype or runs anything.
 */
const envelope = (rest: string) =>
  `{"format":"kumiki-graph","version":1,"title":"t","seed":1,"edges":[],${rest}}`;
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const codes = (text: string) => parseGraph(text, 'h.json', getNodeType).problems.map((p) => p.code);

describe('hostile graph files', () => {
  it('treat __proto__ and constructor keys anywhere as plain names', () => {
    const bad = '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}';
    const text =
      `{"format":"kumiki-graph","version":1,"title":"t","seed":1,"__proto__":{"polluted":1},` +
      `"nodes":[{"id":"a","type":"data/points","version":1,"params":${bad},` +
      `"position":{"x":0,"y":0},"__proto__":{"polluted":1}},` +
      `{"id":"b","type":"x/unknown","version":1,"params":${bad}}],` +
      `"edges":[{"from":{"node":"a","output":"__proto__"},"to":{"node":"b","input":"constructor"}}],` +
      `"view":{"x":0,"y":0,"zoom":1,"__proto__":{"polluted":1}},"sweep":${bad}}`;
    const result = parseGraph(text, 'h.json', getNodeType);
    expectSoundLoad(result, 'h.json');
    expectNoPollution();
    const [a, b] = result.doc!.nodes;
    expect(Object.getPrototypeOf(a.params)).toBe(Object.prototype);
    expect(Object.keys(a.params).sort()).toEqual(
      Object.keys(getNodeType('data/points')!.params).sort()
    );
    expect(Object.getPrototypeOf(b.params)).toBe(Object.prototype);
    expect((b.params as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.doc!.view).toEqual({ x: 0, y: 0, zoom: 1 });
    const unknown = result.problems.find((p) => p.code === 'W_UNKNOWN_PARAM');
    expect(unknown).toMatchObject({ nodeId: 'a', field: 'params.constructor' });
  });

  it('keep HTML and script in labels, titles and params as text', () => {
    const script = '<script>globalThis.pwned=1</script><img src=x onerror=alert(1)>';
    const text = envelope(
      `"nodes":[{"id":"a","type":"data/points","version":1,"label":${JSON.stringify(script)},` +
        `"params":{"file":${JSON.stringify(script)}},"position":{"x":0,"y":0}}]`
    ).replace('"title":"t"', `"title":${JSON.stringify(script)}`);
    const { doc } = parseGraph(text, 'h.json', getNodeType);
    expect(doc!.title).toBe(script);
    expect(doc!.nodes[0].label).toBe(script);
    expect(doc!.nodes[0].params.file).toBe(script);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });

  it('refuse giant, NaN and infinite numbers where they do not fit, naming the field', () => {
    const raw = {
      format: 'kumiki-graph',
      version: 1,
      title: 't',
      seed: 1,
      edges: [],
      view: { x: 1e308, y: 0, zoom: Infinity },
      nodes: [
        {
          id: 'a',
          type: 'topology/takens',
          version: 1,
          params: { dimension: 1e308, lag: NaN, stride: -Infinity },
          position: { x: 1e308, y: NaN }
        }
      ]
    };
    const result = validateGraph(raw, 'h.json', getNodeType);
    expectSoundLoad(result, 'h.json');
    const fields = result.problems.map((p) => `${p.code} ${p.nodeId} ${p.field}`);
    expect(fields).toContain('E_PARAM a params.dimension');
    expect(fields).toContain('E_PARAM a params.lag');
    expect(fields).toContain('W_FIELD undefined view');
    expect(result.doc!.view).toBeUndefined();
    expect(fields).toContain('E_PARAM a params.stride');
    expect(fields).toContain('W_NODE_FIELD a position');
    for (const seed of [1e308, Infinity, NaN, -1, 0.5]) {
      const shape = validateGraph({ ...raw, seed }, 'h.json', getNodeType).problems[0];
      expect(shape).toMatchObject({ code: 'E_SHAPE', field: 'seed' });
    }
  });

  it('refuse deep nesting anywhere before any recursive walk (regression: stack overflow)', () => {
    // Each of these threw "Maximum call stack size exceeded" before the depth bound.
    const cases = [
      `{"format":${deep(200_000)}}`,
      `{"format":"kumiki-graph","version":${deep(200_000)}}`,
      envelope(`"nodes":[{"id":"a","type":"x/y","version":1,"params":{"p":${deep(200_000)}}}]`),
      envelope(`"nodes":[],"sweep":${deep(MAX_DEPTH + 1)}`)
    ];
    for (const text of cases) expect(codes(text)).toEqual(['E_TOO_DEEP']);
    const loop: Record<string, unknown> = { format: 'kumiki-graph' };
    loop.self = loop;
    expect(validateGraph(loop, 'h.json', getNodeType).problems[0].code).toBe('E_TOO_DEEP');
  });

  it('refuse a file of a million nodes and one just over the node bound', () => {
    const node = (i: number) => `{"id":"n${i}","type":"data/points","version":1}`;
    const million = envelope(`"nodes":[${Array.from({ length: 1_000_000 }, (_, i) => node(i))}]`);
    expect(codes(million)).toEqual(['E_TOO_LARGE']);
    const over = envelope(`"nodes":[${Array.from({ length: MAX_NODES + 1 }, (_, i) => node(i))}]`);
    const problems = parseGraph(over, 'h.json', getNodeType).problems;
    expect(problems).toEqual([expect.objectContaining({ code: 'E_TOO_LARGE', field: 'nodes' })]);
    const atBound = envelope(`"nodes":[${Array.from({ length: MAX_NODES }, (_, i) => node(i))}]`);
    expect(parseGraph(atBound, 'h.json', getNodeType).doc!.nodes).toHaveLength(MAX_NODES);
  });

  it('name the edge and field of a malformed edge (regression: E_EDGE had no field)', () => {
    const text = envelope(
      `"nodes":[{"id":"a","type":"data/points","version":1}],` +
        `"edges":[null,{"from":{"node":"a","output":"cloud"},"to":{"node":"zz","input":7}},` +
        `{"from":{"node":"nope","output":"cloud"},"to":{"node":"a","input":"x"}}]`
    ).replace('"edges":[],', '');
    const problems = parseGraph(text, 'h.json', getNodeType).problems.filter(
      (p) => p.code === 'E_EDGE'
    );
    expect(problems.map((p) => [p.nodeId, p.field])).toEqual([
      [undefined, 'edges.0'],
      ['zz', 'edges.1.to.input'],
      ['nope', 'edges.2.from.node']
    ]);
  });

  it('say which field holds a version that is too new', () => {
    const problem = parseGraph('{"format":"kumiki-graph","version":7}', 'h.json', getNodeType)
      .problems[0];
    expect(problem).toMatchObject({ code: 'E_VERSION', field: 'version' });
    expect(problem.message).toContain('"version" is 7');
  });

  it('read truncated, corrupt and nested share links as E_SHARE_LINK or E_TOO_DEEP', () => {
    const pack = (text: string) => {
      let binary = '';
      for (const byte of deflateSync(strToU8(text))) binary += String.fromCharCode(byte);
      return `g=${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
    };
    const good = pack(serializeGraph(parseGraph(envelope('"nodes":[]'), 'x', getNodeType).doc!));
    const links = ['', '#', 'g=', good.slice(0, 12), `${good}!`, good.replace(/.$/, '~'), 'g=////'];
    for (const link of links) {
      const result = decodeShareFragment(link, getNodeType);
      expect(result.doc).toBeNull();
      expect(result.problems[0].code).toBe('E_SHARE_LINK');
    }
    expect(decodeShareFragment(good, getNodeType).doc).not.toBeNull();
    const nested = decodeShareFragment(pack(`{"format":${deep(100_000)}}`), getNodeType);
    expect(nested.problems[0].code).toBe('E_TOO_DEEP');
  });
});

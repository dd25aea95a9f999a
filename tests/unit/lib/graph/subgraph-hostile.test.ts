import { describe, expect, it } from 'vitest';
import { getNodeType } from '../../../../nodes/registry';
import { createNodeHost } from '../../../../src/cli/host-node';
import type { RunEvent } from '../../../../src/lib/engine/events';
import { Executor } from '../../../../src/lib/engine/executor';
import { MAX_NODES } from '../../../../src/lib/graph/bounds';
import type { GraphDocument } from '../../../../src/lib/graph/document';
import { parseGraph, validateGraph, type TypeLookup } from '../../../../src/lib/graph/load';
import { withSubgraphs } from '../../../../src/lib/graph/subgraph';
import { MAX_PORTS } from '../../../../src/lib/graph/subgraph-check';
import { flattenGraph } from '../../../../src/lib/graph/subgraph-flatten';

/**
 * Hostile subgraph files, each a small generated stand-in for a case that once broke the
 * loader or the runner (exponential towers, port floods, aliased params, mixed socket types,
 * empty definitions, leaking inner ids). Expected counts are worked out in the comments.
 */

const node = (id: string, type: string, params: Record<string, unknown> = {}) => ({
  id,
  type,
  version: 1,
  params,
  position: { x: 0, y: 0 }
});

/** A definition as a file holds it: the parts a test leaves out are empty. */
function definition(parts: { nodes: unknown[] } & Record<string, unknown>) {
  return { title: 'T', edges: [], inputs: [], outputs: [], params: [], ...parts };
}

function file(nodes: unknown[], subgraphs: Record<string, unknown>, extra = {}) {
  return {
    format: 'kumiki-graph',
    version: 2,
    title: 't',
    seed: 1,
    nodes,
    edges: [],
    subgraphs,
    ...extra
  };
}

const load = (value: unknown, lookup: TypeLookup = getNodeType) =>
  parseGraph(JSON.stringify(value), 'g.json', lookup);
const codes = (value: unknown) => load(value).problems.map((p) => [p.code, p.nodeId, p.field]);

/** d0 is empty; d<k> holds `width` instances of d<k-1>. */
function tower(levels: number, width: number) {
  const subgraphs: Record<string, unknown> = { d0: definition({ nodes: [] }) };
  for (let k = 1; k <= levels; k++) {
    const nodes = Array.from({ length: width }, (_, i) => node(`i${i}`, `subgraph/d${k - 1}`));
    subgraphs[`d${k}`] = definition({ nodes });
  }
  return subgraphs;
}

async function run(doc: GraphDocument, only?: string[]) {
  const events: RunEvent[] = [];
  const host = await createNodeHost({ baseDir: 'graphs' });
  const summary = await new Executor(host, getNodeType).run(doc, {
    only,
    onEvent: (e) => events.push(e)
  });
  return { summary, events };
}

describe('subgraph node bounds', () => {
  it('refuses a tower of empty definitions at load, naming the first one past the bound', () => {
    // One instance of d<k> inlines 10 + 100 + … + 10^k instances: d3 → 1110, d4 → 11110.
    const { problems } = load(file([node('top', 'subgraph/d10')], tower(10, 10)));
    const tooLarge = problems.filter((p) => p.code === 'E_TOO_LARGE');
    expect(tooLarge.map((p) => p.field)).toEqual(
      [4, 5, 6, 7, 8, 9, 10].map((k) => `subgraphs.d${k}`)
    );
    expect(tooLarge[0].message).toContain('"d4" would make 11110 nodes');
    // Nothing inside d5…d10 is reported as unknown: they are left out whole.
    expect(problems.filter((p) => p.nodeId?.includes('/'))).toEqual([]);
    expect(problems.find((p) => p.nodeId === 'top')?.code).toBe('E_UNKNOWN_TYPE');
  });

  it('keeps a tower just within the bound', () => {
    // d3 inlines 1110 instances; nine of them with the top nodes make 9 × 1111 = 9999.
    const nodes = Array.from({ length: 9 }, (_, i) => node(`t${i}`, 'subgraph/d3'));
    expect(load(file(nodes, tower(3, 10))).problems).toEqual([]);
  });

  it('refuses at load a graph whose instances together pass the bound', () => {
    // An instance of a 1000-node definition counts 1001: nine make 9009, the tenth 10010.
    const big = definition({
      nodes: Array.from({ length: 1000 }, (_, i) => node(`m${i}`, 'diffusion/two-moons'))
    });
    const nodes = Array.from({ length: 12 }, (_, i) => node(`n${i}`, 'subgraph/big'));
    expect(codes(file(nodes, { big }))).toEqual([['E_TOO_LARGE', 'n9', 'type']]);
  });

  it('refuses a tower built in code when flattening, without building it', () => {
    // The loader would refuse d5 (111110 instances); a document made in code skips the loader.
    const subgraphs = tower(5, 10) as unknown as GraphDocument['subgraphs'];
    const doc = { ...file([node('top', 'subgraph/d5')], {}), subgraphs } as GraphDocument;
    const flat = flattenGraph(doc);
    expect(flat.refused.get('top')).toContain(`more than ${MAX_NODES} nodes`);
    expect(flat.doc.nodes.map((n) => n.id)).toEqual(['top']);
  });

  it(`reads at most ${MAX_PORTS} exposed params of a definition`, () => {
    const count = MAX_PORTS + 1;
    const wide = definition({
      nodes: Array.from({ length: count }, (_, i) => node(`m${i}`, 'diffusion/two-moons')),
      params: Array.from({ length: count }, (_, i) => ({
        name: `p${i}`,
        node: `m${i}`,
        param: 'noise'
      }))
    });
    const { doc, problems } = load(file([node('w', 'subgraph/wide')], { wide }));
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['E_TOO_LARGE', 'subgraphs.wide.params']
    ]);
    expect(doc!.subgraphs!.wide.params).toHaveLength(MAX_PORTS);
    expect(Object.keys(doc!.nodes[0].params)).toHaveLength(MAX_PORTS);
  });

  it('keeps an exposed param’s help the same size however deep the chain of definitions', () => {
    // l<k> holds one instance of l<k-1> and shows its param again; l0 holds one node.
    const chain = (length: number) => {
      const subgraphs: Record<string, unknown> = {
        l0: definition({
          nodes: [node('m', 'diffusion/two-moons')],
          params: [{ name: 'p', node: 'm', param: 'noise' }]
        })
      };
      for (let k = 1; k < length; k++) {
        subgraphs[`l${k}`] = definition({
          nodes: [node('i', `subgraph/l${k - 1}`)],
          params: [{ name: 'p', node: 'i', param: 'p' }]
        });
      }
      return file([node('top', `subgraph/l${length - 1}`)], subgraphs);
    };
    const help = (length: number) => {
      const { problems, doc } = load(chain(length));
      expect(problems).toEqual([]);
      return withSubgraphs(getNodeType, doc!.subgraphs)(doc!.nodes[0].type)!.params.p.help;
    };
    // Nesting the help at every level made each type's help, and the work of building all
    // of them, grow with the depth: loading a chain was quadratic in its length and more.
    const base = getNodeType('diffusion/two-moons')!.params.noise.help;
    expect(help(80)).toBe(help(2));
    expect(help(80)).toBe(`${base} (the param "p" of the inner node "i")`);
  });
});

describe('exposed sockets and params that cannot work', () => {
  const dist = (params: unknown[]) =>
    definition({
      nodes: [node('moons', 'diffusion/two-moons'), node('rings', 'diffusion/rings')],
      outputs: [{ name: 'samples', from: { node: 'moons', output: 'samples' } }],
      params
    });

  it('refuses a second exposed param aimed at the same inner param', () => {
    const params = [
      { name: 'noiseA', node: 'moons', param: 'noise' },
      { name: 'noiseB', node: 'moons', param: 'noise' },
      { name: 'ringNoise', node: 'rings', param: 'noise' }
    ];
    const { doc, problems } = load(file([node('g', 'subgraph/dist')], { dist: dist(params) }));
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['E_SUBGRAPH', 'subgraphs.dist.params.1.param']
    ]);
    expect(problems[0].message).toContain('already shown as "noiseA"');
    expect(doc!.subgraphs!.dist.params.map((p) => p.name)).toEqual(['noiseA', 'ringNoise']);
  });

  it('refuses an exposed input whose targets take different socket types', () => {
    const mixed = definition({
      nodes: [node('d', 'diffusion/distance'), node('p', 'topology/persistence')],
      inputs: [
        {
          name: 'x',
          targets: [
            { node: 'd', input: 'samples' },
            { node: 'p', input: 'clouds' }
          ]
        }
      ]
    });
    const { problems } = load(file([node('g', 'subgraph/mixed')], { mixed }));
    const refused = problems.find((p) => p.code === 'E_SUBGRAPH')!;
    expect(refused.field).toBe('subgraphs.mixed.inputs.0.targets.1');
    expect(refused.message).toContain(
      '"p.clouds" takes "cloud-pairs" but "d.samples" takes "samples"'
    );
  });
});

describe('fields of problems inside a definition', () => {
  it('names the inner node by its place in the list, apart from the exposed lists', () => {
    const dist = definition({
      nodes: [
        node('moons', 'diffusion/two-moons', { count: 'many' }),
        node('moons', 'diffusion/two-moons'),
        node('d', 'diffusion/distance')
      ],
      edges: [
        { from: { node: 'moons', output: 'samples' }, to: { node: 'd', input: 'samples' } },
        { from: { node: 'moons', output: 'samples' }, to: { node: 'd', input: 'nope' } }
      ]
    });
    expect(codes(file([], { dist }))).toEqual([
      ['E_PARAM', 'dist/moons', 'subgraphs.dist.nodes.0.params.count'],
      ['E_DUPLICATE_ID', 'dist/moons', 'subgraphs.dist.nodes.1.id'],
      ['E_SOCKET', 'dist/d', 'subgraphs.dist.nodes.2.inputs.nope'],
      ['E_MISSING_INPUT', 'dist/d', 'subgraphs.dist.nodes.2.inputs.data']
    ]);
  });
});

describe('format version 1 with a subgraphs field', () => {
  it('warns that the field was ignored instead of dropping it silently', () => {
    const raw = { ...file([], { d: definition({ nodes: [] }) }), version: 1 };
    const { doc, problems } = validateGraph(raw, 'old.json', getNodeType);
    expect(doc!.subgraphs).toBeUndefined();
    expect(problems.map((p) => [p.code, p.field, p.severity])).toEqual([
      ['W_FIELD', 'subgraphs', 'warning']
    ]);
    expect(problems[0].message).toContain('version 1');
  });
});

describe('running hostile subgraph graphs', () => {
  it('finishes an instance of an empty definition with no outputs, also when run alone', async () => {
    const doc = load(
      file([node('e', 'subgraph/empty')], { empty: definition({ nodes: [] }) })
    ).doc!;
    for (const only of [undefined, ['e']]) {
      const { summary, events } = await run(doc, only);
      expect(summary.nodes).toEqual({ e: { status: 'finished', ms: 0, cached: false } });
      expect(summary.outputs).toEqual({ e: {} });
      expect(events.map((e) => e.kind)).toEqual(['queued', 'started', 'finished']);
    }
  });

  it('names only the nodes the user sees: blocked nodes, and a nested exposed param', async () => {
    // inner: a points node whose file is exposed as "file"; outer: an instance of inner,
    // its "file" exposed again as "cloudFile"; downstream, a persistence node.
    const inner = definition({
      nodes: [node('pts', 'data/points', { file: 'x.csv' })],
      outputs: [{ name: 'clouds', from: { node: 'pts', output: 'clouds' } }],
      params: [{ name: 'file', node: 'pts', param: 'file' }]
    });
    const outer = definition({
      nodes: [node('inner', 'subgraph/inner')],
      outputs: [{ name: 'clouds', from: { node: 'inner', output: 'clouds' } }],
      params: [{ name: 'cloudFile', node: 'inner', param: 'file' }]
    });
    const value = file(
      [
        node('t', 'subgraph/outer', { cloudFile: 'missing.csv' }),
        node('b', 'topology/persistence')
      ],
      { inner, outer },
      { edges: [{ from: { node: 't', output: 'clouds' }, to: { node: 'b', input: 'clouds' } }] }
    );
    const { doc, problems } = load(value);
    expect(problems).toEqual([]);
    const { summary, events } = await run(doc!);

    expect(summary.nodes.t.status).toBe('failed');
    expect(summary.nodes.t.field).toBe('cloudFile');
    expect(summary.nodes.t.error).toContain('the inner node "inner/pts" failed');
    expect(summary.nodes.b).toEqual({
      status: 'blocked',
      ms: 0,
      cached: false,
      error: 'Waiting on "t", which did not finish.'
    });
    const failed = events.find((e) => e.kind === 'failed');
    expect(failed).toMatchObject({ nodeId: 't', field: 'cloudFile' });
    expect(events.find((e) => e.kind === 'blocked')).toEqual({
      kind: 'blocked',
      nodeId: 'b',
      by: 't'
    });
    // No event or summary entry names a flat id such as "t/inner/pts" as a node.
    expect(events.every((e) => !e.nodeId.includes('/'))).toBe(true);
    expect(JSON.stringify(summary.nodes)).not.toMatch(/"t\//);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { nodeTypes } from '../../../nodes/registry';
import type { NodeType, ParamSpec } from '../../../src/lib/graph/node-type';

/** Keys that reach an object's prototype when assigned with `obj[key] = value`. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** Text that would run if a view put it into the page as HTML. */
export const HOSTILE_TEXT = [
  '<script>globalThis.__kumikiPwned = 1</script>',
  '<img src=x onerror="globalThis.__kumikiPwned=1">',
  '"><svg onload=alert(1)>',
  '${constructor.constructor("return this")()}',
  '\u0000\u202e\ud800',
  'x'.repeat(600)
];

/** Numbers at the edges: huge, tiny, negative zero, not finite, not safe integers. */
export const EDGE_NUMBERS = [
  0,
  -0,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER + 2,
  -(2 ** 53) - 2,
  2 ** 32,
  NaN,
  Infinity,
  -Infinity
];

/** A key for a generated object: mostly short names, sometimes one of the hostile ones. */
const key = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_KEYS) }
);

/** Any JSON value, with hostile keys and text mixed in. */
export const jsonish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.constantFrom(...EDGE_NUMBERS),
    fc.double(),
    fc.integer(),
    fc.string({ maxLength: 12 }),
    fc.constantFrom(...HOSTILE_TEXT),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 })
  )
})).value;

/** A value for a param of this spec: usually close to valid, often not. */
export function paramValue(spec: ParamSpec): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(
    jsonish,
    fc.constantFrom(...EDGE_NUMBERS),
    fc.constantFrom(...HOSTILE_TEXT)
  );
  switch (spec.kind) {
    case 'number':
    case 'integer': {
      const lo = spec.min ?? -1e6;
      const hi = spec.max ?? 1e6;
      const near = fc.constantFrom(lo, hi, lo - 1, hi + 1, lo - 1e-9, hi + 0.5, spec.default);
      const inside = fc.double({ min: lo, max: hi, noNaN: true });
      return fc.oneof(near, inside, fc.integer({ min: -10, max: 10 }), wrong);
    }
    case 'enum':
      return fc.oneof(fc.constantFrom(...spec.options), fc.constant(spec.options[0] + ' '), wrong);
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('true', 0, 1), wrong);
    case 'text':
    case 'file':
      return fc.oneof(fc.string(), fc.constantFrom(...HOSTILE_TEXT, 'x'.repeat(100_001)), wrong);
  }
}

/** Params for a node of `type`: some declared params with generated values, plus stray ones. */
export function paramsFor(type: NodeType): fc.Arbitrary<Record<string, unknown>> {
  const declared = Object.fromEntries(
    Object.entries(type.params).map(([name, spec]) => [name, paramValue(spec)])
  );
  const strays = fc.dictionary(key, jsonish, { maxKeys: 2 });
  return fc
    .tuple(fc.record(declared, { requiredKeys: [] }), strays)
    .map(([known, extra]) => Object.assign(Object.create(null), extra, known));
}

const typeNames = nodeTypes.map((t) => t.type);

/** Subgraph ids the generated files define and use, a hostile one among them. */
const SUBGRAPH_IDS = ['g1', 'g2', 'constructor'];
const SUBGRAPH_TYPES = [...SUBGRAPH_IDS, 'missing'].map((id) => `subgraph/${id}`);

/** A node entry: a registered type (mostly), an id, a version, params, a position, a label. */
const nodeEntry = fc
  .tuple(
    fc.constantFrom(...nodeTypes),
    fc.oneof(
      fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/),
      jsonish
    ),
    fc.oneof({ weight: 6, arbitrary: fc.constant(1) }, jsonish, fc.integer({ min: 0, max: 9 })),
    fc.oneof({ weight: 6, arbitrary: fc.record({ x: fc.double(), y: fc.double() }) }, jsonish),
    fc.option(fc.oneof(fc.string(), fc.constantFrom(...HOSTILE_TEXT), jsonish)),
    fc.oneof(
      { weight: 8, arbitrary: fc.constant(undefined) },
      fc.string({ maxLength: 6 }),
      fc.constantFrom(...HOSTILE_KEYS),
      { weight: 2, arbitrary: fc.constantFrom(...SUBGRAPH_TYPES) }
    )
  )
  .chain(([type, id, version, position, label, otherType]) =>
    paramsFor(type).map((params) => {
      const entry: Record<string, unknown> = {
        id,
        type: otherType ?? type.type,
        version,
        params,
        position
      };
      if (label !== null) entry.label = label;
      return entry;
    })
  );

/** An edge between generated node ids, over socket names of registered types or junk. */
const socketNames = [
  ...new Set(nodeTypes.flatMap((t) => [...Object.keys(t.inputs), ...Object.keys(t.outputs)]))
];
const socket = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...socketNames) },
  fc.constantFrom(...HOSTILE_KEYS),
  jsonish
);
const nodeRef = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('a', 'b', 'c', 'd', 'e') },
  fc.constantFrom(...HOSTILE_KEYS),
  jsonish
);
const edgeEntry = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      from: fc.record({ node: nodeRef, output: socket }),
      to: fc.record({ node: nodeRef, input: socket })
    })
  },
  jsonish
);

const portName = fc.oneof({ weight: 5, arbitrary: socket }, fc.constantFrom('in', 'out'));

/**
 * A subgraph definition: inner nodes (which may be instances of g1 or g2, so nesting and
 * recursion both occur), inner edges, and exposed inputs, outputs and params over the same
 * names, each mostly well-formed.
 */
const definitionEntry = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record(
      {
        title: fc.oneof({ weight: 5, arbitrary: fc.string({ minLength: 1 }) }, jsonish),
        description: fc.oneof(fc.string(), jsonish),
        nodes: fc.oneof({ weight: 9, arbitrary: fc.array(nodeEntry, { maxLength: 3 }) }, jsonish),
        edges: fc.oneof({ weight: 9, arbitrary: fc.array(edgeEntry, { maxLength: 3 }) }, jsonish),
        inputs: fc.array(
          fc.record({
            name: portName,
            targets: fc.array(fc.record({ node: nodeRef, input: socket }), { maxLength: 2 })
          }),
          { maxLength: 2 }
        ),
        outputs: fc.array(
          fc.record({ name: portName, from: fc.record({ node: nodeRef, output: socket }) }),
          { maxLength: 2 }
        ),
        params: fc.array(
          fc.record({
            name: portName,
            node: nodeRef,
            param: fc.constantFrom('seed', 'maxDimension', 'file', 'x', '__proto__')
          }),
          { maxLength: 2 }
        )
      },
      { requiredKeys: ['title', 'nodes', 'edges', 'inputs', 'outputs', 'params'] }
    )
  },
  jsonish
);

/** A file's `subgraphs` map: definitions by id (some ids invalid or hostile), or junk. */
const subgraphsEntry = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(fc.tuple(fc.constantFrom(...SUBGRAPH_IDS, '1bad', '__proto__'), definitionEntry), {
        maxLength: 3
      })
      .map((entries) => {
        const map: Record<string, unknown> = {};
        for (const [id, def] of entries) {
          Object.defineProperty(map, id, { value: def, enumerable: true, writable: true });
        }
        return map;
      })
  },
  jsonish
);

/** A whole graph file as a JS value: mostly well-formed, with generated faults throughout. */
export const graphValue: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    format: fc.oneof({ weight: 9, arbitrary: fc.constant('kumiki-graph') }, jsonish),
    version: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(1, 2) }, jsonish, fc.integer()),
    title: fc.oneof(
      { weight: 5, arbitrary: fc.string() },
      fc.constantFrom(...HOSTILE_TEXT),
      jsonish
    ),
    description: fc.oneof(fc.string(), jsonish),
    seed: fc.oneof({ weight: 5, arbitrary: fc.nat() }, fc.constantFrom(...EDGE_NUMBERS), jsonish),
    nodes: fc.oneof({ weight: 9, arbitrary: fc.array(nodeEntry, { maxLength: 6 }) }, jsonish),
    edges: fc.oneof({ weight: 9, arbitrary: fc.array(edgeEntry, { maxLength: 6 }) }, jsonish),
    view: fc.oneof(fc.record({ x: fc.double(), y: fc.double(), zoom: fc.double() }), jsonish),
    sweep: jsonish,
    frames: fc.oneof(
      fc.array(
        fc.record({
          id: fc.oneof(fc.constantFrom('f1', 'f2'), jsonish),
          title: fc.oneof(fc.string(), fc.constantFrom(...HOSTILE_TEXT), jsonish),
          text: fc.oneof(fc.string(), jsonish),
          position: fc.oneof(fc.record({ x: fc.double(), y: fc.double() }), jsonish),
          size: fc.oneof(fc.record({ width: fc.double(), height: fc.double() }), jsonish)
        }),
        { maxLength: 3 }
      ),
      jsonish
    ),
    subgraphs: subgraphsEntry
  },
  { requiredKeys: ['format', 'version', 'title', 'seed', 'nodes', 'edges'] }
);

/** The example graph files, the starting points of mutation. */
export const exampleTexts: string[] = readdirSync('graphs')
  .filter((name) => name.endsWith('.json'))
  .map((name) => readFileSync(`graphs/${name}`, 'utf-8'));

/** Every path to a value inside `value`, as lists of keys. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(...pathsOf(v, [...prefix, k]));
    }
  }
  return out;
}

/** One change to a parsed file: replace a value, delete it, or add a hostile key beside it. */
type Mutation = {
  path: number;
  op: 'replace' | 'delete' | 'hostile' | 'deep';
  value: unknown;
  key: string;
};

/** Stands for a deeply nested value until the file is text (JSON.stringify would overflow). */
const DEEP_MARK = '\u0001deep\u0001';
const DEEP_TEXT = '['.repeat(20_000) + ']'.repeat(20_000);

const mutation: fc.Arbitrary<Mutation> = fc.record({
  path: fc.nat(),
  op: fc.constantFrom('replace', 'delete', 'hostile', 'deep'),
  value: jsonish,
  key: fc.constantFrom(...HOSTILE_KEYS)
});

function applyMutation(doc: unknown, m: Mutation): unknown {
  // Generated values may be reused while shrinking, so they are copied, never changed.
  const value = structuredClone(m.value);
  const paths = pathsOf(doc);
  const path = paths[m.path % paths.length];
  if (path.length === 0) return m.op === 'replace' ? value : doc;
  const parent = path.slice(0, -1).reduce((v: any, k) => v[k], doc) as Record<string, unknown>;
  const last = path[path.length - 1];
  if (m.op === 'deep') parent[last] = DEEP_MARK;
  else if (m.op === 'replace') parent[last] = value;
  else if (m.op === 'delete') delete parent[last];
  else
    Object.defineProperty(parent, m.key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true
    });
  return doc;
}

/**
 * An example file changed by one to four mutations, then sometimes cut short or with a
 * character flipped, so the text itself may no longer be JSON.
 */
export const mutatedText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...exampleTexts),
    fc.array(mutation, { minLength: 1, maxLength: 4 }),
    fc.oneof(
      { weight: 6, arbitrary: fc.constant(null) },
      fc.record({
        at: fc.nat(),
        cut: fc.boolean(),
        char: fc.string({ minLength: 1, maxLength: 1 })
      })
    )
  )
  .map(([text, mutations, damage]) => {
    let doc: unknown = JSON.parse(text);
    for (const m of mutations) doc = applyMutation(doc, m);
    let out = (JSON.stringify(doc) ?? 'undefined').replaceAll(`"${DEEP_MARK}"`, DEEP_TEXT);
    if (damage) {
      const at = damage.at % Math.max(1, out.length);
      out = damage.cut ? out.slice(0, at) : out.slice(0, at) + damage.char + out.slice(at + 1);
    }
    return out;
  });

export { typeNames };

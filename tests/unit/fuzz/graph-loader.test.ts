import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { getNodeType, nodeTypes } from '../../../nodes/registry';
import { GRAPH_VERSION } from '../../../src/lib/graph/document';
import { parseGraph, validateGraph } from '../../../src/lib/graph/load';
import { migrate } from '../../../src/lib/graph/migrations';
import { checkParam, parseParamText, resolveParams } from '../../../src/lib/graph/params';
import { decodeShareFragment, encodeShareFragment } from '../../../src/lib/graph/share';
import { graphValue, jsonish, mutatedText, paramValue } from './arbitraries';
import { expectNoPollution, expectSoundLoad } from './check-load';

/**
 * Property-based fuzzing of the graph loader, the migration chain, share links and every
 * registered node type's param validation. Each property counts the cases it ran; together
 * they run at least MIN_CASES per test run. KUMIKI_FUZZ_SEED replays a reported failure.
 */
const MIN_CASES = 10_000;
const seed = process.env.KUMIKI_FUZZ_SEED ? Number(process.env.KUMIKI_FUZZ_SEED) : undefined;
let cases = 0;

function check<T>(arbitrary: fc.Arbitrary<T>, numRuns: number, body: (value: T) => void): void {
  fc.assert(
    fc.property(arbitrary, (value) => {
      cases++;
      body(value);
    }),
    { numRuns, seed }
  );
}

describe('fuzzing the graph loader', () => {
  it('loads mutated example files without throwing, naming file, node and field', () => {
    check(mutatedText, 3000, (text) => {
      expectSoundLoad(parseGraph(text, 'mutated.json', getNodeType), 'mutated.json');
    });
    expectNoPollution();
  });

  it('loads generated graph files, as text and as parsed values', () => {
    check(graphValue, 2500, (value) => {
      expectSoundLoad(validateGraph(value, 'gen.json', getNodeType), 'gen.json');
      const text = JSON.stringify(value);
      expectSoundLoad(parseGraph(text, 'gen.json', getNodeType), 'gen.json');
    });
    expectNoPollution();
  });

  it('reports any text that is not a graph instead of throwing', () => {
    const text = fc.oneof(
      fc.string(),
      fc.json(),
      jsonish.map((v) => JSON.stringify(v) ?? '')
    );
    check(text, 1500, (input) => {
      const result = parseGraph(input, 'any.json', getNodeType);
      expectSoundLoad(result, 'any.json');
    });
    expectNoPollution();
  });

  it('brings every version through the migration chain or says why not', () => {
    const version = fc.oneof(fc.integer({ min: -3, max: GRAPH_VERSION + 3 }), jsonish);
    check(fc.tuple(version, graphValue), 500, ([v, doc]) => {
      const result = migrate({ ...doc, version: v });
      if ('error' in result) expect(result.error).toContain('"version"');
      else expect(result.doc.version).toBe(GRAPH_VERSION);
    });
  });

  it('reads corrupted share links as E_SHARE_LINK or a sound graph', () => {
    const example = parseGraph(JSON.stringify(fc.sample(graphValue, 1)[0]), 'x', getNodeType);
    const base = encodeShareFragment(
      example.doc ?? {
        format: 'kumiki-graph',
        version: 1,
        title: 't',
        seed: 0,
        nodes: [],
        edges: []
      }
    );
    const damage = fc.record({
      at: fc.nat(),
      cut: fc.boolean(),
      char: fc.string({ minLength: 1, maxLength: 1 })
    });
    check(damage, 500, ({ at, cut, char }) => {
      const i = at % base.length;
      const link = cut ? base.slice(0, i) : base.slice(0, i) + char + base.slice(i + 1);
      const result = decodeShareFragment(link, getNodeType);
      expectSoundLoad(result, 'share link');
    });
  });
});

describe('fuzzing param validation of every node type', () => {
  const specs = nodeTypes.flatMap((type) =>
    Object.entries(type.params).map(([name, spec]) => ({ type, name, spec }))
  );

  it('gives every param a default that passes its own check', () => {
    for (const { type, name, spec } of specs) {
      expect(checkParam(name, spec, spec.default), `${type.type}.${name}`).toBeUndefined();
    }
  });

  it('accepts only values of the right kind within bounds, naming the param otherwise', () => {
    const perParam = Math.ceil(2500 / specs.length);
    for (const { type, name, spec } of specs) {
      check(paramValue(spec), perParam, (value) => {
        const message = checkParam(name, spec, value);
        if (message !== undefined) {
          expect(message).toContain(`"${name}"`);
          return;
        }
        if (spec.kind === 'number' || spec.kind === 'integer') {
          expect(typeof value === 'number' && Number.isFinite(value)).toBe(true);
          if (spec.min !== undefined) expect(value as number).toBeGreaterThanOrEqual(spec.min);
          if (spec.max !== undefined) expect(value as number).toBeLessThanOrEqual(spec.max);
          if (spec.kind === 'integer') expect(Number.isSafeInteger(value)).toBe(true);
        } else if (spec.kind === 'enum') expect(spec.options).toContain(value);
        else if (spec.kind === 'boolean') expect(typeof value).toBe('boolean');
        else expect(typeof value === 'string' && value.length <= 100_000).toBe(true);
        const resolved = resolveParams(type.params, { [name]: value });
        expect(resolved.params[name]).toBe(value);
      });
    }
  });

  it('parses typed text into a valid value or a message naming the param', () => {
    const perParam = Math.ceil(1000 / specs.length);
    const text = fc.oneof(
      fc.string(),
      fc.double().map(String),
      fc.constantFrom('1e999', '-0', ' 3 ')
    );
    for (const { name, spec } of specs) {
      check(text, perParam, (input) => {
        const parsed = parseParamText(name, spec, input);
        if ('error' in parsed) expect(parsed.error).toContain(`"${name}"`);
        else expect(checkParam(name, spec, parsed.value)).toBeUndefined();
      });
    }
  });
});

afterAll(() => {
  expect(cases).toBeGreaterThanOrEqual(MIN_CASES);
  console.info(`fuzz: ${cases} cases`);
});

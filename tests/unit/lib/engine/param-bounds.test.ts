import { describe, expect, it } from 'vitest';
import { nodeTypes } from '../../../../nodes/registry';
import type { GraphDocument } from '../../../../src/lib/graph/document';
import type { NumberParam } from '../../../../src/lib/graph/node-type';
import { parseGraph } from '../../../../src/lib/graph/load';
import type { RunEvent } from '../../../../src/lib/engine/events';
import { Executor } from '../../../../src/lib/engine/executor';
import { createNodeHost } from '../../../../src/cli/host-node';

/**
 * Every numeric param of every registered node type has finite bounds, so no value in a file
 * from a stranger can ask a node for unbounded work; a value past a bound is refused on load
 * and by the executor, naming the node and the field.
 */
const numeric = nodeTypes.flatMap((type) =>
  Object.entries(type.params)
    .filter(([, spec]) => spec.kind === 'number' || spec.kind === 'integer')
    .map(([name, spec]) => ({ type, name, spec: spec as NumberParam }))
);

/** A value just past the param's upper bound. */
const pastMax = (spec: NumberParam) =>
  spec.kind === 'integer' ? spec.max! + 1 : spec.max! + Math.max(1, Math.abs(spec.max!));

const oneNode = (type: string, version: number, params: Record<string, unknown>) =>
  ({
    format: 'kumiki-graph',
    version: 1,
    title: 'bounds',
    seed: 1,
    nodes: [{ id: 'n', type, version, params, position: { x: 0, y: 0 } }],
    edges: []
  }) as GraphDocument;

describe('numeric param bounds', () => {
  it('covers the node types of every family', () => {
    const families = new Set(numeric.map(({ type }) => type.type.split('/')[0]));
    expect(numeric.length).toBeGreaterThan(40);
    for (const family of ['embed', 'topology', 'analysis', 'diffusion', 'rl', 'mechanics']) {
      expect(families).toContain(family);
    }
  });

  it('gives every numeric param finite bounds around its default', () => {
    const unbounded = numeric
      .filter(({ spec }) => !Number.isFinite(spec.min) || !Number.isFinite(spec.max))
      .map(({ type, name }) => `${type.type}.${name}`);
    expect(unbounded).toEqual([]);

    for (const { type, name, spec } of numeric) {
      const where = `${type.type}.${name}`;
      expect(spec.min! <= spec.default && spec.default <= spec.max!, where).toBe(true);
      if (spec.kind === 'integer') expect(Number.isSafeInteger(spec.max), where).toBe(true);
    }
  });

  it('refuses a value past the bound on load, naming node and field', () => {
    for (const { type, name, spec } of numeric) {
      const doc = oneNode(type.type, type.version, { [name]: pastMax(spec) });
      const { problems } = parseGraph(JSON.stringify(doc), 'bounds.json', (t) =>
        t === type.type ? type : undefined
      );
      const problem = problems.find((p) => p.code === 'E_PARAM');
      expect(problem, `${type.type}.${name}`).toMatchObject({
        nodeId: 'n',
        field: `params.${name}`
      });
      expect(problem!.message).toContain(`at most ${spec.max}`);
    }
  });

  it('fails a node given a value past the bound before it runs, naming the field', async () => {
    const host = await createNodeHost({ baseDir: '.' });
    for (const { type, name, spec } of numeric) {
      const executor = new Executor(host, (t) => (t === type.type ? type : undefined));
      const events: RunEvent[] = [];
      const doc = oneNode(type.type, type.version, { [name]: pastMax(spec) });
      const summary = await executor.run(doc, { onEvent: (e) => events.push(e) });

      expect(summary.nodes.n.status, `${type.type}.${name}`).toBe('failed');
      expect(summary.nodes.n.error).toBe(
        `Param "${name}" must be at most ${spec.max}; found ${pastMax(spec)}.`
      );
      expect(events).toContainEqual(expect.objectContaining({ kind: 'failed', field: name }));
      expect(events.some((e) => e.kind === 'started')).toBe(false);
    }
  });
});

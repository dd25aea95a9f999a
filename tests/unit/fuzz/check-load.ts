import { expect } from 'vitest';
import { getNodeType } from '../../../nodes/registry';
import { parseGraph, serializeGraph, type LoadResult } from '../../../src/lib/graph/load';
import { checkParam } from '../../../src/lib/graph/params';
import { withSubgraphs } from '../../../src/lib/graph/subgraph';
import { PROBLEM_CODES, type ProblemCode } from '../../../src/lib/graph/problems';

/** Problems about the whole file, which have no node and may have no field. */
const FILE_CODES = new Set<ProblemCode>([
  'E_READ',
  'E_TOO_LARGE',
  'E_JSON',
  'E_FORMAT',
  'E_SHARE_LINK'
]);

/** Problems about one node, which must name it. */
const NODE_CODES = new Set<ProblemCode>([
  'E_NODE',
  'E_DUPLICATE_ID',
  'E_UNKNOWN_TYPE',
  'E_NODE_VERSION',
  'E_PARAM',
  'W_UNKNOWN_PARAM',
  'E_SOCKET',
  'E_SOCKET_TYPE',
  'E_INPUT_TAKEN',
  'E_MISSING_INPUT',
  'E_CYCLE',
  'W_NODE_FIELD'
]);

/** Problems a graph the loader itself produced must not have again. */
const CLEANED_CODES = new Set<ProblemCode>([
  'E_NODE',
  'E_DUPLICATE_ID',
  'E_PARAM',
  'W_UNKNOWN_PARAM',
  'E_EDGE',
  'E_SOCKET',
  'E_SOCKET_TYPE',
  'E_INPUT_TAKEN',
  'W_NODE_FIELD',
  'E_SHAPE',
  'E_SUBGRAPH',
  'E_SUBGRAPH_RECURSION'
]);

/** The own property names of Object.prototype before any test ran. */
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join(',');

/** Fails when anything was added to Object.prototype or Array.prototype. */
export function expectNoPollution(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort().join(',')).toBe(PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
}

/**
 * What every load must give, whatever the input: problems that name the file, a known code
 * and (below the file level) the node and field; a graph whose params all pass their specs;
 * and a graph that loads back to itself with none of the problems the loader cleans away.
 */
export function expectSoundLoad(result: LoadResult, fileName: string): void {
  for (const problem of result.problems) {
    expect(problem.file).toBe(fileName);
    expect(Object.hasOwn(PROBLEM_CODES, problem.code)).toBe(true);
    expect(problem.message.length).toBeGreaterThan(10);
    if (NODE_CODES.has(problem.code)) expect(typeof problem.nodeId).toBe('string');
    if (!FILE_CODES.has(problem.code)) expect(typeof problem.field).toBe('string');
    if (problem.code === 'E_PARAM') {
      const name = problem.field!.replace(/^(subgraphs\.[^.]+\.nodes\.\d+\.)?params\./, '');
      expect(problem.message).toContain(`"${name}"`);
    }
  }
  const { doc } = result;
  if (!doc) return;

  const ids = new Set(doc.nodes.map((n) => n.id));
  expect(ids.size).toBe(doc.nodes.length);
  const types = withSubgraphs(getNodeType, doc.subgraphs);
  const inner = Object.values(doc.subgraphs ?? {}).flatMap((d) => d.nodes);
  for (const node of [...doc.nodes, ...inner]) {
    const type = types(node.type);
    if (!type) continue;
    for (const [name, spec] of Object.entries(type.params)) {
      expect(checkParam(name, spec, node.params[name])).toBeUndefined();
    }
    expect(Object.keys(node.params).sort()).toEqual(Object.keys(type.params).sort());
  }
  for (const edge of doc.edges) {
    expect(ids.has(edge.from.node) && ids.has(edge.to.node)).toBe(true);
  }

  const text = serializeGraph(doc);
  const again = parseGraph(text, fileName, getNodeType);
  expect(again.doc).not.toBeNull();
  expect(serializeGraph(again.doc!)).toBe(text);
  const residue = again.problems.filter((p) => CLEANED_CODES.has(p.code));
  expect(residue).toEqual([]);
}

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getNodeType } from '../../../../nodes/registry';
import { GRAPH_VERSION } from '../../../../src/lib/graph/document';
import { parseGraph, serializeGraph } from '../../../../src/lib/graph/load';

const DIR = 'tests/fixtures/graph/migrations';
const load = (name: string) =>
  parseGraph(readFileSync(`${DIR}/${name}`, 'utf-8'), name, getNodeType);

describe('graph format migrations', () => {
  const files = readdirSync(DIR).filter((f) => /^v\d+\.json$/.test(f));

  it('has a fixture file for every version up to the current one', () => {
    const versions = files.map((f) => Number(f.slice(1, -5))).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: GRAPH_VERSION }, (_, i) => i + 1));
  });

  it.each(files)('loads %s to the same graph as the current version', (file) => {
    const current = load(`v${GRAPH_VERSION}.json`);
    const older = load(file);
    // v1.json carries a stray "subgraphs" field, which is dropped with a warning (below).
    expect(older.problems.filter((p) => p.field !== 'subgraphs')).toEqual([]);
    expect(older.doc!.version).toBe(GRAPH_VERSION);
    expect(serializeGraph(older.doc!)).toBe(serializeGraph(current.doc!));
  });

  it('drops a stray version-1 "subgraphs" field instead of reading it as definitions', () => {
    const raw = JSON.parse(readFileSync(`${DIR}/v1.json`, 'utf-8'));
    expect(raw.subgraphs).toBeDefined();
    const { doc, problems } = load('v1.json');
    expect(doc!.subgraphs).toBeUndefined();
    expect(problems.map((p) => [p.code, p.field])).toEqual([['W_FIELD', 'subgraphs']]);
  });
});

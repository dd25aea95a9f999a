import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../../../../src/lib/graph/problems';
import { graphJsonSchema } from '../../../../src/lib/graph/schema';

describe('graph file documentation', () => {
  const name =
    'docs/graph.schema.json is the schema the loader uses ' +
    '(regenerate with scripts/write-graph-schema.ts)';
  it(name, () => {
    const committed = JSON.parse(readFileSync('docs/graph.schema.json', 'utf-8'));
    expect(committed).toEqual(graphJsonSchema());
  });

  it('docs/errors.md explains every problem code', () => {
    const page = readFileSync('docs/errors.md', 'utf-8');
    for (const code of Object.keys(PROBLEM_CODES)) expect(page).toContain(`\`${code}\``);
    const listed = [...page.matchAll(/^\| `([EW]_[A-Z_]+)` +\|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(Object.keys(PROBLEM_CODES).sort());
  });
});

describe('node documentation', () => {
  const name =
    'docs/nodes.md is current with the registry (regenerate with scripts/write-node-docs.ts)';
  it(name, async () => {
    const { nodeDocs } = await import('../../../../scripts/node-docs');
    expect(readFileSync('docs/nodes.md', 'utf-8')).toBe(nodeDocs());
  });
});

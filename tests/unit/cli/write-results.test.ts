import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeResults } from '../../../src/cli/write-results';
import type { GraphDocument } from '../../../src/lib/graph/document';
import type { RunSummary } from '../../../src/lib/engine/events';

/** Two unconnected nodes that both finished, as the executor reports them. */
const doc = {
  format: 'kumiki-graph',
  version: 1,
  title: 'two results',
  seed: 1,
  nodes: [
    { id: 'a', type: 'analysis/cosine', position: [0, 0], params: {} },
    { id: 'b', type: 'analysis/cosine', position: [0, 0], params: {} }
  ],
  edges: []
} as unknown as GraphDocument;

const summary: RunSummary = {
  backend: 'wasm',
  cancelled: false,
  nodes: {
    a: { status: 'finished', ms: 1, cached: false },
    b: { status: 'finished', ms: 1, cached: false }
  },
  outputs: { a: { similarities: [0.5, 0.25] }, b: { similarities: [1, 0] } }
};

describe('writeResults', () => {
  it('writes the summary and the other nodes when one node cannot be written', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kumiki-write-'));
    mkdirSync(out, { recursive: true });
    // A plain file where node a's folder should go: its results cannot be written.
    writeFileSync(join(out, 'a'), 'in the way');

    const errors = await writeResults(out, 'two.json', doc, summary, false);

    expect([...errors.keys()]).toEqual(['a']);
    expect(JSON.parse(readFileSync(join(out, 'b', 'similarities.json'), 'utf-8'))).toEqual([1, 0]);
    const written = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf-8'));
    expect(written.status).toBe('failed');
    expect(written.nodes.a.status).toBe('finished');
    expect(written.nodes.a.writeError).toMatch(/EEXIST|ENOTDIR/);
    expect(written.nodes.b.writeError).toBeUndefined();
  });
});

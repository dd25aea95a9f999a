import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kumiki } from './run-kumiki';

const scratch = () => mkdtempSync(join(tmpdir(), 'kumiki-cli-'));
const example = join(process.cwd(), 'graphs/takens-stsb.json');

/** A two-node graph: the bundled dev split (or a given file) and a scatter of scores. */
function smallGraph(dir: string, file = '') {
  const doc = JSON.parse(readFileSync(example, 'utf-8'));
  doc.nodes = doc.nodes.filter((n: { id: string }) => ['stsb', 'scatter'].includes(n.id));
  doc.nodes[0].params = { split: 'dev', file, limit: 4 };
  doc.edges = [
    { from: { node: 'stsb', output: 'scores' }, to: { node: 'scatter', input: 'x' } },
    { from: { node: 'stsb', output: 'scores' }, to: { node: 'scatter', input: 'y' } }
  ];
  const path = join(dir, 'small.json');
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

describe('kumiki run', () => {
  it('writes results and a summary, then clears them when a later run fails', () => {
    const dir = scratch();
    const graph = smallGraph(dir);
    expect(kumiki(['run', graph, '--out', 'out', '--no-cache'], dir).code).toBe(0);
    expect(existsSync(join(dir, 'out/scatter/plot.svg'))).toBe(true);

    writeFileSync(join(dir, 'bad.tsv'), 'score\ts1\ts2\nhigh\ta\tb\n');
    const failed = kumiki(['run', smallGraph(dir, 'bad.tsv'), '--out', 'out', '--no-cache'], dir);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('bad.tsv, line 2: the score "high" is not a number');
    expect(existsSync(join(dir, 'out/scatter/plot.svg'))).toBe(false);
    const summary = JSON.parse(readFileSync(join(dir, 'out/summary.json'), 'utf-8'));
    expect(summary.status).toBe('failed');
    expect(summary.nodes.stsb.status).toBe('failed');
    expect(summary.nodes.scatter.status).toBe('blocked');
  });

  it('exits 2 with an honest summary for an invalid file', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'broken.json'), '{"format": "kumiki-graph", "version": 1,');
    const result = kumiki(['run', 'broken.json', '--out', 'out'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/broken\.json: The file is not valid JSON.*\[E_JSON\]/);
    const summary = JSON.parse(readFileSync(join(dir, 'out/summary.json'), 'utf-8'));
    expect(summary).toMatchObject({ status: 'invalid', problems: [{ code: 'E_JSON' }] });
  });

  const refusesBadSets =
    'refuses --set of inherited names, bad text and an --out that is a file, before running';
  it(refusesBadSets, () => {
    const dir = scratch();
    const graph = smallGraph(dir);
    for (const set of ['stsb.__proto__=1', 'stsb.constructor=x', 'stsb.toString=x']) {
      const result = kumiki(['run', graph, '--set', set], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('has no param');
    }
    const text = kumiki(['run', graph, '--set', 'stsb.limit=abc'], dir);
    expect(text.stderr).toContain('found the text "abc"');
    writeFileSync(join(dir, 'afile'), 'x');
    const out = kumiki(['run', graph, '--out', 'afile'], dir);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('is not a folder Kumiki can write to');
  });

  it('exits 2 naming the folder when sweep-merge finds nothing to merge', () => {
    const dir = scratch();
    const result = kumiki(['sweep-merge', 'nowhere'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot be read');
  });
});

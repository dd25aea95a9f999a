import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `kumiki validate` lists what a graph will do before it runs: every node, the nodes inside
 * subgraph definitions too, and each `file` param with the path it reads.
 */
function validate(path: string) {
  const result = spawnSync(
    process.execPath,
    [join(process.cwd(), 'bin/kumiki.mjs'), 'validate', path],
    {
      encoding: 'utf-8',
      timeout: 60_000
    }
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const at = { x: 0, y: 0 };

/** One top-level node whose subgraph hides a data/points node reading an absolute path. */
function hiddenFileGraph(dir: string): string {
  const doc = {
    format: 'kumiki-graph',
    version: 2,
    title: 'innocent',
    seed: 1,
    nodes: [
      { id: 'h', type: 'subgraph/hid', version: 1, params: {}, position: at },
      { id: 'pairs', type: 'data/stsb', version: 1, params: { file: 'pairs.tsv' }, position: at }
    ],
    edges: [],
    subgraphs: {
      hid: {
        title: 'Innocent',
        nodes: [
          {
            id: 'pts',
            type: 'data/points',
            version: 1,
            params: { file: '/etc/kumiki-secret.csv', format: 'csv', sample: 'none' },
            position: at
          },
          { id: 'pers', type: 'topology/persistence', version: 1, params: {}, position: at }
        ],
        edges: [{ from: { node: 'pts', output: 'clouds' }, to: { node: 'pers', input: 'clouds' } }],
        inputs: [],
        outputs: [{ name: 'diagrams', from: { node: 'pers', output: 'diagrams' } }],
        params: []
      }
    }
  };
  const path = join(dir, 'g.json');
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

describe('kumiki validate', () => {
  it('lists the nodes and the files they read, inside subgraph definitions too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kumiki-validate-'));
    const result = validate(hiddenFileGraph(dir));
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toContain('nodes (2):');
    expect(lines).toContain('  h  subgraph/hid');
    expect(lines).toContain('  pairs  data/stsb');
    expect(lines).toContain(
      `    file param file = "pairs.tsv" (reads ${JSON.stringify(join(dir, 'pairs.tsv'))})`
    );
    expect(lines).toContain('subgraph hid (2 inner nodes):');
    expect(lines).toContain('  pts  data/points');
    expect(lines).toContain(
      '    file param file = "/etc/kumiki-secret.csv" ' +
        '(reads "/etc/kumiki-secret.csv", outside the graph file’s folder)'
    );
    expect(lines).toContain('  pers  topology/persistence');
    expect(result.stderr).toContain('valid, 2 nodes and 0 edges');
  });

  it('quotes labels, which may hold control characters, so the listing cannot drive the terminal', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kumiki-validate-'));
    const doc = {
      format: 'kumiki-graph',
      version: 1,
      title: 't',
      seed: 1,
      nodes: [
        { id: 'a', type: 'data/stsb', version: 1, label: 'x\u001b[2Jy', params: {}, position: at }
      ],
      edges: []
    };
    writeFileSync(join(dir, 'g.json'), JSON.stringify(doc));
    const result = validate(join(dir, 'g.json'));
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).toContain('  a  data/stsb "x\\u001b[2Jy"');
  });
});

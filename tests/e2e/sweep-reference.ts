import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The small sweep the browser test runs: 8 pairs, lag {1, 2} × stride {4, 8}. */
export const E2E_SWEEP = {
  graph: 'graphs/takens-stsb-sweep.json',
  limit: 8,
  lag: [1, 2],
  stride: [4, 8]
} as const;

/** One cell of a sweep table as `kumiki sweep` writes it in sweep.json. */
export interface ReferenceCell {
  index: number;
  values: number[];
  status: string;
  fields: Record<string, number>;
}

/** The table `kumiki sweep` computes for E2E_SWEEP. */
export interface SweepReference {
  fields: string[];
  cells: ReferenceCell[];
}

/**
 * Runs E2E_SWEEP with `kumiki sweep` in a temporary folder (a copy of the example with the
 * small grid as its sweep) and returns the table the editor must reproduce.
 */
export function runSweepReference(): SweepReference {
  const dir = mkdtempSync(join(tmpdir(), 'kumiki-e2e-sweep-'));
  try {
    const doc = JSON.parse(readFileSync(E2E_SWEEP.graph, 'utf-8'));
    doc.sweep.axes = [
      { node: 'takens', param: 'lag', values: [...E2E_SWEEP.lag] },
      { node: 'takens', param: 'stride', values: [...E2E_SWEEP.stride] }
    ];
    const graph = join(dir, 'graph.json');
    writeFileSync(graph, JSON.stringify(doc));
    const out = join(dir, 'out');
    execFileSync(
      process.execPath,
      [
        'bin/kumiki.mjs',
        'sweep',
        graph,
        '--set',
        `stsb.limit=${E2E_SWEEP.limit}`,
        '--out',
        out,
        '--no-cache',
        '--quiet'
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: 600_000 }
    );
    return JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf-8')) as SweepReference;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

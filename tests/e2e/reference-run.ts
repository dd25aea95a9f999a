import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The pairs the end-to-end run uses: small, so the browser run stays short. */
export const E2E_LIMIT = 12;

/** Where global setup leaves the headless reference for the specs. */
export const REFERENCE_FILE = join(tmpdir(), 'kumiki-e2e-reference.json');

/** Pearson, Spearman and n from a headless run of the same graph. */
export interface Reference {
  pearson: number;
  spearman: number;
  count: number;
}

/**
 * Runs `graphs/takens-stsb.json` with `kumiki run` on the first E2E_LIMIT pairs and returns
 * the correlation node's result, the numbers the browser must reproduce.
 */
export function runReference(): Reference {
  const out = mkdtempSync(join(tmpdir(), 'kumiki-e2e-out-'));
  try {
    execFileSync(
      process.execPath,
      [
        'bin/kumiki.mjs',
        'run',
        'graphs/takens-stsb.json',
        '--set',
        `stsb.limit=${E2E_LIMIT}`,
        '--out',
        out,
        '--no-cache',
        '--quiet'
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: 600_000 }
    );
    const text = readFileSync(join(out, 'correlation', 'correlation.json'), 'utf-8');
    return JSON.parse(text) as Reference;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The reference global setup wrote. */
export function readReference(): Reference {
  return JSON.parse(readFileSync(REFERENCE_FILE, 'utf-8')) as Reference;
}

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kumiki } from './run-kumiki';

/**
 * The headless runner never hangs: `--timeout` stops the run (exit 124), `--node-timeout`
 * fails a node that runs too long (exit 1), both write summary.json marking what did not
 * finish, and a watchdog stops a process whose main thread is stuck. Data files over the
 * bound are refused before they are read.
 */
const scratch = () => mkdtempSync(join(tmpdir(), 'kumiki-limits-'));
const summaryOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'out/summary.json'), 'utf-8'));

/** The example pipeline on 300 pairs: embedding them takes seconds, past the limits below. */
function slowGraph(dir: string): string {
  const doc = JSON.parse(readFileSync('graphs/takens-stsb.json', 'utf-8'));
  doc.nodes.find((n: { id: string }) => n.id === 'stsb').params.limit = 300;
  writeFileSync(join(dir, 'slow.json'), JSON.stringify(doc));
  return 'slow.json';
}

describe('kumiki run time limits', () => {
  it('fails a node past --node-timeout and marks it in the summary (exit 1)', () => {
    const dir = scratch();
    const result = kumiki(
      ['run', slowGraph(dir), '--out', 'out', '--no-cache', '--node-timeout', '0.5'],
      dir
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('time budget of 0.5 s');
    const summary = summaryOf(dir);
    expect(summary.status).toBe('failed');
    expect(summary.nodes.stsb.status).toBe('finished');
    expect(summary.nodes.embed).toMatchObject({ status: 'failed', timedOut: true });
    expect(summary.nodes.correlation.status).toBe('blocked');
    expect(summary.unfinished).toContain('embed');
  });

  it('stops the run at --timeout, keeping what finished (exit 124)', () => {
    const dir = scratch();
    const args = ['run', slowGraph(dir), '--out', 'out', '--no-cache', '--all', '--timeout', '1'];
    const result = kumiki(args, dir);
    expect(result.code).toBe(124);
    const summary = summaryOf(dir);
    expect(summary).toMatchObject({ status: 'timed-out', timeout: 1 });
    expect(summary.nodes.stsb.status).toBe('finished');
    expect(summary.nodes.embed.status).toBe('cancelled');
    const rest = ['embed', 'takens', 'persistence', 'wasserstein', 'correlation', 'scatter'];
    expect([...summary.unfinished].sort()).toEqual(rest.sort());
    expect(existsSync(join(dir, 'out/stsb/scores.json'))).toBe(true);
  });

  it('refuses a limit that is not a positive number of seconds (exit 2)', () => {
    const dir = scratch();
    for (const bad of ['-1', 'soon']) {
      const result = kumiki(['run', slowGraph(dir), `--timeout=${bad}`], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--timeout must be a number of seconds above 0');
    }
  });

  it('stops a process whose main thread is stuck, writing the summary it reached', () => {
    const dir = scratch();
    const watchdog = join(process.cwd(), 'src/cli/watchdog.ts');
    const script = join(dir, 'stuck.mts');
    writeFileSync(
      script,
      `import { startWatchdog } from ${JSON.stringify(watchdog)};\n` +
        `const dog = startWatchdog(${JSON.stringify(join(dir, 'summary.json'))});\n` +
        `dog.summary({ status: 'running', nodes: { a: { status: 'finished' }, b: { status: 'running' } } });\n` +
        `dog.deadline(Date.now() + 200);\n` +
        `setTimeout(() => { for (;;) {} }, 50);\n`
    );
    const result = spawnSync(process.execPath, ['--import', 'tsx', script], {
      encoding: 'utf-8',
      timeout: 60_000,
      env: { ...process.env, KUMIKI_WATCHDOG_GRACE_MS: '300' }
    });
    expect(result.signal).toBe('SIGKILL');
    expect(result.stderr).toContain('stopped hard');
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf-8'));
    expect(summary).toMatchObject({ status: 'timed-out', killed: true, unfinished: ['b'] });
    expect(summary.nodes.b.status).toBe('cancelled');
  });
});

describe('kumiki run data-file bound', () => {
  it('refuses a 100 MB data file before reading it, naming the file and the bound', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'big.csv'), '');
    truncateSync(join(dir, 'big.csv'), 100 * 1024 * 1024);
    const doc = JSON.parse(readFileSync('graphs/persistence-of-points.json', 'utf-8'));
    const points = doc.nodes.find((n: { type: string }) => n.type === 'data/points');
    points.params.file = 'big.csv';
    writeFileSync(join(dir, 'g.json'), JSON.stringify(doc));
    const result = kumiki(['run', 'g.json', '--out', 'out', '--no-cache'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '"big.csv" has 100.0 MB; Kumiki reads data files of at most 64.0 MB'
    );
  });
});

describe('kumiki run and Ctrl+C', () => {
  it('stops at SIGINT with exit 130, says which node stopped and writes an honest summary', async () => {
    const dir = scratch();
    const bin = join(process.cwd(), 'bin/kumiki.mjs');
    const child = spawn(
      process.execPath,
      [bin, 'run', slowGraph(dir), '--out', 'out', '--no-cache'],
      { cwd: dir }
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      // Interrupt once the embedding is under way, as a person pressing Ctrl+C would.
      if (/embed: \d+%/.test(stderr) && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(130);
    expect(stderr).toMatch(/embed: stopped/);
    expect(stderr).not.toMatch(/embed: failed/);
    const summary = summaryOf(dir);
    expect(summary.status).toBe('cancelled');
    expect(summary.nodes.stsb.status).toBe('finished');
    expect(summary.nodes.embed.status).toBe('cancelled');
    expect(summary.unfinished).toContain('correlation');
  }, 120_000);
});

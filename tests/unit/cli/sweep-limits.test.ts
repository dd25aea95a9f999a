import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kumiki } from './run-kumiki';

/**
 * `kumiki sweep` never hangs either: `--timeout` stops the sweep (exit 124) and
 * `--node-timeout` fails a cell whose node runs too long (exit 1); sweep.json marks the cells
 * that did not finish. A stopped `--cell` run writes no cell file, so it is run again.
 */
const scratch = () => mkdtempSync(join(tmpdir(), 'kumiki-sweep-limits-'));
const tableOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'out/sweep.json'), 'utf-8'));

/** The example sweep cut to two cells (lag 1 and 2); `limit` pairs set how long a cell takes. */
function sweepGraph(dir: string, limit: number, lags = [1, 2]): string {
  const doc = JSON.parse(readFileSync('graphs/takens-stsb-sweep.json', 'utf-8'));
  doc.nodes.find((n: { id: string }) => n.id === 'stsb').params.limit = limit;
  doc.sweep.axes = [{ node: 'takens', param: 'lag', values: lags }];
  writeFileSync(join(dir, 'sweep.json'), JSON.stringify(doc));
  return 'sweep.json';
}

describe('kumiki sweep time limits', () => {
  it('fails each cell whose node passes --node-timeout and lists it as unfinished (exit 1)', () => {
    const dir = scratch();
    const args = ['sweep', sweepGraph(dir, 300), '--out', 'out', '--no-cache'];
    const result = kumiki([...args, '--node-timeout', '0.5'], dir);

    expect(result.code).toBe(1);
    const table = tableOf(dir);
    expect(table.status).toBe('failed');
    expect(table.unfinished).toEqual([0, 1]);
    for (const cell of table.cells) {
      expect(cell.status).toBe('failed');
      expect(cell.error).toContain('time budget of 0.5 s');
    }
  });

  it('stops the sweep at --timeout and marks the unfinished cells (exit 124)', () => {
    const dir = scratch();
    const args = ['sweep', sweepGraph(dir, 300), '--out', 'out', '--no-cache'];
    const result = kumiki([...args, '--timeout', '1'], dir);

    expect(result.code).toBe(124);
    expect(result.stderr).toContain('stopped after --timeout 1 s');
    const table = tableOf(dir);
    expect(table).toMatchObject({ status: 'timed-out', timeout: 1, unfinished: [0, 1] });
    expect(existsSync(join(dir, 'out/sweep.csv'))).toBe(true);
  });

  it('finishes within generous limits, with no cell unfinished (exit 0)', () => {
    const dir = scratch();
    const args = ['sweep', sweepGraph(dir, 4), '--out', 'out', '--no-cache', '--quiet'];
    const result = kumiki([...args, '--timeout', '300', '--node-timeout', '120'], dir);

    expect(result.code).toBe(0);
    const table = tableOf(dir);
    expect(table).toMatchObject({ status: 'finished', unfinished: [] });
    expect(table.cells.map((c: { status: string }) => c.status)).toEqual(['finished', 'finished']);
  });

  it('writes no file for a --cell run stopped by --timeout (exit 124)', () => {
    const dir = scratch();
    const args = ['sweep', sweepGraph(dir, 300), '--cell', '1', '--out', 'out', '--no-cache'];
    const result = kumiki([...args, '--timeout', '1'], dir);

    expect(result.code).toBe(124);
    expect(result.stderr).toContain('Cell 1 of 2 was stopped after --timeout 1 s');
    expect(existsSync(join(dir, 'out/cells/1.json'))).toBe(false);
  });

  it('refuses a limit that is not a positive number of seconds (exit 2)', () => {
    const dir = scratch();
    const result = kumiki(['sweep', sweepGraph(dir, 4), '--node-timeout=0'], dir);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--node-timeout must be a number of seconds above 0');
  });

  it('stops at Ctrl+C with exit 130, keeping the cells that finished', async () => {
    const dir = scratch();
    const graph = sweepGraph(dir, 100, [1, 2, 3, 4, 5, 6]);
    const bin = join(process.cwd(), 'bin/kumiki.mjs');
    const child = spawn(process.execPath, [bin, 'sweep', graph, '--out', 'out', '--no-cache'], {
      cwd: dir
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      // Interrupt once the first cell is in, as a person pressing Ctrl+C would.
      if (/cell 1\/6/.test(stderr) && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));

    expect(code).toBe(130);
    expect(stderr).toContain('The sweep was stopped.');
    const table = tableOf(dir);
    expect(table.status).toBe('stopped');
    expect(table.cells[0].status).toBe('finished');
    expect(table.unfinished).not.toContain(0);
    expect(table.unfinished).toContain(5);
  }, 120_000);
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kumiki } from './run-kumiki';
import { isDecimal } from '../../../src/cli/numbers';
import { runLimits } from '../../../src/cli/run-limits';
import { MAX_TIMER_MS } from '../../../src/lib/engine/timer-limit';
import { nodeBudgetMs } from '../../../src/worker/time-budget';

/**
 * Numbers typed on the command line: only plain decimals are taken, and a time limit too long
 * for a timer means no limit instead of firing at once (Node turns such a delay into 1 ms).
 */
const scratch = () => mkdtempSync(join(tmpdir(), 'kumiki-numbers-'));

/** The example pipeline cut to 20 pairs: a second or two, and its nodes yield while they run. */
function smallGraph(dir: string): string {
  const doc = JSON.parse(readFileSync('graphs/takens-stsb.json', 'utf-8'));
  doc.nodes.find((n: { id: string }) => n.id === 'stsb').params.limit = 20;
  writeFileSync(join(dir, 'g.json'), JSON.stringify(doc));
  return 'g.json';
}

describe('plain decimal numbers', () => {
  it('takes signs, fractions and exponents and refuses hex, spaces and words', () => {
    for (const ok of ['5', '+5', '-0.5', '.5', '5.', '1e3', '2.5E-3', '1e308']) {
      expect(isDecimal(ok), ok).toBe(true);
    }
    for (const bad of [
      '0x10',
      '0b1',
      '0o7',
      ' 5',
      '5 ',
      '',
      'Infinity',
      'NaN',
      '1_000',
      '1e',
      '.'
    ]) {
      expect(isDecimal(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('refuses a non-decimal --timeout, --node-timeout or --set value with exit 2, naming it', () => {
    const dir = scratch();
    const graph = smallGraph(dir);
    const timeout = kumiki(['run', graph, '--timeout', '0x10'], dir);
    expect(timeout.code).toBe(2);
    expect(timeout.stderr).toContain('--timeout must be a number of seconds');
    const node = kumiki(['run', graph, '--node-timeout', ' 5'], dir);
    expect(node.code).toBe(2);
    expect(node.stderr).toContain('--node-timeout must be a number of seconds');
    for (const set of ['stsb.limit=0x10', 'stsb.limit= 5', 'stsb.limit=Infinity']) {
      const result = kumiki(['run', graph, '--set', set], dir);
      expect(result.code, set).toBe(2);
      expect(result.stderr).toContain('param "limit" takes a plain decimal number');
    }
  });
});

describe('time limits past the longest timer delay', () => {
  it('mean no limit in the CLI, the executor and the editor budget', () => {
    const limits = runLimits({ timeout: '1e308', 'node-timeout': '2147484' }, '/dev/null', 'g', {
      nodes: []
    } as never);
    expect(limits.timeoutSeconds).toBeUndefined();
    expect(limits.nodeTimeoutMs).toBeUndefined();
    // The largest delay that still fits is kept as given.
    expect(
      runLimits({ timeout: '2147483' }, '/dev/null', 'g', { nodes: [] } as never).timeoutSeconds
    ).toBe(2147483);
    const overflow = runLimits({ timeout: '1e400' }, '/dev/null', 'g', { nodes: [] } as never);
    expect(overflow.timeoutSeconds).toBeUndefined();
    expect(() =>
      runLimits({ timeout: '1e-400' }, '/dev/null', 'g', { nodes: [] } as never)
    ).toThrow('--timeout must be a number of seconds above 0');
    expect(nodeBudgetMs('?nodeTimeout=3000000')).toBeUndefined();
    expect(nodeBudgetMs('?nodeTimeout=90')).toBe(90_000);
    expect(MAX_TIMER_MS).toBe(2147483647);
  });

  it('lets a run under --timeout 1e308 and --node-timeout 3000000 finish (exit 0)', () => {
    const dir = scratch();
    const graph = smallGraph(dir);
    const result = kumiki(
      [
        'run',
        graph,
        '--out',
        'out',
        '--no-cache',
        '--timeout',
        '1e308',
        '--node-timeout',
        '3000000'
      ],
      dir
    );
    expect(result.stderr).not.toContain('TimeoutOverflowWarning');
    expect(result.code).toBe(0);
  });
});

describe('both limits passed while the thread was busy', () => {
  it('counts the run as timed out when its deadline passed and a node did not finish', () => {
    const limits = runLimits({ timeout: '0.05' }, join(scratch(), 'summary.json'), 'g', {
      nodes: []
    } as never);
    const stop = limits.start(new AbortController());
    const busyUntil = Date.now() + 100;
    while (Date.now() < busyUntil); // the run's timer cannot fire meanwhile
    stop();
    expect(limits.timedOut()).toBe(false);
    limits.settle(false); // everything finished: the run was not cut short
    expect(limits.timedOut()).toBe(false);
    limits.settle(true); // a node's own budget stopped it first; the run limit had passed too
    expect(limits.timedOut()).toBe(true);
    limits.finish();
  });

  it('does not count a run that ended before its deadline', () => {
    const limits = runLimits({ timeout: '60' }, join(scratch(), 'summary.json'), 'g', {
      nodes: []
    } as never);
    const stop = limits.start(new AbortController());
    stop();
    limits.settle(true);
    expect(limits.timedOut()).toBe(false);
    limits.finish();
  });
});

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepProgress } from '../../../src/cli/sweep-progress';
import { sweepCells, type SweepCellResult } from '../../../src/lib/engine/sweep';
import type { SweepSpec } from '../../../src/lib/graph/document';

/**
 * sweep.json while a sweep runs: written after the first cell, then at most once per interval
 * (rewriting the whole table after every cell made long sweeps quadratic), always holding
 * every cell recorded up to its write.
 */
const sweep: SweepSpec = {
  axes: [{ node: 'm', param: 'count', values: [1, 2, 3, 4, 5, 6] }],
  target: { node: 'c', output: 'value' }
} as SweepSpec;

const cell = (index: number): SweepCellResult => ({
  ...sweepCells(sweep)[index],
  status: 'finished',
  fields: { value: index * 10 }
});

describe('sweepProgress', () => {
  it('writes after the first cell, then once per interval, and on flush', () => {
    const out = mkdtempSync(join(tmpdir(), 'kumiki-sweep-progress-'));
    let clock = 0;
    const progress = sweepProgress(out, sweep, { intervalMs: 1000, now: () => clock });
    const read = () => JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf-8'));

    progress.add(cell(0));
    expect(progress.writes).toBe(1);
    expect(read()).toMatchObject({ status: 'running', unfinished: [1, 2, 3, 4, 5] });

    clock = 400;
    progress.add(cell(1));
    clock = 999;
    progress.add(cell(2));
    expect(progress.writes).toBe(1); // within the interval: the file still shows one cell
    expect(read().cells).toHaveLength(1);

    clock = 1000;
    progress.add(cell(3));
    expect(progress.writes).toBe(2);
    expect(read().cells.map((c: SweepCellResult) => c.fields.value)).toEqual([0, 10, 20, 30]);

    clock = 1200;
    progress.add(cell(4));
    progress.flush();
    expect(progress.writes).toBe(3);
    expect(read().unfinished).toEqual([5]);
    expect(progress.count).toBe(5);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeCells, unfinishedCells, type SweepCellResult } from '../lib/engine/sweep';
import type { SweepSpec } from '../lib/graph/document';

/** How often sweep.json is rewritten while a sweep runs. */
export const PROGRESS_INTERVAL_MS = 1000;

/**
 * Keeps sweep.json up to date while a sweep runs, so a process stopped hard still leaves what
 * it reached. Rewriting the whole table after every cell made a sweep quadratic in its cells
 * (3000 cells of a quick graph spent most of their time writing), so the file is written after
 * the first cell and then at most once per `intervalMs`; the caller writes the final table at
 * the end, also when the sweep is stopped, timed out or interrupted.
 */
export function sweepProgress(
  out: string,
  sweep: SweepSpec,
  { intervalMs = PROGRESS_INTERVAL_MS, now = Date.now } = {}
) {
  const done: SweepCellResult[] = [];
  let lastWrite = -Infinity;
  let writes = 0;
  const flush = () => {
    lastWrite = now();
    writes++;
    const table = mergeCells(sweep, done);
    const json = { ...table, status: 'running', unfinished: unfinishedCells(sweep, table.cells) };
    writeFileSync(join(out, 'sweep.json'), `${JSON.stringify(json, null, 2)}\n`);
  };
  return {
    /** Records one finished or failed cell, writing sweep.json when the interval has passed. */
    add(result: SweepCellResult): void {
      done.push(result);
      if (now() - lastWrite >= intervalMs) flush();
    },
    /** Writes sweep.json now. */
    flush,
    /** Cells recorded so far. */
    get count() {
      return done.length;
    },
    /** How many times sweep.json was written (for tests). */
    get writes() {
      return writes;
    }
  };
}

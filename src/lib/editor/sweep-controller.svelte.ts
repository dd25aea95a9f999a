import type { GraphDocument, SweepSpec } from '../graph/document';
import type { SweepCellResult, SweepTable } from '../engine/sweep';
import { mergeCells, sweepCells } from '../engine/sweep';
import { formatMs, formatNumber } from './format';
import type { RunController } from './run-controller.svelte';

/** Where a sweep run stands. */
export type SweepPhase = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

/**
 * Runs a graph's sweep in the engine worker one cell after another, so Stop takes effect
 * between cells (and ends the cell under way), and keeps the cells that finished as a table.
 * Node statuses and the run log follow each cell's events, as for a run.
 */
export class SweepController {
  phase: SweepPhase = $state('idle');
  /** Cells ended so far and cells in all, for "cell k of n". */
  done = $state(0);
  total = $state(0);
  summaryText = $state('');
  /** The results of the last sweep run, in cell order; null before any. */
  table: SweepTable | null = $state(null);
  /** The sweep or the graph changed since the table was computed. */
  stale = $state(false);

  private stopRequested = false;
  /** The sweep run whose events are applied; events of any other are dropped. */
  private current: object | null = null;

  constructor(private readonly run: RunController) {}

  /** Runs every cell of `doc.sweep` in order; the table grows as cells end. */
  async start(doc: GraphDocument): Promise<void> {
    const sweep = doc.sweep;
    if (!sweep || this.phase === 'running' || this.run.phase === 'running') return;
    const cells = sweepCells(sweep);
    const token = {};
    this.current = token;
    this.stopRequested = false;
    this.phase = 'running';
    this.done = 0;
    this.total = cells.length;
    this.stale = false;
    this.table = mergeCells(sweep, []);
    this.summaryText = `Running cell 1 of ${cells.length}…`;
    this.run.startLog(`Sweep of "${doc.title}" started: ${cells.length} cells.`);
    const started = performance.now();

    const results: SweepCellResult[] = [];
    for (const cell of cells) {
      if (this.stopRequested) break;
      this.summaryText = `Running cell ${cell.index + 1} of ${cells.length}…`;
      this.run.note(
        'info',
        `Cell ${cell.index + 1} of ${cells.length}: ${describeCell(sweep, cell.values)}.`
      );
      let result: SweepCellResult;
      try {
        result = await this.run.engine.runSweepCell(doc, cell.index, (event) => {
          if (this.current === token) this.run.track(event);
        });
      } catch (error) {
        if (this.current !== token) return;
        this.finish('failed', `The sweep failed: ${(error as Error).message}`);
        return;
      }
      if (this.current !== token) return;
      // A cell cut short by Stop has no result worth a row.
      if (this.stopRequested && result.status === 'failed') break;
      results.push(result);
      this.done = results.length;
      this.table = mergeCells(sweep, results);
      this.run.note(result.status, `Cell ${cell.index + 1}: ${describeResult(result)}`);
    }

    const took = formatMs(performance.now() - started);
    const failed = results.filter((r) => r.status === 'failed').length;
    if (this.stopRequested) {
      this.finish(
        'cancelled',
        `Stopped after ${results.length} of ${cells.length} cells (${took}).`
      );
    } else if (failed > 0) {
      this.finish('failed', `${failed} of ${cells.length} cells failed (${took}).`);
    } else {
      this.finish('done', `Swept ${cells.length} cells in ${took}.`);
    }
  }

  /** Stops after the cell under way, which is cut short. */
  async stop(): Promise<void> {
    if (this.phase !== 'running') return;
    this.stopRequested = true;
    this.run.note('info', 'Stop requested.');
    await this.run.engine.cancel();
  }

  /** Marks the table as computed from an older graph or sweep, when there is one. */
  markStale(): void {
    if (this.table) this.stale = true;
  }

  /** Forgets the sweep results, as when another graph is opened. */
  async reset(): Promise<void> {
    const running = this.phase === 'running';
    this.current = null;
    this.phase = 'idle';
    this.table = null;
    this.stale = false;
    this.summaryText = '';
    this.done = 0;
    this.total = 0;
    if (running) await this.run.engine.cancel();
  }

  private finish(phase: SweepPhase, text: string): void {
    this.current = null;
    this.phase = phase;
    this.summaryText = text;
    this.run.note(phase === 'done' ? 'finished' : 'failed', text);
  }
}

/** The param values of one cell: `takens.lag = 2, takens.stride = 4`. */
export function describeCell(sweep: SweepSpec, values: readonly number[]): string {
  return sweep.axes.map((axis, a) => `${axis.node}.${axis.param} = ${values[a]}`).join(', ');
}

function describeResult(result: SweepCellResult): string {
  if (result.status === 'failed') return result.error ?? 'failed.';
  const fields = Object.entries(result.fields).map(([k, v]) => `${k} ${formatNumber(v)}`);
  return `${fields.join(', ')}.`;
}

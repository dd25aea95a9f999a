import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  mergeCells,
  runSweep,
  runSweepCell,
  sweepCells,
  sweepCsv,
  sweepHeatmaps,
  unfinishedCells,
  type SweepCellResult,
  type SweepTable
} from '../lib/engine/sweep';
import type { SweepSpec } from '../lib/graph/document';
import { sweepSchema } from '../lib/graph/schema';
import { prepareOutFolder } from './folders';
import { plotToSvg } from '../lib/plot/svg';
import { applySets, createExecutor, type RunFlags } from './command-run';
import { EXIT, UsageError } from './exit';
import { readGraphFile } from './read-graph';
import { runLimits } from './run-limits';
import { cellText } from './cell-text';
import { sweepProgress } from './sweep-progress';

/**
 * `kumiki sweep <graph>`: runs the graph's sweep and writes `sweep.json`, `sweep.csv` and one
 * heatmap SVG per field. With `--cell i` it runs only cell i and writes `cells/<i>.json`, so
 * cells can run as separate jobs; `kumiki sweep-merge <out>` then builds the table.
 * `--timeout` and `--node-timeout` work as in `kumiki run`: sweep.json is rewritten while the
 * sweep runs (at most once a second, see sweep-progress.ts) and at its end, and its `status`
 * and `unfinished` say how far the sweep got.
 */
export async function commandSweep(
  path: string,
  flags: RunFlags & { cell?: string }
): Promise<number> {
  const { doc, errors } = await readGraphFile(path);
  if (!doc || errors > 0) return EXIT.usage;
  if (!doc.sweep)
    throw new UsageError(
      `${path} has no "sweep" section; add one naming the params to vary and the output to collect.`
    );
  applySets(doc, flags.set ?? []);
  const out = await prepareOutFolder(flags.out);
  const executor = await createExecutor(path, flags);
  const sweep = doc.sweep;
  const total = sweepCells(sweep).length;
  const limits = runLimits(flags, join(out, 'summary.json'), path, doc);
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  const runOptions = {
    signal: controller.signal,
    nodeTimeoutMs: limits.nodeTimeoutMs,
    onEvent: limits.track
  };

  if (flags.cell !== undefined) {
    const index = /^\d+$/.test(flags.cell) ? Number(flags.cell) : NaN;
    if (!Number.isInteger(index) || index < 0 || index >= total) {
      throw new UsageError(
        `--cell must be a whole number from 0 to ${total - 1}; found "${flags.cell}".`
      );
    }
    process.once('SIGINT', onInterrupt);
    const stopTimer = limits.start(controller);
    const result = await runSweepCell(executor, doc, index, runOptions);
    stopTimer();
    limits.settle(result.status !== 'finished');
    limits.finish();
    process.off('SIGINT', onInterrupt);
    // A stopped cell has no result: no file, so a job system runs it again.
    if (controller.signal.aborted || limits.timedOut())
      return stoppedExit(limits, `Cell ${index} of ${total}`);

    await mkdir(join(out, 'cells'), { recursive: true });
    await writeFile(
      join(out, 'cells', `${index}.json`),
      `${JSON.stringify({ sweep: doc.sweep, result })}\n`
    );
    process.stderr.write(`cell ${index} of ${total}: ${cellText(result, sweep)}\n`);
    return result.status === 'finished' ? EXIT.ok : EXIT.nodeFailed;
  }

  process.once('SIGINT', onInterrupt);
  const stopTimer = limits.start(controller);
  const progress = sweepProgress(out, doc.sweep);
  const table = await runSweep(executor, doc, {
    ...runOptions,
    onCell: (result) => {
      progress.add(result);
      limits.update({ cellsDone: progress.count, cellsTotal: total });
      if (!flags.quiet || result.status !== 'finished') {
        process.stderr.write(`cell ${result.index + 1}/${total}: ${cellText(result, sweep)}\n`);
      }
    }
  });
  stopTimer();
  process.off('SIGINT', onInterrupt);
  limits.settle(table.cells.length < total || table.cells.some((c) => c.status !== 'finished'));

  const status = limits.timedOut()
    ? 'timed-out'
    : controller.signal.aborted
      ? 'stopped'
      : table.cells.every((c) => c.status === 'finished') && table.cells.length === total
        ? 'finished'
        : 'failed';
  await writeTable(out, table, { status, timeout: limits.timeoutSeconds });
  limits.finish();
  if (controller.signal.aborted || limits.timedOut()) return stoppedExit(limits, 'The sweep');
  return exitFor(table, total, false);
}

/** Says why a sweep or a cell stopped early and gives the exit code: 124 or 130. */
function stoppedExit(limits: ReturnType<typeof runLimits>, what: string): number {
  if (limits.timedOut()) {
    process.stderr.write(`${what} was stopped after --timeout ${limits.timeoutSeconds} s.\n`);
    return EXIT.timeout;
  }
  process.stderr.write(`${what} was stopped.\n`);
  return EXIT.interrupted;
}

/**
 * `kumiki sweep-merge <out>`: builds the table from the `cells/<i>.json` files of separate
 * jobs.
 */
export async function commandSweepMerge(out: string): Promise<number> {
  const dir = join(resolve(out), 'cells');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /^\d+\.json$/.test(n));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(
      `${dir} cannot be read (${reason}); give the --out folder of the cell runs.`
    );
  }
  if (names.length === 0) {
    throw new UsageError(`${dir} holds no cell results (files named <index>.json).`);
  }
  const cells = await Promise.all(names.map((name) => readCell(join(dir, name))));
  const sweep = cells[0].sweep;
  const total = sweepCells(sweep).length;
  for (const [k, cell] of cells.entries()) {
    if (JSON.stringify(cell.sweep) !== JSON.stringify(sweep)) {
      throw new UsageError(
        `${names[k]} comes from a different sweep than ${names[0]}; merge cells of one sweep only.`
      );
    }
    if (cell.result.index >= total || `${cell.result.index}.json` !== names[k]) {
      throw new UsageError(
        `${names[k]} holds cell ${cell.result.index}, which does not fit a sweep of ${total} cells.`
      );
    }
  }
  const table = mergeCells(
    sweep,
    cells.map((c) => c.result)
  );
  const status = table.cells.every((c) => c.status === 'finished') ? 'finished' : 'failed';
  await writeTable(resolve(out), table, { status });
  return exitFor(table, total, false);
}

/** Reads one cell file, checking its shape so a damaged file is named, not a crash. */
async function readCell(path: string): Promise<{ sweep: SweepSpec; result: SweepCellResult }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf-8'));
  } catch (error) {
    throw new UsageError(`${path} is not a readable cell result: ${(error as Error).message}`);
  }
  const { sweep, result } = (parsed ?? {}) as { sweep?: unknown; result?: SweepCellResult };
  const shape = sweepSchema.safeParse(sweep);
  const fieldsOk =
    result !== undefined &&
    Number.isInteger(result.index) &&
    (result.status === 'finished' || result.status === 'failed') &&
    typeof result.fields === 'object' &&
    Object.values(result.fields ?? {}).every((v) => typeof v === 'number');
  if (!shape.success || !fieldsOk) {
    throw new UsageError(`${path} is not a cell result written by "kumiki sweep --cell".`);
  }
  return { sweep: shape.data, result };
}

/**
 * Writes sweep.json (the table, with `status` and the indices of the `unfinished` cells:
 * failed, stopped or never run), sweep.csv and the heatmaps.
 */
async function writeTable(
  out: string,
  table: SweepTable,
  end: { status: string; timeout?: number }
) {
  await mkdir(out, { recursive: true });
  const unfinished = unfinishedCells(table.sweep, table.cells);
  const json = { ...table, status: end.status, timeout: end.timeout, unfinished };
  await writeFile(join(out, 'sweep.json'), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(join(out, 'sweep.csv'), sweepCsv(table));
  for (const [k, plot] of sweepHeatmaps(table).entries()) {
    await writeFile(
      join(out, `heatmap-${table.fields[k]}.svg`),
      plotToSvg(plot, { width: 640, height: 420 })
    );
  }
  process.stderr.write(`Sweep table in ${join(out, 'sweep.csv')} (${table.cells.length} cells).\n`);
}

function exitFor(table: SweepTable, total: number, interrupted: boolean): number {
  if (interrupted) return EXIT.interrupted;
  const finished = table.cells.filter((c) => c.status === 'finished').length;
  return finished === total ? EXIT.ok : EXIT.nodeFailed;
}

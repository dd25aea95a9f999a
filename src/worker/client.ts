import * as Comlink from 'comlink';
import type { GraphDocument } from '../lib/graph/document';
import type { RunEvent, RunSummary } from '../lib/engine/events';
import { MAX_DATA_FILE_BYTES } from '../lib/engine/host';
import type { SweepCellResult } from '../lib/engine/sweep';
import type { WorkerApi } from './engine.worker';
import { budgetText, BudgetWatch, nodeBudgetMs } from './time-budget';
import type { WorkerEvent } from './worker-events';

/**
 * How long Stop waits for the worker to end the run before replacing the worker: a node in a
 * loop that never yields cannot see the cancel, so the worker itself is stopped.
 */
export const HARD_STOP_MS = 1000;

/** How long a worker that answered Stop may take to end the run before it is replaced. */
const HEARD_STOP_MS = 10_000;

/** The editor's handle on the engine worker. */
export interface Runner {
  run(doc: GraphDocument, onEvent: (event: RunEvent) => void, only?: string[]): Promise<RunSummary>;
  /** Runs one cell of the graph's sweep (see src/lib/engine/sweep.ts). */
  runSweepCell(
    doc: GraphDocument,
    index: number,
    onEvent: (event: RunEvent) => void
  ): Promise<SweepCellResult>;
  cancel(): Promise<void>;
  /** A picked file's bytes, or only its size when it is over MAX_DATA_FILE_BYTES. */
  putFile(name: string, bytes: Uint8Array | number): Promise<void>;
  dispose(): void;
}

/** What the editor hears about the worker outside of a call. */
export interface RunnerOptions {
  /** The worker ended by itself (a crash, closed, killed); the next call starts a new one. */
  stopped?: (message: string) => void;
}

/** Why a call ended without a reply: the worker stopped, or Stop had to replace it. */
export class WorkerStoppedError extends Error {
  constructor(
    message: string,
    /** True when the worker was replaced because it did not answer Stop. */
    readonly byStop = false
  ) {
    super(message);
    this.name = 'WorkerStoppedError';
  }
}

/** One started worker: its Comlink handle, how many calls are pending, and how it ends. */
interface Engine {
  worker: Worker;
  api: Comlink.Remote<WorkerApi>;
  pending: number;
  /** Settles when no call is pending any more. */
  idle: Promise<void>;
  markIdle: () => void;
  /** Resolves with the reason once the worker has ended, however it ended. */
  ended: Promise<WorkerStoppedError>;
  end: (error: WorkerStoppedError) => void;
}

function startEngine(): Engine {
  const name = `kumiki-engine-${Math.random().toString(36).slice(2)}`;
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
    name
  });
  const api = Comlink.wrap<WorkerApi>(worker);
  let end: (error: WorkerStoppedError) => void = () => {};
  const ended = new Promise<WorkerStoppedError>((resolve) => (end = resolve));
  const engine: Engine = {
    worker,
    api,
    pending: 0,
    idle: Promise.resolve(),
    markIdle: () => {},
    ended,
    end
  };

  worker.addEventListener('error', (e) => {
    const reason = e.message || 'it could not load or ran out of memory';
    end(new WorkerStoppedError(`The engine worker stopped: ${reason}.`));
  });
  // The worker holds a lock named after it for as long as it lives; the browser frees the
  // lock when the worker ends for any reason, which is the one signal a killed worker gives.
  void api.holdLifeLock().then((held) => {
    if (held && navigator.locks) {
      void navigator.locks.request(name, () =>
        end(new WorkerStoppedError('The engine worker stopped: it was closed or killed.'))
      );
    }
  });
  return engine;
}

/** Counts a call as pending until it settles, so Stop knows whether the worker is busy. */
function track<T>(engine: Engine, call: Promise<T>): Promise<T> {
  if (engine.pending++ === 0) engine.idle = new Promise((r) => (engine.markIdle = r));
  return call.finally(() => {
    if (--engine.pending === 0) engine.markIdle();
  });
}

/**
 * Makes one call that streams events, and resolves once its reply and all the events it
 * reports sending have arrived (events travel on their own message port). Rejects with a
 * WorkerStoppedError if the worker ends meanwhile.
 */
async function withEvents<T extends { events: number }>(
  engine: Engine,
  onEvent: (event: WorkerEvent) => void,
  call: (count: (event: WorkerEvent) => void) => Promise<T>
): Promise<T> {
  let received = 0;
  let expected = Infinity;
  let allReceived: () => void = () => {};
  const arrived = new Promise<void>((resolve) => (allReceived = resolve));
  const count = (event: WorkerEvent) => {
    received++;
    onEvent(event);
    if (received >= expected) allReceived();
  };
  const stopped = engine.ended.then((error) => Promise.reject(error));

  const reply = await Promise.race([track(engine, call(count)), stopped]);
  expected = reply.events;
  if (received < expected) {
    await Promise.race([arrived, new Promise((resolve) => setTimeout(resolve, 2000))]);
  }
  return reply;
}

/** The tfjs backend asked for with `?backend=` in the page address; WASM when absent. */
function preferredBackend(): string {
  return new URLSearchParams(globalThis.location?.search ?? '').get('backend') ?? 'wasm';
}

/**
 * Starts the engine in a module worker, so the canvas never waits on a run. If the worker
 * ends (a crash, or killed), pending calls fail with a message, `stopped` is told, and the
 * next call starts a fresh worker; picked files are sent again.
 */
export function createRunner(options: RunnerOptions = {}): Runner {
  /** Picked files by name; a too-large file is kept as its size only (see MAX_DATA_FILE_BYTES). */
  const files = new Map<string, Uint8Array | number>();
  let engine: Engine | undefined;

  const connect = async (): Promise<Engine> => {
    if (engine) return engine;
    const started = startEngine();
    engine = started;
    void started.ended.then((error) => {
      if (engine !== started) return;
      engine = undefined;
      started.worker.terminate();
      if (!error.byStop) options.stopped?.(error.message);
    });
    for (const [name, bytes] of files) await started.api.putFile(name, bytes);
    return started;
  };

  /** Ends the worker on our side; its pending calls fail with `error`. */
  const replace = (error: WorkerStoppedError) => {
    const current = engine;
    if (!current) return;
    engine = undefined;
    current.worker.terminate();
    current.end(error);
  };

  /**
   * Makes one run call under the node time budget: the engine stops a node at its budget, and
   * if a node is still running past the budget and a grace (it never gave the worker's thread
   * back, so the engine's timer could not fire), the worker is replaced.
   */
  const budgeted = async <T extends { events: number }>(
    onEvent: (event: WorkerEvent) => void,
    call: (current: Engine, count: (e: WorkerEvent) => void, budgetMs?: number) => Promise<T>
  ): Promise<T> => {
    const current = await connect();
    const budgetMs = nodeBudgetMs(globalThis.location?.search ?? '');
    const watch = new BudgetWatch(budgetMs);
    const timer = setInterval(() => {
      const nodeId = watch.overdue(performance.now());
      if (!nodeId || engine !== current) return;
      const message =
        `Node "${nodeId}" ran past its time budget of ${budgetText(budgetMs)} and did not ` +
        'stop, so the engine was restarted.';
      replace(new WorkerStoppedError(message));
    }, 1000);
    const see = (event: WorkerEvent) => {
      if (event.kind !== 'outputs') watch.see(event, performance.now());
      onEvent(event);
    };
    try {
      return await withEvents(current, see, (count) => call(current, count, budgetMs));
    } finally {
      clearInterval(timer);
    }
  };

  return {
    async run(doc, onEvent, only) {
      const outputs: RunSummary['outputs'] = {};
      const take = (event: WorkerEvent) => {
        if (event.kind === 'outputs') outputs[event.nodeId] = event.outputs;
        else onEvent(event);
      };
      const reply = await budgeted(take, (current, count, budgetMs) =>
        current.api.run(doc, Comlink.proxy(count), only, preferredBackend(), budgetMs)
      );
      return { ...reply.summary, outputs };
    },
    async runSweepCell(doc, index, onEvent) {
      const take = (event: WorkerEvent) => event.kind !== 'outputs' && onEvent(event);
      const reply = await budgeted(take, (current, count, budgetMs) =>
        current.api.runSweepCell(doc, index, Comlink.proxy(count), preferredBackend(), budgetMs)
      );
      return reply.result;
    },
    async cancel() {
      const current = engine;
      if (!current) return;
      const heard = current.api.cancel().then(
        () => 'heard' as const,
        () => 'heard' as const
      );
      if (current.pending === 0) return;
      const late = (ms: number) => new Promise<'late'>((r) => setTimeout(() => r('late'), ms));
      const idle = current.idle.then(() => 'idle' as const);
      let outcome = await Promise.race([idle, heard, late(HARD_STOP_MS)]);
      // A worker that answered has its thread free: the run ends by itself (every node is
      // raced against the cancel) and sends what finished. Replacing it then would lose
      // those results only because a busy page read the replies late.
      if (outcome === 'heard') outcome = await Promise.race([idle, late(HEARD_STOP_MS)]);
      if (outcome === 'late' && engine === current) {
        const message =
          `The engine did not stop within ${HARD_STOP_MS / 1000} s (a node was busy), ` +
          'so it was restarted.';
        replace(new WorkerStoppedError(message, true));
      }
    },
    async putFile(name, bytes) {
      const size = typeof bytes === 'number' ? bytes : bytes.length;
      const kept = typeof bytes === 'number' || size > MAX_DATA_FILE_BYTES ? size : bytes;
      files.set(name, kept);
      await engine?.api.putFile(name, kept);
    },
    dispose() {
      replace(new WorkerStoppedError('The engine worker was closed.', true));
    }
  };
}

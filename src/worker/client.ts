import * as Comlink from 'comlink';
import type { GraphDocument } from '../lib/graph/document';
import type { RunEvent, RunSummary } from '../lib/engine/events';
import type { SweepCellResult } from '../lib/engine/sweep';
import type { WorkerApi } from './engine.worker';

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
  putFile(name: string, bytes: Uint8Array): Promise<void>;
  dispose(): void;
}

/**
 * Makes one call that streams events, and resolves once its reply and all the events it
 * reports sending have arrived (events travel on their own message port). Rejects with the
 * worker's own message if the worker dies meanwhile.
 */
async function withEvents<T extends { events: number }>(
  worker: Worker,
  reset: () => void,
  onEvent: (event: RunEvent) => void,
  call: (count: (event: RunEvent) => void) => Promise<T>
): Promise<T> {
  let received = 0;
  let expected = Infinity;
  let allReceived: () => void = () => {};
  const arrived = new Promise<void>((resolve) => (allReceived = resolve));
  const count = (event: RunEvent) => {
    received++;
    onEvent(event);
    if (received >= expected) allReceived();
  };
  const crashed = new Promise<never>((_, reject) => {
    const onError = (e: ErrorEvent) => {
      reset();
      const reason = e.message || 'it could not load or ran out of memory';
      reject(new Error(`The engine worker stopped: ${reason}. The next run starts a new one.`));
    };
    worker.addEventListener('error', onError, { once: true });
  });

  const reply = await Promise.race([call(count), crashed]);
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
 * dies, the next run starts a fresh one; picked files are sent again.
 */
export function createRunner(): Runner {
  const files = new Map<string, Uint8Array>();
  let worker: Worker | undefined;
  let api: Comlink.Remote<WorkerApi> | undefined;

  const connect = async () => {
    if (api) return api;
    worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
    api = Comlink.wrap<WorkerApi>(worker);
    for (const [name, bytes] of files) await api.putFile(name, bytes);
    return api;
  };

  const reset = () => {
    worker?.terminate();
    worker = undefined;
    api = undefined;
  };

  return {
    async run(doc, onEvent, only) {
      const remote = await connect();
      const call = (count: (e: RunEvent) => void) =>
        remote.run(doc, Comlink.proxy(count), only, preferredBackend());
      return (await withEvents(worker!, reset, onEvent, call)).summary;
    },
    async runSweepCell(doc, index, onEvent) {
      const remote = await connect();
      const call = (count: (e: RunEvent) => void) =>
        remote.runSweepCell(doc, index, Comlink.proxy(count), preferredBackend());
      return (await withEvents(worker!, reset, onEvent, call)).result;
    },
    async cancel() {
      await api?.cancel();
    },
    async putFile(name, bytes) {
      files.set(name, bytes);
      await api?.putFile(name, bytes);
    },
    dispose: reset
  };
}

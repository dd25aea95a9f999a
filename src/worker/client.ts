import * as Comlink from 'comlink';
import type { GraphDocument } from '../lib/graph/document';
import type { RunEvent, RunSummary } from '../lib/engine/events';
import type { WorkerApi } from './engine.worker';

/** The editor's handle on the engine worker. */
export interface Runner {
  run(doc: GraphDocument, onEvent: (event: RunEvent) => void, only?: string[]): Promise<RunSummary>;
  cancel(): Promise<void>;
  putFile(name: string, bytes: Uint8Array): Promise<void>;
  dispose(): void;
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
      let received = 0;
      let allReceived: () => void = () => {};
      let expected = Infinity;
      const arrived = new Promise<void>((resolve) => (allReceived = resolve));
      const count = (event: RunEvent) => {
        received++;
        onEvent(event);
        if (received >= expected) allReceived();
      };
      const crashed = new Promise<never>((_, reject) => {
        worker!.addEventListener(
          'error',
          (e) => {
            reset();
            reject(
              new Error(
                `The engine worker crashed: ${e.message || 'no message'}. Run again to restart it.`
              )
            );
          },
          { once: true }
        );
      });
      const reply = await Promise.race([
        remote.run(doc, Comlink.proxy(count), only, preferredBackend()),
        crashed
      ]);
      expected = reply.events;
      if (received < expected) {
        await Promise.race([arrived, new Promise((resolve) => setTimeout(resolve, 2000))]);
      }
      return reply.summary;
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

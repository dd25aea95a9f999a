/**
 * The bench page: runs the step worker once per thread count asked for in the query
 * (?threads=1,2&repeats=7&batch=1024, and &cores=N to report N logical cores to tfjs), one
 * fresh worker each, and leaves the results on
 * window.benchResults for the runner (bench/mechanics/browser-run.ts).
 */
const query = new URLSearchParams(location.search);
const counts = (query.get('threads') ?? '1,2').split(',').map(Number);
const repeats = Number(query.get('repeats') ?? 7);
const batch = Number(query.get('batch') ?? 1024);
const cores = Number(query.get('cores') ?? 0);

async function run(threads: number): Promise<unknown> {
  const worker = new Worker(new URL('./step-worker.ts', import.meta.url), { type: 'module' });
  const result = await new Promise((resolve) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.onerror = (event) => resolve({ threads, error: event.message ?? 'worker error' });
    worker.postMessage({ threads, repeats, batch, cores });
  });
  worker.terminate();
  return result;
}

const results: unknown[] = [];
for (const threads of counts) results.push(await run(threads));
(window as unknown as { benchResults: unknown }).benchResults = {
  isolated: window.crossOriginIsolated,
  results
};

import { Worker } from 'node:worker_threads';

/**
 * How long past a deadline the watchdog waits for the run to stop by itself;
 * KUMIKI_WATCHDOG_GRACE_MS changes it (tests use a short one).
 */
export const GRACE_MS = Number(process.env.KUMIKI_WATCHDOG_GRACE_MS) || 5000;

/**
 * The watchdog's own thread, plain JavaScript so it needs no loader. It keeps the latest
 * summary the run sent; if a deadline passes by GRACE_MS while the main thread is still busy
 * (a node stuck in a loop that never yields cannot be stopped by a timer on the main thread),
 * it writes that summary with every unfinished node marked, says so on stderr, and kills the
 * process. It writes with the synchronous fs calls, which do not need the blocked main thread.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
let summary = null;
let deadline = Infinity;
parentPort.on('message', (m) => {
  if (m.summary) summary = m.summary;
  if (m.deadline !== undefined) deadline = m.deadline;
  if (m.done) process.exit(0);
});
setInterval(() => {
  if (Date.now() < deadline + workerData.grace) return;
  if (summary) {
    for (const id of Object.keys(summary.nodes)) {
      const node = summary.nodes[id];
      if (node.status === 'running') node.status = 'cancelled';
    }
    summary.status = 'timed-out';
    summary.killed = true;
    summary.unfinished = Object.keys(summary.nodes).filter(
      (id) => summary.nodes[id].status !== 'finished'
    );
    fs.writeFileSync(workerData.summaryPath, JSON.stringify(summary, null, 2) + '\\n');
  }
  fs.writeSync(2, 'kumiki: a node kept the process busy past its time limit; stopped hard. ' +
    'summary.json marks what did not finish.\\n');
  process.kill(process.pid, 'SIGKILL');
}, 100);
`;

/** What the run tells the watchdog. */
export interface Watchdog {
  /** The newest summary to write if the process must be stopped hard. */
  summary(summary: unknown): void;
  /** The time (Date.now() ms) after which the run should have ended; Infinity for none. */
  deadline(at: number): void;
  /** The run ended by itself; the watchdog thread stops. */
  stop(): void;
}

/** Starts the watchdog thread for a run that writes its summary to `summaryPath`. */
export function startWatchdog(summaryPath: string): Watchdog {
  const worker = new Worker(SOURCE, { eval: true, workerData: { summaryPath, grace: GRACE_MS } });
  worker.unref();
  return {
    summary: (summary) => worker.postMessage({ summary }),
    deadline: (at) => worker.postMessage({ deadline: at }),
    stop: () => worker.postMessage({ done: true })
  };
}

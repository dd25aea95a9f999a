import { readFileSync } from 'node:fs';
import { getNodeType } from '../../nodes/registry';
import type { GraphDocument } from '../../src/lib/graph/document';
import { Executor } from '../../src/lib/engine/executor';
import { memoryCache } from '../../src/lib/engine/host';
import { createNodeHost } from '../../src/cli/host-node';

/**
 * Cancel latency of real nodes through the executor, in Node on the WASM backend, as the
 * browser worker runs them. For each long-running node the run is cancelled at several
 * moments after the node started, and two times are taken from the moment Stop was due (a
 * node that holds the thread delays the abort itself, as it delays a cancel message reaching
 * the browser worker, so that delay counts):
 *
 * - run ends: until `executor.run` resolves (what the editor waits for before it is free);
 * - work stops: until the node's own `run` promise settles (when the worker stops computing).
 *
 * The aim is 200 ms for both. The first cancel of each node in a process also meets its first
 * run (the sentence encoder's load and warm-up). Pass other delays, comma-separated, to aim a
 * cancel at that first run: `npx tsx bench/cancel/run.ts [trials] [name filter] [delays ms]`.
 */
const TRIALS = Number(process.argv[2] ?? 3);
const FILTER = process.argv[3] ?? '';
const DELAYS_MS = (process.argv[4] ?? '150,600,1500').split(',').map(Number);

/** A graph from graphs/ with some params raised so that `target` runs for seconds. */
interface Case {
  name: string;
  file: string;
  target: string;
  set: Record<string, Record<string, number | string>>;
}

const CASES: Case[] = [
  {
    name: 'embed/sentence (USE lite)',
    file: 'graphs/takens-stsb.json',
    target: 'embed',
    set: { stsb: { limit: 400 } }
  },
  {
    name: 'topology/persistence (Rips)',
    file: 'graphs/takens-stsb.json',
    target: 'persistence',
    set: { stsb: { limit: 40 }, takens: { stride: 1 }, persistence: { maxDimension: 2 } }
  },
  {
    name: 'analysis/tsne-distance',
    file: 'graphs/tsne-baseline.json',
    target: 'tsne',
    set: { stsb: { limit: 300 }, tsne: { iterations: 5000 } }
  },
  {
    name: 'rl/td-control',
    file: 'graphs/rl-cliff-walking.json',
    target: 'sarsa',
    set: { sarsa: { seeds: 5000 } }
  },
  {
    name: 'diffusion/sampler',
    file: 'graphs/diffusion-n-sweep.json',
    target: 'sampler',
    set: { schedule: { steps: 5000 }, sampler: { count: 20000 } }
  },
  {
    name: 'mechanics/double-pendulum',
    file: 'graphs/double-pendulum-trajectories.json',
    target: 'pendulum',
    set: { pendulum: { trajectories: 40, steps: 4000 } }
  }
];

function load(c: Case): GraphDocument {
  const doc = JSON.parse(readFileSync(c.file, 'utf-8')) as GraphDocument;
  for (const [id, params] of Object.entries(c.set)) {
    const node = doc.nodes.find((n) => n.id === id);
    if (!node) throw new Error(`${c.file} has no node "${id}"`);
    Object.assign(node.params, params);
  }
  delete doc.sweep;
  return doc;
}

/** Settles of the target node's own run promise, recorded by a wrapped node type. */
let workEnded = 0;

async function measure(c: Case, delay: number, seed: number) {
  const host = await createNodeHost({ baseDir: '.' });
  host.cache = memoryCache();
  const lookup = (type: string) => {
    const spec = getNodeType(type);
    if (!spec) return undefined;
    return {
      ...spec,
      run: (...args: Parameters<typeof spec.run>) => {
        const work = spec.run(...args);
        if (args[2].nodeId === c.target) {
          work.then(
            () => (workEnded = performance.now()),
            () => (workEnded = performance.now())
          );
        }
        return work;
      }
    };
  };
  const executor = new Executor(host, lookup);
  const doc = { ...load(c), seed };
  const controller = new AbortController();
  let abortedAt = 0;
  let due = 0;
  workEnded = 0;

  const summary = await executor.run(doc, {
    signal: controller.signal,
    onEvent: (event) => {
      if (event.kind === 'started' && event.nodeId === c.target) {
        due = performance.now() + delay;
        setTimeout(() => {
          abortedAt = performance.now();
          controller.abort();
        }, delay);
      }
    }
  });
  const runEnded = performance.now();
  if (!abortedAt) return { status: summary.nodes[c.target]?.status ?? 'missing' };

  // Wait for the node's own promise (it may still be finishing its last chunk).
  const giveUp = performance.now() + 30_000;
  while (!workEnded && performance.now() < giveUp) await new Promise((r) => setTimeout(r, 5));
  return {
    status: summary.nodes[c.target]?.status,
    runMs: runEnded - due,
    workMs: workEnded ? workEnded - due : Infinity
  };
}

const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), max: sorted[sorted.length - 1] };
};
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'never');

console.log(`Cancel latency, ${TRIALS} trials x delays ${DELAYS_MS.join('/')} ms after start\n`);
console.log(
  '| node | n | run ends median (ms) | max | work stops median (ms) | max | max/200 ms |'
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const c of CASES.filter((c) => c.name.includes(FILTER))) {
  const runs: number[] = [];
  const works: number[] = [];
  let finishedEarly = 0;
  for (let t = 0; t < TRIALS; t++) {
    for (const delay of DELAYS_MS) {
      const result = await measure(c, delay, t + 1);
      if (result.runMs === undefined) {
        finishedEarly++;
        continue;
      }
      runs.push(result.runMs);
      works.push(result.workMs);
    }
  }
  if (runs.length === 0) {
    console.log(`| ${c.name} | 0 | finished before every cancel (${finishedEarly}) | | | | |`);
    continue;
  }
  const r = stats(runs);
  const w = stats(works);
  const ratio = (Math.max(r.max, w.max) / 200).toFixed(2);
  console.log(
    `| ${c.name} | ${runs.length} | ${ms(r.median)} | ${ms(r.max)} | ${ms(w.median)} | ${ms(w.max)} | ${ratio} |`
  );
}

/**
 * Benchmark: tabular TD control on cliff walking (Sutton & Barto, Example 6.6; ε 0.1, α 0.5,
 * γ 1), 200 seeds × 500 episodes per method, ours (`rl/td-control`, in-process after one warm-up
 * run) against the NumPy reference `tests/fixtures/rl/td_reference.py`, which steps all seeds
 * in lockstep as arrays, timed inside Python. Times are CPU time of the process (user + system;
 * both sides run on one thread), which a shared machine disturbs less than wall-clock time.
 * Each time is the best of several runs (ours 7 of
 * about 0.1 s each, NumPy 3 of several seconds), since the machine is shared and a slow run
 * says more about the load than the code: a short run is hit harder by a burst of load than a
 * long one, so ours gets more tries. Run with
 * `npx tsx bench/rl/run.ts`; prints a table of times and ratios. Not a test: it never fails on
 * the figures.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../src/lib/engine/random';
import type { Environment, RlRuns } from '../../src/lib/graph/values';
import { cliffWalkingNode } from '../../nodes/rl/grid-nodes';
import { tdControlNode } from '../../nodes/rl/td-control';
import { fakeContext } from '../../tests/unit/nodes/topology/fake-context';

const SEEDS = 200;
const EPISODES = 500;
const METHODS = ['sarsa', 'q-learning', 'expected-sarsa', 'hybrid', 'double-q'];
const REPEATS = { ours: 7, numpy: 3 };
const here = dirname(fileURLToPath(import.meta.url));

async function ours(environment: Environment, method: string) {
  const params = { method, seeds: SEEDS, episodes: EPISODES, alpha: 0.5, gamma: 1, epsilon: 0.1 };
  const context = { ...fakeContext(), random: seededRandom(1, 'bench') };
  const start = process.cpuUsage();
  const { runs } = (await tdControlNode.run({ environment }, params, context)) as { runs: RlRuns };
  const used = process.cpuUsage(start);
  const seconds = (used.user + used.system) / 1e6;
  let sum = 0;
  for (let s = 0; s < SEEDS; s++) {
    for (let e = EPISODES - 100; e < EPISODES; e++) sum += runs.returns[s * EPISODES + e];
  }
  return { seconds, last100: sum / (SEEDS * 100) };
}

async function best<T extends { seconds: number }>(
  time: () => T | Promise<T>,
  repeats: number
): Promise<T> {
  let fastest = await time();
  for (let k = 1; k < repeats; k++) {
    const next = await time();
    if (next.seconds < fastest.seconds) fastest = next;
  }
  return fastest;
}

function numpy(method: string): { seconds: number; last100: number } {
  const script = join(here, 'numpy_time.py');
  // One BLAS thread: the reference does no matrix products, and idle BLAS threads would only
  // add to its CPU time.
  const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' };
  const result = spawnSync('/usr/bin/python3', [script, method, `${SEEDS}`, `${EPISODES}`], {
    encoding: 'utf8',
    env
  });
  if (result.status !== 0) throw new Error(`numpy_time.py failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

const { environment } = (await cliffWalkingNode.run({}, {}, fakeContext())) as {
  environment: Environment;
};
for (const method of METHODS) await ours(environment, method);

console.log(
  `cliff walking, ${SEEDS} seeds × ${EPISODES} episodes, ` +
    `best of ${REPEATS.ours} runs (ours) and ${REPEATS.numpy} (NumPy)`
);
console.log('method          ours (s)  NumPy (s)  ratio   last-100 return ours / NumPy');
for (const method of METHODS) {
  const a = await best(() => ours(environment, method), REPEATS.ours);
  const b = await best(() => numpy(method), REPEATS.numpy);
  const row = [
    method.padEnd(15),
    a.seconds.toFixed(3).padStart(8),
    b.seconds.toFixed(2).padStart(10),
    `${(b.seconds / a.seconds).toFixed(1)}×`.padStart(7),
    `   ${a.last100.toFixed(1)} / ${b.last100.toFixed(1)}`
  ];
  console.log(row.join('  '));
}

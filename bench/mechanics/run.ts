/**
 * One Lagrange–Dirac training step (MLP 8 → 4 × 256 tanh → 1, batch 1024, loss with ∂L/∂x
 * inside, weight gradients, Adam) in Kumiki (tfjs 4.22, wasm backend, float32, one thread in
 * Node) and in PyTorch CPU (bench/mechanics/torch_step.py, same weights and batch), in rounds
 * that alternate the two so that both see the same load on a shared machine. Prints median
 * and best wall times per round, the median CPU time of each process per step (less disturbed
 * by other work on a shared machine than wall time), and the ratios ours / PyTorch (one
 * thread; PyTorch on all cores as well).
 * Usage: npx tsx bench/mechanics/run.ts [batch] [repeats] [rounds]
 */
import { cpus } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { ldLossAutodiff } from '../../nodes/mechanics/ld-autodiff';
import { ldLossAndGradients } from '../../nodes/mechanics/ld-loss';
import { trainingStep } from './step-spec';
import { torchPeer } from './torch-peer';

const batch = Number(process.argv[2] ?? 1024);
const repeats = Number(process.argv[3] ?? 7);
const rounds = Number(process.argv[4] ?? 3);
await tf.setBackend('wasm');

interface Timing {
  loss: number;
  median: number;
  best: number;
  cpuMedian: number;
}

/** Times `repeats` training steps (after two warm-up steps) of a loss-and-gradients method. */
function timeOurs(method: typeof ldLossAndGradients, count: number): Timing {
  const { step, dispose } = trainingStep(tf, batch, method);
  const loss = step();
  step();
  step();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < count; r++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    step();
    times.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  dispose();
  const middle = (v: number[]) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)];
  return { loss, median: middle(times), best: Math.min(...times), cpuMedian: middle(cpu) };
}

const torch = torchPeer(batch, repeats);

const cores = cpus().length;
console.log(
  `Lagrange–Dirac training step, MLP 8-256-256-256-256-1 tanh, batch ${batch}, ` +
    `${repeats} timed steps per entry, ${rounds} rounds`
);
console.log(`tfjs ${tf.version.tfjs} (${tf.getBackend()}, one thread); ${cores} cores\n`);
console.log(
  '| round | ours median (ms) | PyTorch 1 thread median (ms) | ratio | ratio of best | ' +
    `ours CPU (ms) | PyTorch CPU (ms) | CPU ratio | PyTorch ${cores} threads median (ms) | ` +
    'ours ÷ that |'
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
const ratios: number[] = [];
const cpuRatios: number[] = [];
let losses = '';
for (let round = 1; round <= rounds; round++) {
  const ours = timeOurs(ldLossAndGradients, repeats);
  const one = torch(1);
  const all = torch(cores);
  ratios.push(ours.median / one.median);
  cpuRatios.push(ours.cpuMedian / one.cpuMedian);
  losses = `loss at step 1: ours ${ours.loss.toFixed(5)}, PyTorch ${one.version} ${one.loss.toFixed(5)}`;
  const f = (v: number) => v.toFixed(1);
  const r = (a: number, b: number) => (a / b).toFixed(2);
  console.log(
    `| ${round} | ${f(ours.median)} | ${f(one.median)} | ${r(ours.median, one.median)} | ` +
      `${r(ours.best, one.best)} | ${f(ours.cpuMedian)} | ${f(one.cpuMedian)} | ` +
      `${r(ours.cpuMedian, one.cpuMedian)} | ${f(all.median)} | ${r(ours.median, all.median)} |`
  );
}
const mid = (v: number[]) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)].toFixed(2);
console.log(
  `\nmedian over rounds, ours ÷ PyTorch (1 thread): wall ${mid(ratios)}, CPU time ${mid(cpuRatios)}`
);
console.log(losses);

const auto = timeOurs(ldLossAutodiff, Math.max(2, Math.floor(repeats / 2)));
console.log(
  `nested autodiff with tanhR (not used by the node): median ${auto.median.toFixed(1)} ms, ` +
    `loss at step 1 ${auto.loss.toFixed(5)}`
);

/**
 * Benchmark: the diffusion family against its peers, in one run. (1) Training steps per second
 * of the MLP noise predictor (`MlpTrainer` from nodes/diffusion/train.ts, tfjs on the wasm
 * backend, batches drawn as `diffusion/train-mlp` draws them) against the same network, batch
 * and Adam step in PyTorch on the CPU (`torch_time.py`). (2) Sampling 20 000 points with
 * n = 1000 steps and the exact predictor of a 1-D mixture (`sampleReverse`) against NumPy
 * (`numpy_sample.py`). Each time is the best of `REPEATS`, since the machine is shared. Run with
 * `npx tsx bench/diffusion/run.ts`; prints times and ratios. Not a test: it never fails.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readMixture } from '../../nodes/diffusion/mixture';
import { initLayers, layerSizes } from '../../nodes/diffusion/mlp';
import { normalSource } from '../../nodes/diffusion/normal';
import { noiseFunction } from '../../nodes/diffusion/predict';
import { sampleReverse } from '../../nodes/diffusion/sampler';
import { logLogAlphas, makeSchedule } from '../../nodes/diffusion/schedule';
import { drawBatch, MlpTrainer } from '../../nodes/diffusion/train';
import { seededRandom } from '../../src/lib/engine/random';

const REPEATS = 5;
const STEPS = 200;
const NETWORKS = [
  { width: 64, layers: 3, batch: 256 },
  { width: 128, layers: 3, batch: 256 }
];
const here = dirname(fileURLToPath(import.meta.url));

function python(script: string, args: (string | number)[]) {
  const result = spawnSync('/usr/bin/python3', [join(here, script), ...args.map(String)], {
    encoding: 'utf8'
  });
  if (result.status !== 0) throw new Error(`${script} failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

function best<T extends { seconds: number }>(time: () => T): T {
  let fastest = time();
  for (let k = 1; k < REPEATS; k++) {
    const next = time();
    if (next.seconds < fastest.seconds) fastest = next;
  }
  return fastest;
}

/** Seconds for STEPS training steps of ours, after 20 warm-up steps, batch drawing included. */
function ourTraining(width: number, layers: number, batch: number) {
  const random = seededRandom(1, 'bench');
  const normal = normalSource(random);
  const data = { dim: 2, count: 2000, points: Float64Array.from({ length: 4000 }, random) };
  const bars = Float64Array.from({ length: 200 }, (_, k) => 0.975 ** (k + 1));
  const trainer = new MlpTrainer(tf, initLayers(layerSizes(2, 4, width, layers), random), 2e-3);
  const step = () => trainer.step(drawBatch(data, bars, 4, batch, random, normal));
  for (let k = 0; k < 20; k++) step();
  const start = performance.now();
  for (let k = 0; k < STEPS; k++) step();
  const seconds = (performance.now() - start) / 1000;
  trainer.dispose();
  return { seconds };
}

async function ourSampling(count: number, n: number) {
  const mixture = readMixture({}, 1, {
    weights: '0.25, 0.75',
    means: '-3; 2',
    variances: '0.2; 0.2'
  });
  const schedule = makeSchedule('log-log', logLogAlphas(n, 2));
  const noise = noiseFunction({ kind: 'exact-mixture', mixture }, schedule, tf);
  const start = performance.now();
  const samples = await sampleReverse(
    schedule,
    noise,
    'default',
    count,
    normalSource(seededRandom(1, 's'))
  );
  const seconds = (performance.now() - start) / 1000;
  const mean = samples.points.reduce((s, v) => s + v, 0) / count;
  const sd = Math.sqrt(samples.points.reduce((s, v) => s + (v - mean) ** 2, 0) / count);
  return { seconds, mean, sd };
}

await tf.setBackend('wasm');
console.log(`Training: ${STEPS} Adam steps, best of ${REPEATS}; ours on tfjs ${tf.getBackend()}`);
console.log('network            ours (steps/s)  PyTorch (steps/s)  time ours/PyTorch');
for (const { width, layers, batch } of NETWORKS) {
  const ours = best(() => ourTraining(width, layers, batch));
  const torch = best(() => python('torch_time.py', [width, layers, batch, STEPS]));
  const row = [
    `${layers}×${width}, batch ${batch}`.padEnd(18),
    (STEPS / ours.seconds).toFixed(0).padStart(14),
    `${(STEPS / torch.seconds).toFixed(0)} (${torch.threads} thread)`.padStart(19),
    `${(ours.seconds / torch.seconds).toFixed(2)}×`.padStart(18)
  ];
  console.log(row.join('  '));
}

const count = 20_000;
const n = 1000;
const ours = [];
for (let k = 0; k < REPEATS; k++) ours.push(await ourSampling(count, n));
const fastest = ours.reduce((a, b) => (b.seconds < a.seconds ? b : a));
const numpy = best(() => python('numpy_sample.py', [count, n]));
console.log(
  `\nSampling ${count} points, n = ${n}, exact 1-D mixture predictor, best of ${REPEATS}`
);
console.log('ours (s)  NumPy (s)  NumPy/ours   mean, sd ours / NumPy');
console.log(
  [
    fastest.seconds.toFixed(2).padStart(8),
    numpy.seconds.toFixed(2).padStart(9),
    `${(numpy.seconds / fastest.seconds).toFixed(2)}×`.padStart(10),
    `   ${fastest.mean.toFixed(3)}, ${fastest.sd.toFixed(3)} / ${numpy.mean.toFixed(3)}, ` +
      numpy.sd.toFixed(3)
  ].join('  ')
);

/**
 * Benchmark: our Vietoris–Rips persistence (dimensions 0 and 1) against the Debian `ripser`
 * command line and GUDHI, on Takens clouds of 48, 96, 192 and 384 points in R^3 built from
 * seeded series. Run with `npx tsx bench/persistence/run.ts`; it prints a table of median times
 * and ratios. Not a test: it never fails on the figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PointCloud } from '../../src/lib/graph/values';
import { ripsPersistence } from '../../nodes/topology/persistence';
import { takensEmbedding } from '../../nodes/topology/takens';

const SIZES = [48, 96, 192, 384];
const REPEATS = { ours: 7, ripser: 7, gudhi: 3 };
const here = dirname(fileURLToPath(import.meta.url));

/** Mulberry32: a small seeded generator of uniform numbers in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A noisy quasi-periodic series of `length` samples, like an embedding read as a signal. */
function series(length: number, seed: number): Float64Array {
  const random = seeded(seed);
  return Float64Array.from({ length }, (_, t) => {
    const wave = Math.sin(0.37 * t) + 0.6 * Math.sin(0.11 * t + 1);
    return wave + 0.3 * (random() - 0.5);
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeOurs(cloud: PointCloud): { ms: number; h1: number } {
  let h1 = 0;
  const times: number[] = [];
  ripsPersistence(cloud, { maxDimension: 1, threshold: Infinity });
  for (let k = 0; k < REPEATS.ours; k++) {
    const start = performance.now();
    const diagram = ripsPersistence(cloud, { maxDimension: 1, threshold: Infinity });
    times.push(performance.now() - start);
    h1 = diagram.dimension.filter((d) => d === 1).length;
  }
  return { ms: median(times), h1 };
}

function timeRipser(file: string): { ms: number; h1: number } {
  let h1 = 0;
  const times: number[] = [];
  for (let k = 0; k < REPEATS.ripser; k++) {
    const start = performance.now();
    const run = spawnSync('ripser', ['--format', 'point-cloud', '--dim', '1', file], {
      encoding: 'utf8'
    });
    times.push(performance.now() - start);
    if (run.status !== 0) throw new Error(`ripser failed on ${file}: ${run.stderr}`);
    const dim1 = run.stdout.split('persistence intervals in dim 1:')[1] ?? '';
    h1 = (dim1.match(/\[/g) ?? []).length;
  }
  return { ms: median(times), h1 };
}

function timeGudhi(files: string[]): Record<string, { ms: number; h1: number }> {
  const script = join(here, 'gudhi_time.py');
  const args = [script, String(REPEATS.gudhi), ...files];
  const run = spawnSync('/usr/bin/python3', args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`The GUDHI script failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const folder = mkdtempSync(join(tmpdir(), 'kumiki-bench-'));
try {
  const clouds = SIZES.map((size, k) => takensEmbedding(series(size + 2, 17 + k), 1, 1, 3));
  const files = clouds.map((cloud, k) => {
    const file = join(folder, `cloud-${SIZES[k]}.txt`);
    const rows = Array.from({ length: cloud.count }, (_, p) =>
      Array.from(cloud.points.subarray(p * 3, p * 3 + 3)).join(' ')
    );
    writeFileSync(file, rows.join('\n') + '\n');
    return file;
  });

  const startup = join(folder, 'two-points.txt');
  writeFileSync(startup, '0 0 0\n1 0 0\n');
  const ripserStartup = timeRipser(startup).ms;
  const gudhi = timeGudhi(files);

  for (let k = 0; k < 3; k++) clouds.forEach((cloud) => timeOurs(cloud));

  const header = ['points', 'ours (ms)', 'ripser (ms)', 'ripser − start-up (ms)', 'GUDHI (ms)'];
  header.push(
    'ours/ripser',
    'ours/(ripser − start-up)',
    'ours/GUDHI',
    'H1 points ours, ripser, GUDHI'
  );
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map((_, k) => (k < header.length - 1 ? '---:' : '---')).join('|')}|`);
  clouds.forEach((cloud, k) => {
    const ours = timeOurs(cloud);
    const ripser = timeRipser(files[k]);
    const peer = gudhi[files[k]];
    const computeOnly = ripser.ms - ripserStartup;
    const cells = [
      cloud.count,
      ours.ms.toFixed(2),
      ripser.ms.toFixed(2),
      computeOnly > 0.5 ? computeOnly.toFixed(2) : '< 0.5',
      peer.ms.toFixed(1),
      (ours.ms / ripser.ms).toFixed(2),
      computeOnly > 0.5 ? (ours.ms / computeOnly).toFixed(2) : '–',
      (ours.ms / peer.ms).toFixed(4),
      `${ours.h1}, ${ripser.h1}, ${peer.h1}`
    ];
    console.log(`| ${cells.join(' | ')} |`);
  });
  console.log(
    `\nMedians of ${REPEATS.ours} (ours), ${REPEATS.ripser} (ripser) and ` +
      `${REPEATS.gudhi} (GUDHI) runs. ripser times are whole processes (read file, compute, print); its start-up on a ` +
      `two-point cloud takes ${ripserStartup.toFixed(2)} ms. GUDHI is timed inside Python. ` +
      'Ours runs after three warm-up rounds.'
  );
} finally {
  rmSync(folder, { recursive: true, force: true });
}

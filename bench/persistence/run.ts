/**
 * Benchmark: our Vietoris–Rips persistence against the Debian `ripser` command line and GUDHI,
 * on Takens clouds of 48, 96, 192 and 384 points in R^3 built from seeded series: one table for
 * dimensions 0 and 1, one for dimensions 0 to 2. Run with `npx tsx bench/persistence/run.ts`;
 * it prints tables of median times and ratios. Not a test: it never fails on the figures.
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
const REPEATS_H2 = { ours: 3, ripser: 3, gudhi: 3 };
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

/** A median time and the number of points the top dimension holds. */
interface Timing {
  ms: number;
  top: number;
}

function timeOurs(cloud: PointCloud, maxDimension: number, repeats: number): Timing {
  let top = 0;
  const times: number[] = [];
  ripsPersistence(cloud, { maxDimension, threshold: Infinity });
  for (let k = 0; k < repeats; k++) {
    const start = performance.now();
    const diagram = ripsPersistence(cloud, { maxDimension, threshold: Infinity });
    times.push(performance.now() - start);
    top = diagram.dimension.filter((d) => d === maxDimension).length;
  }
  return { ms: median(times), top };
}

function timeRipser(file: string, maxDimension: number, repeats: number): Timing {
  let top = 0;
  const times: number[] = [];
  const args = ['--format', 'point-cloud', '--dim', String(maxDimension), file];
  for (let k = 0; k < repeats; k++) {
    const start = performance.now();
    const run = spawnSync('ripser', args, { encoding: 'utf8' });
    times.push(performance.now() - start);
    if (run.status !== 0) throw new Error(`ripser failed on ${file}: ${run.stderr}`);
    const last = run.stdout.split(`persistence intervals in dim ${maxDimension}:`)[1] ?? '';
    top = (last.match(/\[/g) ?? []).length;
  }
  return { ms: median(times), top };
}

function timeGudhi(files: string[], maxDimension: number, repeats: number) {
  const script = join(here, 'gudhi_time.py');
  const args = [script, String(repeats), String(maxDimension), ...files];
  const run = spawnSync('/usr/bin/python3', args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`The GUDHI script failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, Timing>;
}

/** Prints one table: times, ratios and the points found in the top dimension by each tool. */
function printTable(
  clouds: PointCloud[],
  files: string[],
  maxDimension: number,
  repeats: typeof REPEATS,
  ripserStartup: number
): void {
  const gudhi = timeGudhi(files, maxDimension, repeats.gudhi);
  const header = ['points', 'ours (ms)', 'ripser (ms)', 'ripser − start-up (ms)', 'GUDHI (ms)'];
  header.push(
    'ours/ripser',
    'ours/(ripser − start-up)',
    'ours/GUDHI',
    `H${maxDimension} points ours, ripser, GUDHI`
  );
  console.log(`\nDimensions 0 to ${maxDimension}:\n`);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map((_, k) => (k < header.length - 1 ? '---:' : '---')).join('|')}|`);
  clouds.forEach((cloud, k) => {
    const ours = timeOurs(cloud, maxDimension, repeats.ours);
    const ripser = timeRipser(files[k], maxDimension, repeats.ripser);
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
      `${ours.top}, ${ripser.top}, ${peer.top}`
    ];
    console.log(`| ${cells.join(' | ')} |`);
  });
  console.log(
    `\nMedians of ${repeats.ours} (ours), ${repeats.ripser} (ripser) and ${repeats.gudhi} ` +
      '(GUDHI) runs. ripser times are whole processes (read file, compute, print). GUDHI is ' +
      'timed inside Python' +
      (maxDimension === 2 ? ', on its edge-collapsed complex (see gudhi_time.py).' : '.') +
      ' Ours runs after three warm-up rounds.'
  );
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
  const ripserStartup = timeRipser(startup, 1, REPEATS.ripser).ms;
  console.log(`ripser start-up on a two-point cloud: ${ripserStartup.toFixed(2)} ms.`);

  for (let k = 0; k < 3; k++) clouds.forEach((cloud) => timeOurs(cloud, 1, 1));
  printTable(clouds, files, 1, REPEATS, ripserStartup);
  printTable(clouds, files, 2, REPEATS_H2, ripserStartup);
} finally {
  rmSync(folder, { recursive: true, force: true });
}

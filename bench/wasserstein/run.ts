/**
 * Benchmark: Wasserstein (p = 1, L∞, dimensions 0 and 1) and bottleneck distances between the
 * persistence diagrams of Takens clouds of real sentence vectors, ours against GUDHI in the same
 * run, and ours before and after the O(n·m) matching on a line for dimension 0. Run with
 * `npx tsx bench/wasserstein/run.ts`; it prints tables of median times per call and ratios.
 * Not a test: it never fails on the figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagram } from '../../src/lib/graph/values';
import { bottleneckOfDimension } from '../../nodes/topology/bottleneck';
import { ripsPersistence } from '../../nodes/topology/persistence';
import { takensEmbedding } from '../../nodes/topology/takens';
import { wassersteinPower, type MatchingMethod } from '../../nodes/topology/wasserstein';

/** Takens strides to compare, with the number of pairs timed at each (stride 1 is slow before). */
const CASES = [
  { stride: 8, pairs: 12 },
  { stride: 4, pairs: 12 },
  { stride: 1, pairs: 6 }
];
const REPEATS = 3;
const here = dirname(fileURLToPath(import.meta.url));
const vectors: { first: number[][]; second: number[][] } = JSON.parse(
  readFileSync(join(here, '../../tests/fixtures/graphs/stsb-dev-vectors.json'), 'utf8')
);

type Measure = (a: Diagram, b: Diagram) => number;
const wasserstein =
  (method: MatchingMethod): Measure =>
  (a, b) =>
    wassersteinPower(a, b, 0, 1, 'linf', method) + wassersteinPower(a, b, 1, 1, 'linf', method);
const bottleneck =
  (method: MatchingMethod): Measure =>
  (a, b) =>
    Math.max(bottleneckOfDimension(a, b, 0, method), bottleneckOfDimension(a, b, 1, method));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median milliseconds of one call over every pair and repeat, after one warm-up round. */
function time(pairs: Diagram[][], measure: Measure): { ms: number; values: number[] } {
  const values = pairs.map(([a, b]) => measure(a, b));
  const times: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    for (const [a, b] of pairs) {
      const start = performance.now();
      measure(a, b);
      times.push(performance.now() - start);
    }
  }
  return { ms: median(times), values };
}

/** A diagram as GUDHI's script reads it: per dimension, [birth, death] with null for ∞. */
function forPython(d: Diagram): Record<string, (number | null)[][]> {
  const parts: Record<string, (number | null)[][]> = { '0': [], '1': [] };
  d.birth.forEach((b, k) => {
    parts[d.dimension[k]].push([b, Number.isFinite(d.death[k]) ? d.death[k] : null]);
  });
  return parts;
}

const largestGap = (ours: number[], theirs: number[]) =>
  Math.max(...ours.map((v, i) => Math.abs(v - theirs[i]) / Math.max(1, Math.abs(theirs[i]))));

const cases = CASES.map(({ stride, pairs }) => {
  const diagramOf = (v: number[]) =>
    ripsPersistence(takensEmbedding(v, 1, stride, 3), { maxDimension: 1, threshold: Infinity });
  const diagrams = vectors.first
    .slice(0, pairs)
    .map((v, i) => [diagramOf(v), diagramOf(vectors.second[i])]);
  return { name: `stride ${stride}`, stride, diagrams };
});

const folder = mkdtempSync(join(tmpdir(), 'kumiki-bench-'));
try {
  const file = join(folder, 'diagrams.json');
  const payload = cases.map((c) => ({
    name: c.name,
    pairs: c.diagrams.map((pair) => pair.map(forPython))
  }));
  writeFileSync(file, JSON.stringify(payload));
  const args = [join(here, 'gudhi_time.py'), String(REPEATS), file];
  const run = spawnSync('/usr/bin/python3', args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`The GUDHI script failed: ${run.stderr}`);
  const gudhi = JSON.parse(run.stdout);

  for (const [label, key, ours] of [
    ['Wasserstein, p = 1, L∞, dimensions 0 + 1', 'wasserstein', wasserstein],
    ['Bottleneck, dimensions 0 and 1', 'bottleneck', bottleneck]
  ] as const) {
    const header = ['clouds', 'points', 'H0 + H1 points', 'before (ms)', 'after (ms)'];
    header.push('before/after', 'GUDHI (ms)', 'after/GUDHI', 'largest gap to GUDHI');
    console.log(`\n${label}, median time per call:\n`);
    console.log(`| ${header.join(' | ')} |`);
    console.log(`|${header.map(() => '---:').join('|')}|`);
    for (const c of cases) {
      const before = time(c.diagrams, ours('assignment'));
      const after = time(c.diagrams, ours('auto'));
      const peer = gudhi[c.name][key];
      const [a] = c.diagrams[0];
      const h0 = a.dimension.filter((d) => d === 0).length;
      const cells = [
        c.name,
        takensEmbedding(vectors.first[0], 1, c.stride, 3).count,
        `${h0} + ${a.dimension.length - h0}`,
        before.ms.toFixed(3),
        after.ms.toFixed(3),
        (before.ms / after.ms).toFixed(1),
        peer.ms.toFixed(3),
        (after.ms / peer.ms).toFixed(3),
        largestGap(after.values, peer.values).toExponential(1)
      ];
      console.log(`| ${cells.join(' | ')} |`);
    }
  }
  console.log(
    `\nMedians over ${REPEATS} rounds of the first pairs of tests/fixtures/graphs/` +
      'stsb-dev-vectors.json (12, 12 and 6 pairs). "before" forces the assignment solver ' +
      '(Hopcroft–Karp search for the bottleneck) in dimension 0 too; "after" takes the ' +
      'matching on a line there. GUDHI: wasserstein_distance (POT) and bottleneck_distance ' +
      '(default e), timed inside Python. Points: the first cloud; H0 + H1: its diagram.'
  );
} finally {
  rmSync(folder, { recursive: true, force: true });
}

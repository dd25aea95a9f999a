/**
 * Benchmark: the whole STS-B dev-split pipeline downstream of cached sentence vectors, Kumiki
 * against the equivalent Python script with GUDHI and SciPy (pipeline.py), on the same vectors
 * in the same run: vectors file → Takens → persistence → Wasserstein → correlation, every
 * node with its default params (lag 1, stride 8, dimension 3; dimensions 0 and 1; p = 1, L∞, all
 * dimensions; 1000 bootstrap resamples). Needs out/bench/ from dump-vectors.ts. Run with
 * `npx tsx bench/pipeline/run.ts [repeats]`; it prints times, the ratio and both sides'
 * correlations. Not a test: it never fails on the figures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getNodeType } from '../../nodes/registry';
import { createNodeHost } from '../../src/cli/host-node';
import { Executor } from '../../src/lib/engine/executor';
import { parseGraph } from '../../src/lib/graph/load';
import type { Correlation } from '../../src/lib/graph/values';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const vectorsFile = join(root, 'out/bench/stsb-dev-vectors.npy');
const scoresFile = join(root, 'out/bench/stsb-dev-scores.json');
const repeats = Number(process.argv[2] ?? 3);
if (!existsSync(vectorsFile)) {
  throw new Error('Run `npx tsx bench/pipeline/dump-vectors.ts` first to write out/bench/.');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

/** Runs the pipeline graph once in a fresh executor (no cached results) and times it. */
async function runKumiki() {
  const path = join(here, 'pipeline.json');
  const { doc, problems } = parseGraph(readFileSync(path, 'utf8'), path, getNodeType);
  if (!doc || problems.length > 0) throw new Error(JSON.stringify(problems));
  doc.nodes.find((n) => n.id === 'vectors')!.params.file = vectorsFile;

  const host = await createNodeHost({ baseDir: root });
  const start = performance.now();
  const summary = await new Executor(host, getNodeType).run(doc);
  const ms = performance.now() - start;
  const failed = Object.entries(summary.nodes).filter(([, n]) => n.status !== 'finished');
  if (failed.length > 0) throw new Error(`Nodes did not finish: ${JSON.stringify(failed)}`);

  const stages = Object.fromEntries(Object.entries(summary.nodes).map(([id, n]) => [id, n.ms]));
  return { ms, stages, correlation: summary.outputs.correlation.correlation as Correlation };
}

const ours = [];
for (let k = 0; k < repeats; k++) ours.push(await runKumiki());
const args = [join(here, 'pipeline.py'), String(repeats), vectorsFile, scoresFile];
const python = spawnSync('/usr/bin/python3', args, { encoding: 'utf8', maxBuffer: 1 << 24 });
if (python.status !== 0) throw new Error(`The Python pipeline failed: ${python.stderr}`);
const peer = JSON.parse(python.stdout);

const oursMs = median(ours.map((r) => r.ms));
const last = ours[ours.length - 1];
const format = (stages: Record<string, number>) =>
  Object.entries(stages)
    .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)} s`)
    .join(', ');
console.log(`Pairs: ${last.correlation.count} (STS-B dev), ${repeats} runs each.\n`);
console.log('| | median (s) | runs (s) | Pearson [95 % CI] | Spearman [95 % CI] |');
console.log('|---|---:|---|---|---|');
for (const [name, ms, all, c] of [
  ['Kumiki', oursMs, ours.map((r) => r.ms), last.correlation],
  ['Python (GUDHI + SciPy)', peer.ms, peer.all, peer.result]
] as const) {
  const interval = (v: number, i?: number[]) =>
    `${v.toFixed(4)} [${i?.map((x) => x.toFixed(3)).join(', ')}]`;
  const runs = all.map((x: number) => (x / 1000).toFixed(2)).join(', ');
  console.log(
    `| ${name} | ${(ms / 1000).toFixed(2)} | ${runs} | ` +
      `${interval(c.pearson, c.pearsonInterval)} | ${interval(c.spearman, c.spearmanInterval)} |`
  );
}
const ratio = oursMs / peer.ms;
console.log(
  `\nKumiki / Python: ${ratio.toFixed(3)} (Python takes ${(1 / ratio).toFixed(1)}× as long).`
);
console.log(`Kumiki per node (last run): ${format(last.stages)}.`);
console.log(`Python per stage (last run): ${format(peer.stages)}.`);

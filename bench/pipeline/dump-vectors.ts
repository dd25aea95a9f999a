/**
 * Writes the sentence vectors of every STS-B dev pair, as Kumiki's embed/sentence node computes
 * them, for bench/pipeline/run.ts: out/bench/stsb-dev-vectors.npy (float32, one row per
 * sentence, rows 2i and 2i + 1 are pair i) and out/bench/stsb-dev-scores.json. Run once from
 * the repository root (a few minutes on two cores; out/ is not committed):
 *
 *   npx tsx bench/pipeline/dump-vectors.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { VectorPairs } from '../../src/lib/graph/values';
import { runGraphFile } from '../../tests/graphs/run-graph';

/** A NumPy .npy (format 1.0) of a little-endian float32 matrix in C order. */
function npyFloat32(rows: Float32Array[], columns: number): Uint8Array {
  const shape = `(${rows.length}, ${columns})`;
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': ${shape}, }`;
  header = header.padEnd(Math.ceil((header.length + 11) / 64) * 64 - 11, ' ') + '\n';

  const bytes = new Uint8Array(10 + header.length + rows.length * columns * 4);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 255, header.length >> 8]);
  bytes.set(new TextEncoder().encode(header), 10);
  const data = new Float32Array(bytes.buffer, 10 + header.length);
  rows.forEach((row, r) => data.set(row, r * columns));
  return bytes;
}

const started = performance.now();
const summary = await runGraphFile('graphs/takens-stsb.json', {}, ['embed']);
const vectors = summary.outputs.embed.vectors as VectorPairs;
const scores = summary.outputs.stsb.scores as Float64Array;
const rows = vectors.first.flatMap((first, i) => [first, vectors.second[i]]);

mkdirSync('out/bench', { recursive: true });
writeFileSync('out/bench/stsb-dev-vectors.npy', npyFloat32(rows, vectors.dim));
writeFileSync('out/bench/stsb-dev-scores.json', JSON.stringify(Array.from(scores)));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stderr.write(
  `Wrote ${rows.length} vectors of ${vectors.dim} components in ${seconds} s.\n`
);

import type { GraphModel } from '@tensorflow/tfjs';
import type { RunContext } from '../../src/lib/graph/node-type';
import { Pacer } from '../pace';
import { embedBatch } from './embed-batch';

/**
 * The most padded tokens (rows × longest row) one encoder call may take. One call is one
 * synchronous computation that nothing can interrupt, so its size bounds how long Stop waits:
 * 128 padded tokens take about 30–60 ms on the WASM backend of a two-core machine (up to about
 * 120 ms when other work shares it), against several hundred ms for 64 STS-B sentences. A
 * single sentence longer than this goes in one call of its own; the encoder reads only its
 * first 128 tokens, so that call is no longer than a full one.
 */
export const MAX_CALL_TOKENS = 128;

/**
 * Splits rows, sorted or not, into consecutive groups whose padded size stays within `budget`
 * tokens; each group holds at least one row. Returns the end index of each group.
 */
export function chunkEnds(rows: readonly number[][], budget = MAX_CALL_TOKENS): number[] {
  const ends: number[] = [];
  let start = 0;
  let longest = 0;

  rows.forEach((row, i) => {
    const grown = Math.max(longest, row.length);
    if (i > start && (i - start + 1) * Math.max(grown, 1) > budget) {
      ends.push(i);
      start = i;
      longest = row.length;
    } else {
      longest = grown;
    }
  });

  if (rows.length > 0) ends.push(rows.length);
  return ends;
}

/**
 * Embeds `rows` in encoder calls of at most `MAX_CALL_TOKENS` padded tokens, giving the thread
 * back between calls so that a cancel reaches the run, and stopping with the signal's error
 * once it is cancelled. The vectors do not depend on how the rows are grouped (the encoder
 * treats each row alone; grouping changes them by float32 rounding only).
 */
export async function embedInChunks(
  context: Pick<RunContext, 'tf' | 'signal'>,
  model: GraphModel,
  rows: readonly number[][],
  pacer = new Pacer(context.signal)
): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  let start = 0;

  for (const end of chunkEnds(rows)) {
    await pacer.tick();
    vectors.push(...(await embedBatch(context.tf, model, rows.slice(start, end))));
    start = end;
  }

  await pacer.tick();
  return vectors;
}

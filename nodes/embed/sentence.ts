import { NodeInputError, type NodeType, type RunContext } from '../../src/lib/graph/node-type';
import type { SentencePairs, VectorPairs } from '../../src/lib/graph/values';
import { throwIfAborted, untilAborted } from './abort';
import { Pacer } from '../pace';
import { embedInChunks, MAX_CALL_TOKENS } from './encoder-chunks';
import { warmUpEncoder } from './warm-up';
import { loadUseLite, USE_LITE_DIM } from './use-lite';
import { readVector, writeVector } from './vector-cache';

const MAX_BATCH = 512;

/**
 * Sentence embeddings with the Universal Sentence Encoder lite (Cer et al. 2018): every sentence
 * of every pair becomes a unit-length 512-dim vector. Each distinct sentence is embedded once
 * and its vector kept in the persistent cache, so later runs over the same text are instant.
 */
export const sentenceEmbedNode: NodeType = {
  type: 'embed/sentence',
  version: 1,
  title: 'Sentence embeddings',
  category: 'embed',
  description:
    'Turns each sentence into a 512-dimensional vector with the Universal Sentence Encoder ' +
    'lite. Vectors are cached across runs, keyed by the sentence text.',
  inputs: { pairs: { type: 'sentence-pairs', label: 'Sentence pairs' } },
  outputs: { vectors: { type: 'vector-pairs', label: 'Vectors' } },
  params: {
    batchSize: {
      kind: 'integer',
      default: 64,
      min: 1,
      max: MAX_BATCH,
      unit: 'sentences',
      help:
        'How many sentences are embedded between progress reports and cache writes. Each ' +
        'encoder call takes at most 128 padded tokens, so Stop acts within a fraction of a second.'
    }
  },

  async run(inputs, params, context) {
    const pairs = readPairs(inputs.pairs);
    const batchSize = readBatchSize(params.batchSize);
    throwIfAborted(context.signal);

    const vectors = new Map<string, Float32Array>();
    const missing: string[] = [];
    for (const text of new Set([...pairs.first, ...pairs.second])) {
      const cached = await readVector(context.cache, text, USE_LITE_DIM);
      if (cached) vectors.set(text, cached);
      else missing.push(text);
      throwIfAborted(context.signal);
    }

    if (missing.length > 0) await embedMissing(missing, batchSize, vectors, context);
    else context.progress(1);

    const pick = (text: string) => (vectors.get(text) as Float32Array).slice();
    const output: VectorPairs = {
      dim: USE_LITE_DIM,
      first: pairs.first.map(pick),
      second: pairs.second.map(pick)
    };
    return { vectors: output };
  }
};

/** Embeds the sentences not found in the cache, batch by batch, storing each new vector. */
async function embedMissing(
  missing: string[],
  batchSize: number,
  vectors: Map<string, Float32Array>,
  context: RunContext
): Promise<void> {
  const { signal, cache } = context;
  const encoder = await untilAborted(loadUseLite(context), signal);
  const pacer = new Pacer(signal);

  // Sentences of similar length share an encoder call, so little work goes into padding.
  const rows: { text: string; ids: number[] }[] = [];
  for (const text of missing) {
    await pacer.tick();
    // The encoder reads the first MAX_CALL_TOKENS tokens only; tokenizing stops there, so a
    // sentence of many megabytes costs no more than a long ordinary one.
    rows.push({ text, ids: encoder.tokenizer.encodePrefix(text, MAX_CALL_TOKENS) });
  }
  rows.sort((a, b) => a.ids.length - b.ids.length);
  await warmUpEncoder(context, encoder.model, encoder.stages, pacer);

  for (let start = 0; start < rows.length; start += batchSize) {
    throwIfAborted(signal);

    const batch = rows.slice(start, start + batchSize);
    const ids = batch.map((row) => row.ids);
    const embedded = await embedInChunks(context, encoder.model, ids, pacer);

    for (const [i, { text }] of batch.entries()) {
      vectors.set(text, embedded[i]);
      await writeVector(cache, text, embedded[i]);
    }

    const done = start + batch.length;
    context.progress(done / rows.length, `${done} of ${rows.length} distinct sentences embedded`);
  }
}

function readPairs(value: unknown): SentencePairs {
  if (typeof value !== 'object' || value === null) {
    const message = 'Input "pairs" is missing; connect a node that gives sentence pairs.';
    throw new NodeInputError(message, 'pairs');
  }

  const record = value as Record<string, unknown>;
  const first = readSentences(record.first, 'first');
  const second = readSentences(record.second, 'second');

  if (first.length !== second.length) {
    throw new NodeInputError(
      `Input "pairs" must have as many second sentences as first ones; found ` +
        `${first.length} first and ${second.length} second.`,
      'pairs'
    );
  }

  return { first, second };
}

function readSentences(list: unknown, side: string): string[] {
  if (!Array.isArray(list)) {
    throw new NodeInputError(`Input "pairs" has no list of ${side} sentences.`, 'pairs');
  }

  const bad = list.findIndex((text) => typeof text !== 'string');
  if (bad >= 0) {
    throw new NodeInputError(
      `Input "pairs" must hold text only; ${side} sentence ${bad} is a ${typeof list[bad]}.`,
      'pairs'
    );
  }

  return list as string[];
}

function readBatchSize(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_BATCH) {
    return value;
  }

  throw new NodeInputError(
    `Param "batchSize" must be a whole number from 1 to ${MAX_BATCH}; found ${String(value)}.`,
    'batchSize'
  );
}

import { describe, expect, it } from 'vitest';
import { embedBatch } from '../../../../nodes/embed/embed-batch';
import { MAX_CALL_TOKENS } from '../../../../nodes/embed/encoder-chunks';
import { sentenceEmbedNode } from '../../../../nodes/embed/sentence';
import { loadUseLite } from '../../../../nodes/embed/use-lite';
import type { VectorPairs } from '../../../../src/lib/graph/values';
import { makeTestContext } from './context';
import { readFixture } from './fixture';

/**
 * A sentence far over the encoder's 128 tokens: the encoder reads only its first 128, so the
 * node tokenizes no further than that and still gives the vector of the whole sentence.
 */
const { embeddings } = readFixture();
const words = embeddings.map((entry) => entry.text).join(' ');

describe('the encoder on a sentence over 128 tokens', () => {
  it('reads only the first 128 tokens: cutting the ids there keeps the vector exactly', async () => {
    const context = await makeTestContext();
    const { model, tokenizer } = await loadUseLite(context);
    const ids = tokenizer.encode(`${words} ${words} ${words}`);
    expect(ids.length).toBeGreaterThan(2 * MAX_CALL_TOKENS);
    const [whole] = await embedBatch(context.tf, model, [ids]);
    const [cut] = await embedBatch(context.tf, model, [ids.slice(0, MAX_CALL_TOKENS)]);
    const [shorter] = await embedBatch(context.tf, model, [ids.slice(0, MAX_CALL_TOKENS - 1)]);
    expect(Array.from(cut)).toEqual(Array.from(whole));
    // One token fewer does change it, so the comparison above can fail.
    expect(Array.from(shorter)).not.toEqual(Array.from(whole));
  });

  it('embeds a 4 MB sentence as the vector of the same text cut to a few hundred tokens', async () => {
    const huge = Array.from({ length: Math.ceil(4e6 / words.length) }, () => words).join(' ');
    const short = `${words} ${words} ${words}`;
    const pairs = { first: [huge, short], second: [short, huge] };
    const context = await makeTestContext();
    const result = await sentenceEmbedNode.run({ pairs }, { batchSize: 64 }, context);
    const vectors = result.vectors as VectorPairs;
    expect(huge.length).toBeGreaterThan(4e6);
    expect(Array.from(vectors.first[0])).toEqual(Array.from(vectors.first[1]));
    expect(Array.from(vectors.second[1])).toEqual(Array.from(vectors.first[1]));
  });
});

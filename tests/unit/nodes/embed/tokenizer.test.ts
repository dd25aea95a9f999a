import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  normalizeText,
  UnigramTokenizer,
  type VocabEntry
} from '../../../../nodes/embed/tokenizer';
import { USE_LITE_DIR } from './context';
import { readFixture } from './fixture';

const vocabulary = JSON.parse(readFileSync(USE_LITE_DIR + 'vocab.json', 'utf8')) as VocabEntry[];
const tokenizer = new UnigramTokenizer(vocabulary);
const { tokens } = readFixture();

describe('UnigramTokenizer', () => {
  it.each(tokens)('gives the reference ids for $text', ({ text, ids }) => {
    expect(tokenizer.encode(text)).toEqual(ids);
  });

  it('covers the cases the fixture promises', () => {
    const texts = tokens.map((entry) => entry.text);

    expect(texts).toContain('');
    expect(texts.some((text) => text.length > 300)).toBe(true);
    expect(tokens.some((entry) => entry.ids.includes(0))).toBe(true);
  });

  it('normalizes with NFKC and marks the start and every space', () => {
    expect(normalizeText('\uff21\uff22 c\ufb01')).toBe('\u2581AB\u2581cfi');
    expect(normalizeText('')).toBe('');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UnigramTokenizer, type VocabEntry } from '../../../../nodes/embed/tokenizer';
import { USE_LITE_DIR } from './context';
import { readFixture } from './fixture';

/**
 * encodePrefix gives the first n ids of encode, reading the text only as far as it needs:
 * word by word, carrying the score, so the ids match the one-pass tokenizer exactly.
 */
const vocabulary = JSON.parse(readFileSync(USE_LITE_DIR + 'vocab.json', 'utf8')) as VocabEntry[];
const tokenizer = new UnigramTokenizer(vocabulary);
const { tokens } = readFixture();
const fixtureText = tokens.map((entry) => entry.text).join(' ');

/** A small seeded generator (mulberry32), so the random texts are the same on every run. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random text from letters, spaces (runs of them too), NFKC-folded and unknown symbols. */
function randomText(random: () => number, length: number): string {
  const alphabet = [
    'a',
    'e',
    'i',
    'n',
    's',
    't',
    'r',
    ' ',
    ' ',
    '  ',
    '\u00a0',
    'ﬁ',
    'Ａ',
    '☃',
    '😀',
    '\t',
    '.',
    'é',
    'e\u0301'
  ];
  let text = '';
  while (text.length < length) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}

describe('UnigramTokenizer.encodePrefix', () => {
  it.each([1, 5, 17, 128, 100_000])('matches encode for the fixture texts at %i tokens', (n) => {
    for (const { text, ids } of tokens) {
      expect(tokenizer.encodePrefix(text, n)).toEqual(ids.slice(0, n));
    }
  });

  it('matches encode on a long text of many words, cut at any length', () => {
    const text = ` ${fixtureText}  ${fixtureText} `;
    const whole = tokenizer.encode(text);
    expect(whole.length).toBeGreaterThan(300);
    for (const n of [1, 2, 63, 128, 129, 300, whole.length, whole.length + 5]) {
      expect(tokenizer.encodePrefix(text, n)).toEqual(whole.slice(0, n));
    }
  });

  it('matches encode on random texts with space runs, NFKC folds, unknowns and emoji', () => {
    const random = seeded(7);
    for (let k = 0; k < 40; k++) {
      const text = randomText(random, 50 + Math.floor(random() * 2000));
      expect(tokenizer.encodePrefix(text, 128), JSON.stringify(text)).toEqual(
        tokenizer.encode(text).slice(0, 128)
      );
    }
  });

  it('matches encode on words far longer than it reads whole', () => {
    const random = seeded(11);
    let letters = '';
    while (letters.length < 60_000)
      letters += 'abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 26)];
    const texts = [
      'abcdefghij'.repeat(6000),
      letters,
      `short words then ${letters}`,
      '😀'.repeat(30_000),
      '漢字'.repeat(30_000)
    ];
    for (const text of texts) {
      expect(tokenizer.encodePrefix(text, 128)).toEqual(tokenizer.encode(text).slice(0, 128));
    }
  });

  it('reads the whole text when a piece reaches across a space', () => {
    const toy: VocabEntry[] = [
      ...vocabulary.slice(0, 6),
      ['\u2581a', -1],
      ['\u2581a\u2581b', -0.5],
      ['\u2581b', -1],
      ['b', -2]
    ];
    const across = new UnigramTokenizer(toy);
    const text = 'a b a b a b';
    const whole = across.encode(text);
    expect(whole[0]).toBe(7); // the piece across the space is taken
    for (let n = 1; n <= whole.length; n++) {
      expect(across.encodePrefix(text, n)).toEqual(whole.slice(0, n));
    }
  });

  it('gives no ids for empty text', () => {
    expect(tokenizer.encodePrefix('', 128)).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStsb } from '../../../../nodes/data/stsb';
import { NodeInputError } from '../../../../src/lib/graph/node-type';

const fixture = JSON.parse(readFileSync('tests/fixtures/data/stsb.json', 'utf-8'));

describe('parseStsb', () => {
  for (const split of ['dev', 'train']) {
    it(`reads every ${split} pair as Python's csv module does with tabs only`, () => {
      const data = parseStsb(readFileSync(`data/stsb/${split}.tsv`, 'utf-8'), `${split}.tsv`);
      const expected = fixture[split];
      expect(data.scores.length).toBe(expected.count);
      expect(data.scores.reduce((a, b) => a + b, 0)).toBeCloseTo(expected.scoreSum, 6);
      for (const sample of expected.samples) {
        expect(data.scores[sample.index]).toBe(sample.score);
        expect(data.pairs.first[sample.index]).toBe(sample.first);
        expect(data.pairs.second[sample.index]).toBe(sample.second);
      }
    });
  }

  it('keeps quotes as part of the sentence', () => {
    const data = parseStsb('score\ts1\ts2\n1.5\t"Hello, world"\tit\'s\n', 'q.tsv');
    expect(data.pairs.first).toEqual(['"Hello, world"']);
  });

  it('stops after the limit', () => {
    const data = parseStsb(readFileSync('data/stsb/dev.tsv', 'utf-8'), 'dev.tsv', 12);
    expect(data.scores.length).toBe(12);
    expect(data.scores[0]).toBe(fixture.dev.samples[0].score);
  });

  it('names the file and line of a row with too few fields or a bad score', () => {
    expect(() => parseStsb('1\ta\tb\n2\tonly one\n', 'x.tsv')).toThrow(
      /x\.tsv, line 2: expected at least 3/
    );
    expect(() => parseStsb('high\ta\tb\n', 'y.tsv')).toThrow(NodeInputError);
    expect(() => parseStsb('high\ta\tb\n', 'y.tsv')).toThrow(/y\.tsv, line 1: the score "high"/);
    expect(() => parseStsb('\n\n', 'e.tsv')).toThrow(/e\.tsv holds no sentence pairs/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chunkEnds, MAX_CALL_TOKENS } from '../../../../nodes/embed/encoder-chunks';
import { warmUpStages } from '../../../../nodes/embed/warm-up';
import { USE_LITE_DIR } from './context';

const rowsOf = (...lengths: number[]) => lengths.map((n) => Array<number>(n).fill(7));

describe('chunkEnds', () => {
  it('closes a group before its padded size passes the budget', () => {
    // 4 rows of 30 tokens fill 120 of 128; a fifth would make 150.
    expect(chunkEnds(rowsOf(30, 30, 30, 30, 30, 30), 128)).toEqual([4, 6]);
    // Rows sorted by length: the longest row so far sets the padding.
    expect(chunkEnds(rowsOf(2, 2, 2, 40, 40), 128)).toEqual([3, 5]);
  });

  it('gives a row longer than the budget a call of its own', () => {
    expect(chunkEnds(rowsOf(5, 300, 5), 128)).toEqual([1, 2, 3]);
  });

  it('counts an empty row as one token and handles no rows', () => {
    expect(chunkEnds(rowsOf(0, 0, 0), 2)).toEqual([2, 3]);
    expect(chunkEnds([], MAX_CALL_TOKENS)).toEqual([]);
  });
});

describe('warmUpStages', () => {
  const model = JSON.parse(readFileSync(USE_LITE_DIR + 'model.json', 'utf8'));
  const nodes: { name: string; op: string; input?: string[] }[] = model.modelTopology.node;

  it('lists every MatMul, BatchMatMul and Conv2D node of USE lite once', () => {
    const stages = warmUpStages(model.modelTopology);
    const heavy = nodes.filter((node) => ['MatMul', 'BatchMatMul', 'Conv2D'].includes(node.op));

    expect(heavy.length).toBe(14);
    expect([...stages].sort()).toEqual(heavy.map((node) => node.name).sort());
  });

  it('puts no stage before a stage it reads from', () => {
    const stages = warmUpStages(model.modelTopology);
    const byName = new Map(nodes.map((node) => [node.name, node]));
    const ancestors = (name: string, found = new Set<string>()): Set<string> => {
      for (const input of byName.get(name)?.input ?? []) {
        const source = input.replace(/^\^/, '').split(':')[0];
        if (!found.has(source)) ancestors(source, found.add(source));
      }
      return found;
    };

    stages.forEach((stage, i) => {
      const before = ancestors(stage);
      stages.slice(i + 1).forEach((later) => expect(before.has(later)).toBe(false));
    });
  });

  it('gives no stages for a topology without nodes', () => {
    expect(warmUpStages({})).toEqual([]);
    expect(warmUpStages(null)).toEqual([]);
  });
});

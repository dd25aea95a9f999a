import { describe, expect, it } from 'vitest';
import { orderNodes } from '../../../../src/lib/graph/order';

const e = (from: string, to: string) => ({
  from: { node: from, output: 'o' },
  to: { node: to, input: 'i' }
});

describe('orderNodes', () => {
  it('puts every node after the nodes feeding it, ties in file order', () => {
    const { order, cycles } = orderNodes(
      ['d', 'c', 'b', 'a'],
      [e('a', 'b'), e('b', 'c'), e('a', 'd')]
    );
    expect(order).toEqual(['a', 'b', 'd', 'c']);
    expect(cycles).toEqual([]);
  });

  it('names a cycle by its nodes and leaves what depends on it unordered', () => {
    const edges = [e('a', 'b'), e('b', 'c'), e('c', 'b'), e('c', 'd'), e('x', 'y')];
    const { order, cycles } = orderNodes(['a', 'b', 'c', 'd', 'x', 'y'], edges);
    expect(order).toEqual(['a', 'x', 'y']);
    expect(cycles).toEqual([['b', 'c', 'b']]);
  });

  it('finds a self-loop', () => {
    expect(orderNodes(['a'], [e('a', 'a')]).cycles).toEqual([['a', 'a']]);
  });
});

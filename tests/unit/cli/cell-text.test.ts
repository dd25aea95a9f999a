import { describe, expect, it } from 'vitest';
import { cellText, shortNumber } from '../../../src/cli/cell-text';
import { kumiki } from './run-kumiki';

describe('sweep progress lines', () => {
  it('print whole numbers in full and others to four significant digits', () => {
    // The expected texts are what toPrecision(4) gives, written out by hand.
    expect([50, 0.123456, 1234.5678, -0.000123456, 1e21].map(shortNumber)).toEqual([
      '50',
      '0.1235',
      '1235',
      '-0.0001235',
      '1e+21'
    ]);
  });

  it('name the values the cell’s axes took before what it gave', () => {
    const sweep = {
      axes: [
        { node: 'takens', param: 'lag', values: [1, 2] },
        { node: 'takens', param: 'stride', values: [8] }
      ],
      target: { node: 'correlation', output: 'correlation' }
    };
    const finished = {
      index: 1,
      values: [2, 8],
      status: 'finished' as const,
      fields: { count: 50 }
    };
    expect(cellText(finished, sweep)).toBe('takens.lag 2, takens.stride 8 → count 50');
    const failed = { ...finished, status: 'failed' as const, fields: {}, error: 'No vectors.' };
    expect(cellText(failed, sweep)).toBe('takens.lag 2, takens.stride 8 → failed: No vectors.');
  });

  it('show up that way in a real sweep', () => {
    const result = kumiki([
      'sweep',
      'graphs/diffusion-n-sweep.json',
      '--out',
      `${process.env.TMPDIR ?? '/tmp'}/kumiki-cell-text-${process.pid}`,
      '--set',
      'data.count=200'
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/cell 1\/7: schedule\.steps 10 → /);
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import type { Samples } from '../../../../src/lib/graph/values';
import { pointsCsvNode, readPointsCsv } from '../../../../nodes/diffusion/points-csv';
import { tfContext } from '../tf-context';

describe('readPointsCsv', () => {
  it('reads 2-D points after a header, skipping blank and # lines', () => {
    const s = readPointsCsv('x,y\n1.5, -2\n\n# note\n3e-1,4\n', 'p.csv');
    expect(s).toEqual({ dim: 2, count: 2, points: Float64Array.of(1.5, -2, 0.3, 4) });
  });

  it('reads 1-D points with no header, and chosen columns of a wider file', () => {
    expect(readPointsCsv('1\n2\n-3\n', 'p.csv').points).toEqual(Float64Array.of(1, 2, -3));
    const picked = readPointsCsv('a b c\n1 2 3\n4 5 6\n', 'p.txt', [2, 0]);
    expect(picked).toEqual({ dim: 2, count: 2, points: Float64Array.of(3, 1, 6, 4) });
  });

  it('refuses NaN and Infinity, naming file, line and column', () => {
    expect(() => readPointsCsv('x,y\n1,2\n3,nan\n', 'p.csv')).toThrow(
      /^p\.csv: line 3, column 1 holds "nan", which is not finite\.$/
    );
    expect(() => readPointsCsv('1,2\n-Infinity,2\n', 'p.csv')).toThrow(/line 2, column 0/);
  });

  it('names the line and column of text that is not a number, and ragged lines', () => {
    expect(() => readPointsCsv('1,2\n3,abc\n', 'p.csv')).toThrow(
      /line 2, column 1 holds "abc", which is not a number/
    );
    expect(() => readPointsCsv('1,2\n3\n', 'p.csv')).toThrow(/line 2 has 1 columns.*have 2/);
  });

  it('refuses files with no point or more than two columns', () => {
    expect(() => readPointsCsv('x,y\n', 'p.csv')).toThrow(/holds no points/);
    expect(() => readPointsCsv('1,2,3\n', 'p.csv')).toThrow(/holds 3 columns.*"columns"/);
  });
});

describe('diffusion/points-csv', () => {
  it('reads the named file through the run context', async () => {
    const context = await tfContext(1, { 'data/m.csv': 'x\n0.5\n1.5\n' });
    const out = await pointsCsvNode.run({}, { file: 'data/m.csv' }, context);
    expect((out.samples as Samples).points).toEqual(Float64Array.of(0.5, 1.5));
  });

  it('puts errors about the file and the columns on their params', async () => {
    const context = await tfContext(1, { 'm.csv': '1,2\n' });
    await expect(pointsCsvNode.run({}, { file: 'gone.csv' }, context)).rejects.toMatchObject({
      field: 'file',
      message: expect.stringMatching(/^gone\.csv: could not be read/)
    });
    await expect(
      pointsCsvNode.run({}, { file: 'm.csv', columns: '0, 5' }, context)
    ).rejects.toMatchObject({ field: 'columns', message: expect.stringMatching(/column 5/) });
    await expect(pointsCsvNode.run({}, { file: '' }, context)).rejects.toMatchObject({
      field: 'file'
    });
  });
});

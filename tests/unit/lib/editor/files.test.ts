import { describe, expect, it } from 'vitest';
import { fileSlug, graphFileName, sweepFileName } from '../../../../src/lib/editor/files';

describe('file names from graph titles', () => {
  it('turns the example title with a colon and an en dash into a plain slug', () => {
    expect(graphFileName('Double pendulum: a Lagrange–Dirac network learns the Lagrangian')).toBe(
      'double-pendulum-a-lagrange-dirac-network-learns-the-lagrangian.kumiki.json'
    );
    expect(sweepFileName('Takens + persistence on STS-B')).toBe(
      'takens-persistence-on-sts-b.sweep.csv'
    );
  });

  it('keeps only lowercase ASCII letters, digits and single hyphens', () => {
    expect(fileSlug('  Élan vital — ÅNGSTRÖM 10/3 *draft*  ')).toBe(
      'elan-vital-angstrom-10-3-draft'
    );
    expect(fileSlug('a\\b"c<d>e|f?g')).toBe('a-b-c-d-e-f-g');
    for (const title of ['Persistence of a point cloud', 'τ → 0 «limit»', 'x'.repeat(300)]) {
      expect(fileSlug(title)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('falls back to "graph" when nothing usable is left', () => {
    expect(fileSlug('')).toBe('graph');
    expect(fileSlug('τ → ∞')).toBe('graph');
    expect(graphFileName('——')).toBe('graph.kumiki.json');
  });

  it('keeps long titles to at most 100 characters without a trailing hyphen', () => {
    const slug = fileSlug(`${'word '.repeat(40)}end`);
    expect(slug.length).toBeLessThanOrEqual(100);
    expect(slug.endsWith('-')).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagram, DiagramPairs, Plot } from '../../../../src/lib/graph/values';
import { diagramPlotNode } from '../../../../nodes/plot/diagram';
import { plotToSvg } from '../../../../src/lib/plot/svg';
import type { FixtureDiagram } from '../topology/diagram-compare';
import { fakeContext } from '../topology/fake-context';

interface PersistenceCase {
  name: string;
  diagrams: { euclidean: FixtureDiagram };
}

const fixture: { cases: PersistenceCase[] } = JSON.parse(
  readFileSync(new URL('../../../fixtures/topology/persistence.json', import.meta.url), 'utf8')
);
const gudhi = fixture.cases.find(
  (c) => c.name === 'noisy sphere with threshold 1.2 (voids that never die)'
)!.diagrams.euclidean;

/** GUDHI's diagram as a Diagram value, dimension by dimension. */
const diagramOf = (d: FixtureDiagram): Diagram => {
  const rows = Object.entries(d).flatMap(([dim, pairs]) =>
    pairs.map(([b, e]) => [Number(dim), b, e ?? Infinity] as const)
  );
  return {
    dimension: Int32Array.from(rows, (r) => r[0]),
    birth: Float64Array.from(rows, (r) => r[1]),
    death: Float64Array.from(rows, (r) => r[2])
  };
};
const diagrams: DiagramPairs = { first: [diagramOf(gudhi)], second: [] };

/** How many points GUDHI's diagram holds in dimension `dim`, finite or at infinity. */
const expectedCount = (dim: string, infinite: boolean) =>
  gudhi[dim].filter(([, death]) => (death === null) === infinite).length;

async function svgOf(params: Record<string, string | number>, input = diagrams) {
  const { plot } = (await diagramPlotNode.run({ diagrams: input }, params, fakeContext())) as {
    plot: Plot;
  };
  return { plot, svg: plotToSvg(plot) };
}

const count = (svg: string, pattern: RegExp) => (svg.match(pattern) ?? []).length;

describe('plot/diagram as a diagram', () => {
  const name = 'draws a circle per point of GUDHI’s diagram, per dimension, finite and at ∞';
  it(name, async () => {
    const { plot, svg } = await svgOf({});

    expect(plot.kind).toBe('diagram');
    for (const dim of Object.keys(gudhi)) {
      const finite = count(svg, new RegExp(`<circle class="point dim-${dim}" `, 'g'));
      const infinite = count(svg, new RegExp(`<circle class="point dim-${dim} infinite" `, 'g'));
      expect(finite, `finite points in dimension ${dim}`).toBe(expectedCount(dim, false));
      expect(infinite, `points at infinity in dimension ${dim}`).toBe(expectedCount(dim, true));
    }
    expect(expectedCount('2', true)).toBeGreaterThan(0);
  });

  it('draws the diagonal, the ∞ line, and finite points on or above the diagonal', async () => {
    const { svg } = await svgOf({});

    const diagonal =
      /<line class="diagonal" x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"/.exec(svg)!;
    const infinity = /<line class="infinity" x1="[\d.]+" y1="([\d.]+)"/.exec(svg)!;
    expect(count(svg, /class="diagonal"/g)).toBe(1);
    expect(svg).toContain('>∞</text>');

    const [x1, y1, x2, y2] = diagonal.slice(1).map(Number);
    const circles = [
      ...svg.matchAll(/<circle class="point dim-\d( infinite)?" cx="([\d.]+)" cy="([\d.]+)"/g)
    ];
    for (const [, infinite, cx, cy] of circles) {
      if (infinite) expect(Number(cy)).toBeCloseTo(Number(infinity[1]), 0);
      else {
        const diagonalY = y1 + ((Number(cx) - x1) / (x2 - x1)) * (y2 - y1);
        expect(Number(cy)).toBeLessThanOrEqual(diagonalY + 0.1);
      }
    }
  });

  it('gives a legend entry with the count of each dimension', async () => {
    const { svg } = await svgOf({});

    for (const dim of Object.keys(gudhi)) {
      expect(svg).toContain(`>H${dim} (${gudhi[dim].length})</text>`);
    }
  });

  it('escapes the title and keeps it as text', async () => {
    const { svg } = await svgOf({ title: '<script>alert("x")</script> & more' });

    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; more');
  });

  it('draws an empty diagram with its diagonal and says it has no points', async () => {
    const empty: Diagram = {
      dimension: new Int32Array(0),
      birth: new Float64Array(0),
      death: new Float64Array(0)
    };

    const { svg } = await svgOf({}, { first: [empty], second: [] });

    expect(count(svg, /<circle/g)).toBe(0);
    expect(count(svg, /class="diagonal"/g)).toBe(1);
    expect(svg).toContain('>no points</text>');
  });
});

describe('plot/diagram as a barcode', () => {
  it('draws a bar per point of GUDHI’s diagram, per dimension, finite and endless', async () => {
    const { plot, svg } = await svgOf({ style: 'barcode' });

    expect(plot.kind).toBe('barcode');
    for (const dim of Object.keys(gudhi)) {
      const finite = count(svg, new RegExp(`<line class="bar dim-${dim}" `, 'g'));
      const infinite = count(svg, new RegExp(`<line class="bar dim-${dim} infinite" `, 'g'));
      expect(finite, `finite bars in dimension ${dim}`).toBe(expectedCount(dim, false));
      expect(infinite, `infinite bars in dimension ${dim}`).toBe(expectedCount(dim, true));
    }
  });

  it('orders the bars by dimension from the top', async () => {
    const { svg } = await svgOf({ style: 'barcode' });

    const dims = [...svg.matchAll(/<line class="bar dim-(\d)/g)].map((m) => Number(m[1]));
    expect(dims).toEqual([...dims].sort((a, b) => a - b));
  });
});

describe('plot/diagram params', () => {
  it('picks the diagram by list and index and names it in the default title', async () => {
    const other = diagramOf({ '0': [[0, 1]] });
    const pairs = { first: [other, other], second: [other, diagrams.first[0]] };

    const { plot, svg } = await svgOf({ which: 'second', index: 1 }, pairs);

    expect(plot.title).toBe('Persistence diagram (second 1)');
    expect(count(svg, /<circle/g)).toBe(diagrams.first[0].birth.length);
  });

  it('refuses an index past the end, naming the param and the count', async () => {
    const run = svgOf({ index: 3 });

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'index' });
    await expect(run).rejects.toThrow(/below the number of first diagrams, 1; found 3/);
  });

  it('says the diagrams are not paired when asked for a second one of unpaired ones', async () => {
    const run = svgOf({ which: 'second' });

    await expect(run).rejects.toMatchObject({ name: 'NodeInputError', field: 'which' });
    await expect(run).rejects.toThrow(/not paired: choose "first"/);
  });
});

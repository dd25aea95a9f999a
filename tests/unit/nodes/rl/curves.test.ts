import { describe, expect, it } from 'vitest';
import type { LineSeries, LinesPlot } from '../../../../src/lib/graph/values';
import { plotToSvg } from '../../../../src/lib/plot/svg';
import { clippedRange } from '../../../../nodes/rl/curves';

const series = (name: string, mean: number[]): LineSeries => ({
  name,
  x: Float64Array.from(mean, (_, i) => i + 1),
  mean: Float64Array.from(mean),
  lower: Float64Array.from(mean, (v) => v - 1),
  upper: Float64Array.from(mean, (v) => v + 1)
});

/** The legend box and every drawn point of lines and bands, read back from the SVG. */
function layout(svg: string) {
  const legend = svg.match(
    /<rect class="legend" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/
  );
  const points = [
    ...svg.matchAll(/<(?:polyline|polygon) class="(?:line|band)[^"]*" points="([^"]*)"/g)
  ]
    .flatMap((m) => m[1].split(' '))
    .map((p) => p.split(',').map(Number));
  return { legend: legend?.slice(1).map(Number), points };
}

describe('the learning-curve plot', () => {
  it('clips the y range to the 5th–95th percentile of the mean points, as NumPy computes it', () => {
    // Two early outliers and 1..98: np.percentile gives 3.95 and 93.05; widened by 5% of the
    // span (4.455) on each side, and not past the data.
    const values = [-2000, -1500, ...Array.from({ length: 98 }, (_, i) => i + 1)];
    const [lo, hi] = clippedRange([series('a', values)], 5);
    expect(lo).toBeCloseTo(3.95 - 4.455, 10);
    expect(hi).toBeCloseTo(93.05 + 4.455, 10);
  });

  it('puts the legend in a corner where it covers no line or band', () => {
    // Curves rising from bottom left to top right leave the top-left corner free.
    const rising = Array.from({ length: 200 }, (_, i) => i);
    const plot: LinesPlot = {
      kind: 'lines',
      title: 't',
      xLabel: 'x',
      yLabel: 'y',
      series: [
        series('sarsa', rising),
        series(
          'q-learning',
          rising.map((v) => v - 5)
        )
      ]
    };
    const { legend, points } = layout(plotToSvg(plot));
    expect(legend).toBeDefined();
    const [x, y, w, h] = legend!;
    const covered = points.filter(([px, py]) => px >= x && px <= x + w && py >= y && py <= y + h);
    expect(covered).toEqual([]);
  });

  it('puts the legend above the frame when every corner holds data', () => {
    // A zigzag over the whole y range shown touches all four corners.
    const zigzag = Array.from({ length: 200 }, (_, i) => (i % 2 ? 100 : 0));
    const plot: LinesPlot = {
      kind: 'lines',
      title: 't',
      xLabel: 'x',
      yLabel: 'y',
      yRange: [0, 100],
      series: [series('a', zigzag)]
    };
    const svg = plotToSvg(plot);
    expect(svg).not.toContain('class="legend"');
    const frameTop = Number(svg.match(/<rect x="64" y="([\d.]+)"[^>]*fill="none"/)![1]);
    const legendLine = svg.match(/stroke="#2563eb" stroke-width="3"/);
    expect(legendLine).not.toBeNull();
    const y = Number(
      svg.match(/<line x1="[\d.]+" y1="([\d.]+)"[^>]*stroke="#2563eb" stroke-width="3"/)![1]
    );
    expect(y).toBeLessThan(frameTop);
  });

  it('shows a fixed y range and clips what lies outside at the frame', () => {
    const plot: LinesPlot = {
      kind: 'lines',
      title: 't',
      xLabel: 'x',
      yLabel: 'y',
      yRange: [-100, 0],
      series: [series('a', [-2000, -50, -25])]
    };
    const svg = plotToSvg(plot);
    expect(svg).toMatch(/<g clip-path="url\(#lines-clip-[\d.-]+\)"><polygon class="band series-0"/);
    expect(svg).toContain('>-100</text>');
    expect(svg).not.toContain('>-2000</text>');
  });
});

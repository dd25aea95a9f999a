import { describe, expect, it } from 'vitest';
import type { LinesPlot } from '../../src/lib/graph/values';
import { plotToSvg } from '../../src/lib/plot/svg';
import { checkRlGraph } from '../unit/nodes/rl/graph-check';

describe('graphs/rl-cliff-walking.json', () => {
  const name =
    'gives SARSA’s and Q-learning’s returns and start-state Q-values ' +
    'of the NumPy reference and draws them';
  it(
    name,
    async () => {
      const summary = await checkRlGraph('rl-cliff-walking', {
        sarsa: 'sarsa',
        qlearning: 'q-learning',
        expected: 'expected-sarsa'
      });
      // Figure 6.4's y range: the plateaus near −25 and −50 stand apart, and the legend sits
      // in a corner free of curves.
      const plot = summary.outputs.returns.plot as LinesPlot;
      expect(plot.yRange).toEqual([-100, 0]);
      expect(plotToSvg(plot)).toContain('class="legend"');
    },
    60_000
  );
});

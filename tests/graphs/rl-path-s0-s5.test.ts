import { describe, expect, it } from 'vitest';
import type { Plot, RlRuns } from '../../src/lib/graph/values';
import { plotToSvg } from '../../src/lib/plot/svg';
import { checkRlGraph } from '../unit/nodes/rl/graph-check';

describe('graphs/rl-path-s0-s5.json', () => {
  const name =
    'gives SARSA’s, Q-learning’s and the hybrid’s returns and start-state Q-values ' +
    'of the NumPy reference and draws them';
  it(
    name,
    async () => {
      const summary = await checkRlGraph('rl-path-s0-s5', {
        sarsa: 'sarsa',
        qlearning: 'q-learning',
        hybrid: 'hybrid'
      });

      // The exact-reward copy runs the same agents on variance 0 for the side-by-side curves.
      for (const id of ['graphLow', 'sarsaLow', 'qlearningLow', 'hybridLow', 'startqLow']) {
        expect(summary.nodes[id].status, id).toBe('finished');
      }
      const low = summary.outputs.sarsaLow.runs as RlRuns;
      expect(low.environment.rewardVariance).toBe(0);
      const curves = plotToSvg(summary.outputs.startqLow.plot as Plot);
      expect(curves.match(/class="band series-\d"/g)).toHaveLength(3);
    },
    60_000
  );
});

import { describe, it } from 'vitest';
import { checkRlGraph } from '../unit/nodes/rl/graph-check';

describe('graphs/rl-path-s0-s5.json', () => {
  it('gives SARSA’s, Q-learning’s and the hybrid’s returns and start-state Q-values of the NumPy reference and draws them', async () => {
    await checkRlGraph('rl-path-s0-s5', {
      sarsa: 'sarsa',
      qlearning: 'q-learning',
      hybrid: 'hybrid'
    });
  }, 60_000);
});

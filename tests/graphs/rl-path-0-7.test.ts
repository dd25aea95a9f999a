import { describe, it } from 'vitest';
import { checkRlGraph } from '../unit/nodes/rl/graph-check';

describe('graphs/rl-path-0-7.json', () => {
  const name =
    'gives SARSA’s, Q-learning’s and the hybrid’s returns and start-state Q-values ' +
    'of the NumPy reference and draws them';
  it(
    name,
    async () => {
      await checkRlGraph('rl-path-0-7', {
        sarsa: 'sarsa',
        qlearning: 'q-learning',
        hybrid: 'hybrid'
      });
    },
    60_000
  );
});

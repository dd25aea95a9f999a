import { describe, it } from 'vitest';
import { checkRlGraph } from '../unit/nodes/rl/graph-check';

describe('graphs/rl-cliff-walking.json', () => {
  const name =
    'gives SARSA’s and Q-learning’s returns and start-state Q-values ' +
    'of the NumPy reference and draws them';
  it(
    name,
    async () => {
      await checkRlGraph('rl-cliff-walking', {
        sarsa: 'sarsa',
        qlearning: 'q-learning',
        expected: 'expected-sarsa'
      });
    },
    60_000
  );
});

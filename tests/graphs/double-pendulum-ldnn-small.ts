/**
 * Settings small enough for the test suite (seconds, not minutes) for the two
 * double-pendulum-ldnn graph files: 3 short trajectories and a few hundred steps.
 */
export const SMALL = {
  data: { trajectories: 3, steps: 100 },
  'held-out': { trajectories: 1, steps: 100 },
  ldnn: { hiddenWidth: 32, steps: 500, batch: 128, learningRate: 0.003 },
  baseline: { hiddenWidth: 32, steps: 500, batch: 128, learningRate: 0.003 },
  rollout: { trajectories: 1 }
};

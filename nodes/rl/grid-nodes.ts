import type { NodeType, NumberParam, Params } from '../../src/lib/graph/node-type';
import { readNumberParam } from '../topology/params';
import {
  environmentPicture,
  maxStepsParam,
  readDynamics,
  REWARD_VARIANCE,
  SLIP
} from './env-params';
import { buildGrid, type GridDefinition } from './grid';

const OUTPUTS: NodeType['outputs'] = {
  environment: { type: 'environment', label: 'environment' },
  picture: { type: 'plot', label: 'picture' }
};
const GRID_MAX_STEPS = maxStepsParam(1000);
/** The default gridworld: a small maze of walls between the start and the goal. */
export const GRIDWORLD_ROWS = ['S..#....', '...#.##.', '.#...#..', '.#.#...G'].join('\n');
const GOAL_REWARD: NumberParam = {
  kind: 'number',
  default: 0,
  min: -1e6,
  max: 1e6,
  help: 'Reward added to the step reward on reaching a goal.'
};
const DYNAMICS = { rewardVariance: REWARD_VARIANCE, slip: SLIP, maxSteps: GRID_MAX_STEPS };

/** Sutton & Barto's cliff (Example 6.6): 4 × 12, start bottom left, goal bottom right. */
export const CLIFF_ROWS = ['............', '............', '............', 'SCCCCCCCCCCG'];

/** Sutton & Barto's windy gridworld (Example 6.5): 7 × 10 with the wind of each column. */
export const WINDY_ROWS = [
  '..........',
  '..........',
  '..........',
  'S......G..',
  '..........',
  '..........',
  '..........'
];
export const WINDY_WIND = [0, 0, 0, 1, 1, 1, 2, 2, 1, 0];

function grid(name: string, rows: string[], params: Params, extra: Partial<GridDefinition>) {
  const def: GridDefinition = {
    kind: 'grid',
    name,
    rows,
    stepReward: -1,
    cliffReward: -100,
    goalReward: 0,
    ...extra,
    ...readDynamics(params, GRID_MAX_STEPS)
  };
  const environment = buildGrid(def, extra.rows ? 'rows' : 'maxSteps');
  return { environment, picture: environmentPicture(environment) };
}

/**
 * Node `rl/gridworld`: a grid typed as text rows (`.` open, `#` wall, `C` cliff, `S` start, `G`
 * goal), four moves, −1 per step and a chosen reward for reaching the goal.
 */
export const gridworldNode: NodeType = {
  type: 'rl/gridworld',
  version: 1,
  title: 'Gridworld',
  category: 'reinforcement learning',
  description:
    'A grid with walls typed as text rows; the agent moves up, right, down or left for −1 a ' +
    'step until it reaches a goal.',
  inputs: {},
  outputs: OUTPUTS,
  params: {
    rows: {
      kind: 'text',
      default: GRIDWORLD_ROWS,
      help: 'One line per row: . open, # wall, C cliff, S start (one), G goal.'
    },
    goalReward: GOAL_REWARD,
    ...DYNAMICS
  },
  async run(_inputs, params) {
    const rows = String(params.rows ?? GRIDWORLD_ROWS)
      .split('\n')
      .map((r) => r.trim())
      .filter(Boolean);
    const goalReward = readNumberParam(params, 'goalReward', GOAL_REWARD);
    return grid('Gridworld', rows, params, { rows, goalReward });
  }
};

/**
 * Node `rl/cliff-walking`: Sutton & Barto's Example 6.6, a 4 × 12 grid whose bottom row between
 * start and goal is a cliff: stepping on it costs −100 and sends the agent back to the start.
 */
export const cliffWalkingNode: NodeType = {
  type: 'rl/cliff-walking',
  version: 1,
  title: 'Cliff walking',
  category: 'reinforcement learning',
  description:
    'Sutton & Barto’s cliff walking (Example 6.6): 4 × 12 cells, −1 a step, ' +
    '−100 and back to the start for stepping off the cliff.',
  inputs: {},
  outputs: OUTPUTS,
  params: DYNAMICS,
  async run(_inputs, params) {
    return grid('Cliff walking', CLIFF_ROWS, params, {});
  }
};

/**
 * Node `rl/windy-gridworld`: Sutton & Barto's Example 6.5, a 7 × 10 grid where a wind pushes the
 * agent up by 0, 1 or 2 cells depending on the column it leaves; −1 a step.
 */
export const windyGridworldNode: NodeType = {
  type: 'rl/windy-gridworld',
  version: 1,
  title: 'Windy gridworld',
  category: 'reinforcement learning',
  description:
    'Sutton & Barto’s windy gridworld (Example 6.5): 7 × 10 cells with an upward wind in the ' +
    'middle columns, −1 a step.',
  inputs: {},
  outputs: OUTPUTS,
  params: DYNAMICS,
  async run(_inputs, params) {
    return grid('Windy gridworld', WINDY_ROWS, params, { wind: WINDY_WIND });
  }
};

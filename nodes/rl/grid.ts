import { NodeInputError } from '../../src/lib/graph/node-type';
import type { Environment } from '../../src/lib/graph/values';
import { checkEnvironment, checkEnvironmentSize } from './environment';

/** Grid moves in action order: up, right, down, left, as (row, column) steps. */
export const GRID_ACTIONS = ['up', 'right', 'down', 'left'] as const;
const DR = [-1, 0, 1, 0];
const DC = [0, 1, 0, -1];

/**
 * A grid environment's JSON definition. `rows` are text rows of equal length: `.` open, `#`
 * wall, `C` cliff, `S` start (one), `G` goal (one or more). `wind[c]` pushes the agent up by
 * that many cells when it leaves column c (Sutton & Barto, Example 6.5).
 */
export interface GridDefinition {
  kind: 'grid';
  name: string;
  rows: string[];
  wind?: number[];
  /** Reward of every step that does not fall off a cliff. */
  stepReward: number;
  /** Reward of stepping onto a cliff cell, which also sends the agent back to the start. */
  cliffReward: number;
  /** Extra reward for reaching a goal, added to the step reward. */
  goalReward: number;
  rewardVariance: number;
  slip: number;
  maxSteps: number;
}

/**
 * Builds a grid world: one state per cell that is not a wall, four actions everywhere. A move
 * is pushed up by the wind of the column left, clamped to the grid; a move into a wall leaves
 * the agent in place; a move onto a cliff gives `cliffReward` and returns it to the start
 * (Sutton & Barto, Example 6.6). Checks the definition and throws a NodeInputError naming
 * `field` when it is malformed or the goal cannot be reached.
 */
export function buildGrid(def: GridDefinition, field: string): Environment {
  const height = def.rows.length;
  const width = height ? def.rows[0].length : 0;
  const fail = (message: string): never => {
    throw new NodeInputError(`${def.name}: ${message}`, field);
  };
  if (height === 0 || width === 0) fail('the grid has no rows; give at least one row of cells.');
  checkEnvironmentSize(def.name, height * width, height * width * 4, field);
  def.rows.forEach((row, r) => {
    if (row.length !== width) fail(`row ${r} has ${row.length} cells, but row 0 has ${width}.`);
    const bad = row.search(/[^.#CSG]/);
    if (bad >= 0) fail(`row ${r} holds "${row[bad]}" at column ${bad}; use only . # C S G.`);
  });
  const wind = def.wind ?? [];
  if (wind.length && (wind.length !== width || !wind.every(Number.isInteger))) {
    fail(`the wind must give one whole number per column (${width}); found ${wind.join(' ')}.`);
  }

  const cells = new Uint8Array(height * width);
  const state = new Int32Array(height * width).fill(-1);
  const names: string[] = [];
  const goals: number[] = [];
  let start = -1;
  for (let k = 0; k < cells.length; k++) {
    const ch = def.rows[Math.floor(k / width)][k % width];
    cells[k] = ch === '#' ? 1 : ch === 'C' ? 2 : 0;
    if (ch === '#') continue;
    state[k] = names.length;
    if (ch === 'S') start = start < 0 ? names.length : fail('the grid has more than one start S.');
    if (ch === 'G') goals.push(names.length);
    names.push(`(${Math.floor(k / width)}, ${k % width})`);
  }
  if (start < 0) fail('the grid has no start; mark one cell S.');
  if (goals.length === 0) fail('the grid has no goal; mark at least one cell G.');

  const n = names.length;
  const next = new Int32Array(n * 4);
  const reward = new Float64Array(n * 4);
  const terminal = new Uint8Array(n);
  for (const g of goals) terminal[g] = 1;
  for (let k = 0; k < cells.length; k++) {
    const s = state[k];
    if (s < 0) continue;
    const r = Math.floor(k / width);
    const c = k % width;
    for (let a = 0; a < 4; a++) {
      const r2 = Math.min(height - 1, Math.max(0, r + DR[a] - (wind[c] ?? 0)));
      const c2 = Math.min(width - 1, Math.max(0, c + DC[a]));
      const target = cells[r2 * width + c2] === 1 ? k : r2 * width + c2;
      const cliff = cells[target] === 2;
      next[s * 4 + a] = cliff ? start : state[target];
      reward[s * 4 + a] = cliff
        ? def.cliffReward
        : def.stepReward + (terminal[state[target]] ? def.goalReward : 0);
    }
  }

  const env: Environment = {
    name: def.name,
    stateCount: n,
    actionCount: 4,
    stateNames: names,
    actionsIn: new Int32Array(n).fill(4),
    next,
    reward,
    rewardVariance: def.rewardVariance,
    slip: def.slip,
    start,
    terminal,
    maxSteps: def.maxSteps,
    layout: { kind: 'grid', rows: height, cols: width, cells, state },
    definition: { ...def }
  };
  if (wind.length && env.layout.kind === 'grid') env.layout.wind = Int32Array.from(wind);
  checkEnvironment(env, field);
  return env;
}

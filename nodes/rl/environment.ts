import { NodeInputError } from '../../src/lib/graph/node-type';
import type { Environment } from '../../src/lib/graph/values';

/**
 * The most states an environment may have. Every learner keeps a Q-table per seed and the
 * pictures draw every state: a 3000 × 3000 grid filled 1.4 GB before failing, and a
 * 100 000-state chain gave a 75 MB greedy-path picture. 10 000 states (a 100 × 100 grid) is
 * already far more than tabular TD learns in a few thousand episodes.
 */
export const MAX_STATES = 10_000;
/** The most transitions (states × actions) an environment may have, for the same reason. */
export const MAX_TRANSITIONS = 200_000;
/** The longest episode, the same bound as the `maxSteps` params of the nodes. */
export const MAX_EPISODE_STEPS = 1_000_000;

/** Refuses an environment larger than the bounds above before its tables are built. */
export function checkEnvironmentSize(
  name: string,
  states: number,
  transitions: number,
  field: string
): void {
  if (states > MAX_STATES || transitions > MAX_TRANSITIONS) {
    throw new NodeInputError(
      `${name}: ${states.toLocaleString('en')} states and ${transitions.toLocaleString('en')} ` +
        `transitions; at most ${MAX_STATES.toLocaleString('en')} states and ` +
        `${MAX_TRANSITIONS.toLocaleString('en')} transitions are supported. Use a smaller ` +
        'environment.',
      field
    );
  }
}

/**
 * The states reachable from `from` by any action, as a 0/1 mask; terminal states are reached
 * but not left. A breadth-first search over the transition table.
 */
export function reachableStates(env: Environment, from = env.start): Uint8Array {
  const seen = new Uint8Array(env.stateCount);
  // A typed queue read by index: shift() on a plain array is linear, quadratic on big graphs.
  const queue = new Int32Array(env.stateCount);
  let head = 0;
  let tail = 0;
  queue[tail++] = from;
  seen[from] = 1;

  while (head < tail) {
    const s = queue[head++];
    if (env.terminal[s]) continue;
    for (let a = 0; a < env.actionsIn[s]; a++) {
      const t = env.next[s * env.actionCount + a];
      if (!seen[t]) {
        seen[t] = 1;
        queue[tail++] = t;
      }
    }
  }
  return seen;
}

/**
 * Checks that an agent can act in the environment: a start that is not a goal, at least one
 * goal reachable from the start, every reachable state that is not a goal offering an action,
 * consistent tables, and sane noise, slip and step limit. Throws a NodeInputError naming the
 * `field` (the param or input the environment came from) otherwise.
 */
export function checkEnvironment(env: Environment, field: string): void {
  const fail = (message: string) => {
    throw new NodeInputError(`${env.name}: ${message}`, field);
  };
  const { stateCount: n, actionCount: m } = env;
  if (!(n >= 1) || !(m >= 1) || env.next.length !== n * m || env.reward.length !== n * m) {
    fail(`the tables must hold ${n} states × ${m} actions; found ${env.next.length} entries.`);
  }
  if (env.start < 0 || env.start >= n) fail(`the start state ${env.start} does not exist.`);
  if (env.terminal[env.start]) {
    fail(`the start "${env.stateNames[env.start]}" is also a goal; choose a different start.`);
  }
  if (!(env.rewardVariance >= 0) || !Number.isFinite(env.rewardVariance)) {
    fail(`the reward variance must be a finite number ≥ 0; found ${env.rewardVariance}.`);
  }
  const own = env.rewardVariances;
  if (own && (own.length !== n * m || !own.every((v) => v >= 0 && Number.isFinite(v)))) {
    fail(`every action's reward variance must be a finite number ≥ 0 (${n * m} of them).`);
  }
  if (!(env.slip >= 0 && env.slip <= 1)) {
    fail(`the slip probability must be between 0 and 1; found ${env.slip}.`);
  }
  if (!Number.isInteger(env.maxSteps) || env.maxSteps < 1 || env.maxSteps > MAX_EPISODE_STEPS) {
    fail(
      `the step limit must be a whole number from 1 to ${MAX_EPISODE_STEPS.toLocaleString('en')}` +
        `; found ${env.maxSteps}.`
    );
  }

  for (let k = 0; k < n * m; k++) {
    const bad = env.next[k] < 0 || env.next[k] >= n || !Number.isFinite(env.reward[k]);
    if (bad && k % m < env.actionsIn[Math.floor(k / m)]) {
      fail(`action ${k % m} of "${env.stateNames[Math.floor(k / m)]}" is malformed.`);
    }
  }

  const seen = reachableStates(env);
  let goalReached = false;
  for (let s = 0; s < n; s++) {
    if (!seen[s]) continue;
    if (env.terminal[s]) goalReached = true;
    else if (env.actionsIn[s] === 0) {
      fail(
        `state "${env.stateNames[s]}" is reachable from the start but offers no action, so an ` +
          'agent cannot act there. Give it an edge out or make it a goal.'
      );
    }
  }
  if (!goalReached) {
    fail(
      `there is no path from the start "${env.stateNames[env.start]}" to any goal. Add edges ` +
        'or remove walls so that a goal can be reached.'
    );
  }
}

/** The state indices whose `terminal` flag is set. */
export function goalStates(env: Environment): number[] {
  const goals: number[] = [];
  for (let s = 0; s < env.stateCount; s++) if (env.terminal[s]) goals.push(s);
  return goals;
}
